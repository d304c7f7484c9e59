"""Comparing stored runs: what differs between them, the runs table, and a run's metrics as a table.

Pure functions over ``RunRecord``s, shared by the Runs page and the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

import pandas as pd

from textlab.data.samples import SAMPLES, load_sample
from textlab.i18n import TEXTS, option_label, plural, t
from textlab.i18n.numbers import MISSING, format_decimal, format_moment, format_percent
from textlab.runs.store import RunRecord
from textlab.train.config import FIELDS, TrainConfig
from textlab.train.events import EpochEnd, Step

DATA = "data"  # a pseudo-setting: the dataset's fingerprint
LEGEND_SETTINGS = 2  # a legend entry names at most this many differing settings; the caption names all


def display_name(record: RunRecord, lang: str) -> str:
    return record.name or t("runs.default_name", lang, run_id=record.run_id)


def data_text(record: RunRecord, lang: str) -> str:
    """The run's data by name and size: "Avaliações com nota de 1 a 5 (40 textos)", "textos colados (3 textos)"."""
    size = plural("count.texts", record.dataset_size, lang)
    kind, _, name = record.data_source.partition(":")
    if kind == "sample" and name in SAMPLES:
        source = t(SAMPLES[name].title_key, lang)
    elif kind == "file" and name:
        source = name
    elif kind == "pasted":
        source = t("runs.data_pasted", lang)
    else:  # stored before textlab kept the source
        return size
    return f"{source} ({size})"


@cache
def _notebook_fingerprint() -> str:
    return load_sample("notebook").fingerprint()


def _setting(record: RunRecord, name: str) -> Any:
    return record.dataset_fingerprint if name == DATA else record.config.value(name)


def _setting_text(record: RunRecord, name: str, lang: str) -> str:
    if name == DATA:
        return f"{data_text(record, lang)} {record.dataset_fingerprint[:6]}"
    return option_label(name, record.config.value(name), lang)


# Between settings: a comma would also be Portuguese's decimal mark ("taxa 0,1, épocas 30").
SETTINGS_SEPARATOR = "; "


def differing_settings(records: Sequence[RunRecord]) -> list[str]:
    """Settings (and "data") whose values are not the same in every run, in TrainConfig order."""
    names = [*FIELDS, DATA]
    return [name for name in names if len({repr(_setting(record, name)) for record in records}) > 1]


def legend_labels(records: Sequence[RunRecord], lang: str) -> list[str]:
    """Per run, short enough for a legend: its number and the first settings that differ, "#7 taxa 0,002; épocas 4"."""
    shown = [name for name in differing_settings(records) if name != DATA][:LEGEND_SETTINGS]
    labels = []
    for record in records:
        parts = [f"{t(f'runs.short.{name}', lang)} {_setting_text(record, name, lang)}" for name in shown]
        labels.append(" ".join([f"#{record.run_id}", SETTINGS_SEPARATOR.join(parts)]) if parts
                      else f"#{record.run_id} {display_name(record, lang)}")
    return labels


def differences_summary(records: Sequence[RunRecord], lang: str) -> str:
    """What differs across the runs, e.g. "taxa 0,1 vs 0,01; agregação média sem PAD vs …"; "" when nothing."""
    separator, parts = f" {t('runs.vs', lang)} ", []
    for name in differing_settings(records):
        values = dict.fromkeys(f"#{record.run_id} {_setting_text(record, name, lang)}" if name == DATA
                               else _setting_text(record, name, lang) for record in records)
        parts.append(f"{t(f'runs.short.{name}', lang)} {separator.join(values)}")
    return "; ".join(parts)


def changed_settings_text(record: RunRecord, lang: str) -> str:
    """The settings that differ from the notebook's, e.g. "taxa 0,1; agregação média sem PAD"."""
    changed = record.config.differences(TrainConfig())
    if not changed:
        on_notebook_data = record.dataset_fingerprint == _notebook_fingerprint()
        return t("runs.notebook_settings" if on_notebook_data else "runs.notebook_settings_other_data", lang)
    return SETTINGS_SEPARATOR.join(f"{t(f'runs.short.{name}', lang)} {option_label(name, ours, lang)}"
                     for name, (ours, _) in changed.items())


def end_reason(record: RunRecord, lang: str) -> str:
    """Why the run ended, in words: "parada antecipada", "interrompida pelo usuário"; "—" while it runs."""
    key = f"runs.reason.{record.reason}"
    return t(key, lang) if record.reason and key in TEXTS else MISSING


def ended_text(record: RunRecord, lang: str) -> str:
    """How the run ended in a few words, for a table cell ("parada antecipada"); ``end_reason`` says it in full."""
    key = f"runs.ended.{record.reason}"
    return t(key if record.reason and key in TEXTS else f"runs.ended.{record.status}", lang)


def _final_metric(final: EpochEnd | None, lang: str) -> str:
    if final is None:
        return MISSING
    if "accuracy" in final.metrics:
        return format_percent(final.metrics["accuracy"], lang)
    return format_decimal(final.metrics.get("mae"), lang, 4)


def runs_table(records: Sequence[RunRecord], lang: str) -> pd.DataFrame:
    """One row per run, every value as the language writes it ("—" where there is none)."""
    rows = []
    for record in records:
        final = record.final
        rows.append({
            "id": record.run_id,
            "name": display_name(record, lang),
            "status": t(f"runs.status.{record.status}", lang),
            "reason": ended_text(record, lang),
            "started": datetime.fromtimestamp(record.started_at).replace(microsecond=0),
            "epochs": record.epochs_run,
            "train_loss": format_decimal(final.train_loss if final else None, lang, 4),
            "val_loss": format_decimal(final.val_loss if final else None, lang, 4),
            "metric": _final_metric(final, lang),
            "seconds_per_epoch": format_decimal(record.seconds_per_epoch, lang, 3),
            "data": data_text(record, lang),
            "vocab": format_decimal(record.vocab_size, lang, 0),
            "labels": option_label("label_mode", record.label_mode or record.config.run.label_mode, lang),
            "device": option_label("device", record.device, lang) if record.device else MISSING,
            "settings": changed_settings_text(record, lang),
            "notes": record.notes,
        })
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.rename(columns={column: t(f"runs.col.{column}", lang) for column in COLUMNS})


# What tells runs apart first; when and where they ran last.
COLUMNS = ("id", "name", "status", "reason", "train_loss", "val_loss", "metric", "settings", "data", "epochs", "vocab",
           "labels", "seconds_per_epoch", "device", "started", "notes")
# The few that fit a projected 1280 px page; the rest stay one click away and in full under the run's details.
OVERVIEW_COLUMNS = ("id", "name", "reason", "train_loss", "val_loss", "metric", "data", "settings")


def overview_columns(records: Sequence[RunRecord]) -> list[str]:
    """The overview's columns for these runs, leaving out those with nothing to show (no run named, no validation)."""
    empty = {"name": not any(record.name for record in records),
             "val_loss": not any(record.final and record.final.val_loss is not None for record in records),
             "metric": all(_final_metric(record.final, "en") == MISSING for record in records)}
    return [column for column in OVERVIEW_COLUMNS if not empty.get(column, False)]


def run_details(record: RunRecord, lang: str) -> list[tuple[str, str]]:
    """The table's columns that the overview leaves out, as (label, value): "Épocas", "6"."""
    (row,) = runs_table([record], lang).to_dict("records")
    row[t("runs.col.started", lang)] = format_moment(row[t("runs.col.started", lang)], lang)
    return [(label, str(row[label])) for label in (t(f"runs.col.{column}", lang) for column in DETAIL_COLUMNS)]


DETAIL_COLUMNS = ("epochs", "vocab", "labels", "seconds_per_epoch", "device", "started")


def filter_runs(records: Sequence[RunRecord], text: str, statuses: Sequence[str], lang: str) -> list[RunRecord]:
    """Runs whose status is in ``statuses`` (all when empty) and whose words contain ``text``."""
    needle = text.strip().lower()
    kept = []
    for record in records:
        if statuses and record.status not in statuses:
            continue
        haystack = " ".join([f"#{record.run_id}", display_name(record, lang), record.notes,
                             t(f"runs.status.{record.status}", lang), changed_settings_text(record, lang),
                             data_text(record, lang)])
        if needle in haystack.lower():
            kept.append(record)
    return kept


def metrics_table(steps: Sequence[Step], epochs: Sequence[EpochEnd]) -> pd.DataFrame:
    """One row per step; the epoch's results (mean loss, validation) on its last step."""
    table = pd.DataFrame([{"step": s.step, "epoch": s.epoch, "loss": s.loss, "lr": s.lr, "seconds": s.seconds}
                          for s in steps], columns=["step", "epoch", "loss", "lr", "seconds"])
    metric_names = sorted({name for epoch in epochs for name in epoch.metrics})
    ends = pd.DataFrame([{"epoch": e.epoch, "epoch_train_loss": e.train_loss, "epoch_val_loss": e.val_loss,
                          **{f"val_{name}": e.metrics.get(name) for name in metric_names}} for e in epochs],
                        columns=["epoch", "epoch_train_loss", "epoch_val_loss", *(f"val_{n}" for n in metric_names)])
    last_steps = table.groupby("epoch", as_index=False)["step"].max()
    table = table.merge(last_steps.merge(ends, on="epoch"), on=["epoch", "step"], how="left")
    return table


def metrics_csv(steps: Sequence[Step], epochs: Sequence[EpochEnd]) -> str:
    return metrics_table(steps, epochs).to_csv(index=False)
