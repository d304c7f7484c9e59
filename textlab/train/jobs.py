"""Background training: a job owns one thread running the core loop, and a process-wide slot pool.

``new_job`` picks where the run trains: in that thread, or with ``TEXTLAB_RAY_ADDRESS`` set, in a
Ray actor that the thread relays (``textlab.train.ray_jobs``); callers see the same job either way.

The thread never touches the UI. It appends events under a lock; the page reads
``snapshot()``, an immutable copy, as often as it likes.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from textlab.analysis.snapshots import EmbeddingHistory
from textlab.data.dataset import Dataset
from textlab.train.config import TrainConfig
from textlab.train.control import Control
from textlab.train.events import END_EVENTS, EpochEnd, Event, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.loop import Observer, TrainingRun, train

STATES = ("queued", "running", "paused", "finished", "stopped", "failed")
ACTIVE_STATES = ("queued", "running", "paused")
RAY_ADDRESS_VARIABLE = "TEXTLAB_RAY_ADDRESS"
# Steps per second are measured over the most recent steps, so the ETA follows speed changes.
RATE_WINDOW_STEPS = 50


def warm_up() -> None:
    """Pay torch's one-time cost of a first optimizer (it imports its compiler, seconds) before any run.

    Without this the first run of a fresh server spends that time before its first step.
    """
    weights = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.Adam([weights], fused=True)
    weights.sum().backward()
    optimizer.step()


def default_slot_count() -> int:
    """``TEXTLAB_MAX_JOBS`` when set to a positive whole number, else the CPU count."""
    configured = os.environ.get("TEXTLAB_MAX_JOBS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else (os.cpu_count() or 1)


class SlotPool:
    """Caps how many training threads run at once; further jobs wait in arrival order."""

    def __init__(self, slots: int | None = None) -> None:
        self.slots = slots or default_slot_count()
        self._condition = threading.Condition()
        self._running: set[int] = set()
        self._waiting: deque[int] = deque()
        self._warm_up: threading.Thread | None = None

    def start_warm_up(self) -> threading.Thread:
        """Run ``warm_up`` in the background, once per pool, so the server's first run starts at once."""
        with self._condition:
            if self._warm_up is None:
                self._warm_up = threading.Thread(target=warm_up, name="textlab-warm-up", daemon=True)
                self._warm_up.start()
            return self._warm_up

    @property
    def threads_per_job(self) -> int:
        """Torch intra-op threads for each job, so full slots do not oversubscribe the cores."""
        return max(1, (os.cpu_count() or 1) // self.slots)

    def acquire(self, job_id: int, cancelled: Callable[[], bool]) -> bool:
        """Wait for a free slot; False when ``cancelled()`` turned true while waiting."""
        with self._condition:
            self._waiting.append(job_id)
            while self._waiting[0] != job_id or len(self._running) >= self.slots:
                # The timeout lets a cancelled job leave the queue without anyone notifying it.
                self._condition.wait(timeout=0.2)
                if cancelled():
                    self._waiting.remove(job_id)
                    self._condition.notify_all()
                    return False
            self._waiting.popleft()
            self._running.add(job_id)
            self._condition.notify_all()
            return True

    def release(self, job_id: int) -> None:
        with self._condition:
            self._running.discard(job_id)
            self._condition.notify_all()

    def position(self, job_id: int) -> int | None:
        """1-based place in the queue, or None when not waiting."""
        with self._condition:
            return self._waiting.index(job_id) + 1 if job_id in self._waiting else None

    @property
    def running_count(self) -> int:
        with self._condition:
            return len(self._running)


@dataclass(frozen=True)
class JobSnapshot:
    """An immutable view of a job at one moment, safe to draw from."""

    job_id: int
    state: str
    config: TrainConfig
    started: RunStarted | None
    steps: tuple[Step, ...]
    epochs: tuple[EpochEnd, ...]
    end: Finished | Stopped | Failed | None
    queue_position: int | None
    steps_per_second: float | None
    observer_errors: tuple[str, ...] = ()  # observers that failed and were switched off; the run went on

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def progress(self) -> float:
        if self.started is None or not self.started.total_steps:
            return 0.0
        return min(1.0, len(self.steps) / self.started.total_steps)

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at the recent speed; None unless running (a pause has no end to predict)."""
        if self.started is None or not self.steps_per_second or self.state != "running":
            return None
        return (self.started.total_steps - len(self.steps)) / self.steps_per_second

    @property
    def elapsed_seconds(self) -> float:
        """Training time up to the last step, preparation excluded."""
        return self.steps[-1].seconds if self.steps else 0.0

    @property
    def overall_steps_per_second(self) -> float | None:
        """Steps per second over the whole run so far (the figure a benchmark compares)."""
        return len(self.steps) / self.elapsed_seconds if self.elapsed_seconds > 0 else None


class TrainingJob:
    """One training run in its own thread, with stop / pause / resume / step from any thread."""

    _ids = itertools.count(1)

    def __init__(self, config: TrainConfig, dataset: Dataset, pool: SlotPool,
                 observers: Sequence[Observer] = (), embedding_history: EmbeddingHistory | None = None) -> None:
        self.job_id = next(self._ids)
        self.config, self.dataset, self.pool = config, dataset, pool
        self.control = Control()
        self.run: TrainingRun | None = None  # set in the thread once prepared; the pages read its model
        # Snapshots of the embeddings, epoch by epoch, when asked for; it observes after the others,
        # so a warm start has loaded its weights before the first snapshot.
        self.embedding_history = embedding_history
        self.observers = (*observers, *([embedding_history] if embedding_history is not None else []))
        self._lock = threading.Lock()
        self._state = "queued"
        self._started: RunStarted | None = None
        self._steps: list[Step] = []
        self._epochs: list[EpochEnd] = []
        self._end: Finished | Stopped | Failed | None = None
        self._observer_errors: list[str] = []
        self._live_observers = list(self.observers)  # minus those that failed
        self._thread = threading.Thread(target=self._work, name=f"textlab-job-{self.job_id}", daemon=True)
        self.last_seen = time.monotonic()

    def touch(self) -> None:
        """Note that a page is still watching this job (see textlab.ui.state for the grace period)."""
        self.last_seen = time.monotonic()

    def start(self) -> TrainingJob:
        self._thread.start()
        return self

    def _work(self) -> None:
        if not self.pool.acquire(self.job_id, lambda: self.control.stop_requested):
            self._finish(Stopped("user"))
            return
        try:
            end = self._train()
        finally:
            self.pool.release(self.job_id)
        self._finish(end)

    def _train(self) -> Finished | Stopped | Failed:
        """Run the loop, recording its events; return its end event (``train`` guarantees one)."""
        torch.set_num_threads(self.pool.threads_per_job)
        with self._lock:
            self._state = "running"
        events = train(self.config, self.dataset, self.control, self._observe)
        return deque(events, maxlen=1).pop()  # _observe has recorded the others; the last is the end

    def _observe(self, run: TrainingRun | None, event: Event) -> None:
        """Keep a progress event for the snapshots and pass it on; end events wait for ``_finish``."""
        if run is not None:
            self.run = run
        if isinstance(event, END_EVENTS):
            return
        with self._lock:
            if isinstance(event, Step):
                self._steps.append(event)
            elif isinstance(event, EpochEnd):
                self._epochs.append(event)
            else:
                self._started = event
        self._notify_all(event)

    def _finish(self, end: Finished | Stopped | Failed) -> None:
        """Tell the observers (a run store saves here), then show the end: an ended job is fully done."""
        self._notify_all(end)
        with self._lock:
            self._end = end
            self._state = {Finished: "finished", Stopped: "stopped", Failed: "failed"}[type(end)]

    def _notify_all(self, event: Event) -> None:
        if self.run is not None:
            for observer in tuple(self._live_observers):
                self._notify(observer, event)

    def _notify(self, observer: Observer, event: Event) -> None:
        """Call one observer; one that fails is switched off and reported, and training goes on."""
        try:
            observer(self.run, event)
        except Exception as error:  # noqa: BLE001 - saving a snapshot must not end the run it watches
            self._live_observers.remove(observer)
            with self._lock:
                self._observer_errors.append(f"{type(error).__name__}: {error}")

    # Control, from any thread
    def stop(self) -> None:
        self.control.stop()

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def step(self) -> None:
        self.control.step()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def thread_alive(self) -> bool:
        return self._thread.is_alive()

    def snapshot(self) -> JobSnapshot:
        with self._lock:
            steps, epochs = tuple(self._steps), tuple(self._epochs)
            state, started, end = self._state, self._started, self._end
            observer_errors = tuple(self._observer_errors)
        if state == "running" and self.control.paused:
            state = "paused"
        return JobSnapshot(self.job_id, state, self.config, started, steps, epochs, end,
                           self.pool.position(self.job_id) if state == "queued" else None,
                           _steps_per_second(steps), observer_errors)


def new_job(config: TrainConfig, dataset: Dataset, pool: SlotPool, observers: Sequence[Observer] = (),
            embedding_history: EmbeddingHistory | None = None, ray_address: str | None = None) -> TrainingJob:
    """A job training in its own thread, or on the Ray cluster at ``ray_address`` / ``TEXTLAB_RAY_ADDRESS``."""
    address = ray_address or os.environ.get(RAY_ADDRESS_VARIABLE)
    if not address:
        return TrainingJob(config, dataset, pool, observers, embedding_history)
    from textlab.train.ray_jobs import RayTrainingJob  # only here: Ray is heavy, optional and slow to import

    return RayTrainingJob(config, dataset, pool, observers, embedding_history, address=address)


def _steps_per_second(steps: Sequence[Step]) -> float | None:
    if len(steps) < 2:
        return None
    window = steps[-RATE_WINDOW_STEPS:]
    elapsed = window[-1].seconds - window[0].seconds
    return (len(window) - 1) / elapsed if elapsed > 0 else None

