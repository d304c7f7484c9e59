"""What watches every new run from inside its training thread (embedding snapshots, the run store).

Each observer is called as ``observer(run, event)`` after the job records an event; it must be
thread-safe and quick, because it runs between batches.
"""

from __future__ import annotations

from textlab.analysis.snapshots import EmbeddingHistory
from textlab.train.jobs import Observer
from textlab.ui.run_store import run_observers


def new_run_observers() -> list[Observer]:
    """Fresh observers for a run about to start."""
    return [*run_observers(), EmbeddingHistory()]  # a warm start loads its weights before any snapshot
