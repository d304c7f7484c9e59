"""Vocabulary page: token2idx live with the tokenizer settings training uses, a sentence to try, OOV, BPE merges."""

import pandas as pd
import streamlit as st

from textlab.analysis.tables import VOCAB_SORTS, localize, search_example, search_vocab, vocab_table
from textlab.i18n import option_label
from textlab.text.coverage import DEFAULT_CHECK_FRACTION, sentence_chips
from textlab.text.subword import SUBWORD_KINDS
from textlab.text.vocab import UNK_ID
from textlab.ui import cached, state, tokenizer_views
from textlab.ui.chips import show_chips
from textlab.ui.presentation import show_table
from textlab.ui.state import tr
from textlab.ui.widgets import config_input

st.title(tr("nav.vocabulary"))
st.caption(tr("vocabpage.intro"))
# Three to a row: a fifth of the page cuts "Unigram (o do SentencePiece)" and breaks "Lowercase".
for row in (("tokenizer", "lowercase", "vocab_size"), ("min_freq", "max_size")):
    for column, name in zip(st.columns(3), row, strict=False):
        # The subword vocabulary's size means nothing to the word tokenizers: shown, but greyed out.
        unused = name == "vocab_size" and state.session().config.text.tokenizer not in SUBWORD_KINDS
        config_input(name, container=column, disabled=unused)

config, lang = state.session().config, state.session().language
prepared = cached.prepared()
vocab = prepared.vocab
size, total, unknown, texts = st.columns(4)
size.metric(tr("vocabpage.size"), state.decimal(len(vocab), 0), help=tr("vocabpage.size_help"))
total.metric(tr("vocabpage.tokens"), state.decimal(sum(vocab.counts), 0), help=tr("vocabpage.tokens_help"))
unknown.metric(tr("vocabpage.unknown"), state.decimal(vocab.counts[UNK_ID], 0), help=tr("vocabpage.unknown_help"))
texts.metric(tr("vocabpage.texts"), state.decimal(len(prepared.train_indices), 0),
             help=tr("vocabpage.texts_help", all=option_label("vocab_from", "all", lang)))

table_column, try_column = st.columns([3, 2], gap="large")
with table_column:
    st.subheader("token2idx")
    search, order = st.columns(2)
    example = search_example(vocab)
    query = search.text_input(tr("vocabpage.search"), key="vocab_search", persist_state="session",
                              placeholder=tr("vocabpage.search_placeholder", example=example) if example else None)
    sort = order.segmented_control(tr("vocabpage.sort"), VOCAB_SORTS, default="index", required=True,
                                   key="vocab_sort", persist_state="session",
                                   format_func={choice: tr(f"vocabpage.sort_{choice}") for choice in VOCAB_SORTS}.get)
    table = search_vocab(vocab_table(vocab), query, sort or "index")
    st.caption(tr("vocabpage.shown", shown=len(table), tokens=state.tr_count("tokens", len(vocab))))
    show_table(localize(table, lang), hide_index=True, height=560, presentation_rows=20, name="vocabulary")

with try_column:
    st.subheader(tr("vocabpage.try"))
    sentence = st.text_input(tr("vocabpage.sentence"), value=tr("vocabpage.sentence_default"),
                             key="vocab_sentence", persist_state="session")
    chips = sentence_chips(vocab, sentence)
    show_chips(chips)
    st.caption(tr("vocabpage.chips_caption", count=len(chips), unknown=sum(chip.unknown for chip in chips)))

    st.subheader(tr("vocabpage.oov"))
    fraction = config.batches.val_fraction
    if fraction:
        st.caption(tr("vocabpage.oov_validation", fraction=fraction))
        if config.text.vocab_from == "all":
            st.warning(tr("vocabpage.oov_leak"), icon=":material/warning:")
    else:
        percent = st.slider(tr("vocabpage.oov_fraction"), 5, 50, round(DEFAULT_CHECK_FRACTION * 100), 5,
                            format="%d%%", key="vocab_oov_percent", persist_state="session",
                            help=tr("vocabpage.oov_fraction_help"))
        fraction = percent / 100
    report = cached.oov(fraction)
    st.metric(tr("vocabpage.oov_rate"), state.percent(report.rate, 1), help=tr("vocabpage.oov_help"))
    st.caption(tr("vocabpage.oov_caption", unknown=state.decimal(report.unknown, 0),
                  tokens=state.tr_count("tokens", report.tokens),
                  texts=state.tr_count("texts", report.held_out_texts)))
    if report.frequent_unknown:
        frequent = pd.DataFrame(report.frequent_unknown, columns=["token", "count"])
        show_table(localize(frequent, lang), hide_index=True)

tokenizer_views.side_by_side(sentence, config)
tokenizer_views.bpe_merges(config)
