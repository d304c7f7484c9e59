"""The embeddings page's other tabs: one batch through the model step by step, predictions and errors.

All of it runs on ``frozen_model(source)``, a CPU copy: the live run's model is never touched.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from textlab.analysis.attention import has_self_attention, position_similarity, self_attention
from textlab.analysis.inspection import ForwardPass, forward_pass, gradient_check, text_label
from textlab.analysis.predictions import analyse_errors, predict_text
from textlab.errors import TextlabError
from textlab.figures.attention import position_similarity_figure, self_attention_figure
from textlab.figures.embeddings import (
    attention_heatmap,
    class_probabilities,
    confusion_matrix_figure,
    embeddings_heatmap,
    gradient_rows,
    pooled_comparison,
)
from textlab.text.vocab import PAD_ID, UNK_ID
from textlab.train.prepare import epoch_batches
from textlab.ui import state, table_fit, widgets
from textlab.ui.embedding_views import ModelSource, clamp_widget, frozen_model, memo
from textlab.ui.literal import literal_table
from textlab.ui.presentation import show_figure
from textlab.ui.state import tr

MAX_SHOWN_TEXTS = 8  # texts of a batch drawn in tables and heatmaps; the computation uses the whole batch
MAX_SHOWN_POSITIONS = 12
# The token ids table: 8 "id · token" columns fit beside the sidebar at 1280 px, breaking few words.
MAX_SHOWN_IDS, IDS_LABEL_WIDTH, MIN_IDS_WIDTH = 8, 70, 60
MAX_SHOWN_POSITION_VECTORS = 64
MAX_GRADIENT_BARS = 40
WORST_TEXTS = 10


def _shape(shape: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(size) for size in shape) + "]"


def _chart(figure, key: str) -> None:
    show_figure(figure, theme=None, key=key)


def forward_section(source: ModelSource) -> None:
    """Pick a batch of the first epoch and follow it: ids, embeddings, pooling, outputs, loss, gradient."""
    run = source.run
    batches = memo("batches", (run,), lambda: epoch_batches(run.prepared, run.config))
    clamp_widget("emb_batch", 1, len(batches))
    number = st.number_input(tr("emb.forward.batch", count=len(batches)), 1, len(batches), 1, key="emb_batch",
                             help=tr("emb.forward.batch_help"))
    batch = run.encoded.collate(batches[int(number) - 1], run.targets)
    model = frozen_model(source)
    result = forward_pass(model, batch, run.vocab, run.label_mode)
    shown = min(len(batch), MAX_SHOWN_TEXTS)
    lengths = batch.lengths.tolist()
    labels = [tr("emb.forward.text", number=index + 1) for index in range(shown)]
    if len(batch) > shown:
        st.caption(tr("emb.forward.shown_texts", shown=shown, total=len(batch)))
    _ids_step(result, labels, shown)
    _embedding_step(result, labels, lengths, shown)
    if has_self_attention(model):
        _transformer_step(model, result, labels, lengths, shown)
    _pooling_step(source, result, labels, lengths, shown)
    _output_step(source, result, batch.targets, labels, shown)
    _gradient_step(source, batch)


def _ids_step(result: ForwardPass, labels: list[str], shown: int) -> None:
    st.subheader(tr("emb.forward.step_ids", shape=_shape(tuple(result.ids.shape))))
    width = min(result.ids.shape[1], MAX_SHOWN_IDS)
    cells = [[f"{index} · {token}" for index, token in zip(result.ids[row, :width].tolist(),
                                                           result.tokens[row][:width], strict=True)]
             for row in range(shown)]
    # Every shown position fits beside the sidebar at 1280 px: a cell too narrow for "id · token" wraps it.
    names = [str(position + 1) for position in range(width)]
    column_width = max((table_fit.MAIN_WIDTH - IDS_LABEL_WIDTH) // width, MIN_IDS_WIDTH)
    config = {"_index": st.column_config.TextColumn(width=IDS_LABEL_WIDTH),
              **{name: st.column_config.TextColumn(width=column_width) for name in names}}
    st.container(key="emb_forward_ids").dataframe(
        pd.DataFrame(cells, index=labels, columns=names), column_config=config,
        row_height=table_fit.row_height((cell, column_width) for row in cells for cell in row))
    total = result.ids.shape[1]
    if total > width:
        st.caption(tr("emb.forward.shown_positions", shown=width, total=total))
    st.caption(tr("emb.forward.ids_notice", pad=PAD_ID, share=float(result.pad_share.mean())))


def _embedding_step(result: ForwardPass, labels: list[str], lengths: list[int], shown: int) -> None:
    st.subheader(tr("emb.forward.step_embedded", shape=_shape(tuple(result.embedded.shape))))
    row = st.selectbox(tr("emb.forward.pick_text"), range(shown), key="emb_text",
                       format_func=lambda r: f"{labels[r]}: {text_label(result.tokens[r], lengths[r])}")
    heatmap = embeddings_heatmap(result.tokens[row], result.embedded[row], row + 1, state.session().language)
    _chart(heatmap, "emb_heatmap")
    st.caption(tr("emb.forward.embedded_notice"))


def _transformer_step(model, result: ForwardPass, labels: list[str], lengths: list[int], shown: int) -> None:
    st.subheader(tr("emb.forward.self_attention"))
    row = st.selectbox(tr("emb.forward.self_attention_text"), range(shown), key="emb_attention_text",
                       format_func=lambda r: f"{labels[r]}: {text_label(result.tokens[r], lengths[r])}")
    length = max(lengths[row], 1)  # an empty text is one PAD: it looks at itself
    maps = self_attention(model, result.ids[row, :length])
    _chart(self_attention_figure(result.tokens[row][:length], maps, state.session().language), "emb_self_attention")
    st.caption(tr("emb.forward.self_attention_notice"))
    st.subheader(tr("emb.forward.positions"))
    count = min(max(result.ids.shape[1], 2), MAX_SHOWN_POSITION_VECTORS)
    _chart(position_similarity_figure(position_similarity(model, count), state.session().language), "emb_positions")
    st.caption(tr("emb.forward.positions_notice"))


def _pooling_step(source: ModelSource, result: ForwardPass, labels: list[str], lengths: list[int],
                  shown: int) -> None:
    st.subheader(tr("emb.forward.step_pooled", shape=_shape(tuple(result.pooled.shape))))
    config = source.run.config
    st.markdown(tr("emb.forward.model_uses", pooling=tr(f"emb.pooling.{config.model.pooling}"),
                   encoder=tr(f"emb.encoder.{config.model.encoder}")))
    _chart(pooled_comparison(result.plain_mean[:shown], result.masked_mean[:shown], labels, state.session().language),
           "emb_pooled")
    literal_table(pd.DataFrame({
        tr("emb.forward.col_text"): [text_label(result.tokens[r], lengths[r]) for r in range(shown)],
        tr("emb.forward.col_real"): [f"{lengths[r]} / {result.ids.shape[1]}" for r in range(shown)],
        tr("emb.forward.col_pad_share"): [state.percent(result.pad_share[r]) for r in range(shown)],
        tr("emb.forward.col_gap"): [state.decimal(result.mean_gap[r]) for r in range(shown)],
    }, index=labels))
    st.caption(tr("emb.forward.pooled_notice"))
    if result.attention is not None:
        st.subheader(tr("emb.forward.attention"))
        _chart(attention_heatmap(result.tokens[:shown], result.attention[:shown], result.mask[:shown], labels,
                                 state.session().language), "emb_attention")
        st.caption(tr("emb.forward.attention_notice"))


def _output_step(source: ModelSource, result: ForwardPass, targets, labels: list[str], shown: int) -> None:
    run, lang = source.run, state.session().language
    st.subheader(tr("emb.forward.step_outputs", shape=_shape(tuple(result.outputs.shape))))
    columns = {tr("emb.forward.col_output"): ["; ".join(state.decimal(value, signed=True)
                                                         for value in result.outputs[r].tolist())
                                               for r in range(shown)],
               tr("emb.forward.col_prediction"): [run.task.describe_output(result.outputs[r],
                                                                           run.dataset.label_names, lang)
                                                   for r in range(shown)]}
    if targets is not None:
        columns[tr("emb.forward.col_label")] = [run.task.describe(targets[r], run.dataset.label_names, lang)
                                                for r in range(shown)]
    literal_table(pd.DataFrame(columns, index=labels))
    st.subheader(tr("emb.forward.step_loss"))
    st.metric(tr("emb.forward.loss_metric", name=run.task.loss_name), state.decimal(result.loss, 4))
    st.caption(tr(f"emb.forward.loss_notice.{run.label_mode}"))


def _gradient_step(source: ModelSource, batch) -> None:
    run = source.run
    st.subheader(tr("emb.grad.title"))
    check = gradient_check(frozen_model(source), batch, run.label_mode)
    in_batch = set(check.batch_token_ids)
    if len(run.vocab) <= MAX_GRADIENT_BARS:
        rows = list(range(len(run.vocab)))
    else:
        rows = [PAD_ID, UNK_ID] + [row for row in check.batch_token_ids if row > UNK_ID][:MAX_GRADIENT_BARS - 2]
    tokens = run.vocab.decode(rows)
    norms = [check.gradient_norms.get(row, 0.0) for row in rows]
    _chart(gradient_rows(tokens, norms, [row in in_batch for row in rows], state.session().language), "emb_gradient")
    real_rows = set(check.rows_with_gradient) - {PAD_ID}
    if real_rows <= in_batch:
        st.success(tr("emb.grad.only_batch", tokens=state.tr_count("tokens", len(real_rows)),
                      rows=state.tr_count("rows", len(run.vocab) - len(real_rows))))
    else:
        st.warning(tr("emb.grad.outside_batch", count=len(real_rows - in_batch)))
    if check.uses_padding_idx:
        st.success(tr("emb.grad.pad_fixed", norm=f"{check.pad_gradient_norm:g}"))
    elif check.pad_in_batch:
        st.warning(tr("emb.grad.pad_learns", norm=f"{check.pad_gradient_norm:.2e}"))
    else:
        st.caption(tr("emb.grad.no_padding"))
    st.caption(tr("emb.grad.notice"))


def prediction_section(source: ModelSource) -> None:
    """Type a text and see the prediction, with the tokens the vocabulary does not know."""
    run = source.run
    st.subheader(tr("emb.predict.title"))
    text = st.text_input(tr("emb.predict.input"), value=run.dataset.texts[0][:200], key="emb_predict_text",
                         max_chars=2000)
    try:
        prediction = predict_text(frozen_model(source), run.vocab, text, run.label_mode, run.dataset.label_names,
                                  run.config.text.max_length)
    except TextlabError as error:
        widgets.show_error(error)
        return
    width = min(len(prediction.tokens), MAX_SHOWN_POSITIONS)
    marks = [tr("emb.predict.unknown_mark" if unknown else "emb.predict.known_mark")
             for unknown in prediction.unknown[:width]]
    literal_table(pd.DataFrame([list(prediction.tokens[:width]), marks], columns=[str(i + 1) for i in range(width)],
                               index=[tr("emb.predict.col_token"), tr("emb.predict.col_known")]))
    unknown = [token for token, flag in zip(prediction.tokens, prediction.unknown, strict=True) if flag]
    if unknown:
        st.warning(tr("emb.predict.unknown", count=state.tr_count("tokens", len(unknown)),
                      tokens=", ".join(unknown[:10])))
    if prediction.probabilities:
        _chart(class_probabilities(list(prediction.probabilities), list(prediction.probabilities.values()),
                                   state.session().language),
               "emb_probabilities")
    else:
        st.metric(tr("emb.predict.value"), state.decimal(prediction.value))
    st.caption(tr(f"emb.predict.notice.{run.label_mode}"))


def errors_section(source: ModelSource) -> None:
    """The worst-predicted validation texts; for classes also the confusion matrix and per-class accuracy."""
    run = source.run
    st.subheader(tr("emb.errors.title"))
    if not run.task.reads_labels:
        st.info(tr("emb.errors.random"))
        return
    on_validation = len(run.val_indices) > 0
    indices = run.val_indices if on_validation else run.train_indices
    names = run.dataset.label_names
    analysis = memo("errors", source.version, lambda: analyse_errors(
        frozen_model(source), run.encoded, run.targets, indices, run.label_mode, names, run.config.batches.batch_size,
        run.config.batches.bucketing))
    st.caption(tr("emb.errors.on_validation" if on_validation else "emb.errors.on_training",
                  count=len(analysis.text_indices), total=analysis.total_texts))
    worst = analysis.worst(WORST_TEXTS)
    classes = run.task.has_classes

    def describe(value) -> str:
        return run.task.describe(value, names, state.session().language)

    table = {tr("emb.errors.col_text"): [run.dataset.texts[int(analysis.text_indices[p])][:160] for p in worst],
             tr("emb.errors.col_label"): [describe(analysis.targets[p]) for p in worst],
             tr("emb.errors.col_prediction"): [describe(analysis.predicted[p]) for p in worst]}
    if classes:
        table[tr("emb.errors.col_confidence")] = [state.percent(analysis.confidence[p]) for p in worst]
    else:
        table[tr("emb.errors.col_error")] = [state.decimal(analysis.errors[p]) for p in worst]
    literal_table(table, hide_index=True)
    st.caption(tr("emb.errors.worst_notice_classes" if classes else "emb.errors.worst_notice_values"))
    if classes:
        _chart(confusion_matrix_figure(analysis.confusion, names, state.session().language), "emb_confusion")
        accuracy = analysis.per_class_accuracy.tolist()
        literal_table({tr("emb.errors.col_class"): list(names),
                       tr("emb.errors.col_texts"): analysis.confusion.sum(1).tolist(),
                       tr("emb.errors.col_accuracy"): [state.percent(value) for value in accuracy]},
                      hide_index=True)
        st.caption(tr("emb.errors.confusion_notice"))
