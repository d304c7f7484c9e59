"""What recording embedding snapshots, and a page reading them, cost a training run.

Ten short epochs on 2,000 B2W reviews (regression, embed_dim 64, batch 32):
1. side by side, medians of interleaved runs: no observer; EmbeddingHistory recording the 500 most
   frequent tokens at every epoch end; and as the latter while another thread reads all snapshots and
   projects them every ``--read-every`` seconds (0.5 by default: four times as often as the page's
   2-second live refresh, which moreover redraws only when a new snapshot has arrived);
2. the time spent inside the observer, in the training thread, as a share of the run: the direct
   measure of what recording costs training, unaffected by the machine's noise;
3. what one page read costs at the cap (50 snapshots of 500 tokens), in the page's thread.

Targets: 2 under 1% of the run; 1 within noise (on a shared machine, about ±10%).

    python -m bench.snapshot_overhead [--repeats 5] [--read-every 0.5]
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

import torch

from bench.common import b2w_rows, median_seconds, print_table
from textlab.analysis.projection import project_frames
from textlab.analysis.snapshots import EmbeddingHistory
from textlab.data.dataset import Dataset
from textlab.text.vocab import Vocab
from textlab.train.config import TrainConfig
from textlab.train.events import Event
from textlab.train.loop import TrainingRun

SETTINGS = dict(label_mode="regression", pooling="masked_mean", embed_dim=64, batch_size=32, epochs=10, lr=0.001)
TEXTS = 2000


def train(dataset: Dataset, history: EmbeddingHistory | None) -> None:
    run = TrainingRun(TrainConfig.of(**SETTINGS), dataset)
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


def observer_share(dataset: Dataset) -> tuple[float, float]:
    """Seconds spent inside the observer's calls, and seconds of the whole run."""
    history, inside = EmbeddingHistory(), [0.0]

    def timed(run: TrainingRun, event: Event) -> None:
        started = time.perf_counter()
        history(run, event)
        inside[0] += time.perf_counter() - started

    started = time.perf_counter()
    run = TrainingRun(TrainConfig.of(**SETTINGS), dataset)
    for event in run.events():
        timed(run, event)
    return inside[0], time.perf_counter() - started


def read_cost(repeats: int) -> float:
    """Median seconds of one page read at the cap: copy the snapshot tuple, fit PCA, project every frame."""
    history = EmbeddingHistory(max_snapshots=50)
    history.start(_vocab_of(600), torch.randn(600, SETTINGS["embed_dim"]))
    for epoch in range(1, 60):
        history.record(torch.randn(600, SETTINGS["embed_dim"]), epoch, 0.0, None)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        project_frames([snapshot.weights for snapshot in history.snapshots()], 2)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _vocab_of(size: int) -> Vocab:
    return Vocab(["<PAD>", "<UNK>", *[f"w{index}" for index in range(size - 2)]], [0, 0, *range(size - 2, 0, -1)])


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
    inside, total = observer_share(dataset)
    print(f"inside the observer: {1000 * inside:.1f} ms of a {total:.2f} s run ({100 * inside / total:.2f}%)")
    print(f"one page read at the cap (50 snapshots x 500 tokens): {1000 * read_cost(args.repeats):.1f} ms")


if __name__ == "__main__":
    main()
