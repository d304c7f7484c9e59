"""Figures of the Data and Batches pages: plain data in, plotly figures out (asserted on fig.data)."""

from __future__ import annotations

import pytest
import torch

from textlab.figures.batches import (
    CELL_ROOM_PX,
    DIGIT_WIDTH_EM,
    MAX_LABELLED_CELLS,
    MAX_ROWS,
    MIN_CELL_FONT,
    batch_heatmap,
    padding_comparison,
    padding_per_batch,
)
from textlab.figures.data import MAX_BARS, label_figure, length_bins, length_histogram
from textlab.figures.style import PLOT_WIDTH_PX, figure_style
from textlab.i18n import t
from textlab.text.batching import EncodedTexts, PaddingStats

XSS = '<img src=x onerror="window.__xss=1">'


def test_length_bins_count_lengths_from_the_first_bin() -> None:
    assert length_bins(torch.tensor([3, 5, 3, 4]), 1, 3) == ([3, 4, 5], [2, 1, 1])
    assert length_bins(torch.tensor([0, 9, 10, 25]), 10) == ([0, 10, 20], [2, 1, 1])
    assert length_bins(torch.tensor([], dtype=torch.long), 1) == ([], [])


def test_length_histogram_shows_lengths_beside_padded_widths() -> None:
    lengths, padded = torch.tensor([4, 5, 3]), torch.tensor([5, 5, 3])
    figure = length_histogram(lengths, padded, batch_size=2, pad_fraction=1 / 13, lang="en")
    real, after_padding = figure.data
    assert list(real.x) == ["3", "4", "5"] and list(real.y) == [1, 1, 1]
    assert list(after_padding.x) == ["3", "4", "5"] and list(after_padding.y) == [1, 0, 2]
    assert "8%" in figure.layout.title.text and "2" in figure.layout.title.text
    assert figure.layout.xaxis.title.text == t("datafig.tokens_per_text", "en")
    assert figure.layout.yaxis.dtick == 1  # whole texts: no tick at 0.5


def test_length_histogram_leaves_out_held_out_texts_and_bins_long_texts() -> None:
    lengths = torch.arange(1, 1001)
    padded = torch.where(lengths % 2 == 0, lengths, torch.tensor(-1))
    real, after_padding = length_histogram(lengths, padded, 2, 0.0, "pt").data
    assert len(real.x) <= MAX_BARS
    assert sum(real.y) == 1000
    assert sum(after_padding.y) == 500
    assert real.name == t("datafig.real_length", "pt")
    assert after_padding.name == t("datafig.padded_length_train", "pt")  # the 500 held out are not in it
    every_text = length_histogram(lengths, lengths, 2, 0.0, "pt").data[1]
    assert sum(every_text.y) == 1000 and every_text.name == t("datafig.padded_length", "pt")
    assert length_histogram(lengths, padded, 2, 0.0, "pt").layout.yaxis.dtick is None  # many texts per bar


def test_label_figure_draws_a_bar_per_label_with_user_text_escaped() -> None:
    figure = label_figure(["neg", XSS], [3, 1], numeric=False, lang="en")
    (bars,) = figure.data
    assert list(bars.y) == [3, 1]
    assert bars.x[0] == "neg"
    assert "<img" not in bars.x[1] and "&lt;img" in bars.x[1]


def test_label_figure_turns_many_numbers_into_a_histogram() -> None:
    labels = [str(value / 10) for value in range(100)]
    (histogram,) = label_figure(labels, [2] * 100, numeric=True, lang="en").data
    assert histogram.type == "histogram"
    assert len(histogram.x) == 200


def _batch(sequences: list[list[int]]):
    return EncodedTexts.from_lists(sequences).collate(torch.arange(len(sequences)))


def test_batch_heatmap_separates_real_ids_from_pad_cells() -> None:
    batch = _batch([[2, 3, 4, 5], [6, 1]])
    tokens = [["exemplo", "de", "texto", "1"], ["mais", "palavra"]]
    real, pad = batch_heatmap(batch.ids, batch.mask, tokens, [0, 1], "en").data
    assert [list(row) for row in real.z] == [[2, 3, 4, 5], [6, 1, None, None]]
    assert [list(row) for row in pad.z] == [[None] * 4, [None, None, 0, 0]]
    assert [list(row) for row in real.text] == [["2", "3", "4", "5"], ["6", "1", "", ""]]
    assert [list(row) for row in pad.text] == [["", "", "", ""], ["", "", "0", "0"]]
    assert pad.colorscale[0][1] != real.colorscale[0][1] and pad.colorscale[-1][1] != real.colorscale[-1][1]
    assert list(real.y) == [t("batchfig.row", "en", row=1), t("batchfig.row", "en", row=2)]
    assert list(real.colorbar.tickvals) == [1, 4, 6]  # the scale from the lowest id shown to the highest


def test_batch_colour_bar_ticks_span_the_ids_without_crowding() -> None:
    batch = _batch([[2, 900, 4], [31, 1]])
    ticks = list(batch_heatmap(batch.ids, batch.mask, [["a"] * 3, ["b"] * 2], [0, 1], "en").data[0].colorbar.tickvals)
    assert ticks[0] == 1 and ticks[-1] == 900 and ticks == sorted(ticks) and 2 <= len(ticks) <= 4


def test_batch_heatmap_hover_names_the_token_escaped_and_unknown_ones() -> None:
    batch = _batch([[2, 1], [3]])
    hover = batch_heatmap(batch.ids, batch.mask, [["ok", XSS], ["<script>"]], [4, 7], "en").data[0].hovertext
    assert "ok" in hover[0][0] and "id: 2" in hover[0][0] and "row 5" in hover[0][0]
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in hover[0][1]
    assert "&lt;UNK&gt;" in hover[0][1]
    assert "&lt;script&gt;" in hover[1][0]
    assert "&lt;PAD&gt;" in hover[1][1]
    assert not any("<img" in cell or "<script" in cell for row in hover for cell in row)


def test_batch_heatmap_crops_a_large_batch_and_says_so() -> None:
    sequences = [[2] * 300 for _ in range(MAX_ROWS + 6)]
    batch = _batch(sequences)
    tokens = [["w"] * 300 for _ in sequences]
    figure = batch_heatmap(batch.ids, batch.mask, tokens[:MAX_ROWS], list(range(len(sequences))), "en")
    real = figure.data[0]
    assert len(real.z) == MAX_ROWS and len(real.z[0]) < 300
    assert real.text is None  # too many cells to print ids in them
    assert f"({MAX_ROWS + 6} × 300)" in figure.layout.title.text
    assert "<sup>" in figure.layout.title.text


@pytest.mark.parametrize(("rows", "width", "id_", "labelled"), [
    (2, 5, 7, True),  # the notebook's batch
    (2, 20, 99, True),
    (2, 20, 100, False),  # one digit more and 20 ids no longer fit across
    (8, 30, 9, True),
    (8, 40, 9, False),
    (30, 12, 9, True),
    (40, 12, 9, False),  # too many rows for the cells' height
    (MAX_LABELLED_CELLS // 10 + 1, 10, 1, False),  # too many cells to print at all
])
def test_batch_heatmap_prints_ids_only_while_they_fit(rows, width, id_, labelled) -> None:
    batch = _batch([[id_] * width for _ in range(rows)])
    figure = batch_heatmap(batch.ids, batch.mask, [["w"] * width] * rows, list(range(rows)), "en")
    assert (figure.data[0].text is not None) == labelled


@pytest.mark.parametrize(("rows", "width", "id_"), [(2, 5, 7), (2, 20, 99), (8, 30, 9), (30, 12, 9), (4, 12, 999)])
def test_printed_ids_fit_their_cells_at_presentation_size(rows, width, id_) -> None:
    batch = _batch([[id_] * width for _ in range(rows)])
    figure = figure_style(batch_heatmap(batch.ids, batch.mask, [["w"] * width] * rows, list(range(rows)), "en"),
                          presentation=True)
    size = figure.data[0].textfont.size
    assert size >= MIN_CELL_FONT
    assert size * DIGIT_WIDTH_EM * len(str(id_)) + CELL_ROOM_PX <= PLOT_WIDTH_PX / width + 1e-9
    assert size + CELL_ROOM_PX <= (figure.layout.height - 150) / rows + 1e-9


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_padding_figures_show_the_shares(lang) -> None:
    without, with_bucketing = PaddingStats((0.5, 0.9), 70, 100), PaddingStats((0.1, 0.2), 15, 100)
    (bars,) = padding_comparison(without, with_bucketing, lang).data
    assert list(bars.y) == [0.7, 0.15]
    assert list(bars.x) == [t("batchfig.bucketing_off", lang), t("batchfig.bucketing_on", lang)]
    figure = padding_per_batch(without, current=1, lang=lang)
    (per_batch,) = figure.data
    assert list(per_batch.y) == [0.5, 0.9]
    assert per_batch.marker.color[0] != per_batch.marker.color[1]
    (arrow,) = figure.layout.annotations  # the orange bar is named: among hundreds it is a hairline
    assert (arrow.x, arrow.y, arrow.text) == (2, 0.9, t("batchfig.current", lang, number="2"))
    assert "&lt;PAD&gt;" in padding_comparison(without, with_bucketing, lang).layout.yaxis.title.text
