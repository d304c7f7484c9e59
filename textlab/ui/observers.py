"""What watches every new run from inside its training thread (embedding snapshots, the run store).

Each observer is called as ``observer(run, event)`` after the job records an event; it must be
thread-safe and quick, because it runs between batches.
"""

from __future__ import annotations

from textlab.jobs import Observer


def new_run_observers() -> list[Observer]:
    """Fresh observers for a run about to start."""
    return []
