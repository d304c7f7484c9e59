"""The run store: every run, its settings, data and metrics, in one embedded SQLite database.

The database lives in a data directory (``./textlab-data``, or ``TEXTLAB_DATA_DIR``) with the
checkpoints beside it. WAL mode lets the pages read while a training thread writes; every write
is one ``BEGIN IMMEDIATE`` transaction under a lock, and ``busy_timeout`` makes other processes
(the CLI, a second server) wait their turn instead of failing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textlab.data.dataset import Dataset
from textlab.errors import TextlabError
from textlab.train.config import ADDED_SETTINGS, TrainConfig
from textlab.train.events import EpochEnd, RunStarted, Step

DATA_DIR_VARIABLE = "TEXTLAB_DATA_DIR"
DEFAULT_DATA_DIR = "textlab-data"
DATABASE_NAME = "runs.sqlite3"
CHECKPOINT_DIR = "checkpoints"
BUSY_TIMEOUT_SECONDS = 30.0
# A run still "running" whose last write is older than this belongs to a process that died.
STALE_SECONDS = 120.0
STATUSES = ("running", "finished", "stopped", "failed", "interrupted")


class StoreError(TextlabError):
    """The run store cannot be opened or has no such run."""


def data_dir() -> Path:
    """Where runs are kept: ``TEXTLAB_DATA_DIR`` when set, else ``./textlab-data``."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR)


# Migrations: MIGRATIONS[n] takes a database at schema version n to version n + 1. Never edit a
# released one; append a new function instead, so every older database can still be upgraded.


def _create_v1(connection: sqlite3.Connection) -> None:
    # One statement per execute: executescript would commit the migration's transaction half-way.
    statements = """
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
            seconds REAL NOT NULL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
    """
    for statement in statements.split(";"):
        if statement.strip():
            connection.execute(statement)


def _add_name_and_notes(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''")
    connection.execute("ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT ''")


def _add_data_source(connection: sqlite3.Connection) -> None:
    # Where the texts came from ("sample:ratings", "file:reviews.csv", "pasted"); older runs keep ''.
    connection.execute("ALTER TABLE runs ADD COLUMN data_source TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create_v1, _add_name_and_notes, _add_data_source)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class RunRecord:
    """One stored run: what it was asked to do, on which data, and how it ended."""

    run_id: int
    name: str
    notes: str
    status: str  # one of STATUSES
    reason: str  # the end event's reason ("completed", "user", "diverged", ...)
    message_key: str  # translation key of a failure's message, or ""
    message_params: dict[str, Any]
    config: TrainConfig
    dataset_fingerprint: str
    dataset_size: int
    label_kind: str
    label_mode: str
    vocab_size: int | None
    num_outputs: int | None
    train_size: int | None
    val_size: int | None
    device: str
    started_at: float  # seconds since the epoch (time.time())
    ended_at: float | None
    epochs_run: int
    seconds_per_epoch: float | None
    checkpoint: str | None  # file name under the checkpoint directory
    final: EpochEnd | None = field(default=None, compare=False)  # the last epoch recorded
    data_source: str = ""  # "sample:NAME", "file:NAME" or "pasted"; "" for runs stored before it was kept


class Store:
    """The run database in ``directory``; safe to share between threads."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else data_dir()
        self.checkpoint_dir = self.directory / CHECKPOINT_DIR
        self.path = self.directory / DATABASE_NAME
        try:
            self.checkpoint_dir.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                               check_same_thread=False)
            self._connection.row_factory = sqlite3.Row
            self._connection.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable across application crashes in WAL mode and keeps commits cheap.
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, OSError) as error:
            raise StoreError("store.cannot_open", path=str(self.path), detail=str(error)) from None
        self._lock = threading.RLock()
        self._live: set[int] = set()  # runs this process is recording now (a paused one writes nothing)
        self._migrate()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE takes the write lock up front, so waiting never deadlocks."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._connection.execute(sql, params).fetchall()

    def _migrate(self) -> None:
        try:
            with self._write() as connection:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError("store.newer_schema", path=str(self.path), version=version,
                                     supported=SCHEMA_VERSION)
                for migration in MIGRATIONS[version:]:
                    migration(connection)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            raise StoreError("store.cannot_open", path=str(self.path), detail=str(error)) from None

    # Recording a run

    def start_run(self, config: TrainConfig, dataset: Dataset, started: RunStarted | None = None,
                  data_source: str = "") -> int:
        """A new run with status "running"; stores the dataset once per fingerprint. Returns its id."""
        fingerprint, now = dataset.fingerprint(), time.time()
        with self._write() as connection:
            if connection.execute("SELECT 1 FROM datasets WHERE fingerprint = ?", (fingerprint,)).fetchone() is None:
                connection.execute(
                    "INSERT INTO datasets VALUES (?, ?, ?, ?, ?)",
                    (fingerprint, json.dumps(dataset.texts, ensure_ascii=False),
                     None if dataset.labels is None else json.dumps(dataset.labels, ensure_ascii=False),
                     dataset.label_kind, json.dumps(dataset.label_names, ensure_ascii=False)))
            details = (started.label_mode, started.vocab_size, started.num_outputs, started.train_size,
                       started.val_size, started.device) if started else ("", None, None, None, None, "")
            cursor = connection.execute(
                "INSERT INTO runs (status, config, dataset_fingerprint, dataset_size, label_kind, label_mode, "
                "vocab_size, num_outputs, train_size, val_size, device, started_at, updated_at, data_source) "
                "VALUES ('running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (config.to_json(), fingerprint, len(dataset), dataset.label_kind, *details, now, now, data_source))
            run_id = int(cursor.lastrowid)
        self._live.add(run_id)
        return run_id

    def add_epochs(self, run_id: int, epochs: Sequence[EpochEnd], steps: Sequence[Step] = ()) -> None:
        """Record several epochs' ends and the steps not yet written in one transaction."""
        with self._write() as connection:
            self._insert_steps(connection, run_id, steps)
            connection.executemany("INSERT OR REPLACE INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   [(run_id, epoch.epoch, epoch.train_loss, epoch.last_loss, epoch.val_loss,
                                     json.dumps(epoch.metrics), epoch.seconds) for epoch in epochs])
            if epochs:
                last = epochs[-1]
                connection.execute("UPDATE runs SET epochs_run = ?, seconds_per_epoch = ? WHERE id = ?",
                                   (last.epoch, last.seconds / last.epoch, run_id))

    @staticmethod
    def _insert_steps(connection: sqlite3.Connection, run_id: int, steps: Sequence[Step]) -> None:
        connection.executemany("INSERT OR REPLACE INTO steps VALUES (?, ?, ?, ?, ?, ?)",
                               [(run_id, s.step, s.epoch, s.loss, s.lr, s.seconds) for s in steps])
        connection.execute("UPDATE runs SET updated_at = ? WHERE id = ?", (time.time(), run_id))

    def finish_run(self, run_id: int, status: str, reason: str, message_key: str = "",
                   message_params: dict[str, Any] | None = None, checkpoint: str | None = None) -> None:
        """Mark a run finished, stopped or failed, with the end event's reason."""
        now = time.time()
        with self._write() as connection:
            connection.execute(
                "UPDATE runs SET status = ?, reason = ?, message_key = ?, message_params = ?, checkpoint = ?, "
                "ended_at = ?, updated_at = ? WHERE id = ?",
                (status, reason, message_key, json.dumps(message_params or {}, default=str), checkpoint, now, now,
                 run_id))
        self._live.discard(run_id)

    def checkpoint_path(self, run_id: int) -> Path:
        """Where a run's checkpoint is written (it may not exist)."""
        return self.checkpoint_dir / f"run-{run_id}.pt"

    # Reading

    def runs(self) -> list[RunRecord]:
        """Every run, newest first, with its last epoch."""
        rows = self._read("SELECT * FROM runs ORDER BY id DESC")
        finals = {row["run_id"]: _epoch(row) for row in self._read(
            "SELECT * FROM epochs e WHERE epoch = (SELECT MAX(epoch) FROM epochs WHERE run_id = e.run_id)")}
        return [self._record(row, finals.get(row["id"])) for row in rows]

    def run(self, run_id: int) -> RunRecord:
        rows = self._read("SELECT * FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise StoreError("store.no_such_run", run_id=run_id)
        epochs = self.epochs(run_id)
        return self._record(rows[0], epochs[-1] if epochs else None)

    def _record(self, row: sqlite3.Row, final: EpochEnd | None) -> RunRecord:
        return _record(row, final, self._live)

    def steps(self, run_id: int) -> list[Step]:
        return [Step(row["epoch"], row["step"], row["loss"], row["lr"], row["seconds"])
                for row in self._read("SELECT * FROM steps WHERE run_id = ? ORDER BY step", (run_id,))]

    def epochs(self, run_id: int) -> list[EpochEnd]:
        return [_epoch(row) for row in self._read("SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", (run_id,))]

    def dataset(self, fingerprint: str) -> Dataset:
        rows = self._read("SELECT * FROM datasets WHERE fingerprint = ?", (fingerprint,))
        if not rows:
            raise StoreError("store.no_dataset", fingerprint=fingerprint[:12])
        row = rows[0]
        labels = None if row["labels"] is None else tuple(json.loads(row["labels"]))
        return Dataset(tuple(json.loads(row["texts"])), labels, row["label_kind"],
                       tuple(json.loads(row["label_names"])))

    # What the user edits

    def rename(self, run_id: int, name: str) -> None:
        self._update(run_id, "name", name.strip())

    def set_notes(self, run_id: int, notes: str) -> None:
        self._update(run_id, "notes", notes)

    def _update(self, run_id: int, column: str, value: str) -> None:
        with self._write() as connection:
            if connection.execute(f"UPDATE runs SET {column} = ? WHERE id = ?", (value, run_id)).rowcount == 0:
                raise StoreError("store.no_such_run", run_id=run_id)

    def delete(self, run_id: int) -> None:
        """Remove a run, its metrics and checkpoint, and its dataset when no other run uses it."""
        with self._write() as connection:
            if connection.execute("DELETE FROM runs WHERE id = ?", (run_id,)).rowcount == 0:
                raise StoreError("store.no_such_run", run_id=run_id)
            connection.execute("DELETE FROM datasets WHERE fingerprint NOT IN "
                               "(SELECT dataset_fingerprint FROM runs)")
        self.checkpoint_path(run_id).unlink(missing_ok=True)


def _epoch(row: sqlite3.Row) -> EpochEnd:
    return EpochEnd(row["epoch"], row["train_loss"], row["last_loss"], row["val_loss"], json.loads(row["metrics"]),
                    row["seconds"])


def _config(text: str) -> TrainConfig:
    # Settings removed from TrainConfig since the run was stored are dropped, not refused; settings
    # added since then take the value that run used.
    return TrainConfig.from_dict({**ADDED_SETTINGS, **json.loads(text)}, drop_unknown=True)


def _record(row: sqlite3.Row, final: EpochEnd | None, live: set[int]) -> RunRecord:
    status = row["status"]
    if status == "running" and row["id"] not in live and time.time() - row["updated_at"] > STALE_SECONDS:
        status = "interrupted"  # its process ended (a restart, a crash) before the run did
    return RunRecord(
        row["id"], row["name"], row["notes"], status, row["reason"], row["message_key"],
        json.loads(row["message_params"]), _config(row["config"]), row["dataset_fingerprint"], row["dataset_size"],
        row["label_kind"], row["label_mode"], row["vocab_size"], row["num_outputs"], row["train_size"],
        row["val_size"], row["device"], row["started_at"], row["ended_at"], row["epochs_run"],
        row["seconds_per_epoch"], row["checkpoint"], final, row["data_source"])
