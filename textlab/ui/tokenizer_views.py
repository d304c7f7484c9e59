"""The Vocabulary page's tokenizer views: the notebook's tokenizer beside a subword one, and BPE merge by merge."""

from __future__ import annotations

import html

import streamlit as st

from textlab.i18n import option_label
from textlab.text import subword
from textlab.text.coverage import sentence_chips
from textlab.train.config import TrainConfig
from textlab.ui import cached, state
from textlab.ui.chips import text_html
from textlab.ui.state import tr

EXAMPLE_WORDS = 3
# A piece in a box of its own: as bare letters, "m o de l o" and "m o d e l o" differ by a space's width.
# Inline blocks, so a word of many pieces wraps between them at the column's edge.
_PIECE_STYLE = ("display:inline-block;font-family:monospace;font-size:1.05rem;background:#f0f2f6;"
                "border:1px solid #c9ced8;border-radius:4px;padding:1px 6px;margin:0 2px;color:#000")


def compared_configs(config: TrainConfig) -> tuple[TrainConfig, TrainConfig]:
    """The notebook's whitespace tokenizer and a subword one (the chosen one, else BPE), on the same split."""
    notebook = config.with_changes(tokenizer="whitespace", lowercase=False, min_freq=1, max_size=0)
    kind = config.text.tokenizer if config.text.tokenizer in subword.SUBWORD_KINDS else "bpe"
    return notebook, config.with_changes(tokenizer=kind)


def side_by_side(sentence: str, config: TrainConfig) -> None:
    """The sentence as each compared tokenizer cuts it, coloured token by token, with ids and <UNK> count."""
    st.subheader(tr("tokview.compare"))
    st.caption(tr("tokview.compare_caption"))
    dataset = state.session().dataset
    for column, compared in zip(st.columns(2), compared_configs(config), strict=True):
        chips = sentence_chips(cached.prepared_for(dataset, compared).vocab, sentence)
        with column:
            st.markdown(f"**{option_label('tokenizer', compared.text.tokenizer, state.session().language)}**")
            st.html(text_html(sentence, chips))
            st.caption(tr("tokview.counts", tokens=state.tr_count("tokens", len(chips)),
                          unknown=sum(chip.unknown for chip in chips)))


def bpe_merges(config: TrainConfig) -> None:
    """Step through the merges BPE learned from the training texts, with words of the data assembling."""
    bpe = config.with_changes(tokenizer="bpe")
    merges = subword.bpe_merges(cached.prepared_for(state.session().dataset, bpe).vocab.options.model)
    st.subheader(tr("tokview.merges"))
    if not merges:
        st.info(tr("tokview.no_merges"))
        return
    number = st.number_input(tr("tokview.merge_number", total=len(merges)), 1, len(merges), 1, key="bpe_merge",
                             help=tr("tokview.merge_help"))
    merge = merges[number - 1]
    st.markdown(tr("tokview.merge_line", number=number, total=len(merges), left=_code(merge.left),
                   right=_code(merge.right), token=_code(merge.token)), unsafe_allow_html=True)
    examples = subword.merge_examples(merges, number, cached.training_words(bpe), EXAMPLE_WORDS)
    if not examples:
        st.caption(tr("tokview.no_examples"))
    for steps in examples:
        line = " → ".join("".join(_piece(piece) for piece in pieces) for pieces in steps)
        st.html(f'<div class="merge-steps" style="margin:6px 0;line-height:2">{line}</div>')


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _piece(text: str) -> str:
    return f'<span class="merge-piece" style="{_PIECE_STYLE}">{html.escape(text)}</span>'
