"""Recording runs into the store while they train: an observer of ``textlab.train.loop.train``.

Steps are buffered and written at most every ``FLUSH_SECONDS`` and at each epoch's end, so a run
of thousands of tiny batches costs a handful of transactions, not one per batch.
"""

from __future__ import annotations

import logging
import time

import sqlalchemy

from textlab.data.dataset import Dataset
from textlab.errors import TextlabError
from textlab.runs import checkpoint
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.events import END_EVENTS, EpochEnd, Event, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.loop import TrainingRun

FLUSH_SECONDS = 0.5
END_STATUS = {Finished: "finished", Stopped: "stopped", Failed: "failed"}
logger = logging.getLogger(__name__)


class RunRecorder:
    """``recorder(run, event)`` after each event of one run; never raises into the training loop."""

    def __init__(self, store: Store, config: TrainConfig | None = None, dataset: Dataset | None = None,
                 flush_seconds: float = FLUSH_SECONDS, data_source: str = "") -> None:
        self.store = store
        self.data_source = data_source  # where the texts came from, for the Runs table
        # Known up front only where a run may fail before it is prepared (the CLI).
        self.config, self.dataset = config, dataset
        self.flush_seconds = flush_seconds
        self.run_id: int | None = None
        self.error: Exception | None = None
        self._pending: list[Step] = []
        self._pending_epochs: list[EpochEnd] = []
        self._last_flush = time.monotonic()

    def __call__(self, run: TrainingRun | None, event: Event) -> None:
        if self.error is not None:
            return
        try:
            self._record(run, event)
        except (sqlalchemy.exc.SQLAlchemyError, OSError, TextlabError) as error:
            # A full disk or a locked database must not cost the student the run itself.
            self.error = error
            logger.warning("textlab: run not recorded: %s", error)

    def _record(self, run: TrainingRun | None, event: Event) -> None:
        if isinstance(event, RunStarted) and run is not None:
            self.run_id = self.store.start_run(run.config, run.dataset, event, self.data_source,
                                               run.vocab.options.model)
        elif isinstance(event, Step) and self.run_id is not None:
            self._pending.append(event)
            if time.monotonic() - self._last_flush >= self.flush_seconds:
                self._flush()
        elif isinstance(event, EpochEnd) and self.run_id is not None:
            # Epochs are batched like steps: with tiny data an epoch lasts a millisecond.
            self._pending_epochs.append(event)
            if time.monotonic() - self._last_flush >= self.flush_seconds:
                self._flush()
        elif isinstance(event, END_EVENTS):
            self._end(run, event)

    def _flush(self) -> None:
        self.store.add_epochs(self.run_id, self._pending_epochs, self._pending)
        self._pending, self._pending_epochs, self._last_flush = [], [], time.monotonic()

    def _end(self, run: TrainingRun | None, event: Finished | Stopped | Failed) -> None:
        if self.run_id is None:
            if self.config is None or self.dataset is None:
                return  # a job stopped or refused before it was prepared: there is nothing to compare
            self.run_id = self.store.start_run(self.config, self.dataset, data_source=self.data_source)
        self._flush()
        saved = None
        # A failed run's weights are NaN or half-built: only finished and stopped runs keep theirs.
        if run is not None and not isinstance(event, Failed):
            saved = checkpoint.save(run, self.store.checkpoint_path(self.run_id), self.run_id).name
        key, params = (event.key, event.params) if isinstance(event, Failed) else ("", {})
        kept = event.kept_epoch if isinstance(event, Finished) else None
        self.store.finish_run(self.run_id, END_STATUS[type(event)], event.reason, key, params, saved, kept)


class WarmStart:
    """An observer that copies a checkpoint's weights into the run as it starts, before its first batch."""

    changes_the_run = True  # so a Ray job calls it where the run trains, not on the server's copy

    def __init__(self, saved: checkpoint.Checkpoint) -> None:
        self.saved = saved

    def __call__(self, run: TrainingRun | None, event: Event) -> None:
        if isinstance(event, RunStarted) and run is not None:
            checkpoint.warm_start(run, self.saved)
