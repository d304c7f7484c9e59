"""Words and tables about a training job, from its snapshot: what the Train page shows next to the chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textlab.i18n import t
from textlab.train.events import EpochEnd, Failed, Finished
from textlab.train.jobs import JobSnapshot

# Portuguese writes 1.234,5 where English writes 1,234.5.
_PORTUGUESE_NUMBERS = str.maketrans(",.", ".,")


def format_number(value: float, decimals: int, lang: str) -> str:
    """``value`` with thousands grouped and ``decimals`` decimals, as the language writes numbers."""
    text = f"{value:,.{decimals}f}"
    return text.translate(_PORTUGUESE_NUMBERS) if lang == "pt" else text


def format_seconds(seconds: float, lang: str = "en") -> str:
    """4.2 s, 1m 05s, 2h 03m: short enough for a metric tile."""
    if seconds < 60:
        return f"{format_number(seconds, 1, lang)} s"
    minutes, whole_seconds = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {whole_seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def format_rate(steps_per_second: float | None, lang: str = "en") -> str:
    if steps_per_second is None:
        return "–"
    return format_number(steps_per_second, 0 if steps_per_second >= 100 else 1, lang)


def status(snapshot: JobSnapshot | None, lang: str) -> tuple[str, str]:
    """(level, sentence) for the job's state; level is "info", "success", "warning" or "error"."""
    if snapshot is None:
        return "info", t("train.state.none", lang)
    steps, state = len(snapshot.steps), snapshot.state
    if state == "queued":
        return "warning", t("train.state.queued", lang, position=snapshot.queue_position or 1)
    if state == "running":
        return "info", t("train.state.running" if snapshot.started else "train.state.preparing", lang)
    if state == "paused":
        return "info", t("train.state.paused", lang, step=steps)
    if state == "stopped":
        return "warning", t("train.state.stopped", lang, steps=steps)
    end = snapshot.end
    if isinstance(end, Failed):
        return "error", t("train.state.failed", lang, message=end.message(lang))
    assert isinstance(end, Finished)
    key = "train.state.early_stopping" if end.reason == "early_stopping" else "train.state.finished"
    return "success", t(key, lang, epochs=end.epochs_run, steps=steps,
                        seconds=format_seconds(snapshot.elapsed_seconds, lang),
                        rate=format_rate(snapshot.overall_steps_per_second, lang))


def progress_text(snapshot: JobSnapshot, lang: str) -> str:
    """Step 12 of 60 · epoch 3 of 10."""
    started = snapshot.started
    total = started.total_steps if started else 0
    epoch = snapshot.steps[-1].epoch if snapshot.steps else 0
    return t("train.progress", lang, step=len(snapshot.steps), total=total, epoch=epoch,
             epochs=snapshot.config.optimisation.epochs)


def epoch_table(epochs: Sequence[EpochEnd], metrics: Sequence[str], lang: str,
                limit: int | None = None) -> dict[str, list[Any]]:
    """Columns (translated names) of the per-epoch history, newest epoch first, the last ``limit`` only."""
    shown = list(reversed(epochs[-limit:] if limit else epochs))
    table: dict[str, list[Any]] = {
        t("train.history.epoch", lang): [epoch.epoch for epoch in shown],
        t("train.history.train_loss", lang): [epoch.train_loss for epoch in shown],
        t("train.history.last_loss", lang): [epoch.last_loss for epoch in shown],
    }
    if any(epoch.val_loss is not None for epoch in shown):
        table[t("train.history.val_loss", lang)] = [epoch.val_loss for epoch in shown]
    for name in metrics:
        table[t(f"train.chart.{name}", lang)] = [epoch.metrics.get(name) for epoch in shown]
    table[t("train.history.seconds", lang)] = [round(epoch.seconds, 2) for epoch in shown]
    return table


def describe_changes(differences: dict[str, tuple[Any, Any]]) -> str:
    """lr 0.001 → 0.01, epochs 3 → 10."""
    return ", ".join(f"{name} {_show(old)} → {_show(new)}" for name, (old, new) in differences.items())


def _show(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
