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
# While others wait, a run trains this long before its slot goes to the next: short enough that the
# live curves of a whole class move, long enough that switching costs nothing measurable.
TURN_SECONDS = 0.5


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
    """Caps how many training threads run at once, and lets the runs take turns at the slots.

    A run holds its slot for a turn of ``turn_seconds`` while others wait, then goes to the back
    of the queue; a new run waits only behind other new runs, so every student sees a first loss
    point within seconds even when the class presses Train together. A paused run gives its slot
    back (``TurnGate``). ``turn_seconds=None`` keeps a slot until the run ends.
    """

    def __init__(self, slots: int | None = None, turn_seconds: float | None = TURN_SECONDS) -> None:
        self.slots = slots or default_slot_count()
        self.turn_seconds = turn_seconds
        self._condition = threading.Condition()
        self._running: set[int] = set()
        self._waiting: list[int] = []  # new runs first, in arrival order, then the returning ones
        self._returning: set[int] = set()
        self._turn_started: dict[int, float] = {}
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
        """Torch intra-op threads for each job, so full slots do not oversubscribe the cores.

        One when runs take turns: every thread that ran torch ops keeps its own OpenMP team, and runs
        switching turns between such teams trained 2.7x slower (10 notebook-sized runs on 1 slot of
        2 cores: 1,178 steps/s with 2 threads each, 3,393 with 1).
        """
        if self.turn_seconds is not None:
            return 1
        return max(1, (os.cpu_count() or 1) // self.slots)

    def acquire(self, job_id: int, cancelled: Callable[[], bool], *, returning: bool = False) -> bool:
        """Wait for a free slot; False when ``cancelled()`` turned true while waiting.

        ``returning``: the job has had a turn already, so it queues behind every new one.
        """
        with self._condition:
            if returning:
                self._returning.add(job_id)
                self._waiting.append(job_id)
            else:
                self._waiting.insert(len(self._waiting) - len(self._returning), job_id)
            while self._waiting[0] != job_id or len(self._running) >= self.slots:
                # The timeout lets a cancelled job leave the queue without anyone notifying it.
                self._condition.wait(timeout=0.2)
                if cancelled():
                    self._leave_queue(job_id)
                    self._condition.notify_all()
                    return False
            self._leave_queue(job_id)
            self._running.add(job_id)
            self._turn_started[job_id] = time.monotonic()
            self._condition.notify_all()
            return True

    def _leave_queue(self, job_id: int) -> None:
        self._waiting.remove(job_id)
        self._returning.discard(job_id)

    def release(self, job_id: int) -> None:
        with self._condition:
            self._running.discard(job_id)
            self._turn_started.pop(job_id, None)
            self._condition.notify_all()

    def turn_is_over(self, job_id: int) -> bool:
        """Whether the running job should give its slot to a waiting one now (between two batches).

        A waiting new run always may: its student has no curve yet. Others wait for the end of the turn.
        """
        if self.turn_seconds is None:
            return False
        with self._condition:
            if not self._waiting or job_id not in self._running:
                return False
            if self._waiting[0] not in self._returning:
                return True
            return time.monotonic() - self._turn_started[job_id] >= self.turn_seconds

    def position(self, job_id: int) -> int | None:
        """1-based place in the queue, or None when not waiting."""
        with self._condition:
            return self._waiting.index(job_id) + 1 if job_id in self._waiting else None

    @property
    def running_count(self) -> int:
        with self._condition:
            return len(self._running)

    @property
    def crowded(self) -> bool:
        """Whether more runs want a slot than there are slots: the runs are taking turns."""
        with self._condition:
            return len(self._running) + len(self._waiting) > self.slots

    @property
    def waiting_count(self) -> int:
        with self._condition:
            return len(self._waiting)


class TurnGate:
    """What the training loop asks before each batch of a job: the user's pause, step and stop, and the slot.

    It gives the slot back while the run is paused and at the end of each turn, and waits for the
    next turn before the next batch. Every turn trains at least one batch, so no run starves.
    """

    def __init__(self, pool: SlotPool, job_id: int, control: Control) -> None:
        self.pool, self.job_id, self.control = pool, job_id, control
        self.waiting_for_turn = False  # read by the job's snapshot: the run is between two turns
        self._holds_slot, self._batches_this_turn = True, 0  # the job acquired its first turn before training

    def wait_for_go(self) -> bool:
        if self._holds_slot and (self.control.holding or
                                 (self._batches_this_turn and self.pool.turn_is_over(self.job_id))):
            self.pool.release(self.job_id)
            self._holds_slot = False
        if not self.control.wait_for_go():
            return False
        if not self._holds_slot:
            self.waiting_for_turn = True
            self._holds_slot = self.pool.acquire(self.job_id, lambda: self.control.stop_requested, returning=True)
            self.waiting_for_turn, self._batches_this_turn = False, 0
            if not self._holds_slot:
                return False
        self._batches_this_turn += 1
        return True


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
    queue_position: int | None  # place in the queue: before its first turn (queued) or between two turns
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
        self.gate = TurnGate(pool, self.job_id, self.control)
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
        events = train(self.config, self.dataset, self.gate, self._observe)
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
                           self.pool.position(self.job_id) if state == "queued" or self.gate.waiting_for_turn else None,
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

