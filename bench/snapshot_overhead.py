"""What recording embedding snapshots, and a page reading them, cost a training run.

Ten short epochs on 2,000 B2W reviews (regression, embed_dim 64, batch 32), three ways:
1. no observer;
2. with EmbeddingHistory recording the 500 most frequent tokens at every epoch end;
3. as 2, while another thread reads all snapshots and projects them every ``--read-every`` seconds
   (0.5 by default: four times as often as the page's 2-second live refresh, which moreover redraws
   only when a new snapshot has arrived).

Targets, medians of interleaved runs: 2 within 1.05x of 1, and 3 within 1.10x of 1.

    python -m bench.snapshot_overhead [--repeats 5] [--read-every 0.5]
"""

from __future__ import annotations

import argparse
import threading

import torch

from bench.common import b2w_rows, median_seconds, print_table
from textlab.config import TrainConfig
from textlab.data import Dataset
from textlab.projection import project_frames
from textlab.snapshots import EmbeddingHistory
from textlab.training import TrainingRun

SETTINGS = dict(label_mode="regression", pooling="masked_mean", embed_dim=64, batch_size=32, epochs=10, lr=0.001)
TEXTS = 2000


def train(dataset: Dataset, history: EmbeddingHistory | None) -> None:
    run = TrainingRun(TrainConfig(**SETTINGS), dataset)
    for event in run.events():
        if history is not None:
            history(run, event)


def train_while_reading(dataset: Dataset, interval: float) -> None:
    history = EmbeddingHistory()
    done = threading.Event()

    def read() -> None:
        while not done.wait(interval):
            snapshots = history.snapshots()
            if snapshots:
                project_frames([snapshot.weights for snapshot in snapshots], 2)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        train(dataset, history)
    finally:
        done.set()
        reader.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--read-every", type=float, default=0.5, help="seconds between two reads by the page")
    args = parser.parse_args()
    # One intra-op thread, as a job gets on a shared machine: OpenMP spinning makes two threads erratic under load.
    torch.set_num_threads(1)
    rows = b2w_rows()[:TEXTS]
    dataset = Dataset(tuple(row["text"] for row in rows), tuple(row["rating"] for row in rows), "numeric", ())
    medians = median_seconds({
        "no observer": lambda: train(dataset, None),
        "recording snapshots": lambda: train(dataset, EmbeddingHistory()),
        "recording + page reading": lambda: train_while_reading(dataset, args.read_every),
    }, args.repeats)
    print(f"{SETTINGS['epochs']} epochs on {TEXTS} B2W reviews, median of {args.repeats}:")
    print_table(medians, "no observer")


if __name__ == "__main__":
    main()
