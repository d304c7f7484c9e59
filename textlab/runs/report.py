"""Words and tables about a training job, from its snapshot: what the Train page shows next to the chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textlab.i18n import plural, t
from textlab.i18n.numbers import format_decimal, format_percent
from textlab.train.events import EpochEnd, Failed, Finished
from textlab.train.jobs import JobSnapshot

# Metrics that are shares of the texts, shown as percentages in the history.
PERCENT_METRICS = ("accuracy", "macro_f1")


def format_seconds(seconds: float, lang: str = "en") -> str:
    """4.2 s, 1m 05s, 2h 03m: short enough for a metric tile.

    No-break spaces: a sentence that wraps never leaves the unit alone on the next line.
    """
    if seconds < 60:
        return f"{format_decimal(seconds, lang, 1)}\u00a0s"
    minutes, whole_seconds = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes}m\u00a0{whole_seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h\u00a0{minutes:02d}m"


def format_rate(steps_per_second: float | None, lang: str = "en") -> str:
    if steps_per_second is None:
        return "–"
    return format_decimal(steps_per_second, lang, 0 if steps_per_second >= 100 else 1)


def status(snapshot: JobSnapshot | None, lang: str) -> tuple[str, str]:
    """(level, sentence) for the job's state; level is "info", "success", "warning" or "error"."""
    if snapshot is None:
        return "info", t("train.state.none", lang)
    steps, state = len(snapshot.steps), snapshot.state
    if state == "queued":
        return "warning", t("train.state.queued", lang, position=snapshot.queue_position or 1)
    if state == "running" and snapshot.queue_position is not None:
        return "info", t("train.state.taking_turns", lang, position=snapshot.queue_position)
    if state == "running":
        return "info", t("train.state.running" if snapshot.started else "train.state.preparing", lang)
    if state == "paused":
        return "info", t("train.state.paused", lang, step=steps)
    if state == "stopped":
        return "warning", t("train.state.stopped", lang, steps=plural("count.steps", steps, lang))
    end = snapshot.end
    if isinstance(end, Failed):
        return "error", t("train.state.failed", lang, message=end.message(lang))
    assert isinstance(end, Finished)
    key = "train.state.early_stopping" if end.reason == "early_stopping" else "train.state.finished"
    epochs = end.epochs_run if key == "train.state.early_stopping" else plural("count.epochs", end.epochs_run, lang)
    return "success", t(key, lang, epochs=epochs, steps=plural("count.steps", steps, lang),
                        seconds=format_seconds(snapshot.elapsed_seconds, lang),
                        rate=format_rate(snapshot.overall_steps_per_second, lang))


def kept_epoch(snapshot: JobSnapshot) -> int | None:
    """The earlier epoch whose weights an early-stopped run kept (its best); None when it kept its last."""
    end = snapshot.end
    return end.kept_epoch if isinstance(end, Finished) and end.reason == "early_stopping" else None


def progress_text(snapshot: JobSnapshot, lang: str) -> str:
    """Step 12 of 60 · epoch 3 of 10; a queued run has no steps yet, only its place in the queue.

    After early stopping the bar stops short, so the line says where it stopped and which epoch's
    weights the model kept (the best one, often earlier).
    """
    if snapshot.state == "queued":
        return t("train.progress_queued", lang, position=snapshot.queue_position or 1)
    started = snapshot.started
    total = started.total_steps if started else 0
    epoch = snapshot.steps[-1].epoch if snapshot.steps else 0
    key = "train.progress"
    kept = kept_epoch(snapshot)
    if kept is not None:
        key = "train.progress_early_stopped"
    return t(key, lang, step=len(snapshot.steps), total=total, epoch=epoch,
             epochs=snapshot.config.optimisation.epochs, kept=kept)


def epoch_table(epochs: Sequence[EpochEnd], metrics: Sequence[str], lang: str,
                limit: int | None = None) -> dict[str, list[Any]]:
    """Columns (translated names, numbers as the language writes them) of the per-epoch history.

    Epoch 1 first, as the notebook prints them; with ``limit``, only the latest ``limit`` epochs.
    """
    shown = list(epochs[-limit:] if limit else epochs)

    def losses(values: list[float | None]) -> list[str]:
        return [format_decimal(value, lang, 4) for value in values]

    table: dict[str, list[Any]] = {
        t("train.history.epoch", lang): [epoch.epoch for epoch in shown],
        t("train.history.train_loss", lang): losses([epoch.train_loss for epoch in shown]),
        t("train.history.last_loss", lang): losses([epoch.last_loss for epoch in shown]),
    }
    if any(epoch.val_loss is not None for epoch in shown):
        table[t("train.history.val_loss", lang)] = losses([epoch.val_loss for epoch in shown])
    for name in metrics:
        values = [epoch.metrics.get(name) for epoch in shown]
        table[t(f"train.chart.{name}", lang)] = ([format_percent(value, lang) for value in values]
                                                 if name in PERCENT_METRICS else losses(values))
    table[t("train.history.seconds", lang)] = [format_decimal(epoch.seconds, lang, 2) for epoch in shown]
    return table
