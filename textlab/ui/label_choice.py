"""What the labels are for: classification, regression or random labels, chosen beside the data.

The summary says what the next run will do (``auto`` resolved to the actual mode), never just
what kind of labels the data has.
"""

from __future__ import annotations

import streamlit as st

from textlab.errors import BadLabelError
from textlab.train.tasks import resolve_task
from textlab.ui import state
from textlab.ui.state import tr
from textlab.ui.widgets import config_input


def label_mode_summary() -> str:
    """'Labels: …' as the next run will use them, or the reason it cannot use them."""
    data, requested = state.session().dataset, state.session().config.run.label_mode
    try:
        task, labelled = resolve_task(requested, data)
    except BadLabelError as error:
        return error.message(state.session().language)
    if not task.reads_labels and data.label_kind != "none":
        return tr("labels.summary.random_ignoring")
    return tr(f"labels.summary.{task.name}", classes=state.tr_count("classes", len(labelled.label_names)))


def label_mode_choice(container=st) -> None:
    """The label-mode selector and, under it, what the run will do with it."""
    config_input("label_mode", container=container)
    container.caption(label_mode_summary())
