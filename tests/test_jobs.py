"""Background training jobs: their states, control from another thread, failures, the slot pool, cleanup."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
import torch

from textlab.data.dataset import Dataset
from textlab.train import jobs as jobs_module
from textlab.train.config import TrainConfig
from textlab.train.events import Failed, Finished, Step, Stopped
from textlab.train.jobs import SlotPool, TrainingJob, new_job
from textlab.train.loop import TrainingRun
from textlab.ui import state

FAST = TrainConfig.of(device="cpu")  # the notebook's run: 3 texts, 3 epochs of 2 batches
# Long enough never to finish within a test: 3 texts, 2 batches an epoch, 10,000 epochs.
LONG = TrainConfig.of(device="cpu", epochs=10_000)
TIMEOUT = 120.0  # a bound, not a speed: a Ray actor's first start on a busy machine takes half a minute


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


def settled_step_count(job: TrainingJob, quiet_seconds: float = 1.0) -> int:
    """The job's step count once no new step has arrived for ``quiet_seconds``."""
    deadline = time.monotonic() + TIMEOUT
    count = len(job.snapshot().steps)
    while True:
        time.sleep(quiet_seconds)
        now = len(job.snapshot().steps)
        if now == count or time.monotonic() > deadline:
            return now
        count = now


def job_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("textlab-job")]


@pytest.fixture
def pool() -> SlotPool:
    return SlotPool(slots=2)


@pytest.fixture(params=["thread", "ray"])
def make_job(request: pytest.FixtureRequest) -> Callable[..., TrainingJob]:
    """``new_job`` training in a local thread, or in an actor on the test Ray cluster."""
    address = request.getfixturevalue("ray_address") if request.param == "ray" else None
    return lambda config, dataset, pool, observers=(): new_job(config, dataset, pool, observers, ray_address=address)


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    yield
    wait_until(lambda: not job_threads(), timeout=10)


def test_a_job_runs_to_finished(notebook_dataset, pool, make_job):
    job = make_job(FAST, notebook_dataset, pool).start()
    assert job.join(TIMEOUT)
    snapshot = job.snapshot()
    assert snapshot.state == "finished" and not snapshot.is_active
    assert snapshot.end == Finished("completed", 3)
    assert [step.step for step in snapshot.steps] == [1, 2, 3, 4, 5, 6]
    assert [epoch.epoch for epoch in snapshot.epochs] == [1, 2, 3]
    assert snapshot.started.total_steps == 6 and snapshot.progress == 1.0
    assert snapshot.eta_seconds is None
    assert snapshot.overall_steps_per_second == pytest.approx(6 / snapshot.steps[-1].seconds)
    assert pool.running_count == 0


def test_the_job_trains_what_it_was_given_not_what_changed_later(notebook_dataset, pool, make_job):
    config = TrainConfig.of(device="cpu", epochs=2)
    job = make_job(config, notebook_dataset, pool).start()
    assert job.join(TIMEOUT)
    assert job.snapshot().config is config
    assert len(job.snapshot().epochs) == 2


def test_pause_resume_and_step(notebook_dataset, pool, make_job):
    job = make_job(LONG, notebook_dataset, pool)
    job.step()  # before starting: exactly one batch, then paused
    job.start()
    wait_until(lambda: len(job.snapshot().steps) == 1)
    time.sleep(0.2)  # were it not paused, hundreds of steps would run in this time
    snapshot = job.snapshot()
    assert snapshot.state == "paused" and len(snapshot.steps) == 1
    assert snapshot.is_active and snapshot.eta_seconds is None

    job.step()
    job.step()
    wait_until(lambda: len(job.snapshot().steps) == 3)
    time.sleep(0.2)
    assert len(job.snapshot().steps) == 3

    job.resume()
    wait_until(lambda: len(job.snapshot().steps) > 10)
    assert job.snapshot().state == "running"
    job.pause()
    paused_at = settled_step_count(job)  # the batch under way (on Ray: the steps on their way back) still arrive
    time.sleep(0.2)
    assert len(job.snapshot().steps) == paused_at and job.snapshot().state == "paused"
    job.stop()
    assert job.join(TIMEOUT)
    assert job.snapshot().state == "stopped" and job.snapshot().end == Stopped("user")


def test_stop_takes_effect_within_one_batch(notebook_dataset, pool):
    seen_at_stop: list[int] = []
    jobs: list[TrainingJob] = []

    def stop_at_step_50(run, event):  # stops from inside the loop, so the count is exact
        if isinstance(event, Step) and event.step == 50:
            jobs[0].stop()
            seen_at_stop.append(event.step)

    job = TrainingJob(LONG, notebook_dataset, pool, observers=[stop_at_step_50])
    jobs.append(job)
    job.start()
    assert job.join(TIMEOUT)
    assert seen_at_stop == [50]
    assert len(job.snapshot().steps) == 50  # not one batch more
    assert job.snapshot().state == "stopped"


def test_stop_from_another_thread_ends_the_thread(notebook_dataset, pool):
    job = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(job.snapshot().steps) >= 5)
    assert job.thread_alive and job_threads()
    job.stop()
    steps_at_stop = len(job.snapshot().steps)
    assert job.join(TIMEOUT)
    assert len(job.snapshot().steps) <= steps_at_stop + 1
    assert not job.thread_alive and not job_threads()


def test_a_stopped_paused_job_ends(notebook_dataset, pool, make_job):
    job = make_job(LONG, notebook_dataset, pool)
    job.step()
    job.start()
    wait_until(lambda: job.snapshot().state == "paused")
    job.stop()
    assert job.join(TIMEOUT)
    assert job.snapshot().state == "stopped"


def test_bad_settings_fail_with_their_message(notebook_dataset, pool, make_job):
    # Regression on texts without labels: the run cannot even be prepared.
    job = make_job(TrainConfig.of(device="cpu", label_mode="regression"), notebook_dataset, pool).start()
    assert job.join(TIMEOUT)
    snapshot = job.snapshot()
    assert snapshot.state == "failed" and isinstance(snapshot.end, Failed)
    assert snapshot.end.reason == "invalid"
    assert "regression" in snapshot.end.message("en") and "rótulo" in snapshot.end.message("pt")
    assert pool.running_count == 0


def test_an_exception_in_the_loop_fails_with_its_message(notebook_dataset, pool, monkeypatch):
    def broken_loss(self, batch, random_labels=None):
        raise RuntimeError("the loss exploded")

    monkeypatch.setattr(TrainingRun, "loss", broken_loss)
    job = TrainingJob(FAST, notebook_dataset, pool).start()
    assert job.join(TIMEOUT)
    snapshot = job.snapshot()
    assert snapshot.state == "failed" and snapshot.end.reason == "error"
    assert "RuntimeError: the loss exploded" in snapshot.end.message("en")
    assert not job.thread_alive and pool.running_count == 0


def test_divergence_fails_with_a_suggestion(regression_dataset, pool, make_job):
    config = TrainConfig.of(device="cpu", optimizer="sgd", lr=100.0, epochs=50, batch_size=8)
    job = make_job(config, regression_dataset, pool).start()
    assert job.join(TIMEOUT)
    end = job.snapshot().end
    assert isinstance(end, Failed) and end.reason == "diverged"
    assert "Try 10" in end.message("en")


def test_a_failing_observer_is_reported_and_training_goes_on(notebook_dataset, pool):
    calls = []

    def broken(run, event):
        calls.append(event)
        raise OSError("disk full")

    job = TrainingJob(FAST, notebook_dataset, pool, observers=[broken]).start()
    assert job.join(TIMEOUT)
    snapshot = job.snapshot()
    assert snapshot.state == "finished" and len(snapshot.steps) == 6
    assert snapshot.observer_errors == ("OSError: disk full",)
    assert len(calls) == 1  # switched off after its first failure


def test_observers_see_every_event_and_the_end_before_the_page_does(notebook_dataset, pool):
    seen, jobs = [], []

    def record(run, event):
        seen.append((type(event).__name__, jobs[0].snapshot().state))

    job = TrainingJob(FAST, notebook_dataset, pool, observers=[record])
    jobs.append(job)
    job.start()
    assert job.join(TIMEOUT)
    names = [name for name, _ in seen]
    assert names[0] == "RunStarted" and names.count("Step") == 6 and names.count("EpochEnd") == 3
    assert seen[-1] == ("Finished", "running")  # an observer saving the run finishes before "finished" shows


def test_the_pool_queues_in_order_and_releases(notebook_dataset):
    pool = SlotPool(slots=1, turn_seconds=None)  # no turns: a slot is held to the run's end
    first = TrainingJob(LONG, notebook_dataset, pool).start()  # holds the only slot
    wait_until(lambda: len(first.snapshot().steps) >= 1)
    second = TrainingJob(FAST, notebook_dataset, pool).start()
    third = TrainingJob(FAST, notebook_dataset, pool).start()
    wait_until(lambda: second.snapshot().queue_position == 1 and third.snapshot().queue_position == 2)
    assert second.snapshot().state == "queued" and not second.snapshot().steps
    assert pool.running_count == 1

    first.stop()
    assert second.join(TIMEOUT) and third.join(TIMEOUT)
    assert second.snapshot().state == third.snapshot().state == "finished"
    assert third.snapshot().queue_position is None
    assert pool.running_count == 0


def test_a_queued_job_can_be_stopped(notebook_dataset):
    pool = SlotPool(slots=1, turn_seconds=None)
    holder = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(holder.snapshot().steps) >= 1)
    queued = TrainingJob(FAST, notebook_dataset, pool).start()
    wait_until(lambda: queued.snapshot().queue_position == 1)
    queued.stop()
    assert queued.join(TIMEOUT)
    assert queued.snapshot().state == "stopped" and not queued.snapshot().steps
    assert pool.position(queued.job_id) is None
    holder.stop()
    assert holder.join(TIMEOUT)


# Turns: more runs than slots share them, so every student's curve moves.


def _acquire_in_thread(pool: SlotPool, job_id: int, returning: bool = False) -> threading.Thread:
    thread = threading.Thread(target=pool.acquire, args=(job_id, lambda: False), kwargs={"returning": returning})
    thread.start()
    return thread


def test_a_new_run_queues_ahead_of_runs_that_had_a_turn_and_cuts_the_turn_short():
    pool = SlotPool(slots=1, turn_seconds=60)
    assert pool.acquire(1, lambda: False)
    returning = _acquire_in_thread(pool, 2, returning=True)
    wait_until(lambda: pool.position(2) == 1)
    assert not pool.turn_is_over(1)  # only a run that had a turn waits, and the turn has a minute to go
    new = _acquire_in_thread(pool, 3)
    wait_until(lambda: pool.position(3) == 1 and pool.position(2) == 2)
    assert pool.turn_is_over(1)  # a student without a curve yet does not wait for the turn's end
    pool.release(1)
    new.join(TIMEOUT)
    assert pool.position(3) is None and pool.position(2) == 1 and pool.running_count == 1
    pool.release(3)
    returning.join(TIMEOUT)
    assert pool.waiting_count == 0
    pool.release(2)


def test_a_turn_ends_after_turn_seconds_only_when_someone_waits():
    pool = SlotPool(slots=1, turn_seconds=0.05)
    assert pool.acquire(1, lambda: False)
    time.sleep(0.1)
    assert not pool.turn_is_over(1)  # nobody waits: the run keeps its slot
    waiting = _acquire_in_thread(pool, 2, returning=True)
    wait_until(lambda: pool.position(2) == 1)
    assert pool.turn_is_over(1)
    pool.release(1)
    waiting.join(TIMEOUT)
    pool.release(2)
    assert not SlotPool(slots=1, turn_seconds=None).turn_is_over(1)


def _between_turns(job: TrainingJob) -> bool:
    snapshot = job.snapshot()
    return snapshot.state == "running" and snapshot.queue_position == 1


def test_two_runs_on_one_slot_take_turns_and_say_so(notebook_dataset):
    pool = SlotPool(slots=1, turn_seconds=0.05)
    first = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(first.snapshot().steps) >= 1)
    second = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(second.snapshot().steps) >= 1)  # it did not wait for the first run's end
    for job in (first, second):  # each keeps training, turn after turn
        before = len(job.snapshot().steps)
        wait_until(lambda job=job, before=before: len(job.snapshot().steps) > before + 20)
    wait_until(lambda: _between_turns(first) or _between_turns(second))
    assert pool.running_count == 1
    for job in (first, second):
        job.stop()
        assert job.join(TIMEOUT) and job.snapshot().state == "stopped"
    assert pool.running_count == 0 and pool.waiting_count == 0


def test_a_paused_run_lends_its_slot_and_takes_it_back_on_resume(notebook_dataset):
    pool = SlotPool(slots=1)
    paused = TrainingJob(LONG, notebook_dataset, pool)
    paused.step()  # one batch, then paused
    paused.start()
    wait_until(lambda: len(paused.snapshot().steps) == 1)
    wait_until(lambda: pool.running_count == 0)
    other = TrainingJob(FAST, notebook_dataset, pool).start()
    assert other.join(TIMEOUT) and other.snapshot().state == "finished"
    assert len(paused.snapshot().steps) == 1
    paused.resume()
    wait_until(lambda: len(paused.snapshot().steps) > 10)
    assert pool.running_count == 1
    paused.stop()
    assert paused.join(TIMEOUT)
    assert pool.running_count == 0


def test_a_run_stopped_between_two_turns_ends_stopped(notebook_dataset):
    pool = SlotPool(slots=1, turn_seconds=0.05)
    first = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(first.snapshot().steps) >= 1)
    second = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(second.snapshot().steps) >= 1 and _between_turns(second))
    second.stop()
    assert second.join(TIMEOUT) and second.snapshot().state == "stopped"
    first.stop()
    assert first.join(TIMEOUT) and pool.waiting_count == 0 and pool.running_count == 0


def test_threads_per_job_divide_the_cores(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert SlotPool(slots=4, turn_seconds=None).threads_per_job == 4
    assert SlotPool(slots=32, turn_seconds=None).threads_per_job == 1
    assert SlotPool(slots=4).threads_per_job == 1  # runs taking turns: one OpenMP team each is slow to switch


def test_max_jobs_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("TEXTLAB_MAX_JOBS", "3")
    assert SlotPool().slots == 3
    monkeypatch.setenv("TEXTLAB_MAX_JOBS", "zero")
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert SlotPool().slots == 6


# The session's cleanup (textlab.ui.state): a closed tab's job stops after a grace period.


def test_an_abandoned_job_is_stopped_and_its_thread_ends(notebook_dataset, pool):
    job = TrainingJob(LONG, notebook_dataset, pool).start()
    wait_until(lambda: len(job.snapshot().steps) >= 1)
    released_at = time.monotonic()
    state._stop_if_abandoned(job, released_at)
    assert job.join(TIMEOUT)
    assert job.snapshot().state == "stopped" and not job_threads()


def test_a_job_seen_again_after_release_keeps_running(notebook_dataset, pool):
    job = TrainingJob(LONG, notebook_dataset, pool).start()
    released_at = time.monotonic()
    time.sleep(0.01)
    job.touch()  # the session reconnected and a page looked at the job
    state._stop_if_abandoned(job, released_at)
    wait_until(lambda: len(job.snapshot().steps) >= 5)
    assert job.snapshot().state == "running"
    job.stop()
    assert job.join(TIMEOUT)


def test_releasing_a_session_schedules_the_stop(notebook_dataset, pool, monkeypatch):
    monkeypatch.setattr(state, "RELEASE_GRACE_SECONDS", 0.05)
    holder = state.SessionJobs()
    holder.current = TrainingJob(LONG, notebook_dataset, pool).start()
    holder.release()
    assert holder.current.join(TIMEOUT)
    assert holder.current.snapshot().state == "stopped"
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("textlab-release")]


def test_releasing_a_session_without_a_live_job_does_nothing(notebook_dataset, pool):
    holder = state.SessionJobs()
    holder.release()  # no job at all
    holder.current = TrainingJob(FAST, notebook_dataset, pool).start()
    assert holder.current.join(TIMEOUT)
    holder.release()
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("textlab-release")]


def test_a_dataset_without_texts_fails_clearly(pool):
    empty = Dataset(texts=(), labels=None, label_kind="none", label_names=())
    job = TrainingJob(FAST, empty, pool).start()
    assert job.join(TIMEOUT)
    assert job.snapshot().state == "failed" and job.snapshot().end.reason == "invalid"


def test_running_out_of_memory_fails_with_advice(notebook_dataset, pool, monkeypatch):
    def out_of_memory(self, batch, random_labels=None):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")

    monkeypatch.setattr(TrainingRun, "loss", out_of_memory)
    job = TrainingJob(TrainConfig.of(device="cpu", batch_size=3), notebook_dataset, pool).start()
    assert job.join(TIMEOUT)
    end = job.snapshot().end
    assert isinstance(end, Failed) and end.reason == "out_of_memory"
    assert "smaller than 3" in end.message("en") and "menor que 3" in end.message("pt")


def test_a_pool_warms_torch_up_only_when_asked_and_only_once(monkeypatch):
    calls = []
    monkeypatch.setattr(jobs_module, "warm_up", lambda: calls.append(1))
    pool = SlotPool(1)
    assert calls == []  # creating the pool (a cached getter does) starts nothing
    first, second = pool.start_warm_up(), pool.start_warm_up()
    assert first is second
    first.join(10)
    assert calls == [1]
