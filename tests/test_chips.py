"""Token chips are HTML built from user text: every token is escaped, unknown ones are marked."""

from __future__ import annotations

import html
import re

import pytest

from textlab.text.corpus import build_vocab
from textlab.text.coverage import TokenChip, sentence_chips
from textlab.ui.chips import chips_html, text_html

ATTACKS = ['<img src=x onerror=alert(1)>', "<script>window.__xss=1</script>", '"><b onmouseover=alert(1)>x</b>',
           "&lt;already escaped&gt;"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_token_shows_as_literal_text(attack) -> None:
    markup = chips_html([TokenChip(attack, 1)])
    assert html.escape(attack) in markup
    assert attack not in markup


def test_whole_sentences_with_markup_stay_literal(notebook_texts) -> None:
    vocab = build_vocab(notebook_texts)
    for attack in ATTACKS:
        markup = chips_html(sentence_chips(vocab, attack))
        assert "<img" not in markup and "<script" not in markup and "<b " not in markup


def test_unknown_chips_are_marked_and_name_unk(notebook_texts) -> None:
    markup = chips_html(sentence_chips(build_vocab(notebook_texts), "PyTorch é muito incrível"))
    assert markup.count('class="token-chip known"') == 3
    assert markup.count('class="token-chip unknown"') == 1
    assert "1 = &lt;UNK&gt;" in markup
    assert ">incrível</span>" in markup and ">10</span>" in markup


def test_in_the_coloured_sentence_orange_means_unknown_and_nothing_else(notebook_texts) -> None:
    """The page's captions say orange marks <UNK>, so no known token may get the orange fill."""
    sentence = "PyTorch é muito incrível e muito muito bom"
    chips = sentence_chips(build_vocab(notebook_texts), sentence)
    markup = text_html(sentence, chips)
    spans = re.findall(r'<span class="token-span( unknown)?"[^>]*style="background:(#[0-9A-F]+)', markup)
    assert len(spans) == len(chips)
    unknown_fills = {fill for unknown, fill in spans if unknown}
    known_fills = {fill for unknown, fill in spans if not unknown}
    assert unknown_fills == {"#FBE3B0"}
    assert "#FBE3B0" not in known_fills and len(known_fills) > 1
