"""Several runs' loss curves on one chart, each labelled with what sets it apart."""

from __future__ import annotations

import html
from collections.abc import Sequence

import plotly.graph_objects as go

from textlab.i18n import t
from textlab.train.events import EpochEnd

# Okabe–Ito colours, in the order runs get them: readable with every common colour-vision deficiency.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "pentagon")
FONT_SIZE = 16  # read from the back of a classroom


def runs_overlay(curves: Sequence[tuple[str, Sequence[EpochEnd]]], *, subtitle: str = "",
                 lang: str = "en") -> go.Figure:
    """Per run (label, epochs): its mean training loss per epoch, solid; its validation loss, dashed."""
    figure = go.Figure()
    for index, (label, epochs) in enumerate(curves):
        colour, symbol = COLOURS[index % len(COLOURS)], SYMBOLS[index % len(SYMBOLS)]
        name = html.escape(label)  # plotly reads a few HTML tags in names; a run's name is the user's text
        numbers = [epoch.epoch for epoch in epochs]
        figure.add_trace(go.Scatter(x=numbers, y=[epoch.train_loss for epoch in epochs], name=name,
                                    mode="lines+markers", legendgroup=str(index),
                                    line={"color": colour, "width": 3}, marker={"symbol": symbol, "size": 9}))
        validation = [(epoch.epoch, epoch.val_loss) for epoch in epochs if epoch.val_loss is not None]
        if validation:
            figure.add_trace(go.Scatter(
                x=[number for number, _ in validation], y=[value for _, value in validation],
                name=t("runs.figure.validation", lang, label=name), mode="lines+markers", legendgroup=str(index),
                line={"color": colour, "width": 2, "dash": "dash"}, marker={"symbol": symbol, "size": 7}))
    title = t("runs.figure.title", lang)
    if subtitle:  # in the title itself, so a projected chart says what it compares
        title = f"{title}: {html.escape(subtitle)}"
    if not any(epochs for _, epochs in curves):
        figure.add_annotation(text=t("runs.figure.empty", lang), showarrow=False, font={"size": FONT_SIZE},
                              xref="paper", yref="paper", x=0.5, y=0.5)
    figure.update_layout(
        title={"text": title}, font={"size": FONT_SIZE}, template="plotly_white", height=480,
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "xanchor": "left", "x": 0},
        margin={"t": 90, "b": 40},
        xaxis={"title": {"text": t("runs.figure.x", lang)}, "tickformat": "d", "rangemode": "tozero"},
        yaxis={"title": {"text": t("runs.figure.y", lang)}})
    return figure
