"""The Data page's three ways in: the text box, a file upload with column pickers, and the bundled samples.

Each reads in a widget callback and, on success, replaces the session's dataset; on failure it
keeps the dataset and what the user typed, and leaves the error for the page to show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from textlab.data.dataset import SUPPORTED_EXTENSIONS, Dataset, list_columns, read_file, read_pasted
from textlab.data.samples import SAMPLES, load_sample
from textlab.errors import TextlabError
from textlab.train.prepare import to_pasted
from textlab.ui import state, widgets
from textlab.ui.state import tr

TEXT_BOX, UPLOAD, TEXT_COLUMN, LABEL_COLUMN, SAMPLE = (
    "data_text_box", "data_upload", "data_text_column", "data_label_column", "data_sample")
ERROR, COLUMNS = "data_error", "data_columns"
# Column-picker choices that are not columns: NUL never appears in a column name that can be read.
AUTOMATIC, NO_LABEL = "\x00automatic", "\x00none"
# Beyond this many texts, copying the data into the text box would make the page sluggish.
MAX_EDITABLE_ROWS = 5_000
# Characters Markdown gives a meaning; a file name is shown with them escaped, as typed.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def _load(read: Callable[[], Dataset], source: str) -> None:
    """Replace the session's dataset with ``read()``; on a TextlabError keep it and record the error."""
    try:
        new_dataset = read()
    except TextlabError as error:
        st.session_state[ERROR] = error
        return
    st.session_state[ERROR] = None
    state.session().use_dataset(new_dataset, source)


def _apply_text() -> None:
    text = st.session_state[TEXT_BOX]
    state.session().data_text = text
    _load(lambda: read_pasted(text), "pasted")


def text_box() -> None:
    """The text box (one text per line, optional TAB label) and its Apply button."""
    st.session_state[TEXT_BOX] = state.session().data_text
    st.text_area(tr("datapage.paste"), key=TEXT_BOX, height=260, on_change=_apply_text,
                 help=tr("datapage.paste_help"), placeholder=tr("datapage.paste_placeholder"))
    st.button(tr("datapage.apply"), on_click=_apply_text, type="primary", icon=":material/check:")


def _new_file() -> None:
    st.session_state[TEXT_COLUMN] = AUTOMATIC
    st.session_state[LABEL_COLUMN] = AUTOMATIC
    _read_upload()


def _read_upload() -> None:
    uploaded = st.session_state.get(UPLOAD)
    if uploaded is None:
        st.session_state[ERROR] = None  # the file was removed: keep the data it gave, forget its error
        return
    raw, name = uploaded.getvalue(), uploaded.name
    try:
        st.session_state[COLUMNS] = (uploaded.file_id, list_columns(name, raw))
    except TextlabError as error:
        st.session_state[COLUMNS] = (uploaded.file_id, [])
        st.session_state[ERROR] = error
        return
    text_column = st.session_state.get(TEXT_COLUMN, AUTOMATIC)
    label_column = st.session_state.get(LABEL_COLUMN, AUTOMATIC)

    def read() -> Dataset:
        dataset = read_file(name, raw, None if text_column == AUTOMATIC else text_column,
                            None if label_column in (AUTOMATIC, NO_LABEL) else label_column)
        return dataset.with_label_kind("none") if label_column == NO_LABEL else dataset

    _load(read, f"file:{name}")


def _column_picker(label: str, key: str, choices: list[str]) -> None:
    if st.session_state.get(key) not in choices:
        st.session_state[key] = AUTOMATIC
    names = {AUTOMATIC: tr("datapage.column_automatic"), NO_LABEL: tr("datapage.column_none")}
    st.selectbox(label, choices, key=key, on_change=_read_upload, format_func=lambda c: names.get(c, c))


def uploader() -> None:
    """The file uploader and, for tables, pickers of the text and label columns."""
    uploaded = st.file_uploader(tr("datapage.upload"), type=[ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS],
                                key=UPLOAD, on_change=_new_file,
                                help=f"{tr('upload.button_help')} {tr('datapage.upload_help')}")
    file_id, columns = st.session_state.get(COLUMNS, (None, []))
    if uploaded is None or file_id != uploaded.file_id or not columns:
        return
    left, right = st.columns(2)
    with left:
        _column_picker(tr("datapage.text_column"), TEXT_COLUMN, [AUTOMATIC, *columns])
    with right:
        _column_picker(tr("datapage.label_column"), LABEL_COLUMN, [AUTOMATIC, NO_LABEL, *columns])


def _load_sample() -> None:
    name = st.session_state[SAMPLE]
    _load(lambda: load_sample(name), f"sample:{name}")


def samples() -> None:
    """The bundled samples, each with its description, and a Load button."""
    if st.session_state.get(SAMPLE) not in SAMPLES:
        st.session_state[SAMPLE] = next(iter(SAMPLES))
    titles = {name: tr(sample.title_key) for name, sample in SAMPLES.items()}
    name = st.selectbox(tr("datapage.sample"), list(SAMPLES), key=SAMPLE, format_func=titles.get)
    st.caption(tr(SAMPLES[name].description_key))
    st.button(tr("datapage.load_sample"), on_click=_load_sample, icon=":material/download:")


def describe_source(source: str) -> str:
    """Where the session's data came from, in the user's language."""
    kind, _, name = source.partition(":")
    if kind == "sample" and name in SAMPLES:
        return tr("datapage.source_sample", title=tr(SAMPLES[name].title_key))
    if kind == "file":
        return tr("datapage.source_file", name=_MARKDOWN_SPECIALS.sub(r"\\\1", name))
    return tr("datapage.source_pasted")


def _copy_to_text_box() -> None:
    text = to_pasted(state.session().dataset)
    state.session().data_text = text
    _load(lambda: read_pasted(text), "pasted")


def status() -> None:
    """The last input error, if any, and the data in use, with a way to edit it in the text box."""
    error = st.session_state.get(ERROR)
    if error is not None:
        widgets.show_error(error)
        st.caption(tr("datapage.kept_previous", texts=state.tr_count("texts", len(state.session().dataset))))
    dataset, source = state.session().dataset, state.session().data_source
    st.success(tr("datapage.in_use", texts=state.tr_count("texts", len(dataset)), source=describe_source(source)),
               icon=":material/description:")
    if source != "pasted" and len(dataset) <= MAX_EDITABLE_ROWS:
        st.button(tr("datapage.copy_to_text_box"), on_click=_copy_to_text_box, icon=":material/edit:")
    for notice in dataset.notices:
        st.info(notice.message(state.session().language), icon=":material/info:")
