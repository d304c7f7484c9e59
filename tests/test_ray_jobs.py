"""Runs on a Ray cluster: recorded into the shared store, weights back for the pages; Ray only when asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import torch

from tests.services import empty_postgres_url
from textlab.analysis.snapshots import EmbeddingHistory, embedding_weight
from textlab.runs import checkpoint
from textlab.runs.recorder import RunRecorder, WarmStart
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, new_job
from textlab.train.loop import TrainingRun, train
from textlab.train.ray_jobs import RayTrainingJob

ROOT = Path(__file__).resolve().parents[1]


def test_a_ray_run_is_recorded_in_postgres_and_its_weights_come_back(tmp_path, ray_address, classification_dataset):
    config = TrainConfig.of(device="cpu", epochs=4, batch_size=8, lr=0.05, val_fraction=0.25, pooling="masked_mean")
    history = EmbeddingHistory()
    with Store(tmp_path, empty_postgres_url()) as store:
        job = new_job(config, classification_dataset, SlotPool(1), [RunRecorder(store)], history,
                      ray_address=ray_address)
        assert isinstance(job, RayTrainingJob)
        assert job.start().join(120)
        snapshot = job.snapshot()
        assert snapshot.state == "finished" and snapshot.observer_errors == ()
        (record,) = store.runs()
        assert (record.status, record.epochs_run, record.config) == ("finished", 4, config)
        assert store.epochs(record.run_id) == list(snapshot.epochs)
        assert len(store.steps(record.run_id)) == len(snapshot.steps) == snapshot.started.total_steps
        saved = checkpoint.load(store.checkpoint_path(record.run_id))
    # The page's model is the trained one: the checkpoint holds it, and it is not the initial one.
    untrained = TrainingRun(config, classification_dataset).model.state_dict()
    for name, tensor in job.run.model.state_dict().items():
        assert torch.equal(tensor, saved.model.state_dict()[name])
        assert not torch.equal(tensor, untrained[name])
    # One embedding snapshot per epoch, from the actor's weights at that epoch (so they all differ).
    weights = [snap.weights for snap in history.snapshots()]
    assert len(weights) == 5 and all(not torch.equal(a, b) for a, b in zip(weights, weights[1:], strict=False))
    assert snapshot.epochs[-1].metrics["accuracy"] >= 0.9


def test_a_warm_start_on_ray_starts_from_the_checkpoint(tmp_path, ray_address, classification_dataset):
    config = TrainConfig.of(device="cpu", epochs=2, batch_size=8, lr=0.05)
    with Store(tmp_path) as store:
        recorder = RunRecorder(store, config, classification_dataset)
        list(train(config, classification_dataset, observer=recorder))
        saved = checkpoint.load(store.checkpoint_path(recorder.run_id))
    history = EmbeddingHistory()
    job = new_job(config, classification_dataset, SlotPool(1), [WarmStart(saved)], history, ray_address=ray_address)
    assert job.start().join(120)
    assert job.snapshot().state == "finished" and job.snapshot().observer_errors == ()
    initial = history.snapshots()[0]  # epoch 0: the weights the run started from, as the actor had them
    assert initial.epoch == 0
    assert torch.equal(initial.weights, embedding_weight(saved.model)[history.token_ids])


def test_a_warm_start_that_does_not_fit_is_reported_and_the_run_goes_on(ray_address, classification_dataset,
                                                                        notebook_dataset, tmp_path):
    config = TrainConfig.of(device="cpu", epochs=1)
    with Store(tmp_path) as store:
        recorder = RunRecorder(store, config, notebook_dataset)
        list(train(config, notebook_dataset, observer=recorder))
        other_vocabulary = checkpoint.load(store.checkpoint_path(recorder.run_id))
    job = new_job(config, classification_dataset, SlotPool(1), [WarmStart(other_vocabulary)],
                  ray_address=ray_address)
    assert job.start().join(120)
    snapshot = job.snapshot()
    assert snapshot.state == "finished" and len(snapshot.observer_errors) == 1
    assert "CheckpointError" in snapshot.observer_errors[0]


PROGRAM = """
import json, sys
from textlab.data.dataset import Dataset
from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, new_job
import textlab.ui.state
job = new_job(TrainConfig.of(device="cpu"), Dataset(("um texto", "outro texto"), None, "none", ()), SlotPool(1))
job.start().join(60)
print(json.dumps({"kind": type(job).__name__, "state": job.snapshot().state,
                  "ray": sorted(name for name in sys.modules if name.split(".")[0] == "ray")}))
"""


def test_without_the_variable_nothing_about_ray_is_imported():
    env = {name: value for name, value in os.environ.items() if name != "TEXTLAB_RAY_ADDRESS"}
    result = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert (report["kind"], report["state"]) == ("TrainingJob", "finished")
    assert report["ray"] == []
