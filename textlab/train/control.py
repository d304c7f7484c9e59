"""Thread-safe control of a running training loop: stop, pause/resume and "one more batch"."""

from __future__ import annotations

import threading
from typing import Protocol


class Gate(Protocol):
    """What the training loop asks before each batch: go on (True) or stop (False), blocking meanwhile."""

    def wait_for_go(self) -> bool: ...


class Control:
    """Shared by the training loop (which calls ``wait_for_go`` before each batch) and the UI thread."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._stop_requested = False
        self._paused = False
        self._steps_granted = 0

    def stop(self) -> None:
        with self._condition:
            self._stop_requested = True
            self._condition.notify_all()

    def pause(self) -> None:
        with self._condition:
            self._paused = True

    def resume(self) -> None:
        with self._condition:
            self._paused, self._steps_granted = False, 0
            self._condition.notify_all()

    def step(self) -> None:
        """Run exactly one more batch, then stay paused."""
        with self._condition:
            self._paused = True
            self._steps_granted += 1
            self._condition.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def holding(self) -> bool:
        """Whether ``wait_for_go`` would block now: paused, with no batch granted and no stop asked for."""
        with self._condition:
            return self._paused and not self._steps_granted and not self._stop_requested

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    def wait_for_go(self) -> bool:
        """Block while paused; True when the next batch may run, False when the run must stop."""
        with self._condition:
            while True:
                if self._stop_requested:
                    return False
                if not self._paused:
                    return True
                if self._steps_granted:
                    self._steps_granted -= 1
                    return True
                self._condition.wait()
