"""Data page: paste, upload or pick texts, and see them as rows with token counts, labels and lengths."""

import streamlit as st

from textlab.analysis.tables import dataset_table, label_table, localize
from textlab.figures.data import label_figure, length_histogram
from textlab.i18n import option_label
from textlab.train.prepare import padded_lengths
from textlab.ui import cached, data_input, state
from textlab.ui.label_choice import label_mode_choice
from textlab.ui.presentation import show_figure, show_table
from textlab.ui.state import tr

# The texts column: what is left of the table's three fifths of a 1280 px page after the row, tokens and label.
TEXT_WIDTH = 290

st.title(tr("nav.data"))
st.caption(tr("datapage.intro"))
paste, upload, samples = st.tabs([tr("datapage.tab_paste"), tr("datapage.tab_upload"), tr("datapage.tab_samples")])
with paste:
    data_input.text_box()
with upload:
    data_input.uploader()
with samples:
    data_input.samples()
data_input.status()

dataset, config, lang = state.session().dataset, state.session().config, state.session().language
prepared, plan = cached.prepared(), cached.epoch_plan()
lengths = prepared.encoded.lengths  # (N,) tokens per text
texts, tokens, longest, labels = st.columns(4)
texts.metric(tr("datapage.texts"), state.decimal(len(dataset), 0))
tokens.metric(tr("datapage.tokens"), state.decimal(int(lengths.sum()), 0),
              help=tr("datapage.tokens_help", tokenizer=option_label("tokenizer", config.text.tokenizer, lang)))
longest.metric(tr("datapage.longest"), state.decimal(int(lengths.max()), 0))
labels.metric(tr("datapage.labels"), state.tr_count("classes", len(dataset.label_names))
              if dataset.label_kind == "categorical" else tr(f"datapage.label_kind.{dataset.label_kind}"))
label_mode_choice()

table_column, label_column = st.columns([3, 2])
with table_column:
    st.subheader(tr("datapage.table"))
    show_table(localize(dataset_table(dataset, lengths), lang), hide_index=True, presentation_rows=10, name="texts",
               **cached.text_rows(dataset, label=tr("datatable.text"), width=TEXT_WIDTH, max_lines=3, shown_rows=10))
with label_column:
    st.subheader(tr("datapage.label_distribution"))
    if dataset.labels is None:
        st.info(tr("datapage.no_labels"), icon=":material/info:")
    else:
        distribution = label_table(dataset)
        show_figure(label_figure(distribution["label"].tolist(), distribution["count"].tolist(),
                                     dataset.label_kind == "numeric", lang))
        show_table(localize(distribution, lang), hide_index=True, presentation_rows=20, name="labels")

st.subheader(tr("datapage.lengths"))
show_figure(length_histogram(lengths, padded_lengths(lengths, plan.batches), config.batches.batch_size,
                                 plan.padding.overall, lang))
st.caption(tr("datapage.lengths_caption"))
