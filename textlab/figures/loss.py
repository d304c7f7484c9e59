"""The loss chart: per-batch loss, its smoothed curve, epoch markers and a panel of validation metrics.

A pure function of plain data, so it draws a live run and a saved one alike. However long the run,
at most ``MAX_POINTS`` points are drawn (the job keeps every one): a browser redrawing 100,000
points twice a second would fall behind the training it shows.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from operator import attrgetter

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from textlab.i18n import t
from textlab.i18n.numbers import PLOTLY_SEPARATORS
from textlab.train.events import EpochEnd, Step
from textlab.train.tasks import TASKS

MAX_POINTS = 5000
# What a chart some 800 pixels wide can show, well under MAX_POINTS: the raw loss keeps each
# stretch's lowest and highest point (two per pixel), so a spike never vanishes; the smooth curve
# needs fewer; each epoch-level trace (at most four) gets 200.
RAW_POINTS, SMOOTHED_POINTS, EPOCH_POINTS = 1600, 800, 200
DEFAULT_SMOOTHING = 0.6
X_AXES = ("step", "epoch")
# Okabe–Ito colours: readable with every common colour-vision deficiency.
COLOURS = {"raw": "#56B4E9", "smoothed": "#0072B2", "train": "#E69F00", "validation": "#D55E00",
           "accuracy": "#009E73", "macro_f1": "#CC79A7", "mae": "#009E73"}
# Two values a panel shares can be equal (accuracy and macro-F1 on balanced classes, training and
# validation loss early on): the one drawn first is a larger open shape, the later one a smaller
# filled one inside it, so both show.
SYMBOLS = {"train": "circle-open", "validation": "diamond", "accuracy": "square-open", "macro_f1": "triangle-up",
           "mae": "square"}
MARKER_SIZES = {"train": 12, "validation": 8, "accuracy": 13, "macro_f1": 8, "mae": 9}
FONT_SIZE = 16  # read from the back of a classroom
X_TICKS = ",~g"  # thousands grouped in the language's mark ("1.200" in Portuguese), no trailing zeros


def panel_metrics(label_mode: str | None, has_validation: bool) -> tuple[str, ...]:
    """The validation metrics the second panel shows: none without validation or with random labels."""
    task = TASKS.get(label_mode or "")
    return task.chart_metrics if has_validation and task is not None else ()


def debiased_ema(values: Sequence[float] | np.ndarray, weight: float) -> np.ndarray:
    """TensorBoard's smoothing: an EMA divided by 1 - weight**n, so the curve does not start at 0.

    That is pandas' ``ewm(alpha=1 - weight, adjust=True)``. Non-finite values are shown as they
    are and left out of the average, as TensorBoard does.
    """
    if not 0 <= weight < 1:
        raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    averaged = pd.Series(np.where(finite, values, np.nan)).ewm(alpha=1 - weight, adjust=True, ignore_na=True)
    return np.where(finite, averaged.mean().to_numpy(), values)


def min_max_indices(values: np.ndarray, budget: int) -> np.ndarray:
    """Sorted indices of each stretch's lowest and highest value, plus the ends: at most ``budget``."""
    count = len(values)
    if count <= budget:
        return np.arange(count)
    stretch = math.ceil(count / ((budget - 2) // 2))
    stretches = math.ceil(count / stretch)
    padded = np.full(stretches * stretch, np.nan)
    padded[:count] = values
    rows = padded.reshape(stretches, stretch)  # (stretches, stretch); only the last row has padding
    starts = np.arange(stretches) * stretch
    chosen = np.concatenate([starts + np.nanargmin(rows, axis=1), starts + np.nanargmax(rows, axis=1),
                             [0, count - 1]])
    return np.unique(chosen)


def even_indices(count: int, budget: int) -> np.ndarray:
    """At most ``budget`` evenly spread indices, always with the first and the last."""
    if count <= budget:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, budget).round().astype(int))


def loss_figure(steps: Sequence[Step], epochs: Sequence[EpochEnd], *, steps_per_epoch: int,
                metrics: Sequence[str] = (), x_axis: str = "step", smoothing: float = DEFAULT_SMOOTHING,
                lang: str = "en", waiting: bool = False) -> go.Figure:
    """The loss curve of one run; ``metrics`` (see ``panel_metrics``) adds the validation panel below."""
    if x_axis not in X_AXES:
        raise ValueError(f"x_axis must be one of {X_AXES}, got {x_axis!r}")
    x_title = t(f"train.chart.x_{x_axis}", lang)
    if not steps:
        message = t("train.chart.waiting" if waiting else "train.chart.empty", lang)
        return go.Figure(layout=_layout(False, x_title, lang, empty_message=message))
    # Steps in epoch units: step s of a run with E steps per epoch sits at s / E.
    x_scale = 1 / max(steps_per_epoch, 1) if x_axis == "epoch" else 1.0
    losses = np.fromiter(map(attrgetter("loss"), steps), float, len(steps))
    step_numbers = np.fromiter(map(attrgetter("step"), steps), np.int64, len(steps))
    step_x = step_numbers if x_axis == "step" else (step_numbers * x_scale).astype(np.float32)
    raw = min_max_indices(losses, RAW_POINTS)
    smoothed = debiased_ema(losses, smoothing)
    even = even_indices(len(losses), SMOOTHED_POINTS)
    # numpy arrays: plotly checks and copies them in one go and sends them base64-encoded, several
    # times cheaper than lists for a chart redrawn twice a second; float32 halves what is sent.
    traces = [
        dict(type="scatter", x=step_x[raw], y=losses[raw].astype(np.float32), mode="lines",
             name=t("train.chart.raw", lang), line=dict(color=COLOURS["raw"], width=1)),
        dict(type="scatter", x=step_x[even], y=smoothed[even].astype(np.float32), mode="lines",
             name=t("train.chart.smoothed", lang, weight=smoothing), line=dict(color=COLOURS["smoothed"], width=3)),
    ]
    shown = [epochs[index] for index in even_indices(len(epochs), EPOCH_POINTS)]
    # An epoch's marker sits on its last step.
    epoch_x = [epoch.epoch * (steps_per_epoch if x_axis == "step" else 1) for epoch in shown]
    traces.append(_markers(epoch_x, [epoch.train_loss for epoch in shown], "train", lang, panel=1))
    if any(epoch.val_loss is not None for epoch in shown):
        traces.append(_markers(epoch_x, [epoch.val_loss for epoch in shown], "validation", lang, panel=1))
    traces += [_markers(epoch_x, [epoch.metrics.get(name) for epoch in shown], name, lang, panel=2)
               for name in metrics]
    return go.Figure(data=traces, layout=_layout(bool(metrics), x_title, lang))


def _markers(x: list[float], y: list[float | None], kind: str, lang: str, panel: int) -> dict:
    """Epoch-level values: one marker per epoch, joined by a dotted line."""
    return dict(type="scatter", x=x, y=y, mode="lines+markers", name=t(f"train.chart.{kind}", lang),
                xaxis="x" if panel == 1 else "x2", yaxis="y" if panel == 1 else "y2",
                line=dict(color=COLOURS[kind], width=1.5, dash="dot"),
                marker=dict(color=COLOURS[kind], symbol=SYMBOLS[kind], size=MARKER_SIZES[kind],
                            line=dict(width=2, color=COLOURS[kind])))


def _layout(with_metrics: bool, x_title: str, lang: str, empty_message: str | None = None) -> dict:
    """The loss axes on top and, with metrics, a validation panel below sharing the x axis.

    Plain dicts rather than make_subplots: the page rebuilds this twice a second, and dicts are 8x faster.
    """
    loss_axis = dict(title=dict(text=t("train.chart.y_loss", lang)), domain=[0.4, 1] if with_metrics else [0, 1])
    layout = dict(title=dict(text=t("train.chart.title", lang)), font=dict(size=FONT_SIZE),
                  separators=PLOTLY_SEPARATORS[lang],
                  height=640 if with_metrics else 500, hovermode="x unified",
                  # Under the chart: above it, two rows of legend would run into the title.
                  legend=dict(orientation="h", yanchor="top", y=-0.14 if with_metrics else -0.18, xanchor="left", x=0),
                  margin=dict(t=60, l=10, r=10, b=10), yaxis=loss_axis,
                  xaxis=dict(title=dict(text=x_title), anchor="y", tickformat=X_TICKS),
                  uirevision="loss")  # keeps the user's zoom while the curve grows
    if with_metrics:
        layout["xaxis"] = dict(anchor="y", matches="x2", showticklabels=False)
        layout["xaxis2"] = dict(title=dict(text=x_title), anchor="y2", tickformat=X_TICKS)
        layout["yaxis2"] = dict(title=dict(text=t("train.chart.metric_axis", lang)), domain=[0, 0.3])
    if empty_message is not None:
        layout["xaxis"].update(range=[0, 1], showticklabels=False, showgrid=False, zeroline=False)
        loss_axis.update(range=[0, 1], showticklabels=False, showgrid=False, zeroline=False)
        # Wrapped by hand: plotly does not wrap annotation text to the chart's width.
        layout["annotations"] = [dict(text="<br>".join(textwrap.wrap(empty_message, 40)), x=0.5, y=0.5,
                                      xref="x", yref="y", showarrow=False, font=dict(size=FONT_SIZE + 2))]
    return layout
