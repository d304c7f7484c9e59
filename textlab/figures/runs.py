"""Several runs' loss curves on one chart, per epoch or per step, each labelled with what sets it apart."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from textlab.figures.style import wrapped
from textlab.i18n import t
from textlab.i18n.numbers import PLOTLY_SEPARATORS
from textlab.train.events import EpochEnd, Step

# Okabe–Ito colours, in the order runs get them: readable with every common colour-vision deficiency.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "pentagon")
FONT_SIZE = 16  # read from the back of a classroom
OVERLAY_AXES = ("epoch", "step")
MAX_TICKS = 10  # at most this many numbered ticks on the x axis
Y_TITLE_CHARACTERS = 24


@dataclass(frozen=True)
class RunCurve:
    """One run's recorded losses, under the short label its legend entry shows."""

    label: str
    epochs: Sequence[EpochEnd]
    steps: Sequence[Step] = ()


def _points(curve: RunCurve, per: str) -> list[tuple[float, ...]]:
    if per == "step":
        return [(step.step, step.loss) for step in curve.steps]
    return [(epoch.epoch, epoch.train_loss, math.nan if epoch.val_loss is None else epoch.val_loss)
            for epoch in curve.epochs]


def coinciding(curves: Sequence[RunCurve], per: str = "epoch") -> list[tuple[int, int]]:
    """(later, earlier) index pairs of curves drawn at exactly the same points: the later one covers the other.

    Two runs with the same settings and seed compute the same numbers, so this is common, not a fluke.
    """
    pairs = []
    drawn = [_points(curve, per) for curve in curves]
    for later, points in enumerate(drawn):
        earlier = next((index for index in range(later) if points and _same(points, drawn[index])), None)
        if earlier is not None:
            pairs.append((later, earlier))
    return pairs


def _same(points: list[tuple[float, ...]], others: list[tuple[float, ...]]) -> bool:
    return len(points) == len(others) and all(
        math.isclose(value, other, rel_tol=1e-9, abs_tol=1e-12) or (math.isnan(value) and math.isnan(other))
        for point, other_point in zip(points, others, strict=True)
        for value, other in zip(point, other_point, strict=True))


def runs_overlay(curves: Sequence[RunCurve], *, per: str = "epoch", lang: str = "en") -> go.Figure:
    """Per run: its mean training loss per epoch (solid) and validation loss (dashed), or its loss per step.

    Each run is drawn a little thinner and with smaller markers than the one before, so a run that
    lies exactly on an earlier one leaves that one's colour showing around it.
    """
    figure = go.Figure()
    for index, curve in enumerate(curves):
        colour, symbol = COLOURS[index % len(COLOURS)], SYMBOLS[index % len(SYMBOLS)]
        # A rim of a couple of pixels each side, wide enough to see on a projector.
        width, size = max(1.5, 7 - 2.5 * index), max(5, 16 - 4 * index)
        name = html.escape(curve.label)  # plotly reads a few HTML tags in names; a run's name is the user's text
        if per == "step":
            figure.add_trace(go.Scatter(x=[step.step for step in curve.steps], y=[step.loss for step in curve.steps],
                                        name=name, mode="lines", line={"color": colour, "width": width},
                                        hovertemplate="%{x:,d}: %{y:.4f}<extra>" + name + "</extra>"))
            continue
        numbers = [epoch.epoch for epoch in curve.epochs]
        figure.add_trace(go.Scatter(x=numbers, y=[epoch.train_loss for epoch in curve.epochs], name=name,
                                    mode="lines+markers", legendgroup=str(index), cliponaxis=False,
                                    hovertemplate="%{x:,d}: %{y:.4f}<extra>" + name + "</extra>",
                                    line={"color": colour, "width": width}, marker={"symbol": symbol, "size": size}))
        validation = [(epoch.epoch, epoch.val_loss) for epoch in curve.epochs if epoch.val_loss is not None]
        if validation:
            label = t("runs.figure.validation", lang, label=name)
            figure.add_trace(go.Scatter(
                x=[number for number, _ in validation], y=[value for _, value in validation],
                name=label, mode="lines+markers", legendgroup=str(index), cliponaxis=False,
                hovertemplate="%{x:,d}: %{y:.4f}<extra>" + label + "</extra>",
                line={"color": colour, "width": max(1.5, width - 1), "dash": "dash"},
                marker={"symbol": symbol, "size": max(5, size - 2)}))
    last = max((number for trace in figure.data for number in trace.x), default=None)
    validated = any(trace.line.dash == "dash" for trace in figure.data)
    if last is None:
        figure.add_annotation(text=t(f"runs.figure.empty_{per}", lang), showarrow=False, font={"size": FONT_SIZE},
                              xref="paper", yref="paper", x=0.5, y=0.5)
    figure.update_layout(
        title={"text": t(f"runs.figure.title_{per}{'_validation' if validated else ''}", lang)},
        font={"size": FONT_SIZE}, template="plotly_white",
        height=480, separators=PLOTLY_SEPARATORS[lang], showlegend=True,
        # Below the chart and horizontal, so long names wrap instead of squeezing the plot at 1280 px.
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "xanchor": "left", "x": 0},
        margin={"t": 60, "b": 40, "l": 60, "r": 20},
        xaxis={"title": {"text": t(f"runs.figure.x_{per}", lang)}, **({} if last is None else _counting_axis(last))},
        # On two lines: in one, the long title reaches past the plot's height at presentation size.
        yaxis={"title": {"text": wrapped(t(f"runs.figure.y_{per}", lang), Y_TITLE_CHARACTERS)}})
    return figure


def _counting_axis(last: int) -> dict:
    """An x axis over epochs or steps 1..last: it starts at 1, where the first point is, and ticks whole numbers."""
    raw = last / MAX_TICKS
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 1 else 1
    step = next(factor * magnitude for factor in (1, 2, 5, 10) if factor * magnitude >= raw)
    margin = max(0.25, 0.02 * last)  # room for the first and last markers, though never down to an epoch 0
    return {"range": [1 - min(margin, 0.5), last + margin], "tick0": 1 if step == 1 else 0, "dtick": step,
            "tickformat": ",d"}
