"""Comparing stored runs: what differs between them, the runs table, and a run's metrics as a table.

Pure functions over ``RunRecord``s, shared by the Runs page and the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pandas as pd

from textlab.i18n import TEXTS, t
from textlab.runs.store import RunRecord
from textlab.train.config import FIELDS, TrainConfig
from textlab.train.events import EpochEnd, Step

DATA = "data"  # a pseudo-setting: the dataset's fingerprint


def display_name(record: RunRecord, lang: str) -> str:
    return record.name or t("runs.default_name", lang, run_id=record.run_id)


def value_text(name: str, value: Any, lang: str) -> str:
    """A setting's value as a legend shows it: "0.01", "masked mean", "on"."""
    if isinstance(value, bool):
        return t(f"runs.value.{str(value).lower()}", lang)
    if isinstance(value, float):
        return f"{value:g}"
    for key in (f"runs.value.{name}.{value}", f"option.{name}.{value}"):
        if key in TEXTS:
            return t(key, lang)
    return str(value)


def _setting(record: RunRecord, name: str) -> Any:
    return record.dataset_fingerprint if name == DATA else record.config.value(name)


def _setting_text(record: RunRecord, name: str, lang: str) -> str:
    if name == DATA:
        return f"{t('runs.data', lang, size=record.dataset_size)} ({record.dataset_fingerprint[:6]})"
    return value_text(name, record.config.value(name), lang)


def differing_settings(records: Sequence[RunRecord]) -> list[str]:
    """Settings (and "data") whose values are not the same in every run, in TrainConfig order."""
    names = [*FIELDS, DATA]
    return [name for name in names if len({repr(_setting(record, name)) for record in records}) > 1]


def legend_labels(records: Sequence[RunRecord], lang: str) -> list[str]:
    """Per run: its number and name, then only the settings that differ, e.g. "#3 · lr 0.1"."""
    differing = differing_settings(records)
    labels = []
    for record in records:
        label = f"#{record.run_id}" + (f" {record.name}" if record.name else "")
        parts = [f"{t(f'runs.short.{name}', lang)} {_setting_text(record, name, lang)}" for name in differing]
        labels.append(" · ".join([label, ", ".join(parts)]) if parts else label)
    return labels


def differences_summary(records: Sequence[RunRecord], lang: str) -> str:
    """What differs across the runs, e.g. "lr 0.1 vs 0.01; pooling masked mean vs plain mean"; "" when nothing."""
    separator, parts = f" {t('runs.vs', lang)} ", []
    for name in differing_settings(records):
        values = dict.fromkeys(_setting_text(record, name, lang) for record in records)
        parts.append(f"{t(f'runs.short.{name}', lang)} {separator.join(values)}")
    return "; ".join(parts)


def changed_settings_text(config: TrainConfig, lang: str) -> str:
    """The settings that differ from the notebook's, e.g. "lr 0.1, pooling masked mean"."""
    changed = config.differences(TrainConfig())
    if not changed:
        return t("runs.notebook_settings", lang)
    return ", ".join(f"{t(f'runs.short.{name}', lang)} {value_text(name, ours, lang)}"
                     for name, (ours, _) in changed.items())


def _final_metric(final: EpochEnd | None) -> float | None:
    if final is None:
        return None
    return final.metrics.get("accuracy", final.metrics.get("mae"))


def runs_table(records: Sequence[RunRecord], lang: str) -> pd.DataFrame:
    """One row per run: who, how it ended, final losses, data and the settings changed from the notebook."""
    rows = []
    for record in records:
        final = record.final
        rows.append({
            "id": record.run_id,
            "name": display_name(record, lang),
            "status": t(f"runs.status.{record.status}", lang),
            "started": datetime.fromtimestamp(record.started_at).replace(microsecond=0),
            "epochs": record.epochs_run,
            "train_loss": final.train_loss if final else None,
            "val_loss": final.val_loss if final else None,
            "metric": _final_metric(final),
            "seconds_per_epoch": record.seconds_per_epoch,
            "data": _setting_text(record, DATA, lang),
            "vocab": record.vocab_size,
            "labels": record.label_mode or record.config.run.label_mode,
            "device": record.device,
            "settings": changed_settings_text(record.config, lang),
            "notes": record.notes,
        })
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("train_loss", "val_loss", "metric", "seconds_per_epoch", "vocab"):
        table[column] = pd.to_numeric(table[column])  # missing values become NaN, so columns sort as numbers
    return table.rename(columns={column: t(f"runs.col.{column}", lang) for column in COLUMNS})


# What tells runs apart first; when and where they ran last.
COLUMNS = ("id", "name", "status", "train_loss", "val_loss", "metric", "settings", "epochs", "data", "vocab", "labels",
           "seconds_per_epoch", "device", "started", "notes")


def filter_runs(records: Sequence[RunRecord], text: str, statuses: Sequence[str], lang: str) -> list[RunRecord]:
    """Runs whose status is in ``statuses`` (all when empty) and whose words contain ``text``."""
    needle = text.strip().lower()
    kept = []
    for record in records:
        if statuses and record.status not in statuses:
            continue
        haystack = " ".join([f"#{record.run_id}", display_name(record, lang), record.notes,
                             t(f"runs.status.{record.status}", lang), changed_settings_text(record.config, lang)])
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
