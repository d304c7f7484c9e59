"""Session state shared by every page: language, dataset, training settings and the job.

Values several pages need live in our own ``st.session_state`` keys, not in widget
keys, because Streamlit forgets a widget's value when a page stops drawing it.
"""

from __future__ import annotations

import threading
import time

import streamlit as st

from textlab.data.dataset import Dataset, read_pasted
from textlab.data.samples import sample_bytes
from textlab.errors import ConfigError
from textlab.i18n import normalize_language, t
from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, TrainingJob, warm_up
from textlab.ui.observers import new_run_observers

LANG, CONFIG, DATASET, DATA_TEXT, DATA_SOURCE, URL_PROBLEMS = (
    "lang", "config", "dataset", "data_text", "data_source", "url_problems")
JOB = "job"
# A closed tab's job gets this long to be picked up again (a reconnect) before it is stopped.
RELEASE_GRACE_SECONDS = 90.0


def language() -> str:
    """The user's language: ?lang= in the URL, else the browser's locale, else English."""
    if LANG not in st.session_state:
        requested = st.query_params.get("lang") or getattr(st.context, "locale", None)
        st.session_state[LANG] = normalize_language(requested)
    return st.session_state[LANG]


def set_language(lang: str) -> None:
    st.session_state[LANG] = normalize_language(lang)


def tr(key: str, **params: object) -> str:
    """Translate ``key`` into the session's language."""
    return t(key, language(), **params)


def config() -> TrainConfig:
    """The settings of the next run; read once from the URL, where bad values fall back to defaults."""
    if CONFIG not in st.session_state:
        loaded, problems = TrainConfig.from_query(st.query_params.to_dict())
        st.session_state[CONFIG] = loaded
        st.session_state[URL_PROBLEMS] = problems
    return st.session_state[CONFIG]


def set_config(new_config: TrainConfig) -> None:
    st.session_state[CONFIG] = new_config


def update_config(**changes: object) -> ConfigError | None:
    """Apply changes to the settings; on an invalid value keep the old settings and return the error."""
    try:
        set_config(config().with_changes(**changes))
    except ConfigError as error:
        return error
    return None


def take_url_problems() -> list[ConfigError]:
    """Problems found in the URL's settings, reported once."""
    config()
    return st.session_state.pop(URL_PROBLEMS, [])


def notebook_text() -> str:
    return sample_bytes("notebook").decode("utf-8")


def data_text() -> str:
    """What the user typed in the Data page's text area (the notebook's texts at first)."""
    if DATA_TEXT not in st.session_state:
        st.session_state[DATA_TEXT] = notebook_text()
    return st.session_state[DATA_TEXT]


def set_data_text(text: str) -> None:
    st.session_state[DATA_TEXT] = text


def dataset() -> Dataset:
    """The dataset every page shows; the notebook's three texts until the user gives others."""
    if DATASET not in st.session_state:
        st.session_state[DATASET] = read_pasted(data_text())
        st.session_state[DATA_SOURCE] = "pasted"
    return st.session_state[DATASET]


def set_dataset(new_dataset: Dataset, source: str) -> None:
    st.session_state[DATASET] = new_dataset
    st.session_state[DATA_SOURCE] = source


def data_source() -> str:
    dataset()
    return st.session_state[DATA_SOURCE]


def sync_url(extra: dict[str, str] | None = None) -> None:
    """Mirror the language, every non-default setting and ``extra`` in the URL, so a copied link reopens them."""
    wanted = {"lang": language(), **config().to_query(), **(extra or {})}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


@st.cache_resource(show_spinner=False)
def slot_pool() -> SlotPool:
    """The process-wide pool capping concurrent training threads (TEXTLAB_MAX_JOBS).

    Creating it also warms torch up in the background, so the server's first run starts at once.
    """
    threading.Thread(target=warm_up, name="textlab-warm-up", daemon=True).start()
    return SlotPool()


class SessionJobs:
    """The browser session's current job; released (and stopped after a grace period) when the tab goes."""

    def __init__(self) -> None:
        self.current: TrainingJob | None = None

    def release(self) -> None:
        job = self.current
        if job is None or not job.thread_alive:
            return
        # A dropped connection also releases the session; give it time to come back first.
        released_at = time.monotonic()
        timer = threading.Timer(RELEASE_GRACE_SECONDS, _stop_if_abandoned, args=(job, released_at))
        timer.name, timer.daemon = f"textlab-release-{job.job_id}", True
        timer.start()


def _stop_if_abandoned(job: TrainingJob, released_at: float) -> None:
    """Stop the job unless a page has looked at it since its session was released (a reconnect)."""
    if job.last_seen < released_at:
        job.stop()


@st.cache_resource(scope="session", on_release=SessionJobs.release, show_spinner=False)
def _session_jobs() -> SessionJobs:
    return SessionJobs()


def current_job() -> TrainingJob | None:
    """This session's job, if any; marks it as still watched.

    Session state holds it; the session-scoped holder only lets the session's release stop it.
    """
    job = st.session_state.get(JOB)
    if job is not None:
        _session_jobs().current = job  # after a reconnect the holder is a new one: register again
        job.touch()
    return job


def start_job(run_config: TrainConfig, run_dataset: Dataset, *, step_first: bool = False) -> TrainingJob:
    """Start a run with frozen copies of the settings and data; at most one job per session.

    With ``step_first`` the run trains exactly one batch and then waits, paused (the Step button).
    """
    previous = current_job()
    if previous is not None and previous.thread_alive:
        previous.stop()
    job = TrainingJob(run_config, run_dataset, slot_pool(), new_run_observers())
    if step_first:
        job.step()  # before the thread starts, so not even a second batch can slip through
    job.start()
    _session_jobs().current = job
    st.session_state[JOB] = job
    return job


def clear_job() -> None:
    """Forget the finished job (the Reset button)."""
    job = current_job()
    if job is not None:
        job.stop()
    _session_jobs().current = None
    st.session_state.pop(JOB, None)
