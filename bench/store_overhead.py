"""Recording a run into the store costs almost nothing: the same training with and without a RunRecorder.

The worst case for per-step recording: many tiny steps (B2W 10k reviews, batch 8, masked mean,
embed_dim 16, one epoch: 1,250 steps). Target, medians of interleaved runs: recording (steps
buffered and written every 0.5 s and at the epoch's end, plus the checkpoint) is within 1.05x
of not recording.

    python -m bench.store_overhead [--repeats 5]
"""

from __future__ import annotations

import argparse
import tempfile

import torch

from bench.common import b2w_rows, median_seconds, print_table
from textlab.config import TrainConfig
from textlab.data import Dataset
from textlab.recorder import RunRecorder, recorded_train
from textlab.store import Store
from textlab.training import train

CONFIG = TrainConfig(label_mode="regression", pooling="masked_mean", embed_dim=16, batch_size=8, epochs=1,
                     device="cpu")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)  # steadier timings on a shared machine; both contenders alike
    rows = b2w_rows()
    dataset = Dataset(tuple(row["text"] for row in rows), tuple(row["rating"] for row in rows), "numeric", ())
    with tempfile.TemporaryDirectory() as folder, Store(folder) as store:
        medians = median_seconds({
            "not recorded": lambda: list(train(CONFIG, dataset)),
            "recorded": lambda: list(recorded_train(CONFIG, dataset, RunRecorder(store, CONFIG, dataset))),
        }, args.repeats)
        steps = len(store.steps(store.runs()[0].run_id))
    print(f"One epoch, {steps} steps, median of {args.repeats}:")
    print_table(medians, "not recorded")


if __name__ == "__main__":
    main()
