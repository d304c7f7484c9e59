"""The run store, on SQLite and PostgreSQL: round trip, recording, concurrency, restarts, dead owners, migration."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import sqlalchemy as sa

from textlab.data.dataset import Dataset
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import SCHEMA_VERSION, STALE_SECONDS, Store, StoreError, _schema_version, data_dir
from textlab.train.config import TrainConfig
from textlab.train.control import Control
from textlab.train.events import EpochEnd, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.jobs import SlotPool, TrainingJob
from textlab.train.loop import train

STARTED = RunStarted("cpu", 12, 3, 1, 2, 6, "classification", 2)
LABELLED = Dataset(("bom", "ruim", "ótimo, e \"aspas\"", "péssimo\nduas linhas"), ("pos", "neg", "pos", "neg"),
                   "categorical", ("neg", "pos"))


def schema_version(store: Store) -> int:
    """The schema version the database itself records (SQLite's file header, PostgreSQL's table)."""
    with store._connect() as connection:
        return _schema_version(connection)


@pytest.fixture
def store(tmp_path, store_url):
    with Store(tmp_path / "data", store_url) as opened:
        yield opened


def of_type(events, kind):
    return [event for event in events if isinstance(event, kind)]


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TEXTLAB_DATA_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("TEXTLAB_DATA_DIR")
    assert data_dir().name == "textlab-data"


def test_round_trip_of_everything_a_run_records(store):
    config = TrainConfig.of(lr=0.1, pooling="masked_mean", val_fraction=0.25)
    run_id = store.start_run(config, LABELLED, STARTED)
    steps = [Step(1, 1, 0.9, 0.1, 0.01), Step(1, 2, 0.7, 0.1, 0.02)]
    store.add_epochs(run_id, [], steps[:1])
    epoch = EpochEnd(1, 0.8, 0.7, 0.75, {"accuracy": 0.5, "macro_f1": 0.4}, 0.05)
    store.add_epochs(run_id, [epoch], steps[1:])
    store.finish_run(run_id, "finished", "completed", checkpoint="run-1.pt")

    record = store.run(run_id)
    assert (record.config, record.status, record.reason, record.checkpoint) == (config, "finished", "completed",
                                                                               "run-1.pt")
    assert (record.dataset_fingerprint, record.dataset_size, record.label_kind) == (LABELLED.fingerprint(), 4,
                                                                                   "categorical")
    assert (record.vocab_size, record.label_mode, record.device, record.num_outputs) == (12, "classification",
                                                                                        "cpu", 2)
    assert (record.train_size, record.val_size, record.epochs_run) == (3, 1, 1)
    assert record.seconds_per_epoch == pytest.approx(0.05)
    assert record.ended_at >= record.started_at
    assert record.final == epoch
    assert store.steps(run_id) == steps
    assert store.epochs(run_id) == [epoch]
    assert store.dataset(record.dataset_fingerprint) == LABELLED


def test_a_failure_keeps_its_message(store):
    run_id = store.start_run(TrainConfig(), LABELLED)
    store.finish_run(run_id, "failed", "diverged", "training.diverged", {"step": 3, "lr": 10.0, "suggested": 1.0})
    record = store.run(run_id)
    assert (record.status, record.reason, record.message_key) == ("failed", "diverged", "training.diverged")
    assert record.message_params == {"step": 3, "lr": 10.0, "suggested": 1.0}
    assert record.final is None and record.checkpoint is None


def test_recorded_training_stores_exactly_what_the_run_yielded(store, classification_dataset):
    config = TrainConfig.of(val_fraction=0.25, pooling="masked_mean", batch_size=8, epochs=3, lr=0.05, device="cpu")
    recorder = RunRecorder(store, config, classification_dataset)
    events = list(train(config, classification_dataset, observer=recorder))
    record = store.run(recorder.run_id)
    assert record.status == "finished" and record.reason == "completed"
    assert store.epochs(recorder.run_id) == of_type(events, EpochEnd)
    assert store.steps(recorder.run_id) == of_type(events, Step)
    assert record.vocab_size == of_type(events, RunStarted)[0].vocab_size
    assert store.checkpoint_path(recorder.run_id).exists() and record.checkpoint == f"run-{recorder.run_id}.pt"


def test_an_early_stopped_run_reads_as_the_epoch_whose_weights_it_kept(store, classification_dataset):
    config = TrainConfig.of(val_fraction=0.25, batch_size=4, epochs=40, lr=0.5, patience=1, device="cpu")
    recorder = RunRecorder(store, config, classification_dataset)
    (end,) = of_type(train(config, classification_dataset, observer=recorder), Finished)
    assert end.reason == "early_stopping" and end.kept_epoch < end.epochs_run
    kept = store.epochs(recorder.run_id)[end.kept_epoch - 1]
    record = store.run(recorder.run_id)
    assert (record.kept_epoch, record.epochs_run, record.final) == (end.kept_epoch, end.epochs_run, kept)
    (listed,) = store.runs()
    best_val_loss = min(epoch.val_loss for epoch in store.epochs(recorder.run_id))
    assert listed.final == kept and listed.final.val_loss == best_val_loss


def test_steps_are_written_in_batches_not_one_by_one(store, regression_dataset):
    config = TrainConfig.of(batch_size=1, epochs=2, device="cpu", pooling="masked_mean")  # 160 steps
    recorder = RunRecorder(store, config, regression_dataset, flush_seconds=3600)
    stored_before_the_end = None
    for event in train(config, regression_dataset, observer=recorder):
        if isinstance(event, Step) and event.step == 160:  # the recorder has seen every step, not the end
            stored_before_the_end = len(store.steps(recorder.run_id))
    # Nothing reached the database step by step: the buffered steps were written together at the end.
    assert stored_before_the_end == 0
    assert len(store.steps(recorder.run_id)) == 160


def test_a_run_that_cannot_start_is_recorded_as_failed(store, notebook_dataset):
    config = TrainConfig.of(label_mode="regression")  # the notebook's texts have no labels
    recorder = RunRecorder(store, config, notebook_dataset)
    events = list(train(config, notebook_dataset, observer=recorder))
    assert isinstance(events[-1], Failed) and events[-1].key == "training.needs_labels"
    record = store.run(recorder.run_id)
    assert (record.status, record.reason, record.message_key) == ("failed", "invalid", "training.needs_labels")
    assert record.checkpoint is None and not store.checkpoint_path(recorder.run_id).exists()


def test_a_stopped_run_is_recorded_with_its_weights(store, notebook_dataset):
    control = Control()
    control.stop()
    recorder = RunRecorder(store, TrainConfig(), notebook_dataset)
    events = list(train(TrainConfig(), notebook_dataset, control, recorder))
    assert events[-1] == Stopped("user")
    record = store.run(recorder.run_id)
    assert (record.status, record.reason) == ("stopped", "user")
    assert store.checkpoint_path(recorder.run_id).exists()


def test_a_background_job_records_its_run(store, notebook_dataset):
    job = TrainingJob(TrainConfig.of(epochs=4, device="cpu"), notebook_dataset, SlotPool(1), [RunRecorder(store)])
    assert job.start().join(timeout=60)
    (record,) = store.runs()
    assert record.status == "finished" and record.epochs_run == 4
    assert store.epochs(record.run_id) == list(job.snapshot().epochs)
    assert store.checkpoint_path(record.run_id).exists()


def test_recording_problems_never_reach_the_training_loop(store, notebook_dataset):
    recorder = RunRecorder(store, TrainConfig(), notebook_dataset)
    store.close()  # every write now fails
    events = list(train(TrainConfig(), notebook_dataset, observer=recorder))
    assert isinstance(events[-1], Finished)
    assert isinstance(recorder.error, StoreError) and recorder.error.key == "store.closed"


def _write_runs(store: Store, runs: int, steps_per_run: int, failures: list) -> None:
    try:
        for _ in range(runs):
            run_id = store.start_run(TrainConfig(), LABELLED)
            for start in range(1, steps_per_run + 1, 5):
                store.add_epochs(run_id, [], [Step(1, s, float(s), 0.001, 0.0) for s in range(start, start + 5)])
            store.add_epochs(run_id, [EpochEnd(1, 1.0, 1.0, None, {}, 0.1)])
            store.finish_run(run_id, "finished", "completed")
    except Exception as error:  # noqa: BLE001 - collected and asserted on in the main thread
        failures.append(error)


@pytest.mark.parametrize("shared", [True, False], ids=["one-store-shared", "one-store-per-thread"])
def test_concurrent_writers_lose_nothing(tmp_path, store_url, shared):
    threads_count, runs, steps_per_run = 6, 4, 40
    stores = ([Store(tmp_path, store_url)] * threads_count if shared
              else [Store(tmp_path, store_url) for _ in range(threads_count)])
    failures: list = []
    threads = [threading.Thread(target=_write_runs, args=(store, runs, steps_per_run, failures))
               for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with Store(tmp_path, store_url) as reader:
        records = reader.runs()
        assert len(records) == threads_count * runs
        assert len({record.run_id for record in records}) == threads_count * runs
        assert all(record.status == "finished" and record.epochs_run == 1 for record in records)
        assert all(len(reader.steps(record.run_id)) == steps_per_run for record in records)
    for store in set(stores):
        store.close()


def test_concurrent_training_runs_are_all_recorded(tmp_path, store_url, notebook_dataset):
    store = Store(tmp_path, store_url)
    configs = [TrainConfig.of(lr=lr, epochs=3, device="cpu") for lr in (0.1, 0.01, 0.001, 0.0001)]
    results: dict[float, list] = {}

    def train_one(config):
        results[config.optimisation.lr] = list(train(config, notebook_dataset,
                                               observer=RunRecorder(store, config, notebook_dataset)))

    threads = [threading.Thread(target=train_one, args=(config,)) for config in configs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    by_lr = {record.config.optimisation.lr: record for record in store.runs()}
    assert set(by_lr) == {0.1, 0.01, 0.001, 0.0001}
    for lr, events in results.items():
        assert store.epochs(by_lr[lr].run_id) == of_type(events, EpochEnd)
    store.close()


def test_runs_survive_a_restart(tmp_path, store_url, notebook_dataset):
    with Store(tmp_path, store_url) as first:
        recorder = RunRecorder(first, TrainConfig(), notebook_dataset)
        events = list(train(TrainConfig(), notebook_dataset, observer=recorder))
        first.rename(recorder.run_id, "antes")
    with Store(tmp_path, store_url) as reopened:  # a new process would do exactly this
        (record,) = reopened.runs()
        assert record.name == "antes" and record.status == "finished"
        assert reopened.epochs(record.run_id) == of_type(events, EpochEnd)
        assert reopened.dataset(record.dataset_fingerprint) == notebook_dataset
        assert schema_version(reopened) == SCHEMA_VERSION


def _set_columns(store: Store, run_id: int, **columns) -> None:
    """Change a run's row behind the store's back (to look like another process's, or an older version's)."""
    with store._write() as connection:
        for column, value in columns.items():
            connection.execute(sa.text(f"UPDATE runs SET {column} = :value WHERE id = :run_id"),
                               {"value": value, "run_id": run_id})


def test_a_run_whose_owner_stopped_beating_shows_as_interrupted(tmp_path, store_url):
    with Store(tmp_path, store_url) as crashed:
        run_id = crashed.start_run(TrainConfig(), LABELLED)
        assert crashed.run(run_id).status == "running"  # its own process is still recording it
        _set_columns(crashed, run_id, owner_host="another-machine", updated_at=time.time() - STALE_SECONDS - 1)
    with Store(tmp_path, store_url) as restarted:
        assert restarted.run(run_id).status == "interrupted"
        assert [record.status for record in restarted.runs()] == ["interrupted"]


def test_a_run_of_a_dead_process_on_this_host_is_interrupted_at_once(tmp_path, store_url):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    with Store(tmp_path, store_url) as store:
        run_id = store.start_run(TrainConfig(), LABELLED)
        other = store.start_run(TrainConfig(), LABELLED)
        _set_columns(store, run_id, owner_pid=int(finished.stdout))  # a process that has ended, heartbeat fresh
        _set_columns(store, other, owner_pid=os.getppid())  # alive (pytest's parent), heartbeat fresh
    with Store(tmp_path, store_url) as reopened:
        assert reopened.run(run_id).status == "interrupted"
        assert reopened.run(other).status == "running"


def test_a_paused_run_keeps_beating(tmp_path, store_url, monkeypatch):
    monkeypatch.setattr("textlab.runs.store.HEARTBEAT_SECONDS", 0.05)
    with Store(tmp_path, store_url) as owner:
        run_id = owner.start_run(TrainConfig(), LABELLED)
        _set_columns(owner, run_id, updated_at=0.0)  # it wrote nothing for ages (a long pause)
        deadline = time.monotonic() + 10
        while owner._read("SELECT updated_at FROM runs")[0]["updated_at"] == 0.0 and time.monotonic() < deadline:
            time.sleep(0.05)
        with Store(tmp_path, store_url) as other_server:
            assert other_server.run(run_id).status == "running"


# The schema as textlab's first release wrote it with the sqlite3 module: files like this stay readable.
VERSION_1_SCHEMA = """
    CREATE TABLE datasets (
        fingerprint TEXT PRIMARY KEY, texts TEXT NOT NULL, labels TEXT, label_kind TEXT NOT NULL,
        label_names TEXT NOT NULL);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
        message_key TEXT NOT NULL DEFAULT '', message_params TEXT NOT NULL DEFAULT '{}',
        config TEXT NOT NULL, dataset_fingerprint TEXT NOT NULL REFERENCES datasets(fingerprint),
        dataset_size INTEGER NOT NULL, label_kind TEXT NOT NULL,
        label_mode TEXT NOT NULL DEFAULT '', vocab_size INTEGER, num_outputs INTEGER,
        train_size INTEGER, val_size INTEGER, device TEXT NOT NULL DEFAULT '',
        started_at REAL NOT NULL, updated_at REAL NOT NULL, ended_at REAL,
        epochs_run INTEGER NOT NULL DEFAULT 0, seconds_per_epoch REAL, checkpoint TEXT);
    CREATE TABLE steps (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
        epoch INTEGER NOT NULL, loss REAL NOT NULL, lr REAL NOT NULL, seconds REAL NOT NULL,
        PRIMARY KEY (run_id, step)) WITHOUT ROWID;
    CREATE TABLE epochs (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
        train_loss REAL NOT NULL, last_loss REAL NOT NULL, val_loss REAL, metrics TEXT NOT NULL,
        seconds REAL NOT NULL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID
"""


def test_runs_stored_with_flat_or_grouped_settings_both_read(store):
    grouped = TrainConfig.of(lr=0.1, embed_dim=16, val_fraction=0.25, patience=2)
    run_id = store.start_run(grouped, LABELLED)
    stored = json.loads(store._read("SELECT config FROM runs WHERE id = :run_id", {"run_id": run_id})[0]["config"])
    assert stored["optimisation"]["lr"] == 0.1  # written grouped by part
    flat = {**grouped.flat(), "retired_setting": True}  # how older versions wrote it, plus a setting since removed
    _set_columns(store, run_id, config=json.dumps(flat))
    assert store.run(run_id).config == grouped


def test_a_version_1_database_is_migrated(tmp_path):
    path = tmp_path / "runs.sqlite3"
    connection = sqlite3.connect(path)
    for statement in VERSION_1_SCHEMA.split(";"):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO datasets VALUES (?, ?, NULL, 'none', '[]')", ("abc", json.dumps(["um", "dois"])))
    connection.execute("INSERT INTO runs (status, config, dataset_fingerprint, dataset_size, label_kind, started_at,"
                       " updated_at, ended_at) VALUES ('finished', ?, 'abc', 2, 'none', 1.0, 2.0, 2.0)",
                       (json.dumps({"lr": 0.5}),))
    connection.commit()
    columns = {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
    connection.close()
    assert "name" not in columns  # really the old schema

    with Store(tmp_path) as upgraded:
        # v3 the owner, v4 the data source, v5 tokenizers, v6 the epoch early stopping kept
        assert schema_version(upgraded) == SCHEMA_VERSION == 6
        (record,) = upgraded.runs()
        # Stored before max_length existed: that run kept every token, so it reads back uncut.
        expected = ("", "", TrainConfig.of(lr=0.5, max_length=0), "", None)
        assert (record.name, record.notes, record.config, record.data_source, record.kept_epoch) == expected
        upgraded.rename(record.run_id, "migrada")
        upgraded.set_notes(record.run_id, "da versão 1")
        assert upgraded.run(record.run_id).name == "migrada"
        assert upgraded.dataset("abc").texts == ("um", "dois")


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path):
    connection = sqlite3.connect(tmp_path / "runs.sqlite3")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError) as raised:
        Store(tmp_path)
    assert raised.value.key == "store.newer_schema" and "newer textlab" in raised.value.message("en")


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    (tmp_path / "runs.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as raised:
        Store(tmp_path)
    assert raised.value.key == "store.cannot_open"


def test_rename_notes_and_delete(store, notebook_dataset):
    recorders = [RunRecorder(store, TrainConfig.of(seed=seed), notebook_dataset) for seed in (0, 1)]
    for recorder in recorders:
        list(train(recorder.config, notebook_dataset, observer=recorder))
    first, second = (recorder.run_id for recorder in recorders)
    store.rename(first, "  lr alto  ")
    store.set_notes(first, "a perda oscila")
    assert (store.run(first).name, store.run(first).notes) == ("lr alto", "a perda oscila")

    store.delete(first)
    assert [record.run_id for record in store.runs()] == [second]
    assert store.steps(first) == [] and store.epochs(first) == []
    assert not store.checkpoint_path(first).exists() and store.checkpoint_path(second).exists()
    assert store.dataset(notebook_dataset.fingerprint()) == notebook_dataset  # still used by the second run
    store.delete(second)
    with pytest.raises(StoreError):
        store.dataset(notebook_dataset.fingerprint())  # no run uses it any more
    with pytest.raises(StoreError) as raised:
        store.delete(second)
    assert raised.value.key == "store.no_such_run"


def test_a_run_keeps_where_its_texts_came_from(tmp_path, notebook_dataset):
    with Store(tmp_path) as store:
        run_id = store.start_run(TrainConfig(), notebook_dataset, data_source="sample:notebook")
        assert store.run(run_id).data_source == "sample:notebook"
        assert store.run(store.start_run(TrainConfig(), notebook_dataset)).data_source == ""
