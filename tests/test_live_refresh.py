"""How often the Train page's live panel redraws a run, and what it rebuilds when nothing changed."""

from __future__ import annotations

import threading

from tests.test_run_report import snapshot
from textlab.train.jobs import SlotPool
from textlab.ui.train_view import REFRESH_SECONDS, SLOW_REFRESH_SECONDS, _loss_figure, refresh_seconds


def _crowded_pool() -> tuple[SlotPool, threading.Thread]:
    pool = SlotPool(slots=1)
    assert pool.acquire(1, lambda: False)
    assert not pool.crowded  # one run, one slot
    waiting = threading.Thread(target=pool.acquire, args=(2, lambda: False))
    waiting.start()
    while pool.waiting_count == 0:
        waiting.join(0.01)
    return pool, waiting


def test_a_run_that_moves_redraws_twice_a_second_and_a_paused_one_every_two():
    quiet = SlotPool(slots=2)
    assert refresh_seconds(snapshot("running"), quiet) == REFRESH_SECONDS == 0.5
    assert refresh_seconds(snapshot("paused"), quiet) == SLOW_REFRESH_SECONDS == 2.0


def test_a_run_still_waiting_for_its_first_point_redraws_fast_even_on_a_crowded_server():
    pool, waiting = _crowded_pool()
    assert refresh_seconds(snapshot("queued", started=None, steps=(), position=1), pool) == REFRESH_SECONDS
    assert refresh_seconds(snapshot("running", steps=()), pool) == REFRESH_SECONDS
    pool.release(1)
    waiting.join(10)
    pool.release(2)


def test_runs_taking_turns_redraw_slowly():
    pool, waiting = _crowded_pool()
    assert pool.crowded
    assert refresh_seconds(snapshot("running"), pool) == SLOW_REFRESH_SECONDS
    pool.release(1)
    waiting.join(10)
    assert not pool.crowded
    pool.release(2)


def test_the_chart_is_built_once_per_step_count_and_options():
    shown = snapshot("running")
    key = ((shown.job_id, len(shown.steps), len(shown.epochs), True), (), "step", 0.6, "pt")
    figure = _loss_figure(shown, key)
    assert _loss_figure(shown, key) is figure  # a refresh with no new step
    assert _loss_figure(shown, (*key[:3], 0.9, "pt")) is not figure  # another smoothing
    grown = snapshot("running", steps=shown.steps[:3])
    other = _loss_figure(grown, ((grown.job_id, 3, 0, True), (), "step", 0.6, "pt"))
    assert other is not figure and len(other.data[0].y) == 3
