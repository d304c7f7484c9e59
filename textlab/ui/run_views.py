"""The Runs page's parts: the runs table, the overlaid curves, one run's notes and downloads, checkpoints."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from textlab.data.dataset import Dataset
from textlab.errors import TextlabError
from textlab.figures.runs import OVERLAY_AXES, RunCurve, coinciding, runs_overlay
from textlab.i18n.numbers import MISSING
from textlab.runs import checkpoint, comparison
from textlab.runs import export_script as export
from textlab.runs.export_notebook import export_notebook
from textlab.runs.store import STATUSES, RunRecord
from textlab.ui import run_store, state, table_fit, widgets
from textlab.ui.presentation import presentation_on, show_figure, show_table
from textlab.ui.state import tr
from textlab.ui.texts import TEXTS

DELETE_PENDING, DELETED, LOADED = "runs_delete_pending", "runs_deleted", "runs_loaded_checkpoint"
NOTICE = "runs_notice"
# The table's start column, as each language writes a date (moment.js patterns; "localized" would follow
# the browser's language, not the app's).
RUNS_SHOWN_AT_ONCE = 6  # whole rows before the table scrolls: enough to compare, and room for the charts below
DATETIME_FORMATS = {"pt": "DD/MM/YYYY HH:mm", "en": "MM/DD/YYYY h:mm A"}


def runs_table(records: Sequence[RunRecord]) -> None:
    """Every run as a sortable table (click a column), narrowed by a text and a status filter."""
    lang = state.session().language
    text_column, status_column = st.columns([2, 1])
    text = text_column.text_input(tr("runs.filter"), key="runs_filter", help=tr("runs.filter.help"))
    present = [status for status in STATUSES if any(record.status == status for record in records)]
    statuses = status_column.multiselect(tr("runs.status_filter"), present, key="runs_status",
                                         placeholder=tr("runs.all"),
                                         format_func=lambda status: tr(f"runs.status.{status}"))
    shown = comparison.filter_runs(records, text, statuses, lang)
    if not shown:
        st.info(tr("runs.no_match"))
        return
    table = comparison.runs_table(shown, lang)
    overview = comparison.overview_columns(shown)
    widths = _overview_widths(overview)
    label = {column: tr(f"runs.col.{column}") for column in comparison.COLUMNS}
    config = {label["started"]: st.column_config.DatetimeColumn(format=DATETIME_FORMATS[lang]),
              label["id"]: st.column_config.NumberColumn(width=widths["id"], pinned=True)}
    for column in overview[1:]:
        help_key = f"runs.col_help.{column}"
        config[label[column]] = st.column_config.TextColumn(width=widths[column],
                                                            help=tr(help_key) if help_key in TEXTS else None)
    height = table_fit.row_height((text, widths[column]) for column in overview for text in table[label[column]])
    with st.container(key="runs_table"):
        show_table(table, hide_index=True, column_config=config, row_height=height,
                   height=table_fit.table_height(len(table), height, RUNS_SHOWN_AT_ONCE),
                   column_order=[label[column] for column in overview], presentation_rows=RUNS_SHOWN_AT_ONCE,
                   name="runs")
    if any(record.kept_epoch is not None for record in shown):
        st.caption(tr("runs.kept_numbers"))
    st.caption(tr("runs.more_columns.presentation" if presentation_on() else "runs.more_columns"))


# The overview fits the page's main column: the short columns at their header's width, the data and settings
# sharing the rest and wrapping.
FLEXIBLE_MINIMUM = 90  # with every optional column shown, data and settings get exactly this
FIXED_WIDTHS = {"id": 40, "name": 110, "reason": 145, "train_loss": 110, "val_loss": 125, "metric": 105}


def _overview_widths(columns: Sequence[str]) -> dict[str, int]:
    widths = {column: FIXED_WIDTHS[column] for column in columns if column in FIXED_WIDTHS}
    rest = table_fit.MAIN_WIDTH - sum(widths.values())
    widths["data"] = max(FLEXIBLE_MINIMUM, rest // 2)
    widths["settings"] = max(FLEXIBLE_MINIMUM, rest - widths["data"])
    return widths


def overlay(records: Sequence[RunRecord]) -> None:
    """The chosen runs' loss curves on one chart, per epoch or per step; short legends, the full difference below."""
    lang, by_id = state.session().language, {record.run_id: record for record in records}
    with_curves = [record.run_id for record in records if record.final is not None]  # newest first
    chosen = st.multiselect(tr("runs.compare"), list(by_id), default=with_curves[:2], key="runs_compare",
                            help=tr("runs.compare.help"), placeholder=tr("runs.choose"),
                            format_func=lambda run_id: f"#{run_id} {comparison.display_name(by_id[run_id], lang)}")
    selected = [by_id[run_id] for run_id in chosen if run_id in by_id]
    if not selected:
        st.caption(tr("runs.compare_hint"))
        return
    per_labels = {axis: tr(f"runs.overlay_per.{axis}") for axis in OVERLAY_AXES}
    per = st.segmented_control(tr("runs.overlay_per"), OVERLAY_AXES, default="epoch", required=True,
                               key="runs_overlay_per", format_func=per_labels.get) or "epoch"
    store = run_store.store()
    curves = [RunCurve(label, store.epochs(record.run_id), store.steps(record.run_id) if per == "step" else ())
              for label, record in zip(comparison.legend_labels(selected, lang), selected, strict=True)]
    show_figure(runs_overlay(curves, per=per, lang=lang), key="runs_overlay", config={"displaylogo": False})
    for later, earlier in coinciding(curves, per):
        st.caption(tr("runs.covers", later=selected[later].run_id, earlier=selected[earlier].run_id))
    if per == "epoch":
        for record, curve in zip(selected, curves, strict=True):
            if not curve.epochs:
                st.caption(tr("runs.no_epoch", run_id=record.run_id))
    summary = comparison.differences_summary(selected, lang)
    if len(selected) < 2:
        st.caption(tr("runs.compare_hint"))
    else:
        st.caption(tr("runs.differs", summary=summary) if summary else tr("runs.same_settings"))


def manage(records: Sequence[RunRecord]) -> None:
    """One run: why it ended, its name and notes, deletion, downloads and re-use."""
    lang, by_id = state.session().language, {record.run_id: record for record in records}
    st.subheader(tr("runs.manage"))
    kind, notice = st.session_state.pop(NOTICE, (None, None))
    if notice:
        (st.success if kind == "done" else st.error)(notice, icon="✅" if kind == "done" else "⚠️")
    run_id = st.selectbox(tr("runs.pick"), list(by_id), key="runs_pick",
                          format_func=lambda run_id: f"#{run_id} {comparison.display_name(by_id[run_id], lang)}")
    record = by_id[run_id]
    ended = comparison.end_reason(record, lang)
    parts = [tr(f"runs.status.{record.status}"), *([ended] if ended != MISSING else []),
             comparison.data_text(record, lang), comparison.changed_settings_text(record, lang)]
    st.caption(" · ".join(parts))
    st.caption(" · ".join(f"{name}: {value}" for name, value in comparison.run_details(record, lang)))
    if record.reason == "early_stopping":
        kept = "" if record.kept_epoch is None else " " + tr("runs.kept_weights", epoch=record.kept_epoch)
        st.info(tr("runs.ended_because", message=tr("runs.reason.early_stopping")) + "." + kept,
                icon=":material/info:")
    if record.message_key in TEXTS:  # a key from a newer or older textlab is left out, not a crash
        st.warning(tr("runs.ended_because", message=tr(record.message_key, **record.message_params)))
    with st.form(f"runs_edit_{run_id}", border=False):
        name = st.text_input(tr("runs.name"), value=record.name, key=f"runs_name_{run_id}", max_chars=120,
                             placeholder=comparison.display_name(record, lang))
        notes = st.text_area(tr("runs.notes"), value=record.notes, key=f"runs_notes_{run_id}", height=100)
        if st.form_submit_button(tr("runs.save"), icon=":material/save:"):
            run_store.store().rename(run_id, name)
            run_store.store().set_notes(run_id, notes)
            st.session_state[NOTICE] = ("done", tr("runs.saved"))
            st.rerun()
    _downloads(record)
    _delete(record)


def _downloads(record: RunRecord) -> None:
    store, lang, stem = run_store.store(), state.session().language, f"run-{record.run_id}"
    st.markdown(f"**{tr('runs.downloads')}**")
    saved = store.checkpoint_path(record.run_id)
    has_checkpoint = record.checkpoint is not None and saved.exists()
    checkpoint_column, metrics_column = st.columns(2)
    checkpoint_column.download_button(
        tr("runs.download_checkpoint"), data=saved.read_bytes if has_checkpoint else b"", file_name=f"{stem}.pt",
        mime="application/octet-stream", on_click="ignore", disabled=not has_checkpoint,
        key="runs_download_checkpoint", icon=":material/save:",
        help=None if has_checkpoint else tr("store.no_checkpoint", run_id=record.run_id))
    metrics_column.download_button(
        tr("runs.download_metrics"), file_name=f"{stem}-metrics.csv", mime="text/csv", on_click="ignore",
        data=lambda: comparison.metrics_csv(store.steps(record.run_id), store.epochs(record.run_id)),
        key="runs_download_metrics", icon=":material/table:")
    title = f"#{record.run_id} {comparison.display_name(record, lang)}"

    def dataset() -> Dataset:  # read only when a download is pressed
        return store.dataset(record.dataset_fingerprint)

    script_column, notebook_column = st.columns(2)
    script_column.download_button(
        tr("runs.download_script"), file_name=f"{stem}.zip", mime="application/zip", on_click="ignore",
        data=lambda: export.export_zip(record.config, dataset(), stem, lang, title, store.tokenizer(record.run_id)),
        key="runs_download_script", icon=":material/code:", help=tr("runs.script_help"))
    notebook_column.download_button(
        tr("runs.download_notebook"), file_name=f"{stem}.ipynb", mime="application/x-ipynb+json", on_click="ignore",
        data=lambda: export_notebook(record.config, dataset(), lang, title, store.tokenizer(record.run_id),
                                     store.epochs(record.run_id)),
        key="runs_download_notebook", icon=":material/book_2:", help=tr("runs.notebook_help"))
    reuse, resume = st.columns(2)
    reuse.button(tr("runs.use_settings"), key="runs_use_settings", on_click=_use_settings, args=(record, False),
                 icon=":material/replay:")
    resume.button(tr("runs.continue"), key="runs_continue_run", on_click=_use_settings, args=(record, True),
                  disabled=not has_checkpoint, icon=":material/fast_forward:")


def _use_settings(record: RunRecord, from_weights: bool) -> None:
    store = run_store.store()
    try:
        state.session().use_dataset(store.dataset(record.dataset_fingerprint), f"file:run-{record.run_id}-data.csv")
        if from_weights:
            state.session().warm_start = checkpoint.load(store.checkpoint_path(record.run_id))
    except TextlabError as error:
        st.session_state[NOTICE] = ("error", error.message(state.session().language))
        return
    state.session().config = record.config
    name = comparison.display_name(record, state.session().language)
    st.session_state[NOTICE] = ("done", tr("runs.continue.done" if from_weights else "runs.use_settings.done",
                                           name=name))


def _delete(record: RunRecord) -> None:
    name = comparison.display_name(record, state.session().language)
    if st.session_state.get(DELETE_PENDING) != record.run_id:
        st.button(tr("runs.delete"), key="runs_delete", icon=":material/delete:",
                  on_click=lambda: st.session_state.update({DELETE_PENDING: record.run_id}))
        return
    st.warning(tr("runs.delete_confirm", name=name), icon="⚠️")
    yes, no = st.columns(2)
    if yes.button(tr("runs.delete_yes"), key="runs_delete_yes", type="primary"):
        run_store.store().delete(record.run_id)
        st.session_state.pop(DELETE_PENDING, None)
        st.session_state[NOTICE] = ("done", tr("runs.deleted", name=name))
        st.rerun()
    if no.button(tr("runs.cancel"), key="runs_delete_no"):
        st.session_state.pop(DELETE_PENDING, None)
        st.rerun()


def import_checkpoint() -> None:
    """Upload a checkpoint: predict with it, or continue training from its weights."""
    st.subheader(tr("runs.import"))
    upload = st.file_uploader(tr("runs.upload"), type=["pt"], key="runs_upload",
                              help=f"{tr('upload.button_help')} {tr('runs.upload.help')}")
    if upload is None:
        st.session_state.pop(LOADED, None)
        return
    identity = (upload.file_id, upload.size)
    if st.session_state.get(LOADED, (None, None))[0] != identity:
        try:
            st.session_state[LOADED] = (identity, checkpoint.load(upload.getvalue()))
        except TextlabError as error:
            widgets.show_error(error)
            return
    loaded: checkpoint.Checkpoint = st.session_state[LOADED][1]
    labels = ", ".join(loaded.label_names) if loaded.label_names else loaded.label_mode
    st.success(tr("runs.loaded", model=loaded.model_kind, vocab=len(loaded.vocab), labels=labels), icon="✅")
    text = st.text_input(tr("runs.predict_text"), key="runs_predict_text")
    if text.strip():
        (prediction,) = loaded.predict([text])
        if prediction.label is not None:
            st.markdown(tr("runs.prediction_class", label=prediction.label,
                           probability=prediction.probabilities[prediction.label]))
            st.bar_chart({tr("runs.col.labels"): prediction.probabilities}, horizontal=True, height=160)
        else:
            st.markdown(tr("runs.prediction_value", value=prediction.value))
        if not loaded.task.reads_labels:
            st.caption(tr("runs.random_labels_note"))
        if prediction.unknown_tokens:
            st.caption(tr("runs.unknown_tokens", count=prediction.unknown_tokens))
    if st.button(tr("runs.continue"), key="runs_continue_upload", icon=":material/fast_forward:"):
        state.session().config, state.session().warm_start = loaded.config, loaded
        st.info(tr("runs.continue.done"))
