"""Batches page: the first training epoch's padded batches, exactly as PyTorch prints them, one at a time."""

import streamlit as st

from textlab.analysis.tables import batch_table, localize
from textlab.figures.batches import MAX_ROWS, batch_heatmap, padding_comparison, padding_per_batch
from textlab.ui import cached, state, table_fit
from textlab.ui.presentation import show_figure, show_table, tile_columns
from textlab.ui.state import tr
from textlab.ui.widgets import config_input

# The texts column: what is left of a 1280 px page after the row, length, padding, cut and label columns
# at their headers' widths (in Portuguese, the widest).
TEXT_WIDTH = 360

st.title(tr("nav.batches"))
st.caption(tr("batchpage.intro"))
for column, name in zip(tile_columns(5, per_row=3), ("batch_size", "shuffle", "bucketing", "max_length", "seed"),
                        strict=True):
    config_input(name, container=column)

lang = state.session().language
prepared, plan = cached.prepared(), cached.epoch_plan()
count = len(plan.batches)
batches, overall, without, with_bucketing, cut = tile_columns(5, per_row=3)
batches.metric(tr("batchpage.batches"), state.decimal(count, 0),
               help=tr("batchpage.batches_help", texts=state.tr_count("texts", len(prepared.train_indices))))
overall.metric(tr("batchpage.padding_overall"), state.percent(plan.padding.overall, 1),
               help=tr("batchpage.padding_help"))
without.metric(tr("batchpage.without_bucketing"), state.percent(plan.without_bucketing.overall, 1))
change = plan.with_bucketing.overall - plan.without_bucketing.overall
with_bucketing.metric(tr("batchpage.with_bucketing"), state.percent(plan.with_bucketing.overall, 1),
                      delta=tr("batchpage.points_change", points=state.decimal(change * 100, 1, signed=True))
                      if round(change, 3) else None, delta_color="inverse")
max_length, longest = state.session().config.text.max_length, max(prepared.encoded.full_lengths.tolist(), default=0)
cut.metric(tr("batchpage.cut"), state.decimal(int(prepared.encoded.cut[prepared.train_indices].sum()), 0),
           help=tr("batchpage.cut_help", max_length=state.tr_count("tokens", max_length), longest=longest) if max_length
           else tr("batchpage.cut_none_help"))

if st.session_state.get("batch_number", 1) > count:
    st.session_state["batch_number"] = count  # fewer batches than before: show the last one
number = st.number_input(tr("batchpage.batch_number", count=count), min_value=1, max_value=count, step=1,
                         key="batch_number", persist_state="session")
indices = plan.batches[number - 1]
batch = prepared.encoded.collate(indices)
st.subheader(tr("batchpage.batch_title", number=number, count=count, percent=batch.pad_fraction))

st.markdown(f"**{tr('batchpage.tensor')}** `{tuple(batch.ids.shape)}`")
st.code(str(batch.ids), language="python")
rows = indices.tolist()
tokens = [prepared.text_tokens(row) for row in rows[:MAX_ROWS]]
show_figure(batch_heatmap(batch.ids, batch.mask, tokens, rows, lang))
st.markdown(f"**{tr('batchpage.lengths')}**")
st.code(str(batch.lengths), language="python")
st.markdown(tr("batchpage.mask"))
st.code(str(batch.mask), language="python")
cut_here = int(prepared.encoded.cut[indices].sum())
if cut_here:
    st.warning(tr("batchpage.batch_cut", count=state.tr_count("texts", cut_here),
                  max_length=state.tr_count("tokens", max_length)),
               icon=":material/content_cut:")
show_table(localize(batch_table(prepared.dataset, indices, batch.lengths, batch.ids.shape[1],
                                prepared.encoded.full_lengths[indices] if max_length else None), lang),
           hide_index=True, **table_fit.text_rows([prepared.dataset.texts[row] for row in rows],
                                                  label=tr("datatable.text"), width=TEXT_WIDTH, max_lines=4,
                                                  shown_rows=10))

comparison, per_batch = tile_columns([2, 3], per_row=1)
with comparison:
    show_figure(padding_comparison(plan.without_bucketing, plan.with_bucketing, lang))
with per_batch:
    show_figure(padding_per_batch(plan.padding, number - 1, lang))
