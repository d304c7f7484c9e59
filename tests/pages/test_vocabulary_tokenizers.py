"""The Vocabulary page's subword views in AppTest: side-by-side tokenizers, BPE merges, both languages."""

from __future__ import annotations

import pytest

from tests.pages.helpers import all_text, open_page, session
from textlab.i18n import plural
from textlab.ui.texts import t


def _token_texts(at) -> list[str]:
    return [element.proto.body for element in at.get("html") if "token-text" in element.proto.body]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_a_new_word_is_unk_for_the_notebook_and_pieces_for_bpe(lang) -> None:
    at = open_page("vocabulary", lang=lang, query={"tokenizer": "bpe", "vocab_size": "60"})
    at.text_input(key="vocab_sentence").set_value("textos incríveis").run()  # new words, seen characters
    assert not at.exception
    text = all_text(at)
    assert t("option.tokenizer.whitespace", lang) in text and t("option.tokenizer.bpe", lang) in text
    assert t("tokview.compare", lang) in text
    notebook, bpe = _token_texts(at)
    assert "token-span unknown" in notebook and "token-span unknown" not in bpe
    assert t("tokview.counts", lang, tokens=plural("count.tokens", 2, lang), unknown=2) in text
    at.text_input(key="vocab_sentence").set_value("<b>texto</b>").run()
    assert all("&lt;" in view and "<b>" not in view for view in _token_texts(at))
    assert at.session_state["cfg_tokenizer"] == "bpe"
    assert session(at).config.text.vocab_size == 60


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_stepping_through_the_bpe_merges(lang) -> None:
    at = open_page("vocabulary", lang=lang)
    first = [element.value for element in at.markdown if "→" in element.value]
    at.number_input(key="bpe_merge").set_value(2).run()
    assert not at.exception
    second = [element.value for element in at.markdown if "→" in element.value]
    assert first != second and second
    total = at.number_input(key="bpe_merge").max
    assert t("tokview.merge_line", lang, number=2, total=total, left="", right="", token="")[:6] in second[0]
    assert any("merge-steps" in element.proto.body for element in at.get("html"))


def test_choosing_a_subword_tokenizer_builds_its_vocabulary() -> None:
    at = open_page("vocabulary")
    at.selectbox(key="cfg_tokenizer").set_value("unigram").run()
    assert not at.exception
    tokens = at.dataframe[0].value["token"].tolist()
    assert tokens[:2] == ["<PAD>", "<UNK>"] and "o" in tokens  # single characters are pieces too
    assert session(at).config.text.tokenizer == "unigram"


def test_the_subword_vocabulary_size_is_greyed_out_for_a_word_tokenizer() -> None:
    at = open_page("vocabulary")
    assert at.number_input(key="cfg_vocab_size").disabled  # the notebook's whitespace tokenizer
    at.selectbox(key="cfg_tokenizer").set_value("wordpiece").run()
    assert not at.number_input(key="cfg_vocab_size").disabled
