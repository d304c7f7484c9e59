"""A run whose process dies shows as interrupted; a closed output pipe stops the run cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from textlab.i18n import t
from textlab.runs import comparison
from textlab.runs.store import Store

ROOT = Path(__file__).resolve().parents[1]
LONG_RUN = ("--epochs", "10000", "--batch-size", "1")  # 30,000 steps: far longer than the test waits


def _environment(data_dir: Path, store_url: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEXTLAB_DATA_DIR": str(data_dir)}
    env.pop("TEXTLAB_DATABASE_URL", None)
    if store_url is not None:
        env["TEXTLAB_DATABASE_URL"] = store_url
    return env


def _texts_file(tmp_path: Path, notebook_texts) -> Path:
    path = tmp_path / "texts.txt"
    path.write_text("\n".join(notebook_texts), encoding="utf-8")
    return path


def _wait_for_steps(store: Store, process: subprocess.Popen, timeout: float = 120.0) -> int:
    """The id of the process's run once it has recorded some steps."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        records = store.runs()
        if records and store.steps(records[0].run_id):
            return records[0].run_id
        time.sleep(0.2)
    raise AssertionError("the training process recorded no steps in time")


def test_a_killed_training_process_leaves_an_interrupted_run(tmp_path, store_url, notebook_texts):
    env = _environment(tmp_path / "data", store_url)
    process = subprocess.Popen(
        [sys.executable, "-m", "textlab", "train", str(_texts_file(tmp_path, notebook_texts)), *LONG_RUN],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with Store(tmp_path / "data", store_url) as watcher:
            run_id = _wait_for_steps(watcher, process)
            assert watcher.run(run_id).status == "running"  # alive: not mistaken for a dead one
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    with Store(tmp_path / "data", store_url) as reopened:
        record = reopened.run(run_id)
        assert record.status == "interrupted" and record.ended_at is None
        assert comparison.runs_table([record], "en")[t("runs.col.status", "en")].tolist() == [
            "interrupted (its process ended)"]
    listed = subprocess.run([sys.executable, "-m", "textlab", "runs", "--lang", "pt"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert "inacabada" in listed.stdout and t("runs.status.running", "pt") not in listed.stdout


def test_a_closed_pipe_stops_the_run_quietly(tmp_path, store_url, notebook_texts):
    env = _environment(tmp_path / "data", store_url)
    texts = _texts_file(tmp_path, notebook_texts)
    command = f"{sys.executable} -m textlab train {texts} {' '.join(LONG_RUN)} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.stdout.count("\n") == 1 and "vocabulary of" in result.stdout
    assert "Broken pipe" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0
    with Store(tmp_path / "data", store_url) as store:
        (record,) = store.runs()
        assert (record.status, record.reason) == ("stopped", "user")
        assert record.epochs_run < 10000 and store.checkpoint_path(record.run_id).exists()
