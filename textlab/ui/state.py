"""The browser session's state, one typed object shared by every page, and its training job.

Everything several pages need lives in ``Session``, stored under one ``st.session_state`` key,
not in widget keys, because Streamlit forgets a widget's value when a page stops drawing it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import streamlit as st

from textlab.analysis.snapshots import EmbeddingHistory
from textlab.classroom.lesson import Lesson
from textlab.data.dataset import Dataset, read_pasted
from textlab.data.samples import sample_bytes
from textlab.errors import ConfigError
from textlab.figures.loss import DEFAULT_SMOOTHING
from textlab.i18n import normalize_language, plural
from textlab.i18n.numbers import format_decimal, format_percent
from textlab.runs.checkpoint import Checkpoint
from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, TrainingJob, new_job
from textlab.ui.run_store import run_observers
from textlab.ui.texts import t

SESSION = "textlab"  # the one st.session_state key this app owns besides its widgets'
# A closed tab's job gets this long to be picked up again (a reconnect) before it is stopped.
RELEASE_GRACE_SECONDS = 90.0


def notebook_text() -> str:
    return sample_bytes("notebook").decode("utf-8")


@dataclass
class Session:
    """What one browser session keeps across reruns and pages. The defaults are the notebook's."""

    language: str = "en"
    config: TrainConfig = field(default_factory=TrainConfig)  # the settings of the next run
    url_problems: list[ConfigError] = field(default_factory=list)  # bad settings in the URL
    url_problems_shown_on: set[str] = field(default_factory=set)  # the pages that have reported them
    data_text: str = field(default_factory=notebook_text)  # what the Data page's text box holds
    dataset: Dataset = field(default_factory=lambda: read_pasted(notebook_text()))  # what every page shows
    data_source: str = "pasted"  # "pasted", "file:<file name>" or "sample:<name>"
    job: TrainingJob | None = None
    warm_start: Checkpoint | None = None  # the next run starts from these weights (the Runs page)
    lesson: Lesson | None = None
    lesson_checked: bool = False  # the URL's lesson is applied once, so later changes are not undone
    tour_step: str | None = None
    presentation: bool = False
    loss_smoothing: float = DEFAULT_SMOOTHING
    loss_x_axis: str = "step"
    _fingerprint: tuple[Dataset, str] | None = field(default=None, repr=False)

    @classmethod
    def from_url(cls, params: Mapping[str, str], locale: str | None = None) -> Session:
        """A new session: language, settings and presentation mode from the URL, where bad values fall back."""
        config, problems = TrainConfig.from_query(dict(params))
        return cls(language=normalize_language(params.get("lang") or locale), config=config,
                   url_problems=problems, presentation=params.get("present") == "1")

    def update_config(self, **changes: object) -> ConfigError | None:
        """Apply changes to the settings; on an invalid value keep the old settings and return the error."""
        try:
            self.config = self.config.with_changes(**changes)
        except ConfigError as error:
            return error
        return None

    def set_language(self, lang: str | None) -> None:
        self.language = normalize_language(lang)

    def use_dataset(self, dataset: Dataset, source: str) -> None:
        self.dataset, self.data_source = dataset, source

    def take_url_problems(self, page: str, settings_page: str) -> list[ConfigError]:
        """The link's bad settings, for the first page opened and once more for ``settings_page``.

        A link to the home page reports them there; the student who then opens the settings
        would otherwise find a default with no word on why the link's value is not used.
        """
        shown = self.url_problems_shown_on
        if page in shown or (shown and page != settings_page):
            return []
        shown.add(page)
        return self.url_problems

    def fingerprint(self, dataset: Dataset) -> str:
        """``dataset``'s content hash, remembered for the last dataset object asked about."""
        if self._fingerprint is None or self._fingerprint[0] is not dataset:
            self._fingerprint = (dataset, dataset.fingerprint())
        return self._fingerprint[1]


def session() -> Session:
    """This browser session's state, made from the URL on its first run."""
    if SESSION not in st.session_state:
        st.session_state[SESSION] = Session.from_url(st.query_params.to_dict(), getattr(st.context, "locale", None))
    return st.session_state[SESSION]


def tr(key: str, **params: object) -> str:
    """Translate ``key`` (the core's or a page's) into the session's language."""
    return t(key, session().language, **params)


def decimal(value: float, decimals: int = 3, *, signed: bool = False) -> str:
    """``value`` as the session's language writes it: 0,597 / 0.597 (+0,597 when ``signed``)."""
    return format_decimal(float(value), session().language, decimals, signed=signed)


def percent(fraction: float, decimals: int = 0, *, signed: bool = False) -> str:
    """``fraction`` as a percentage in the session's language: 84,1% / 84.1%."""
    return format_percent(float(fraction), session().language, decimals, signed=signed)


def tr_count(noun: str, count: int) -> str:
    """``count`` with its noun in the session's language and plural form: "1 texto", "3 textos"."""
    return plural(f"count.{noun}", count, session().language)


def sync_url(extra: dict[str, str] | None = None) -> None:
    """Mirror the language, every non-default setting and ``extra`` in the URL, so a copied link reopens them."""
    current = session()
    wanted = {"lang": current.language, **current.config.to_query(), **(extra or {})}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


@st.cache_resource(show_spinner=False)
def slot_pool() -> SlotPool:
    """The process-wide pool capping concurrent training threads (TEXTLAB_MAX_JOBS)."""
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

    The session holds it; the session-scoped holder only lets the session's release stop it.
    """
    job = session().job
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
    current = session()
    warm, current.warm_start = current.warm_start, None  # a warm start applies to one run
    job = new_job(run_config, run_dataset, slot_pool(), run_observers(warm, current.data_source),
                  EmbeddingHistory())
    if step_first:
        job.step()  # before the thread starts, so not even a second batch can slip through
    job.start()
    _session_jobs().current = job
    current.job = job
    return job


def clear_job() -> None:
    """Forget the finished job (the Reset button)."""
    job = current_job()
    if job is not None:
        job.stop()
    _session_jobs().current = None
    session().job = None
