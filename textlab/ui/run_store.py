"""The process-wide run store for the pages, and the observers that record each new run into it.

Kept free of ``textlab.ui.state`` imports: the state module builds a run's observers from here.
"""

from __future__ import annotations

import logging

import streamlit as st

from textlab.runs.checkpoint import Checkpoint
from textlab.runs.recorder import RunRecorder, WarmStart
from textlab.runs.store import Store, StoreError, data_dir
from textlab.train.jobs import Observer

WARM_START = "runs_warm_start"  # session key: a checkpoint the next run starts from
logger = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _store_in(directory: str) -> Store:
    return Store(directory)


def store() -> Store:
    """The store of ``TEXTLAB_DATA_DIR`` (read on every call, so tests can point it elsewhere)."""
    return _store_in(str(data_dir().resolve()))


def request_warm_start(checkpoint: Checkpoint) -> None:
    """Make the session's next run start from ``checkpoint``'s weights."""
    st.session_state[WARM_START] = checkpoint


def run_observers() -> list[Observer]:
    """A recorder for the next run (and its warm start, once); none when the store cannot be opened."""
    observers: list[Observer] = []
    warm = st.session_state.pop(WARM_START, None)
    if warm is not None:
        observers.append(WarmStart(warm))
    try:
        observers.append(RunRecorder(store()))
    except StoreError as error:  # training goes on unrecorded; the Runs page shows the same error
        logger.warning("textlab: runs are not recorded: %s", error)
    return observers
