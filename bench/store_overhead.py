"""Recording a run into the store costs almost nothing: the same training with and without a RunRecorder.

The worst case for per-step recording: many tiny steps (B2W 10k reviews, batch 8, masked mean,
embed_dim 16, one epoch: 1,250 steps). Targets: recording (steps buffered and written every 0.5 s
and at the epoch's end, the dataset stored once, the checkpoint at the end) is within 1.05x of not
recording, medians of interleaved runs; and the time spent inside the recorder while steps train,
which the side-by-side ratio can hide in a shared machine's noise, is under 2% of a recorded run.
The one-off costs (the dataset stored at the start, the checkpoint at the end) are printed apart.

    python -m bench.store_overhead [--repeats 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time

import torch

from bench.common import b2w_rows, median_seconds, print_table
from textlab.data.dataset import Dataset
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Step
from textlab.train.loop import train

CONFIG = TrainConfig.of(label_mode="regression", pooling="masked_mean", embed_dim=16, batch_size=8, epochs=1,
                     device="cpu")


class TimedRecorder(RunRecorder):
    """A RunRecorder that adds up the seconds spent in its own calls: during training, and at start and end."""

    during, once = 0.0, 0.0

    def __call__(self, run, event) -> None:
        started = time.perf_counter()
        super().__call__(run, event)
        elapsed = time.perf_counter() - started
        if isinstance(event, Step | EpochEnd):
            TimedRecorder.during += elapsed
        else:
            TimedRecorder.once += elapsed


def recorded(store: Store, dataset: Dataset) -> None:
    list(train(CONFIG, dataset, observer=TimedRecorder(store, CONFIG, dataset)))


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
            "recorded": lambda: recorded(store, dataset),
        }, args.repeats)
        steps = len(store.steps(store.runs()[0].run_id))
    print(f"One epoch, {steps} steps, median of {args.repeats}:")
    print_table(medians, "not recorded")
    during, once = TimedRecorder.during / args.repeats, TimedRecorder.once / args.repeats
    print(f"  inside the recorder while training: {during:.3f} s per run, "
          f"{during / medians['recorded']:.1%} of a recorded run")
    print(f"  inside the recorder at start and end (dataset, checkpoint): {once:.3f} s per run")


if __name__ == "__main__":
    main()
