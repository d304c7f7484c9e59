"""Figures of the Data page: text lengths against the width batches pad them to, and the labels."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import plotly.graph_objects as go
import torch

from textlab.figures.style import wrapped
from textlab.i18n import plural, t
from textlab.i18n.numbers import PLOTLY_SEPARATORS, format_integer, plural_category

# Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
BLUE, ORANGE = "#0072B2", "#E69F00"
MAX_BARS = 60
# The lengths chart spans the page, about 900 px at 1280 px in presentation mode: its title breaks into
# lines of 60 characters (a bold one is about 0.6 of the 24-px font there), two that the top margin
# holds above the legend.
LENGTHS_TITLE_CHARACTERS = 60
MAX_LABEL_BARS = 30


def length_bins(lengths: torch.Tensor, bin_width: int, first: int = 0) -> tuple[list[int], list[int]]:
    """Start of each bin of ``bin_width`` from ``first`` to the longest length, and how many lengths fall in it."""
    if not len(lengths):
        return [], []
    bins = (lengths.long() - first) // bin_width
    counts = torch.bincount(bins, minlength=int(bins.max()) + 1)
    return [first + index * bin_width for index in range(len(counts))], counts.tolist()


def length_histogram(lengths: torch.Tensor, padded: torch.Tensor, batch_size: int, pad_fraction: float,
                     lang: str) -> go.Figure:
    """Bars of text lengths, and beside them the widths the texts are padded to in their batches.

    Texts held out for validation are in no training batch: their lengths count, their widths do not,
    and the width bars' name says so.
    """
    held_out = bool((padded < 0).any())
    padded = padded[padded >= 0]
    longest = int(max(lengths.max(), padded.max() if len(padded) else 0)) if len(lengths) else 0
    shortest = int(lengths.min()) if len(lengths) else 0
    bin_width = max(1, math.ceil((longest - shortest + 1) / MAX_BARS))
    figure = go.Figure()
    most = 0
    for values, name, colour in ((lengths, t("datafig.real_length", lang), BLUE),
                                 (padded, t("datafig.padded_length_train" if held_out else "datafig.padded_length",
                                             lang), ORANGE)):
        starts, counts = length_bins(values, bin_width, shortest)
        most = max([most, *counts])
        ranges = [str(start) if bin_width == 1 else f"{start}–{start + bin_width - 1}" for start in starts]
        hovers = [[_lengths(start, bin_width, lang), plural("count.texts", count, lang)]
                  for start, count in zip(starts, counts, strict=True)]
        figure.add_bar(x=ranges, y=counts, name=name, marker_color=colour, customdata=hovers,
                       hovertemplate=t("datafig.length_hover", lang) + f"<extra>{html.escape(name)}</extra>")
    figure.update_layout(
        title=wrapped(t("datafig.lengths_title", lang, batch_size=batch_size, padding=pad_fraction),
                      LENGTHS_TITLE_CHARACTERS),
        xaxis_title=t("datafig.tokens_per_text", lang), yaxis_title=t("datafig.texts", lang),
        barmode="group", bargap=0.15, legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        margin=dict(t=110), font=dict(size=15))
    figure.update_xaxes(type="category")
    _whole_number_ticks(figure, most)
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure


def _lengths(start: int, width: int, lang: str) -> str:
    """A bar's lengths with their noun in the form the last one takes: "1 token", "2–3 tokens"."""
    last = start + width - 1
    shown = format_integer(start, lang) if width == 1 else f"{format_integer(start, lang)}–{format_integer(last, lang)}"
    return t(f"count.tokens.{plural_category(last, lang)}", lang, count=shown)


def _whole_number_ticks(figure: go.Figure, most: int) -> None:
    """Counts of a few texts get a tick per text, never 0.5 of a text."""
    if most <= 10:
        figure.update_yaxes(dtick=1)


def label_figure(labels: Sequence[str], counts: Sequence[int], numeric: bool, lang: str) -> go.Figure:
    """Texts per label as bars; many distinct numeric labels as a histogram of their values."""
    figure = go.Figure()
    if numeric and len(labels) > MAX_LABEL_BARS:
        values = [float(label) for label, count in zip(labels, counts, strict=True) for _ in range(count)]
        figure.add_histogram(x=values, nbinsx=MAX_BARS, marker_color=BLUE, name=t("datafig.texts", lang))
    else:
        # Plotly reads tags in tick labels; a label is user text, so it is escaped.
        figure.add_bar(x=[html.escape(label) for label in labels], y=list(counts), marker_color=BLUE,
                       name=t("datafig.texts", lang))
        figure.update_xaxes(type="category")
        _whole_number_ticks(figure, max(counts, default=0))
    figure.update_layout(title=t("datafig.labels_title", lang), xaxis_title=t("datafig.label", lang),
                         yaxis_title=t("datafig.texts", lang), font=dict(size=15), showlegend=False)
    figure.update_layout(separators=PLOTLY_SEPARATORS[lang])  # 0,5 in Portuguese ticks and hovers
    return figure
