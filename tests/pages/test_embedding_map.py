"""The embedding map's projection choice (PCA / t-SNE in the background), token search and neighbours."""

from __future__ import annotations

import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import all_text, open_page, session, shown_table
from tests.pages.test_embeddings_page import map_spec, point_count
from textlab.figures.embeddings import LABELS_TRACE
from textlab.train.loop import TrainingRun


def tsne_page(lang: str) -> AppTest:
    """The untrained notebook map switched to t-SNE, rerun until the background map is ready."""
    at = open_page("embeddings", lang=lang, timeout=60)
    at.segmented_control(key="emb_projection").set_value("tsne").run()
    assert not at.exception
    deadline = time.monotonic() + 60
    while not [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith("emb_map")]:
        assert time.monotonic() < deadline, "the t-SNE map never arrived"
        time.sleep(0.2)
        at.run()
    return at


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_pca_is_the_default_and_t_sne_is_a_translated_choice(lang) -> None:
    at = open_page("embeddings", lang=lang)
    control = at.segmented_control(key="emb_projection")
    assert control.value == "pca"
    assert control.options == ["PCA", "t-SNE"]
    assert "principal" in map_spec(at)["layout"]["xaxis"]["title"]["text"]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_t_sne_is_computed_in_the_background_then_drawn_with_its_perplexity(lang) -> None:
    at = open_page("embeddings", lang=lang, timeout=60)
    at.segmented_control(key="emb_projection").set_value("tsne").run()
    first = all_text(at)
    at = tsne_page(lang)
    spec = map_spec(at)
    assert spec["layout"]["xaxis"]["title"]["text"] == "t-SNE 1"
    assert point_count(spec["data"]) == 11  # the notebook's 9 words + <PAD> + <UNK>
    assert not spec.get("frames")  # one snapshot: t-SNE has no shared axes across epochs
    text = all_text(at)
    # 11 tokens: perplexity (11 - 1) / 3, formatted by Babel in the page's language.
    assert ("perplexity 3.3" if lang == "en" else "perplexidade 3,3") in text
    assert first != text


@pytest.mark.parametrize(("lang", "missing"), [("en", "is not in the vocabulary"), ("pt", "não está no vocabulário")])
def test_a_searched_token_is_highlighted_with_its_neighbours_or_reported_missing(lang, missing) -> None:
    at = open_page("embeddings", lang=lang)
    at.text_input(key="emb_search").input("texto").run()
    assert not at.exception
    traces = {trace["name"]: trace for trace in map_spec(at)["data"]}
    selected = labels_of(traces, "selected" if lang == "en" else "selecionado")
    neighbours = labels_of(traces, "its nearest neighbours" if lang == "en" else "seus vizinhos mais próximos")
    assert selected == ["texto"] and len(neighbours) == 5
    assert not {"texto", "<PAD>", "<UNK>"} & set(neighbours)
    # Each highlighted token is labelled once.
    printed = traces[LABELS_TRACE]["text"]
    assert len(printed) == len(set(printed)) and {"texto", *neighbours} <= set(printed)
    table = shown_table(at.table[0])
    assert list(table.iloc[:, 0]) == neighbours
    assert ("cosine similarity" if lang == "en" else "similaridade de cosseno") in table.columns
    assert all(re.fullmatch(r"[+−-]0[.,]\d{3}", score) for score in table.iloc[:, 1])
    at.text_input(key="emb_search").input("zzzqqq").run()
    assert not at.exception
    assert any(missing in warning.value for warning in at.warning)
    assert len(map_spec(at)["data"]) == len(traces) - 2  # no highlight traces


@pytest.mark.parametrize(("lang", "says"), [("en", "into pieces"), ("pt", "em pedaços")])
def test_a_word_a_subword_tokenizer_splits_highlights_its_pieces_and_says_how_it_split(lang, says) -> None:
    # BPE with a tiny vocabulary learned on the notebook's texts splits a long word into pieces.
    at = open_page("embeddings", lang=lang, timeout=60, query={"tokenizer": "bpe", "vocab_size": "40"})
    pieces = session_pieces(at, "textos")
    assert len(pieces) > 1
    at.text_input(key="emb_search").input("textos").run()
    assert not at.exception
    notice = " ".join(info.value for info in at.info)
    assert says in notice and all(f"`{piece}`" in notice for piece in pieces)
    traces = {trace["name"]: trace for trace in map_spec(at)["data"]}
    selected = labels_of(traces, "selected" if lang == "en" else "selecionado")
    assert selected and set(selected) <= set(pieces)  # the pieces among the shown tokens
    if len(selected) > 1:  # neighbours belong to one token: none are listed for several pieces
        assert len(traces) == len({name for name in traces if "neighbours" not in name and "vizinhos" not in name})


def labels_of(traces: dict[str, dict], name: str) -> list[str]:
    """The printed labels of one trace's points (every label is in the labels trace, by token row)."""
    labels = traces[LABELS_TRACE]
    by_row = dict(zip(labels["customdata"], labels["text"], strict=True))
    return [by_row[row] for row in traces[name]["customdata"]]


def session_pieces(at: AppTest, word: str) -> list[str]:
    """How the session's tokenizer (learned as the page learns it) splits ``word``."""
    run = TrainingRun(session(at).config, session(at).dataset)
    return run.vocab.options.tokenize(word)
