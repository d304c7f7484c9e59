"""Figures of the Batches page: one batch's ids as a heatmap, and how much of the batches is padding."""

from __future__ import annotations

import html
from collections.abc import Sequence

import plotly.graph_objects as go
import torch

from textlab.figures.style import PLOT_WIDTH_PX, PRESENTATION_SCALE, wrapped
from textlab.i18n import Counted, t
from textlab.i18n.numbers import PLOTLY_SEPARATORS, format_integer, format_percent
from textlab.text.batching import PaddingStats
from textlab.text.vocab import PAD_TOKEN, UNK_ID, UNK_TOKEN

BLUE, ORANGE = "#0072B2", "#E69F00"
# Real tokens in light colours (black ids stay legible), PAD in dark grey: told apart by lightness,
# which every kind of colour vision sees.
ID_COLOURS = [[0.0, "#FFF3C4"], [0.5, "#CDE6C0"], [1.0, "#A6D1F0"]]
PAD_COLOUR = "#4D4D4D"
# Ids are written in the cells only where they fit, apart and legible, at presentation mode's larger size
# in a plot PLOT_WIDTH_PX across. A digit is about 0.6 of its font size wide, and each cell keeps
# CELL_ROOM_PX clear around its text. Text smaller than MIN_CELL_FONT is not written: the ids are then on
# hover only, and the tensor above prints every one.
CELL_ROOM_PX, DIGIT_WIDTH_EM = 6, 0.6
MIN_CELL_FONT, MAX_CELL_FONT = 10, 18
MAX_LABELLED_CELLS = 600
MAX_ROWS, MAX_COLUMNS = 64, 200
# The padding charts share a row on a laptop (two fifths and three fifths of it): their titles wrap to
# fit their column (at most two lines, which the default top margin holds at presentation size), and
# the y title wraps to two lines so it stays beside the plot instead of reaching up into the title.
COMPARISON_TITLE_CHARACTERS, PER_BATCH_TITLE_CHARACTERS, AXIS_TITLE_CHARACTERS = 30, 40, 18
# Plotly reads <...> in its text as markup, so the token's angle brackets are escaped.
_PAD = html.escape(PAD_TOKEN)


def _cell_hover(token: str, index: int, lang: str) -> str:
    """Hover text of a real token: the token as cut from the text (escaped), and its id."""
    shown = html.escape(token)
    if index == UNK_ID:
        return t("batchfig.hover_unknown", lang, token=shown, unk=html.escape(UNK_TOKEN))
    return t("batchfig.hover_token", lang, token=shown, id=index)


def batch_heatmap(ids: torch.Tensor, mask: torch.Tensor, tokens: Sequence[Sequence[str]], rows: Sequence[int],
                  lang: str) -> go.Figure:
    """The (B, T) ids as coloured cells, PAD cells grey, the token text on hover; large batches are cropped."""
    shown_ids, shown_mask = ids[:MAX_ROWS, :MAX_COLUMNS], mask[:MAX_ROWS, :MAX_COLUMNS]  # (B', T')
    height, width = shown_ids.shape
    id_rows, mask_rows = shown_ids.tolist(), shown_mask.tolist()
    pad_hover = t("batchfig.hover_pad", lang, pad=_PAD)
    real_z, pad_z, hover = [], [], []
    for row in range(height):
        real_z.append([value if real else None for value, real in zip(id_rows[row], mask_rows[row], strict=True)])
        pad_z.append([None if real else 0 for real in mask_rows[row]])
        position_text = [t("batchfig.hover_where", lang, row=rows[row] + 1, position=position)
                         for position in range(width)]
        hover.append([f"{position_text[position]}<br>"
                      + (_cell_hover(tokens[row][position], id_rows[row][position], lang)
                         if mask_rows[row][position] else pad_hover) for position in range(width)])
    figure_height = min(900, max(300, 150 + 50 * height))
    font_size = _cell_font_size(height, width, len(str(int(shown_ids.max()))) if shown_ids.numel() else 1,
                                figure_height)
    labelled = font_size is not None
    real_text = [[str(value) if value is not None else "" for value in row] for row in real_z] if labelled else None
    pad_text = [["" if value is None else "0" for value in row] for row in pad_z] if labelled else None
    y_labels = [t("batchfig.row", lang, row=row + 1) for row in rows[:height]]
    gap = 2 if labelled else 0  # thin white lines between cells, where cells are wide enough
    common = dict(x=list(range(width)), y=y_labels, hovertext=hover, hoverinfo="text", xgap=gap, ygap=gap,
                  texttemplate="%{text}" if labelled else None)
    figure = go.Figure()
    colorbar = dict(title="id", tickvals=_colour_ticks([value for row in real_z for value in row if value is not None],
                                                       max(2, (figure_height - 150) // 40)))
    figure.add_heatmap(z=real_z, colorscale=ID_COLOURS, colorbar=colorbar, name="id", text=real_text,
                       textfont=dict(size=font_size, color="#000000"), **common)
    figure.add_heatmap(z=pad_z, colorscale=[[0, PAD_COLOUR], [1, PAD_COLOUR]], showscale=False, name=PAD_TOKEN,
                       text=pad_text, textfont=dict(size=font_size, color="#FFFFFF"), **common)
    title = t("batchfig.title", lang, rows=ids.shape[0], columns=ids.shape[1], pad=_PAD)
    if (height, width) != tuple(ids.shape):
        title += "<br><sup>" + t("batchfig.cropped", lang, rows=Counted("texts", height),
                                             columns=Counted("positions", width)) + "</sup>"
    figure.update_layout(title=title, xaxis_title=t("batchfig.position", lang), font=dict(size=15),
                         height=figure_height, plot_bgcolor="white",
                         margin=dict(l=90))
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(dtick=1 if labelled else None)
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure


def _colour_ticks(values: Sequence[int], most: int) -> list[int]:
    """Colour-bar ticks from the lowest id shown to the highest, evenly between: Plotly's own choice
    can label a single id, which tells a student nothing of the scale. ``most`` is as many as the bar's
    height holds at presentation size, so they never overlap."""
    if not values:
        return []
    low, high = min(values), max(values)
    return sorted({round(low + (high - low) * step / (most - 1)) for step in range(most)})


def _cell_font_size(rows: int, columns: int, digits: int, figure_height: int) -> float | None:
    """The font size whose ids, at presentation mode's scale, fit their cells; None where none legible does."""
    if rows * columns > MAX_LABELLED_CELLS:
        return None
    across = (PLOT_WIDTH_PX / columns - CELL_ROOM_PX) / (digits * DIGIT_WIDTH_EM)
    down = (figure_height - 150) / rows - CELL_ROOM_PX  # 150 px of title and axis around the cells
    size = min(across, down) / PRESENTATION_SCALE
    return min(size, MAX_CELL_FONT) if size >= MIN_CELL_FONT else None


def padding_comparison(without: PaddingStats, with_bucketing: PaddingStats, lang: str) -> go.Figure:
    """Two bars: the share of padding cells in an epoch without and with length bucketing."""
    names = [t("batchfig.bucketing_off", lang), t("batchfig.bucketing_on", lang)]
    values = [without.overall, with_bucketing.overall]
    figure = go.Figure(go.Bar(x=names, y=values, marker_color=[ORANGE, BLUE], width=0.5,
                              text=[format_percent(value, lang, 0) for value in values], textposition="outside",
                              hovertemplate="%{x}: %{y:.1%}<extra></extra>"))
    figure.update_layout(title=wrapped(t("batchfig.comparison_title", lang), COMPARISON_TITLE_CHARACTERS),
                         yaxis=dict(range=[0, 1.1], tickformat=".0%"), font=dict(size=15), height=360,
                         yaxis_title=wrapped(t("batchfig.padding_share", lang, pad=_PAD), AXIS_TITLE_CHARACTERS))
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure


def padding_per_batch(stats: PaddingStats, current: int, lang: str) -> go.Figure:
    """The padding share of every batch of the epoch, the batch on screen in orange."""
    colours = [ORANGE if number == current else BLUE for number in range(len(stats.per_batch))]
    figure = go.Figure(go.Bar(x=list(range(1, len(stats.per_batch) + 1)), y=list(stats.per_batch),
                              marker_color=colours, hovertemplate=t("batchfig.per_batch_hover", lang)))
    # Among hundreds of batches one orange bar is a hairline: an arrow names it.
    figure.add_annotation(x=current + 1, y=stats.per_batch[current], yshift=4, showarrow=True, arrowhead=2,
                          arrowcolor=ORANGE, ax=0, ay=-30, font=dict(color="#9a5b00"),
                          text=t("batchfig.current", lang, number=format_integer(current + 1, lang)))
    figure.update_layout(title=wrapped(t("batchfig.per_batch_title", lang, percent=stats.overall),
                                       PER_BATCH_TITLE_CHARACTERS),
                         xaxis=dict(title=t("batchfig.batch", lang), dtick=1 if len(stats.per_batch) <= 30 else None),
                         yaxis=dict(range=[0, 1], tickformat=".0%"), font=dict(size=15), height=360, bargap=0.1,
                         yaxis_title=wrapped(t("batchfig.padding_share", lang, pad=_PAD), AXIS_TITLE_CHARACTERS))
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure
