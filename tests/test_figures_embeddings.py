"""Figures of the embeddings page: one point per token, one frame per snapshot, translated labels."""

from __future__ import annotations

import math

import pytest
import torch

from textlab.figures.embeddings import (
    LABELS_TRACE,
    TokenColours,
    attention_heatmap,
    class_probabilities,
    confusion_matrix_figure,
    embedding_map,
    embeddings_heatmap,
    gradient_rows,
    pooled_comparison,
)
from textlab.i18n import TEXTS

SPECIAL_NAME = "&lt;PAD&gt; ■ / &lt;UNK&gt; ✕"
TOKENS = ("<PAD>", "<UNK>", "bom", "ruim", "produto", "entrega", "caixa")
COUNTS = (0, 2, 40, 35, 120, 7, 1)


def coordinates(snapshots: int, dims: int = 2) -> torch.Tensor:
    return torch.randn(snapshots, len(TOKENS), dims, generator=torch.Generator().manual_seed(snapshots))


def map_figure(snapshots: int = 4, dims: int = 2, colours: TokenColours | None = None, lang: str = "en", **options):
    losses = [None] + [1.0 / epoch for epoch in range(1, snapshots)]
    return embedding_map(coordinates(snapshots, dims), TOKENS, COUNTS, colours or TokenColours("frequency", COUNTS),
                         list(range(snapshots)), losses, [0.5, 0.3, 0.1][:dims], lang, **options)


def points(traces) -> int:
    return sum(len(trace.x) for trace in traces)


@pytest.mark.parametrize("dims", [2, 3])
def test_one_point_per_token_and_one_frame_per_snapshot(dims) -> None:
    figure = map_figure(snapshots=5, dims=dims)
    assert points(figure.data) == len(TOKENS)
    assert len(figure.frames) == 5
    assert all(points(frame.data) == len(TOKENS) for frame in figure.frames)
    steps = figure.layout.sliders[0].steps
    assert [step.label for step in steps] == ["0", "1", "2", "3", "4"]
    assert [list(step.args[0]) for step in steps] == [[frame.name] for frame in figure.frames]
    assert figure.layout.sliders[0].active == 4
    if dims == 3:
        assert figure.data[0].type == "scatter3d" and len(figure.data[0].z) == len(figure.data[0].x)


def test_frames_hold_each_snapshots_positions_and_loss() -> None:
    figure = map_figure(snapshots=3)
    positions = coordinates(3)
    pad_trace = [index for index, trace in enumerate(figure.data) if trace.name == SPECIAL_NAME][0]
    for snapshot, frame in enumerate(figure.frames):
        assert frame.data[pad_trace].x[0] == pytest.approx(float(positions[snapshot, 0, 0]), abs=1e-4)
    assert "0.5000" in figure.frames[2].layout.title.text
    assert "0.5000" in figure.layout.title.text  # the figure opens on the last snapshot
    assert figure.data[pad_trace].x[0] == pytest.approx(float(positions[2, 0, 0]), abs=1e-4)


def test_frame_titles_write_the_loss_in_the_languages_marks() -> None:
    portuguese = map_figure(snapshots=3, lang="pt")
    assert "0,5000" in portuguese.layout.title.text and "0.5000" not in portuguese.layout.title.text
    assert "0,5000" in portuguese.frames[2].layout.title.text


def test_pad_and_unk_are_marked_with_their_own_symbols() -> None:
    figure = map_figure(labelled_rows=[0, 1])
    special = [trace for trace in figure.data if trace.name == SPECIAL_NAME][0]
    assert list(special.marker.symbol) == ["square", "x"]
    assert labels_by_row(figure.data) == {0: "&lt;PAD&gt;", 1: "&lt;UNK&gt;"}  # plotly shows entities as < and >


def test_classes_get_one_trace_each_and_unlabelled_tokens_their_own() -> None:
    classes = TokenColours("class", [-1, -1, 1, 0, -1, 0, 1], ("neg", "pos"))
    figure = map_figure(colours=classes)
    names = [trace.name for trace in figure.data]
    assert names == ["neg", "pos", "no clear label", SPECIAL_NAME, LABELS_TRACE]
    assert [len(trace.x) for trace in figure.data[:-1]] == [2, 2, 1, 2]
    assert figure.data[0].marker.color != figure.data[1].marker.color


def test_mean_labels_colour_on_a_scale_and_missing_ones_are_grey() -> None:
    values = TokenColours("value", [math.nan, math.nan, 4.5, 1.2, 3.0, math.nan, 2.0])
    figure = map_figure(colours=values)
    assert [len(trace.x) for trace in figure.data[:-1]] == [4, 1, 2]
    assert list(figure.data[0].marker.color) == [4.5, 1.2, 3.0, 2.0]


def test_only_the_chosen_tokens_get_a_text_label() -> None:
    figure = map_figure(labelled_rows=[2, 4])
    assert sorted(labels_by_row(figure.data).values()) == ["bom", "produto"]
    hovers = [hover for trace in figure.data for hover in trace.hovertext or ()]
    assert len(hovers) == len(TOKENS) and any("caixa" in hover for hover in hovers)


def test_a_single_untrained_snapshot_has_no_slider_and_says_so() -> None:
    english, portuguese = map_figure(snapshots=1, untrained=True), map_figure(snapshots=1, untrained=True, lang="pt")
    assert not english.frames and not english.layout.sliders
    assert "Untrained" in english.layout.title.text and "não treinados" in portuguese.layout.title.text
    assert "variance" in english.layout.xaxis.title.text and "variância" in portuguese.layout.xaxis.title.text


def test_embeddings_heatmap_has_a_row_per_position() -> None:
    matrix = torch.randn(4, 6)
    figure = embeddings_heatmap(["bom", "produto", "<PAD>", "<PAD>"], matrix, 1, "en")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["1. bom", "2. produto", "3. &lt;PAD&gt;", "4. &lt;PAD&gt;"]
    assert len(heatmap.z) == 4 and len(heatmap.z[0]) == 6
    assert "[4, 6]" in figure.layout.title.text


def test_pooled_comparison_puts_both_means_on_one_scale() -> None:
    plain, masked = torch.randn(3, 5), torch.randn(3, 5) * 3
    figure = pooled_comparison(plain, masked, ["t1", "t2", "t3"], "pt")
    assert len(figure.data) == 2
    assert figure.data[0].zmax == figure.data[1].zmax == pytest.approx(float(masked.abs().max().clamp(
        min=plain.abs().max())))
    titles = [annotation.text for annotation in figure.layout.annotations]
    assert any("média simples" in title for title in titles) and any("mascarada" in title for title in titles)


def test_attention_heatmap_leaves_padding_blank() -> None:
    weights = torch.tensor([[0.7, 0.3, 0.0], [0.2, 0.5, 0.3]])
    mask = torch.tensor([[True, True, False], [True, True, True]])
    figure = attention_heatmap([["bom", "dia", "<PAD>"], ["a", "b", "c"]], weights, mask, ["t1", "t2"], "en")
    assert figure.data[0].z[0][2] is None and figure.data[0].z[1][2] == pytest.approx(0.3)
    assert figure.data[0].text[0][2] == ""


def test_gradient_rows_split_batch_tokens_from_the_rest() -> None:
    figure = gradient_rows(["<PAD>", "<UNK>", "bom"], [0.0, 0.0, 0.4], [False, False, True], "en")
    in_batch, outside = figure.data
    assert list(in_batch.x) == ["bom"] and list(outside.x) == ["&lt;PAD&gt;", "&lt;UNK&gt;"]
    assert list(outside.y) == [0.0, 0.0]


def test_confusion_matrix_shows_the_counts() -> None:
    matrix = torch.tensor([[5, 1], [2, 7]])
    figure = confusion_matrix_figure(matrix, ["neg", "pos"], "en")
    assert [list(row) for row in figure.data[0].z] == [[5, 1], [2, 7]]
    assert figure.layout.xaxis.title.text == "predicted class"
    assert confusion_matrix_figure(matrix, ["neg", "pos"], "pt").layout.yaxis.title.text == "classe real"


def test_class_probabilities_highlight_the_most_likely_class() -> None:
    figure = class_probabilities(["neg", "pos", "neutral"], [0.2, 0.7, 0.1], "en")
    colours = list(figure.data[0].marker.color)
    assert colours[1] != colours[0] and colours[0] == colours[2]
    assert list(figure.data[0].text) == ["20.0%", "70.0%", "10.0%"]


def test_frequency_colour_bar_is_labelled_with_counts() -> None:
    colour_bar = map_figure().data[0].marker.colorbar
    assert list(colour_bar.ticktext) == ["1", "10", "100", "120"]
    assert list(colour_bar.tickvals) == pytest.approx([0, 1, 2, math.log10(120)])


def test_3d_axes_get_short_titles() -> None:
    scene = map_figure(dims=3, lang="pt").layout.scene
    assert scene.xaxis.title.text == "CP 1 (50%)" and scene.zaxis.title.text == "CP 3 (10%)"


def test_user_text_cannot_inject_plotly_markup() -> None:
    tokens = ("<PAD>", "<UNK>", '<a href="https://example.com">x</a>', "<b>bold</b>")
    figure = embedding_map(torch.zeros(1, 4, 2), tokens, (0, 0, 1, 1), TokenColours("frequency", (0, 0, 1, 1)), [0],
                           [None], [0.5, 0.5], "en", labelled_rows=range(4))
    texts = [text for trace in figure.data for text in [*(trace.text or ()), *(trace.hovertext or ())]]
    assert not any("<a" in text or "<b>" in text for text in texts)
    assert any("&lt;b&gt;bold&lt;/b&gt;" in text for text in texts)
    matrix = confusion_matrix_figure(torch.eye(2, dtype=torch.long), ["<i>neg</i>", "pos"], "en")
    assert list(matrix.data[0].x) == ["&lt;i&gt;neg&lt;/i&gt;", "pos"]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_map_opens_on_the_kept_weights_and_marks_them(lang) -> None:
    figure = map_figure(snapshots=5, lang=lang, kept_frame=2)
    kept_suffix = TEXTS["emb.map.title_kept"][lang].replace("{title}", "")
    assert figure.layout.sliders[0].active == 2
    assert figure.layout.title.text.endswith(kept_suffix) and "2" in figure.layout.title.text
    marked = [frame.name for frame in figure.frames if frame.layout.title.text.endswith(kept_suffix)]
    assert marked == ["2"]
    assert list(figure.data[0].x) == list(map_figure(snapshots=5, lang=lang).frames[2].data[0].x)
    plain = map_figure(snapshots=5, lang=lang)
    assert plain.layout.sliders[0].active == 4 and not plain.layout.title.text.endswith(kept_suffix)


def labels_by_row(traces) -> dict[int, str]:
    """Printed labels per token row: all in the last trace, drawn over every point."""
    labels = traces[-1]
    return dict(zip(labels.customdata, labels.text, strict=True))


def frame_labels(figure, frame) -> set[str]:
    return set(labels_by_row(figure.frames[frame].data).values())


def test_labels_are_drawn_after_every_point_each_just_above_its_own() -> None:
    figure = map_figure(labelled_rows=[2, 4], highlighted_rows=[3])
    *groups, labels = figure.data
    assert labels.name == LABELS_TRACE and not labels.showlegend and labels.hoverinfo == "skip"
    assert all(not trace.text for trace in groups)  # no group prints a label another group's markers could cover
    position = {row: (x, y) for trace in groups for row, x, y in zip(trace.customdata, trace.x, trace.y, strict=True)}
    size = {row: trace.marker.size for trace in groups for row in trace.customdata}
    assert [(x, y) for x, y in zip(labels.x, labels.y, strict=True)] == [position[row] for row in labels.customdata]
    assert list(labels.marker.size) == [size[row] for row in labels.customdata] and labels.marker.opacity == 0
    assert set(labels.customdata) == {2, 3, 4}


def test_crowded_labels_print_one_per_spot_most_frequent_first_and_each_frame_decides_its_own() -> None:
    # Frame 0: every token spread along a line; frame 1: all but "caixa" piled on one spot.
    spread = torch.stack([torch.arange(len(TOKENS), dtype=torch.float32) * 3, torch.zeros(len(TOKENS))], dim=1)
    piled = spread.clone()
    piled[:-1] = torch.tensor([1.0, 0.0])
    figure = embedding_map(torch.stack([spread, piled]), TOKENS, COUNTS, TokenColours("frequency", COUNTS),
                           [0, 1], [None, 0.5], [0.5, 0.3], "en", labelled_rows=[4, 2, 3, 5, 6])
    assert sorted(labels_by_row(figure.data)) == [4, 6]  # opens on the last frame: "produto" wins the pile
    assert frame_labels(figure, 1) == {"produto", "caixa"}
    assert frame_labels(figure, 0) == {"produto", "bom", "ruim", "entrega", "caixa"}


def test_a_searched_token_keeps_its_label_in_a_crowd_and_presentation_text_crowds_more() -> None:
    near = torch.tensor([[0.0, 0.0], [9.0, 9.0], [0.1, 0.0], [0.0, 0.1], [0.3, 0.3], [5.0, 5.0], [1.5, 0.0]])
    figure = embedding_map(near[None], TOKENS, COUNTS, TokenColours("frequency", COUNTS), [3], [0.5], [0.5, 0.3],
                           "en", labelled_rows=range(len(TOKENS)), highlighted_rows=[3])
    printed = labels_by_row(figure.data)
    assert printed[3] == "ruim" and 2 not in printed and 0 not in printed
    scales = [embedding_map(near[None], TOKENS, COUNTS, TokenColours("frequency", COUNTS), [3], [0.5], [0.5, 0.3],
                            "en", labelled_rows=range(len(TOKENS)), text_scale=scale) for scale in (1.0, 3.0)]
    normal, presented = (labels_by_row(figure.data) for figure in scales)
    assert set(presented) < set(normal)
