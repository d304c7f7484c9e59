"""The experiments' figure: every run's per-batch loss on one chart, so the difference shows at a glance."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from textlab.classroom.experiments import EXPERIMENTS, ExperimentResult
from textlab.i18n import t
from textlab.i18n.numbers import PLOTLY_SEPARATORS, format_decimal

# Okabe–Ito colours, and a dash per run as well, so the runs differ without colour too.
RUN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
RUN_DASHES = ("solid", "dash", "dot", "dashdot")
FONT_SIZE = 16  # read from the back of a classroom
# On a log axis a loss of (nearly) 0 plunges off the chart; below this it is drawn at this level,
# and the axis's lowest tick says so ("≤ 0,001").
LOG_FLOOR_POWER = -3
LOG_FLOOR = 10.0 ** LOG_FLOOR_POWER


def experiment_figure(result: ExperimentResult, lang: str = "en") -> go.Figure:
    """Each run's loss per step; a run that diverged ends in a marked, labelled point."""
    experiment = EXPERIMENTS[result.name]
    figure = go.Figure()
    for index, run in enumerate(result.runs):
        colour, name = RUN_COLOURS[index % len(RUN_COLOURS)], t(run.label_key, lang)
        floor = LOG_FLOOR if experiment.log_scale else -math.inf
        finite = [max(loss, floor) if math.isfinite(loss) else None for loss in run.step_losses]
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
    # Sizes are set on each part: Streamlit's chart theme replaces the layout-wide font size.
    text = {"size": FONT_SIZE}
    figure.update_layout(
        # The experiment's title alone ("training loss" is the y axis's): with a prefix the longest,
        # in Portuguese, ran off a 1280-pixel window in presentation mode.
        title={"text": t(experiment.title_key, lang),
               "font": {"size": FONT_SIZE + 4}},
        font=text, template="plotly_white", hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0, "font": text},
        margin={"t": 110, "l": 80, "r": 20, "b": 60})
    figure.update_xaxes(title={"text": t("experiment.figure.x", lang), "font": text}, tickfont=text)
    figure.update_yaxes(title={"text": y_title, "font": text}, tickfont=text,
                        type="log" if experiment.log_scale else "linear",
                        **(_log_ticks(figure, lang) if experiment.log_scale else {}))
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure


def _log_ticks(figure: go.Figure, lang: str) -> dict:
    """One tick per power of ten, in the language's numbers, the lowest marked as a floor."""
    highest = max((value for trace in figure.data for value in trace.y if value is not None), default=1.0)
    powers = range(LOG_FLOOR_POWER, max(math.ceil(math.log10(highest)), 0) + 1)
    texts = [format_decimal(10.0 ** power, lang, max(-power, 0)) for power in powers]
    texts[0] = f"≤ {texts[0]}"
    return {"tickvals": [10.0 ** power for power in powers], "ticktext": texts}
