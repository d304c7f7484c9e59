"""Figures of the embeddings page: the embedding map over epochs, one batch's tensors, the confusion matrix.

Pure functions from plain data to ``go.Figure``; every title and axis label is translated with ``lang``.
Colours are colour-blind safe: Okabe–Ito for classes, cividis for counts, blue–grey–vermillion
for signed values.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from textlab.figures.label_placement import PlotArea, uncrowded_labels
from textlab.figures.style import PLOT_WIDTH_PX
from textlab.i18n import t
from textlab.i18n.numbers import PLOTLY_SEPARATORS, format_integer, format_percent
from textlab.text.vocab import PAD_TOKEN, UNK_TOKEN

# Okabe–Ito without black (kept for <PAD>/<UNK>) and with yellow last: it is faint on white.
CLASS_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
NO_LABEL_COLOUR = "#999999"
SPECIAL_COLOUR = "#000000"
HIGHLIGHT_COLOUR, NEIGHBOUR_COLOUR = "#D55E00", "#CC79A7"  # Okabe–Ito vermillion and reddish purple
SPECIAL_SYMBOLS = {PAD_TOKEN: "square", UNK_TOKEN: "x"}
DIVERGING = [[0.0, "#0072B2"], [0.5, "#F2F2F2"], [1.0, "#D55E00"]]
# For points on white: the middle of the scale must stay visible.
DIVERGING_POINTS = [[0.0, "#0072B2"], [0.5, "#AAAAAA"], [1.0, "#D55E00"]]
FONT_SIZE, TITLE_SIZE, LABEL_SIZE = 16, 20, 15
MARKER_SIZE = 12  # a 2D map's points, in pixels; presentation mode enlarges text, not markers
TITLE_LINE_PX = 26  # a title line of TITLE_SIZE
LABELS_TRACE = "labels"  # the map's last trace, never in the legend: every printed token label
LABEL_HALO = "0 0 3px white, 0 0 3px white"  # a 2D label over a line or a point stays readable (3D has none)


def _escaped(texts: Sequence[str]) -> list[str]:
    """Tokens and labels come from the user's data; plotly reads tags such as <a> or <b> in text."""
    return [html.escape(text) for text in texts]


@dataclass(frozen=True)
class TokenColours:
    """How to colour the tokens of the map: by count, by associated class or by mean label."""

    kind: str  # "frequency", "class" or "value"
    values: Sequence[float]  # per token: its count, its class index (-1: none) or its mean label (NaN: none)
    class_names: Sequence[str] = ()


@dataclass(frozen=True)
class _Group:
    name: str
    rows: list[int]
    marker: dict
    labels: bool = False  # every point labelled (the highlighted ones)


def _style(figure: go.Figure, title: str, height: int, lang: str) -> go.Figure:
    figure.update_layout(template="plotly_white", height=height, font=dict(size=FONT_SIZE),
                         separators=PLOTLY_SEPARATORS[lang],  # 0,5 in Portuguese ticks and hovers
                         title=dict(text=title, font=dict(size=TITLE_SIZE)), margin=dict(t=80, l=60, r=30, b=60))
    return figure


def _groups(tokens: Sequence[str], counts: Sequence[int], colours: TokenColours, lang: str,
            marker_size: int) -> list[_Group]:
    """The map's traces: one per colour group, then <PAD>/<UNK>; each knows its rows."""
    special = [row for row, token in enumerate(tokens) if token in SPECIAL_SYMBOLS]
    ordinary = [row for row in range(len(tokens)) if row not in special]
    base = dict(size=marker_size, line=dict(width=1, color="white"))
    groups: list[_Group] = []
    if colours.kind == "class":
        for index, name in enumerate(_escaped(colours.class_names)):
            rows = [row for row in ordinary if colours.values[row] == index]
            groups.append(_Group(name, rows, {**base, "color": CLASS_COLOURS[index % len(CLASS_COLOURS)]}))
        unlabelled = [row for row in ordinary if colours.values[row] < 0]
        if unlabelled:
            groups.append(_Group(t("emb.map.no_label", lang), unlabelled, {**base, "color": NO_LABEL_COLOUR}))
    elif colours.kind == "value":
        known = [row for row in ordinary if not math.isnan(colours.values[row])]
        groups.append(_Group(t("emb.map.tokens", lang), known, {
            **base, "color": [colours.values[row] for row in known], "colorscale": DIVERGING_POINTS,
            "showscale": True, "colorbar": dict(title=dict(text=t("emb.map.mean_label", lang)))}))
        unlabelled = [row for row in ordinary if math.isnan(colours.values[row])]
        if unlabelled:
            groups.append(_Group(t("emb.map.no_label", lang), unlabelled, {**base, "color": NO_LABEL_COLOUR}))
    else:
        # Counts span orders of magnitude: colour by their logarithm, label the bar with counts.
        logs = [math.log10(max(counts[row], 1)) for row in ordinary]
        most = max([1, *(counts[row] for row in ordinary)])
        ticks = sorted({*(10 ** power for power in range(len(str(most)))), most})  # 1, 10, 100, ..., the largest
        groups.append(_Group(t("emb.map.tokens", lang), ordinary, {
            **base, "color": logs, "colorscale": "Cividis", "cmin": 0, "cmax": max(math.log10(most), 0.3),
            "showscale": True, "colorbar": dict(title=dict(text=t("emb.map.count", lang)),
                                                tickvals=[math.log10(tick) for tick in ticks],
                                                ticktext=[format_integer(tick, lang) for tick in ticks])}))
    symbols = [SPECIAL_SYMBOLS[tokens[row]] for row in special]
    # The legend draws one symbol per trace (the first, <PAD>'s square): the name shows both.
    groups.append(_Group(html.escape(f"{PAD_TOKEN} ■ / {UNK_TOKEN} ✕"), special,
                         {**base, "size": marker_size + 3, "color": SPECIAL_COLOUR, "symbol": symbols}))
    return [group for group in groups if group.rows]


def _frame_title(epoch: int, loss: float | None, untrained: bool, lang: str, kept: bool = False) -> str:
    if kept:
        return t("emb.map.title_kept", lang, title=_frame_title(epoch, loss, untrained, lang))
    if untrained:
        return t("emb.map.title_untrained", lang)
    if epoch == 0:
        return t("emb.map.title_initial", lang)
    if loss is None:
        return t("emb.map.title_epoch", lang, epoch=epoch)
    return t("emb.map.title_epoch_loss", lang, epoch=epoch, loss=loss)


def _axis_range(values: torch.Tensor) -> list[float]:
    low, high = float(values.min()), float(values.max())
    margin = max((high - low) * 0.08, 1e-3)
    return [low - margin, high + margin]


def _points(coordinates: torch.Tensor, rows: list[int], three_d: bool) -> dict:
    """x/y(/z) of the rows in one frame, rounded: the figure is sent to the browser once per frame."""
    chosen = coordinates[rows]
    axes = {"x": chosen[:, 0], "y": chosen[:, 1]}
    if three_d:
        axes["z"] = chosen[:, 2]
    return {name: [round(value, 4) for value in values.tolist()] for name, values in axes.items()}


def embedding_map(coordinates: torch.Tensor, tokens: Sequence[str], counts: Sequence[int], colours: TokenColours,
                  epochs: Sequence[int], losses: Sequence[float | None], explained: Sequence[float], lang: str,
                  labelled_rows: Sequence[int] = (), untrained: bool = False,
                  kept_frame: int | None = None, projection: str = "pca",
                  highlighted_rows: Sequence[int] = (), neighbour_rows: Sequence[int] = (),
                  text_scale: float = 1.0) -> go.Figure:
    """Tokens on the first 2 or 3 principal axes; with several snapshots, one animation frame per epoch.

    ``coordinates`` is (S, K, d): S snapshots of K tokens in d = 2 or 3 dimensions. The figure opens
    on the snapshot the model kept (``kept_frame``: early stopping restored that epoch's weights; the
    last one by default); its slider moves through the epochs and the title shows each epoch's loss,
    marking the kept one. ``projection`` "tsne" names the axes as t-SNE's (they carry no variance);
    ``highlighted_rows`` (a searched or clicked token, in vermillion) and ``neighbour_rows`` (its
    neighbours, in reddish purple) are drawn on top, larger, always labelled. Of ``labelled_rows``, most
    frequent first, a 2D frame labels those whose text covers no label already printed; ``text_scale`` is
    the factor the figure's fonts will be shown at (presentation mode's).
    """
    frame_count, _, dims = coordinates.shape
    three_d = dims == 3
    shown_tokens = _escaped(tokens)
    marker_size = 7 if three_d else MARKER_SIZE
    groups = _groups(tokens, counts, colours, lang, marker_size=marker_size)
    last = frame_count - 1
    opened = last if kept_frame is None else kept_frame
    marked = kept_frame is not None and kept_frame != last
    scatter = go.Scatter3d if three_d else go.Scatter
    # Drawn last, so on top; their labels move to these traces, never written twice.
    for name, rows, colour in (("emb.map.neighbours", neighbour_rows, NEIGHBOUR_COLOUR),
                               ("emb.map.highlighted", highlighted_rows, HIGHLIGHT_COLOUR)):
        if rows:
            groups.append(_Group(t(name, lang), list(rows), dict(
                size=marker_size + 8, color=colour, line=dict(width=2, color="black")), labels=True))
    on_top = [row for group in groups if group.labels for row in group.rows]
    ranges = [_axis_range(coordinates[:, :, index]) for index in range(dims)]
    # Room for a second legend row (the highlight entries), which grows upwards, and for a second title
    # line (the kept weights').
    title = _frame_title(epochs[opened], losses[opened], untrained, lang, kept=marked)
    top = (150 if on_top else 110) + TITLE_LINE_PX * title.count("<br>")
    height, bottom = (820, 250) if frame_count > 1 else (720, 60)  # as _style and _add_time_travel set
    # The plot between the margins, less the x axis's ticks and title, which grow with the text.
    area = PlotArea(PLOT_WIDTH_PX, height - (top + 2 * FONT_SIZE) * text_scale - bottom,
                    tuple(ranges[0]), tuple(ranges[1]), equal_scale=True)

    def label_rows(frame: int) -> set[int]:
        candidates = [row for row in labelled_rows if row not in on_top]
        if three_d:  # where a 3D label lands depends on how the reader turns the scene
            return {*candidates, *on_top}
        xs, ys = coordinates[frame, :, 0].tolist(), coordinates[frame, :, 1].tolist()
        return uncrowded_labels(xs, ys, tokens, candidates, area, LABEL_SIZE * text_scale, MARKER_SIZE,
                                forced=on_top)

    marker_sizes = {row: group.marker["size"] for group in groups for row in group.rows}

    def traces(frame: int, full: bool) -> list:
        made = []
        for group in groups:
            points = _points(coordinates[frame], group.rows, three_d)
            if not full:  # frames carry positions; names and colours stay from the first draw
                made.append(scatter(**points))
                continue
            hover = [f"{shown_tokens[row]} · {counts[row]:,}×" for row in group.rows]
            made.append(scatter(**points, name=group.name, mode="markers", marker=group.marker,
                                hovertext=hover, hoverinfo="text", customdata=group.rows))
        # The labels: one trace drawn after every point, so no later group's markers cover them. Its
        # markers are invisible and sized as the points', so each label sits just above its point.
        printed = sorted(label_rows(frame))
        labels = dict(**_points(coordinates[frame], printed, three_d), text=[shown_tokens[row] for row in printed],
                      customdata=printed, marker=dict(size=[marker_sizes[row] for row in printed], opacity=0))
        if full:
            labels.update(name=LABELS_TRACE, mode="markers+text", textposition="top center", showlegend=False,
                          textfont=dict(size=LABEL_SIZE, **({} if three_d else {"shadow": LABEL_HALO})),
                          hoverinfo="skip")
        made.append(scatter(**labels))
        return made

    figure = go.Figure(data=traces(opened, full=True))
    _style(figure, title, 720, lang)
    # 3D axes are drawn at an angle: there, a short title keeps them from running into each other.
    axis_key = "emb.map.axis_short" if three_d else "emb.map.axis"
    if projection == "tsne":
        axis_titles = [t("emb.map.axis_tsne", lang, number=index + 1) for index in range(dims)]
    else:
        axis_titles = [t(axis_key, lang, number=index + 1, share=float(explained[index]))
                       for index in range(dims)]
    if three_d:
        figure.update_layout(scene=dict(aspectmode="cube", **{
            f"{name}axis": dict(title=dict(text=axis_titles[index]), range=ranges[index], autorange=False)
            for index, name in enumerate("xyz")}))
    else:
        figure.update_xaxes(title=dict(text=axis_titles[0]), range=ranges[0], autorange=False, zeroline=False)
        # Equal scales: a distance on screen is the same distance up, down and across.
        figure.update_yaxes(title=dict(text=axis_titles[1]), range=ranges[1], autorange=False, zeroline=False,
                            scaleanchor="x", scaleratio=1)
    figure.update_layout(legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", font=dict(size=FONT_SIZE)),
                         margin=dict(t=top))
    if frame_count > 1:
        _add_time_travel(figure, traces, epochs, losses, lang, opened if marked else None)
    return figure


def _add_time_travel(figure: go.Figure, traces, epochs: Sequence[int], losses: Sequence[float | None], lang: str,
                     kept_frame: int | None) -> None:
    """One frame per snapshot, a slider over the epochs (on the kept one) and a play button."""
    names = [str(epoch) for epoch in epochs]
    figure.frames = [go.Frame(data=traces(index, full=False), name=names[index],
                              layout=dict(title=dict(text=_frame_title(epoch, losses[index], False, lang,
                                                                       kept=index == kept_frame))))
                     for index, epoch in enumerate(epochs)]
    # Redraw after each move: the frame's title (epoch and loss) only changes on a redraw.
    motion = {"frame": {"duration": 700, "redraw": True}, "transition": {"duration": 500}, "mode": "immediate"}
    steps = [dict(method="animate", label=name, args=[[name], motion]) for name in names]
    # Below the plot: the play/pause buttons, then the epoch slider across the whole width.
    figure.update_layout(
        sliders=[dict(active=len(names) - 1 if kept_frame is None else kept_frame, steps=steps,
                       x=0, len=1, y=0, yanchor="top", pad=dict(t=130),
                      font=dict(size=FONT_SIZE),
                      currentvalue=dict(prefix=t("emb.map.slider_prefix", lang), font=dict(size=FONT_SIZE + 2)))],
        updatemenus=[dict(type="buttons", direction="left", x=0, y=0, xanchor="left", yanchor="top",
                          pad=dict(t=75), font=dict(size=FONT_SIZE), buttons=[
                              dict(label=t("emb.map.play", lang), method="animate", args=[names, motion]),
                              dict(label=t("emb.map.pause", lang), method="animate",
                                   args=[[None], {"frame": {"duration": 0}, "mode": "immediate"}])])],
        margin=dict(b=250), height=820)


def embeddings_heatmap(tokens: Sequence[str], matrix: torch.Tensor, text_number: int, lang: str) -> go.Figure:
    """One text's embeddings (T, E): a row per position, a column per dimension."""
    rows = [f"{position + 1}. {token}" for position, token in enumerate(_escaped(tokens))]
    limit = float(matrix.abs().max()) if matrix.numel() else 1.0
    figure = go.Figure(go.Heatmap(z=matrix.tolist(), x=list(range(1, matrix.shape[1] + 1)), y=rows,
                                  colorscale=DIVERGING, zmid=0, zmin=-limit, zmax=limit,
                                  hovertemplate="%{y} · dim %{x}: %{z:.3f}<extra></extra>"))
    _style(figure, t("emb.fig.heatmap_title", lang, number=text_number, shape=_shape(matrix)),
           max(300, 120 + (36 if len(rows) <= 12 else 24) * len(rows)), lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.dimension", lang)), dtick=1 if matrix.shape[1] <= 32 else None)
    figure.update_yaxes(title=dict(text=t("emb.fig.position", lang)), autorange="reversed", type="category")
    return figure


def _shape(matrix: torch.Tensor) -> str:
    return "[" + ", ".join(str(size) for size in matrix.shape) + "]"


def pooled_comparison(plain: torch.Tensor, masked: torch.Tensor, row_labels: Sequence[str], lang: str) -> go.Figure:
    """The plain mean and the masked mean of the same batch (B, E), side by side on one colour scale."""
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=(t("emb.fig.plain_mean", lang), t("emb.fig.masked_mean", lang)))
    limit = max(float(plain.abs().max()), float(masked.abs().max()), 1e-6)
    dims = list(range(1, plain.shape[1] + 1))
    for column, matrix in enumerate((plain, masked), start=1):
        figure.add_trace(go.Heatmap(z=matrix.tolist(), x=dims, y=_escaped(row_labels), colorscale=DIVERGING,
                                    zmin=-limit, zmax=limit, zmid=0, showscale=column == 2,
                                    hovertemplate="%{y} · dim %{x}: %{z:.3f}<extra></extra>"), 1, column)
    _style(figure, t("emb.fig.pooled_title", lang), max(320, 160 + 40 * len(row_labels)), lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.dimension", lang)))
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_annotations(font=dict(size=FONT_SIZE + 1))
    return figure


def attention_heatmap(tokens: Sequence[Sequence[str]], weights: torch.Tensor, mask: torch.Tensor,
                      row_labels: Sequence[str], lang: str) -> go.Figure:
    """Attention weights (B, T) over each text's tokens; padding cells are left blank."""
    values = torch.where(mask, weights, float("nan"))
    z = [[None if math.isnan(value) else value for value in row] for row in values.tolist()]
    text = [[token if real else "" for token, real in zip(_escaped(row), row_mask, strict=True)]
            for row, row_mask in zip(tokens, mask.tolist(), strict=True)]
    figure = go.Figure(go.Heatmap(z=z, x=list(range(1, weights.shape[1] + 1)), y=_escaped(row_labels), text=text,
                                  texttemplate="%{text}<br>%{z:.2f}", textfont=dict(size=LABEL_SIZE),
                                  colorscale="Blues", zmin=0, zmax=1, hoverongaps=False,
                                  hovertemplate="%{text}: %{z:.3f}<extra></extra>"))
    _style(figure, t("emb.fig.attention_title", lang), max(300, 140 + 56 * len(row_labels)), lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.position", lang)), dtick=1)
    figure.update_yaxes(autorange="reversed", type="category")
    return figure


def gradient_rows(tokens: Sequence[str], norms: Sequence[float], in_batch: Sequence[bool], lang: str) -> go.Figure:
    """One bar per embedding row: the size of its gradient, coloured by whether its token is in the batch."""
    legend = (t("emb.fig.grad_in_batch", lang), t("emb.fig.grad_not_in_batch", lang))
    tokens = _escaped(tokens)
    figure = go.Figure()
    for flag, name, colour in ((True, legend[0], "#0072B2"), (False, legend[1], "#D55E00")):
        rows = [row for row, value in enumerate(in_batch) if value == flag]
        figure.add_trace(go.Bar(x=[tokens[row] for row in rows], y=[norms[row] for row in rows], name=name,
                                marker_color=colour, hovertemplate="%{x}: %{y:.2e}<extra></extra>"))
    _style(figure, t("emb.fig.grad_title", lang), 420, lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.grad_rows", lang)), type="category",
                        categoryorder="array", categoryarray=list(tokens))
    figure.update_yaxes(title=dict(text=t("emb.fig.grad_norm", lang)), exponentformat="e")
    figure.update_layout(legend=dict(orientation="h", y=1.12, x=1, xanchor="right"))
    return figure


def confusion_matrix_figure(matrix: torch.Tensor, class_names: Sequence[str], lang: str) -> go.Figure:
    """Counts of (actual, predicted) classes; the diagonal is what the model got right."""
    names = _escaped(class_names)
    figure = go.Figure(go.Heatmap(z=matrix.tolist(), x=names, y=names, colorscale="Blues", texttemplate="%{z}",
                                  textfont=dict(size=FONT_SIZE + 2), hovertemplate=t("emb.fig.confusion_hover", lang)
                                  + "<extra></extra>"))
    _style(figure, t("emb.fig.confusion_title", lang), max(360, 200 + 50 * len(names)), lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.predicted", lang)), type="category", side="bottom")
    figure.update_yaxes(title=dict(text=t("emb.fig.actual", lang)), type="category", autorange="reversed")
    return figure


def class_probabilities(class_names: Sequence[str], probabilities: Sequence[float], lang: str) -> go.Figure:
    """One horizontal bar per class: the probability the model gives it; the most likely class stands out."""
    best = max(range(len(probabilities)), key=probabilities.__getitem__)
    colours = [CLASS_COLOURS[0] if index == best else NO_LABEL_COLOUR for index in range(len(probabilities))]
    figure = go.Figure(go.Bar(x=list(probabilities), y=_escaped(class_names), orientation="h", marker_color=colours,
                              text=[format_percent(value, lang) for value in probabilities], textposition="outside",
                              textfont=dict(size=FONT_SIZE), hovertemplate="%{y}: %{x:.3f}<extra></extra>"))
    _style(figure, t("emb.fig.probabilities_title", lang), max(260, 140 + 44 * len(class_names)), lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.probability", lang)), range=[0, 1.15], tickformat=".0%")
    figure.update_yaxes(type="category", autorange="reversed")
    return figure
