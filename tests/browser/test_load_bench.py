"""bench/load.py's students against a real server: two of them, so the benchmark's protocol client stays true."""

from __future__ import annotations

import argparse
import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.load import lesson
from textlab.runs.store import Store


def test_two_students_train_and_their_runs_are_stored(app_url, server_data_dir):
    before = _finished_runs_of_40_epochs(server_data_dir)
    args = argparse.Namespace(students=2, sample="notebook", settings=["epochs=40"], pages=["data", "batches"],
                              lang="pt", spread=0.5, think=(0.1, 0.2), timeout=60.0)
    # In a thread of its own: the other browser tests' Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        students = pool.submit(asyncio.run, lesson(app_url, args)).result()
    for student in students:
        assert set(student.responses) == {"home", "data", "batches", "train", "Train button", "runs"}
        assert all(seconds > 0 for visits in student.responses.values() for seconds in visits)
        assert student.first_point is not None and student.first_point > 0
        assert student.ending.startswith("Concluído: 40 épocas")
        assert not student.exceptions
    assert _finished_runs_of_40_epochs(server_data_dir) == before + 2


def _finished_runs_of_40_epochs(data_dir) -> int:
    with Store(data_dir) as store:
        return sum(record.status == "finished" and record.epochs_run == 40 for record in store.runs())
