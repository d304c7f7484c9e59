"""The experiments' figure: every run's per-batch loss on one chart, so the difference shows at a glance."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from textlab.experiments import EXPERIMENTS, ExperimentResult
from textlab.i18n import t

# Okabe–Ito colours, and a dash per run as well, so the runs differ without colour too.
RUN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
RUN_DASHES = ("solid", "dash", "dot", "dashdot")
FONT_SIZE = 16  # read from the back of a classroom


def experiment_figure(result: ExperimentResult, lang: str = "en") -> go.Figure:
    """Each run's loss per step; a run that diverged ends in a marked, labelled point."""
    experiment = EXPERIMENTS[result.name]
    figure = go.Figure()
    for index, run in enumerate(result.runs):
        colour, name = RUN_COLOURS[index % len(RUN_COLOURS)], t(run.label_key, lang)
        finite = [loss if math.isfinite(loss) else None for loss in run.step_losses]
        figure.add_trace(go.Scatter(
            x=list(range(1, len(finite) + 1)), y=finite, mode="lines", name=name,
            line={"color": colour, "width": 2.5, "dash": RUN_DASHES[index % len(RUN_DASHES)]}))
        if run.diverged:
            last = next((loss for loss in reversed(finite) if loss is not None), None)
            if last is not None:
                figure.add_trace(go.Scatter(
                    x=[len(finite) - 1], y=[last], mode="markers+text", showlegend=False,
                    marker={"color": colour, "size": 14, "symbol": "x"},
                    text=[t("experiment.figure.diverged", lang)], textposition="top center",
                    textfont={"color": colour}))
    y_title = t("experiment.figure.y_log" if experiment.log_scale else "experiment.figure.y", lang)
    figure.update_layout(
        title={"text": t("experiment.figure.title", lang, title=t(experiment.title_key, lang))},
        xaxis_title=t("experiment.figure.x", lang), yaxis_title=y_title,
        yaxis_type="log" if experiment.log_scale else "linear",
        font={"size": FONT_SIZE}, template="plotly_white", hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        margin={"t": 110, "l": 70, "r": 20, "b": 60})
    return figure
