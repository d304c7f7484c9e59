"""Background jobs on a GPU, where one is present (skipped elsewhere, as on the 2-core CI machine)."""

from __future__ import annotations

import time

import pytest
import torch

from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, TrainingJob

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine")
TIMEOUT = 120.0


@pytest.mark.parametrize("device", ["cuda", "auto"])
def test_a_job_trains_on_the_gpu(classification_dataset, device):
    config = TrainConfig.of(device=device, val_fraction=0.25, pooling="masked_mean", embed_dim=16, lr=0.05,
                         batch_size=8, epochs=10)
    job = TrainingJob(config, classification_dataset, SlotPool(1)).start()
    assert job.join(TIMEOUT)
    snapshot = job.snapshot()
    assert snapshot.state == "finished", snapshot.end
    assert snapshot.started.device.startswith("cuda")
    assert job.run.model.embedding.weight.is_cuda
    assert snapshot.epochs[-1].metrics["accuracy"] >= 0.9


def test_a_gpu_job_pauses_steps_and_stops(notebook_dataset):
    job = TrainingJob(TrainConfig.of(device="cuda", epochs=10_000), notebook_dataset, SlotPool(1))
    job.step()
    job.start()
    deadline = time.monotonic() + TIMEOUT
    while job.snapshot().state != "paused" or len(job.snapshot().steps) != 1:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    job.resume()
    while len(job.snapshot().steps) < 50:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    job.stop()
    assert job.join(TIMEOUT)
    assert job.snapshot().state == "stopped"
