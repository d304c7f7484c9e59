"""Training on a Ray cluster: each run is a Ray actor; the job's own thread relays its events.

Chosen by ``textlab.train.jobs.new_job`` when ``TEXTLAB_RAY_ADDRESS`` is set (only then is this
module, and Ray, imported). The actor runs the core ``train`` in a thread of its own. The driver
thread (here, in the app server) polls it for new events in batches, sending the page's pause,
step and stop with each poll, and calls the observers here, against a CPU mirror of the run: the
same vocabulary and split, prepared from the same seed, whose weights the actor sends with each
epoch's end and with the end. So the run store (shared through PostgreSQL and the data
directory), the embedding snapshots and the inspection pages work as with a local thread.
Observers that change the run itself (``changes_the_run``: a warm start's weights) go with the run
and are called in the actor instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import ray
import torch

import textlab
from textlab.analysis.snapshots import EmbeddingHistory
from textlab.data.dataset import Dataset
from textlab.train.config import TrainConfig
from textlab.train.control import Control
from textlab.train.events import END_EVENTS, EpochEnd, Event, Failed, Finished, RunStarted, Stopped
from textlab.train.jobs import SlotPool, TrainingJob
from textlab.train.loop import Observer, TrainingRun, failure, train

POLL_SECONDS = 0.05  # between two polls that brought nothing: the page redraws far less often
_connection_lock = threading.Lock()


def connect(address: str) -> None:
    """Join the cluster at ``address`` once per process ("local" starts one in this process).

    textlab itself travels with the connection (``py_modules``), so the cluster's machines need
    only its dependencies installed, not this checkout.
    """
    with _connection_lock:
        if not ray.is_initialized():
            ray.init(address=None if address == "local" else address, runtime_env={"py_modules": [textlab]},
                     logging_level="warning", log_to_driver=False)


def _cpu_state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {name: tensor.detach().to("cpu", copy=True) for name, tensor in model.state_dict().items()}


@ray.remote
class RunActor:
    """One run on a cluster worker; its training thread starts as soon as the actor exists."""

    def __init__(self, config: TrainConfig, dataset: Dataset, commands: Sequence[str],
                 observers: Sequence[Observer]) -> None:
        self.control = Control()
        self._apply(commands)  # before the first batch, so a Step pressed early trains exactly one
        self._lock = threading.Lock()
        self._events: list[tuple[Event, dict[str, torch.Tensor] | None]] = []
        self._observers = list(observers)
        self._observer_errors: list[str] = []
        self._thread = threading.Thread(target=self._work, args=(config, dataset), daemon=True)
        self._thread.start()

    def _work(self, config: TrainConfig, dataset: Dataset) -> None:
        for _ in train(config, dataset, self.control, self._observe):
            pass

    def _observe(self, run: TrainingRun | None, event: Event) -> None:
        for observer in tuple(self._observers if run is not None else ()):
            try:
                observer(run, event)
            except Exception as error:  # noqa: BLE001 - like a local job: switched off, reported, run goes on
                self._observers.remove(observer)
                with self._lock:
                    self._observer_errors.append(f"{type(error).__name__}: {error}")
        # The weights go with the start (a warm start's), each epoch's end (the embedding snapshots)
        # and the end.
        sent = (RunStarted, EpochEnd, *END_EVENTS)
        state = _cpu_state(run.model) if run is not None and isinstance(event, sent) else None
        with self._lock:
            self._events.append((event, state))

    def _apply(self, commands: Sequence[str]) -> None:
        for command in commands:
            getattr(self.control, command)()

    def poll(self, commands: Sequence[str]) -> tuple[list[tuple[Event, dict[str, torch.Tensor] | None]], list[str]]:
        """Apply the page's commands, then hand over the events and observer errors since the last poll."""
        self._apply(commands)
        with self._lock:
            events, self._events = self._events, []
            errors, self._observer_errors = self._observer_errors, []
        return events, errors


class RayTrainingJob(TrainingJob):
    """A ``TrainingJob`` whose run trains in a Ray actor; the same interface for its callers."""

    def __init__(self, config: TrainConfig, dataset: Dataset, pool: SlotPool, observers: Sequence[Observer] = (),
                 embedding_history: EmbeddingHistory | None = None, *, address: str) -> None:
        super().__init__(config, dataset, pool, observers, embedding_history)
        self.address = address
        self._actor_observers = [observer for observer in self._live_observers
                                 if getattr(observer, "changes_the_run", False)]
        self._live_observers = [observer for observer in self._live_observers
                                if observer not in self._actor_observers]
        self._commands: list[str] = []  # control calls not yet sent to the actor, in order
        self._commands_lock = threading.Lock()

    def _train(self) -> Finished | Stopped | Failed:
        with self._lock:
            self._state = "running"
        try:
            mirror = TrainingRun(self.config.with_changes(device="cpu"), self.dataset)
        except Exception as error:  # noqa: BLE001 - a refused setting ends the job as it does locally
            return failure(error, self.config)
        mirror.config = self.config  # what the run was asked for (the store records it), device included
        try:
            connect(self.address)
            gpus = 1 if self.config.run.device == "cuda" else 0
            actor = RunActor.options(num_gpus=gpus).remote(self.config, self.dataset, self._take_commands(),
                                                           self._actor_observers)
        except Exception as error:  # noqa: BLE001 - a cluster that cannot be reached fails this run only
            return failure(error, self.config)
        try:
            return self._relay(actor, mirror)
        except ray.exceptions.RayError as error:  # the worker died, or its node did
            return Failed("error", "training.crashed", {"detail": f"{type(error).__name__}: {error}"})
        finally:
            ray.kill(actor)

    def _relay(self, actor: ray.actor.ActorHandle, mirror: TrainingRun) -> Finished | Stopped | Failed:
        while True:
            batch, errors = ray.get(actor.poll.remote(self._take_commands()))
            with self._lock:
                self._observer_errors.extend(errors)
            for event, state in batch:
                if state is not None:
                    mirror.model.load_state_dict(state)
                if isinstance(event, END_EVENTS):
                    self.run = mirror
                    return event
                self._observe(mirror, event)
            if not batch:
                time.sleep(POLL_SECONDS)

    def _take_commands(self) -> list[str]:
        with self._commands_lock:
            commands, self._commands = self._commands, []
        return commands

    def _send(self, command: str) -> None:
        getattr(self.control, command)()  # the local copy answers snapshot() and the queue at once
        with self._commands_lock:
            self._commands.append(command)

    def stop(self) -> None:
        self._send("stop")

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._send("resume")

    def step(self) -> None:
        self._send("step")
