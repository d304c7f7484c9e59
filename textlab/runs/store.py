"""The run store: every run, its settings, data and metrics, in SQLite (the default) or PostgreSQL.

One code path (SQLAlchemy Core, portable SQL) serves both engines. By default the database is a
file in the data directory (``./textlab-data``, or ``TEXTLAB_DATA_DIR``) with the checkpoints
beside it; ``TEXTLAB_DATABASE_URL=postgresql://...`` puts the runs in PostgreSQL instead, so that
several app servers share them (the checkpoints stay in the data directory, which they share too).
SQLite runs in WAL mode, so the pages read while a training thread writes; every SQLite write is one
``BEGIN IMMEDIATE`` transaction, and ``busy_timeout`` makes other processes wait their turn.

A run records which process owns it (host, pid) and that process touches the run every
``HEARTBEAT_SECONDS``, so a run whose process died shows as "interrupted", never "running" forever.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping

from textlab.data.dataset import Dataset
from textlab.errors import TextlabError
from textlab.train.config import ADDED_SETTINGS, TrainConfig
from textlab.train.events import EpochEnd, RunStarted, Step

DATA_DIR_VARIABLE = "TEXTLAB_DATA_DIR"
DATABASE_URL_VARIABLE = "TEXTLAB_DATABASE_URL"
DEFAULT_DATA_DIR = "textlab-data"
DATABASE_NAME = "runs.sqlite3"
CHECKPOINT_DIR = "checkpoints"
BUSY_TIMEOUT_SECONDS = 30.0
# A live run's process touches it this often, even while paused; a running run untouched for
# STALE_SECONDS belongs to a process that died (on this host a dead pid says so at once).
HEARTBEAT_SECONDS = 20.0
STALE_SECONDS = 120.0
STATUSES = ("running", "finished", "stopped", "failed", "interrupted")
HOST = socket.gethostname()
# Any constant: PostgreSQL's advisory lock that serialises two servers migrating at once.
MIGRATION_LOCK = 7_261_853


class StoreError(TextlabError):
    """The run store cannot be opened or has no such run."""


def data_dir() -> Path:
    """Where runs are kept: ``TEXTLAB_DATA_DIR`` when set, else ``./textlab-data``."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR)


def database_url() -> str | None:
    """``TEXTLAB_DATABASE_URL`` when set (a PostgreSQL server), else None: SQLite in the data directory."""
    return os.environ.get(DATABASE_URL_VARIABLE) or None


def _engine(url: str | None, path: Path) -> Engine:
    if url is None:
        engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_SECONDS,
                                                                     "check_same_thread": False})
        sa.event.listen(engine, "connect", _configure_sqlite)
        sa.event.listen(engine, "begin", _begin_sqlite)
        return engine
    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not SQLAlchemy's default psycopg2
    return sa.create_engine(parsed, pool_pre_ping=True)


def _configure_sqlite(dbapi_connection: Any, _record: object) -> None:
    # SQLAlchemy, not the sqlite3 module, decides when transactions begin (see _begin_sqlite).
    dbapi_connection.isolation_level = None
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        # NORMAL is durable across application crashes in WAL mode and keeps commits cheap.
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _begin_sqlite(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front, so two writers wait instead of deadlocking; reads
    # need no transaction in WAL mode.
    if connection.get_execution_options().get("textlab_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# Migrations: MIGRATIONS[n] takes a database at schema version n to version n + 1. Never edit a
# released one; append a new function instead, so every older database can still be upgraded.


def _create_v1(connection: Connection) -> None:
    # Generic types: SQLAlchemy writes each engine's own DDL (REAL/AUTOINCREMENT for SQLite,
    # DOUBLE PRECISION/SERIAL for PostgreSQL).
    metadata = sa.MetaData()
    text, integer, real = sa.Text, sa.Integer, sa.Double
    sa.Table("datasets", metadata, sa.Column("fingerprint", text, primary_key=True),
             sa.Column("texts", text, nullable=False), sa.Column("labels", text),
             sa.Column("label_kind", text, nullable=False), sa.Column("label_names", text, nullable=False))
    sa.Table("runs", metadata,
             sa.Column("id", integer, primary_key=True, autoincrement=True),
             sa.Column("status", text, nullable=False), sa.Column("reason", text, nullable=False, server_default=""),
             sa.Column("message_key", text, nullable=False, server_default=""),
             sa.Column("message_params", text, nullable=False, server_default="{}"),
             sa.Column("config", text, nullable=False),
             sa.Column("dataset_fingerprint", text, sa.ForeignKey("datasets.fingerprint"), nullable=False),
             sa.Column("dataset_size", integer, nullable=False), sa.Column("label_kind", text, nullable=False),
             sa.Column("label_mode", text, nullable=False, server_default=""), sa.Column("vocab_size", integer),
             sa.Column("num_outputs", integer), sa.Column("train_size", integer), sa.Column("val_size", integer),
             sa.Column("device", text, nullable=False, server_default=""),
             sa.Column("started_at", real, nullable=False), sa.Column("updated_at", real, nullable=False),
             sa.Column("ended_at", real), sa.Column("epochs_run", integer, nullable=False, server_default="0"),
             sa.Column("seconds_per_epoch", real), sa.Column("checkpoint", text),
             sqlite_autoincrement=True)
    sa.Table("steps", metadata,
             sa.Column("run_id", integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
             sa.Column("step", integer, primary_key=True), sa.Column("epoch", integer, nullable=False),
             sa.Column("loss", real, nullable=False), sa.Column("lr", real, nullable=False),
             sa.Column("seconds", real, nullable=False), sqlite_with_rowid=False)
    sa.Table("epochs", metadata,
             sa.Column("run_id", integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
             sa.Column("epoch", integer, primary_key=True), sa.Column("train_loss", real, nullable=False),
             sa.Column("last_loss", real, nullable=False), sa.Column("val_loss", real),
             sa.Column("metrics", text, nullable=False), sa.Column("seconds", real, nullable=False),
             sqlite_with_rowid=False)
    metadata.create_all(connection)


def _add_name_and_notes(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''")
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT ''")


def _add_owner(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN owner_host TEXT NOT NULL DEFAULT ''")
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN owner_pid INTEGER")


def _add_data_source(connection: Connection) -> None:
    # Where the texts came from ("sample:ratings", "file:reviews.csv", "pasted"); older runs keep ''.
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN data_source TEXT NOT NULL DEFAULT ''")


def _add_tokenizers(connection: Connection) -> None:
    # A subword run's trained tokenizer (Hugging Face JSON), so its export reads the very pieces the
    # run learned: WordPiece training again on small data may learn others. Its own table keeps the
    # runs listing light (a tokenizer is tens of kilobytes).
    connection.exec_driver_sql("CREATE TABLE run_tokenizers (run_id INTEGER PRIMARY KEY REFERENCES runs (id) "
                               "ON DELETE CASCADE, tokenizer TEXT NOT NULL)")


def _add_kept_epoch(connection: Connection) -> None:
    # The epoch whose weights the checkpoint holds when it is not the last (early stopping keeps the
    # best): the run's numbers are that epoch's. NULL for older runs and those that kept the last.
    connection.exec_driver_sql("ALTER TABLE runs ADD COLUMN kept_epoch INTEGER")


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_create_v1, _add_name_and_notes, _add_owner,
                                                         _add_data_source, _add_tokenizers, _add_kept_epoch)
SCHEMA_VERSION = len(MIGRATIONS)


def _schema_version(connection: Connection) -> int:
    """SQLite keeps it in the file header (``user_version``); PostgreSQL in a one-row table."""
    if connection.dialect.name == "sqlite":
        return connection.exec_driver_sql("PRAGMA user_version").scalar_one()
    connection.exec_driver_sql("CREATE TABLE IF NOT EXISTS textlab_schema (version INTEGER NOT NULL)")
    return connection.exec_driver_sql("SELECT COALESCE(MAX(version), 0) FROM textlab_schema").scalar_one()


def _set_schema_version(connection: Connection, version: int) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
    else:
        connection.exec_driver_sql("DELETE FROM textlab_schema")
        connection.execute(sa.text("INSERT INTO textlab_schema VALUES (:version)"), {"version": version})


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


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
    # The epoch whose weights the run ended with: ``kept_epoch`` when set, else the last one recorded.
    final: EpochEnd | None = field(default=None, compare=False)
    data_source: str = ""  # "sample:NAME", "file:NAME" or "pasted"; "" for runs stored before it was kept
    kept_epoch: int | None = None  # early stopping's best epoch, whose weights the run kept


class Store:
    """The run database (``url``, else ``TEXTLAB_DATABASE_URL``, else SQLite in ``directory``); thread-safe."""

    def __init__(self, directory: Path | str | None = None, url: str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else data_dir()
        self.checkpoint_dir = self.directory / CHECKPOINT_DIR
        url = url or database_url()
        self.path = self.directory / DATABASE_NAME
        # What messages name: the SQLite file, or the server without its password.
        self.location = str(self.path) if url is None else sa.make_url(url).render_as_string(hide_password=True)
        self._closed = False
        self._live: set[int] = set()  # runs this process is recording now (a paused one writes nothing)
        self._lock = threading.Lock()
        self._heartbeat: threading.Thread | None = None
        try:
            self.checkpoint_dir.mkdir(parents=True, exist_ok=True)
            self._engine = _engine(url, self.path)
            self._migrate()
        except (sa.exc.SQLAlchemyError, OSError, ImportError) as error:
            raise StoreError("store.cannot_open", path=self.location, detail=_detail(error)) from None

    def close(self) -> None:
        self._closed = True
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _connect(self, **options: Any) -> Iterator[Connection]:
        if self._closed:
            raise StoreError("store.closed", path=self.location)
        with self._engine.connect() as connection:
            yield connection.execution_options(**options)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction, committed at the end of the block, rolled back on any error."""
        with self._connect(textlab_write=True) as connection, connection.begin():
            yield connection

    def _read(self, sql: str, params: Mapping[str, Any] | None = None) -> list[RowMapping]:
        with self._connect() as connection:
            return list(connection.execute(sa.text(sql), params or {}).mappings())

    def _migrate(self) -> None:
        with self._write() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            version = _schema_version(connection)
            if version > SCHEMA_VERSION:
                raise StoreError("store.newer_schema", path=self.location, version=version,
                                 supported=SCHEMA_VERSION)
            for migration in MIGRATIONS[version:]:
                migration(connection)
            if version != SCHEMA_VERSION:
                _set_schema_version(connection, SCHEMA_VERSION)

    # Recording a run

    def start_run(self, config: TrainConfig, dataset: Dataset, started: RunStarted | None = None,
                  data_source: str = "", tokenizer: str = "") -> int:
        """A new run with status "running", owned by this process; stores the dataset once per fingerprint.

        ``tokenizer`` is the subword tokenizer JSON the run learned ("" for the fixed word rules).
        """
        now = time.time()
        details = (started.label_mode, started.vocab_size, started.num_outputs, started.train_size,
                   started.val_size, started.device) if started else ("", None, None, None, None, "")
        with self._write() as connection:
            # ON CONFLICT: another server may store the same data at the same moment.
            connection.execute(sa.text(
                "INSERT INTO datasets VALUES (:fingerprint, :texts, :labels, :label_kind, :label_names) "
                "ON CONFLICT (fingerprint) DO NOTHING"),
                {"fingerprint": dataset.fingerprint(), "texts": json.dumps(dataset.texts, ensure_ascii=False),
                 "labels": None if dataset.labels is None else json.dumps(dataset.labels, ensure_ascii=False),
                 "label_kind": dataset.label_kind,
                 "label_names": json.dumps(dataset.label_names, ensure_ascii=False)})
            run_id = connection.execute(sa.text(
                "INSERT INTO runs (status, config, dataset_fingerprint, dataset_size, label_kind, label_mode, "
                "vocab_size, num_outputs, train_size, val_size, device, started_at, updated_at, owner_host, "
                "owner_pid, data_source) VALUES ('running', :config, :fingerprint, :size, :label_kind, :label_mode, "
                ":vocab_size, :num_outputs, :train_size, :val_size, :device, :now, :now, :host, :pid, :data_source) "
                "RETURNING id"),
                {"config": config.to_json(), "fingerprint": dataset.fingerprint(), "size": len(dataset),
                 "label_kind": dataset.label_kind, "now": now, "host": HOST, "pid": os.getpid(),
                 "data_source": data_source,
                 **dict(zip(("label_mode", "vocab_size", "num_outputs", "train_size", "val_size", "device"),
                            details, strict=True))}).scalar_one()
            if tokenizer:
                connection.execute(sa.text("INSERT INTO run_tokenizers VALUES (:run_id, :tokenizer)"),
                                   {"run_id": run_id, "tokenizer": tokenizer})
        with self._lock:
            self._live.add(run_id)
            if self._heartbeat is None:
                self._heartbeat = threading.Thread(target=self._beat, name="textlab-store-heartbeat", daemon=True)
                self._heartbeat.start()
        return run_id

    def _beat(self) -> None:
        """Touch this process's live runs, so other processes see their owner is still there."""
        while not self._closed:
            time.sleep(HEARTBEAT_SECONDS)
            with self._lock:
                live = sorted(self._live)
            # A busy or closed database: the next beat tries again.
            with contextlib.suppress(sa.exc.SQLAlchemyError, StoreError):
                if live and not self._closed:
                    self.touch(live)

    def touch(self, run_ids: Sequence[int]) -> None:
        """Note that the runs' owner is alive (the heartbeat; steps do it too)."""
        with self._write() as connection:
            connection.execute(sa.text("UPDATE runs SET updated_at = :now WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)), {"now": time.time(), "ids": list(run_ids)})

    def add_epochs(self, run_id: int, epochs: Sequence[EpochEnd], steps: Sequence[Step] = ()) -> None:
        """Record several epochs' ends and the steps not yet written in one transaction."""
        with self._write() as connection:
            self._insert_steps(connection, run_id, steps)
            if not epochs:
                return
            connection.execute(sa.text(
                "INSERT INTO epochs VALUES (:run_id, :epoch, :train_loss, :last_loss, :val_loss, :metrics, :seconds) "
                "ON CONFLICT (run_id, epoch) DO UPDATE SET train_loss = excluded.train_loss, "
                "last_loss = excluded.last_loss, val_loss = excluded.val_loss, metrics = excluded.metrics, "
                "seconds = excluded.seconds"),
                [{"run_id": run_id, "epoch": epoch.epoch, "train_loss": epoch.train_loss,
                  "last_loss": epoch.last_loss, "val_loss": epoch.val_loss, "metrics": json.dumps(epoch.metrics),
                  "seconds": epoch.seconds} for epoch in epochs])
            last = epochs[-1]
            connection.execute(sa.text("UPDATE runs SET epochs_run = :epoch, seconds_per_epoch = :per_epoch "
                                       "WHERE id = :run_id"),
                               {"epoch": last.epoch, "per_epoch": last.seconds / last.epoch, "run_id": run_id})

    @staticmethod
    def _insert_steps(connection: Connection, run_id: int, steps: Sequence[Step]) -> None:
        if steps:
            connection.execute(sa.text(
                "INSERT INTO steps VALUES (:run_id, :step, :epoch, :loss, :lr, :seconds) "
                "ON CONFLICT (run_id, step) DO UPDATE SET epoch = excluded.epoch, loss = excluded.loss, "
                "lr = excluded.lr, seconds = excluded.seconds"),
                [{"run_id": run_id, "step": s.step, "epoch": s.epoch, "loss": s.loss, "lr": s.lr,
                  "seconds": s.seconds} for s in steps])
        connection.execute(sa.text("UPDATE runs SET updated_at = :now WHERE id = :run_id"),
                           {"now": time.time(), "run_id": run_id})

    def finish_run(self, run_id: int, status: str, reason: str, message_key: str = "",
                   message_params: dict[str, Any] | None = None, checkpoint: str | None = None,
                   kept_epoch: int | None = None) -> None:
        """Mark a run finished, stopped or failed, with the end event's reason and the epoch whose weights it kept."""
        now = time.time()
        with self._write() as connection:
            connection.execute(sa.text(
                "UPDATE runs SET status = :status, reason = :reason, message_key = :key, message_params = :params, "
                "checkpoint = :checkpoint, kept_epoch = :kept, ended_at = :now, updated_at = :now "
                "WHERE id = :run_id"),
                {"status": status, "reason": reason, "key": message_key,
                 "params": json.dumps(message_params or {}, default=str), "checkpoint": checkpoint,
                 "kept": kept_epoch, "now": now, "run_id": run_id})
        with self._lock:
            self._live.discard(run_id)

    def checkpoint_path(self, run_id: int) -> Path:
        """Where a run's checkpoint is written (it may not exist)."""
        return self.checkpoint_dir / f"run-{run_id}.pt"

    # Reading

    def runs(self) -> list[RunRecord]:
        """Every run, newest first, with the epoch whose weights it ended with."""
        rows = self._read("SELECT * FROM runs ORDER BY id DESC")
        finals = {row["run_id"]: _epoch(row) for row in self._read(
            "SELECT e.* FROM epochs e JOIN runs r ON r.id = e.run_id WHERE e.epoch = "
            "COALESCE(r.kept_epoch, (SELECT MAX(epoch) FROM epochs WHERE run_id = e.run_id))")}
        return [self._record(row, finals.get(row["id"])) for row in rows]

    def run(self, run_id: int) -> RunRecord:
        rows = self._read("SELECT * FROM runs WHERE id = :run_id", {"run_id": run_id})
        if not rows:
            raise StoreError("store.no_such_run", run_id=run_id)
        kept = [epoch for epoch in self.epochs(run_id) if rows[0]["kept_epoch"] in (None, epoch.epoch)]
        return self._record(rows[0], kept[-1] if kept else None)

    def _record(self, row: RowMapping, final: EpochEnd | None) -> RunRecord:
        with self._lock:
            live = row["id"] in self._live
        status = row["status"]
        if status == "running" and not live and _owner_gone(row):
            status = "interrupted"  # its process ended (killed, a crash, a restart) before the run did
        return RunRecord(
            row["id"], row["name"], row["notes"], status, row["reason"], row["message_key"],
            json.loads(row["message_params"]), _config(row["config"]), row["dataset_fingerprint"],
            row["dataset_size"], row["label_kind"], row["label_mode"], row["vocab_size"], row["num_outputs"],
            row["train_size"], row["val_size"], row["device"], row["started_at"], row["ended_at"],
            row["epochs_run"], row["seconds_per_epoch"], row["checkpoint"], final, row["data_source"],
            row["kept_epoch"])

    def steps(self, run_id: int) -> list[Step]:
        return [Step(row["epoch"], row["step"], row["loss"], row["lr"], row["seconds"])
                for row in self._read("SELECT * FROM steps WHERE run_id = :run_id ORDER BY step",
                                      {"run_id": run_id})]

    def epochs(self, run_id: int) -> list[EpochEnd]:
        return [_epoch(row) for row in self._read("SELECT * FROM epochs WHERE run_id = :run_id ORDER BY epoch",
                                                  {"run_id": run_id})]

    def tokenizer(self, run_id: int) -> str:
        """The subword tokenizer JSON the run learned; "" for a word tokenizer or a run stored before it was kept."""
        rows = self._read("SELECT tokenizer FROM run_tokenizers WHERE run_id = :run_id", {"run_id": run_id})
        return rows[0]["tokenizer"] if rows else ""

    def dataset(self, fingerprint: str) -> Dataset:
        rows = self._read("SELECT * FROM datasets WHERE fingerprint = :fingerprint", {"fingerprint": fingerprint})
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
            updated = connection.execute(sa.text(f"UPDATE runs SET {column} = :value WHERE id = :run_id"),
                                         {"value": value, "run_id": run_id})
            if updated.rowcount == 0:
                raise StoreError("store.no_such_run", run_id=run_id)

    def delete(self, run_id: int) -> None:
        """Remove a run, its metrics and checkpoint, and its dataset when no other run uses it."""
        with self._write() as connection:
            # Deleted explicitly: a database made by an older SQLite schema may lack ON DELETE CASCADE.
            for table in ("steps", "epochs", "run_tokenizers"):
                connection.execute(sa.text(f"DELETE FROM {table} WHERE run_id = :run_id"), {"run_id": run_id})
            if connection.execute(sa.text("DELETE FROM runs WHERE id = :run_id"), {"run_id": run_id}).rowcount == 0:
                raise StoreError("store.no_such_run", run_id=run_id)
            connection.exec_driver_sql("DELETE FROM datasets WHERE fingerprint NOT IN "
                                       "(SELECT dataset_fingerprint FROM runs)")
        self.checkpoint_path(run_id).unlink(missing_ok=True)


def _owner_gone(row: RowMapping) -> bool:
    """A running run's process is gone: a dead pid on this host, or no heartbeat for STALE_SECONDS."""
    if row["owner_host"] == HOST and row["owner_pid"] is not None and not process_alive(row["owner_pid"]):
        return True
    return time.time() - row["updated_at"] > STALE_SECONDS


def _detail(error: BaseException) -> str:
    # SQLAlchemy appends its own help link and the statement; the first line says what failed.
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _epoch(row: RowMapping) -> EpochEnd:
    return EpochEnd(row["epoch"], row["train_loss"], row["last_loss"], row["val_loss"], json.loads(row["metrics"]),
                    row["seconds"])


def _config(text: str) -> TrainConfig:
    # Settings removed from TrainConfig since the run was stored are dropped, not refused; settings
    # added since then take the value that run used.
    return TrainConfig.from_dict({**ADDED_SETTINGS, **json.loads(text)}, drop_unknown=True)
