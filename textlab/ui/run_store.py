"""The process-wide run store for the pages, and the observers that record each new run into it.

Kept free of ``textlab.ui.state`` imports: the state module builds a run's observers from here.
"""

from __future__ import annotations

import logging

import streamlit as st

from textlab.runs.checkpoint import Checkpoint
from textlab.runs.recorder import RunRecorder, WarmStart
from textlab.runs.store import Store, StoreError, data_dir, database_url
from textlab.train.jobs import Observer

logger = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _store_in(directory: str, url: str | None) -> Store:
    return Store(directory, url)


def store() -> Store:
    """The store of ``TEXTLAB_DATA_DIR`` and ``TEXTLAB_DATABASE_URL``, read on every call (tests change them)."""
    return _store_in(str(data_dir().resolve()), database_url())


def run_observers(warm_start: Checkpoint | None = None, data_source: str = "") -> list[Observer]:
    """A recorder for the next run, after its warm start if it has one; no recorder when the store cannot open."""
    observers: list[Observer] = [WarmStart(warm_start)] if warm_start is not None else []
    try:
        observers.append(RunRecorder(store(), data_source=data_source))
    except StoreError as error:  # training goes on unrecorded; the Runs page shows the same error
        logger.warning("textlab: runs are not recorded: %s", error)
    return observers
