"""One training epoch on the B2W 10k reviews (regression on rating, embed_dim 64, batch 32).

Targets, medians of interleaved runs:
1. textlab's default (masked mean, bucketing on) is >= 2.5x faster than the notebook-style
   loop: a DataLoader whose collate calls torch.tensor + pad_sequence for every batch.
2. With bucketing off, textlab's loop is within 1.10x of a hand-written loop over the same
   prebuilt batches: the loop's own overhead (events, control checks, metrics).

    python -m bench.train_speed [--repeats 5]
"""

from __future__ import annotations

import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from bench.common import b2w_rows, median_seconds, print_table
from textlab.data.dataset import Dataset
from textlab.text.batching import batch_indices
from textlab.train.config import TrainConfig
from textlab.train.loop import TrainingRun

SETTINGS = dict(label_mode="regression", pooling="masked_mean", embed_dim=64, batch_size=32, epochs=1, lr=0.001,
                device="cpu")


def textlab_epoch(dataset: Dataset, bucketing: bool) -> None:
    run = TrainingRun(TrainConfig.of(bucketing=bucketing, **SETTINGS), dataset)
    for _ in run.events():
        pass


def notebook_style_epoch(dataset: Dataset, fused_adam: bool = False) -> None:
    """The notebook's pipeline at this size: lists of ids, torch.tensor + pad_sequence per batch.

    It uses the notebook's ``torch.optim.Adam(model.parameters(), lr=0.001)`` unless ``fused_adam``,
    which isolates what textlab's data pipeline alone gains.
    """
    run = TrainingRun(TrainConfig.of(**SETTINGS), dataset)  # the same vocabulary and model
    if not fused_adam:
        run.optimizer = torch.optim.Adam(run.model.parameters(), lr=SETTINGS["lr"])
    sequences = [run.vocab.encode(text) for text in dataset.texts]
    targets = run.targets.tolist()
    pairs = list(zip(sequences, targets, strict=True))

    def collate(batch: list[tuple[list[int], float]]) -> tuple[torch.Tensor, torch.Tensor]:
        ids = nn.utils.rnn.pad_sequence([torch.tensor(sequence) for sequence, _ in batch], batch_first=True)
        return ids, torch.tensor([target for _, target in batch])

    for ids, labels in DataLoader(pairs, batch_size=32, shuffle=True, collate_fn=collate):
        loss = run.loss_fn(run.model(ids, ids != 0), labels.unsqueeze(1))
        run.optimizer.zero_grad()
        loss.backward()
        run.optimizer.step()
        loss.item()


def prebuilt_batches(dataset: Dataset) -> tuple[TrainingRun, list]:
    run = TrainingRun(TrainConfig.of(bucketing=False, **SETTINGS), dataset)
    order = batch_indices(run.encoded.lengths, 32, shuffle=True, generator=torch.Generator().manual_seed(0))
    return run, [run.encoded.collate(indices, run.targets) for indices in order]


def hand_written_epoch(run: TrainingRun, batches: list) -> None:
    """The tightest plain loop: batches already built, no events, no checks."""
    for batch in batches:
        loss = run.loss_fn(run.model(batch.ids, batch.mask), batch.targets.unsqueeze(1))
        run.optimizer.zero_grad()
        loss.backward()
        run.optimizer.step()
        loss.item()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads; the app gives each job cores // TEXTLAB_MAX_JOBS, 1 on 2 cores")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rows = b2w_rows()
    dataset = Dataset(tuple(row["text"] for row in rows), tuple(row["rating"] for row in rows), "numeric", ())
    print(f"{len(dataset):,} reviews, 1 epoch, embed_dim 64, batch 32, {args.threads} torch thread(s); "
          f"median of {args.repeats} interleaved runs")
    print("textlab runs include preparing the run (tokenize, vocabulary, tensors, model)")

    print("\n1. textlab default vs the notebook-style loop (target >= 2.5x)")
    medians = median_seconds({
        "textlab (bucketing on)": lambda: textlab_epoch(dataset, bucketing=True),
        "notebook-style DataLoader": lambda: notebook_style_epoch(dataset),
        "notebook-style, fused Adam": lambda: notebook_style_epoch(dataset, fused_adam=True),
    }, args.repeats)
    print_table(medians, "textlab (bucketing on)")
    speedup = medians["notebook-style DataLoader"] / medians["textlab (bucketing on)"]
    print(f"speed-up {speedup:.2f}x: {'met' if speedup >= 2.5 else 'MISSED'}")
    pipeline_only = medians["notebook-style, fused Adam"] / medians["textlab (bucketing on)"]
    print(f"of which the data pipeline and bucketing alone (both with fused Adam): {pipeline_only:.2f}x")

    print("\n2. textlab loop (bucketing off) vs a hand-written loop over prebuilt batches (target <= 1.10x)")
    # Both start from a freshly prepared run (same seed, so the same model and batches) each round:
    # reusing one model across rounds would time a warmed-up optimizer against a fresh one.
    medians = median_seconds({
        "textlab loop": lambda: list(TrainingRun(TrainConfig.of(bucketing=False, **SETTINGS), dataset).events()),
        "hand-written loop": lambda: hand_written_epoch(*prebuilt_batches(dataset)),
        "preparing a run": lambda: TrainingRun(TrainConfig.of(bucketing=False, **SETTINGS), dataset),
    }, args.repeats)
    print_table(medians, "hand-written loop")
    overhead = medians["textlab loop"] / medians["hand-written loop"]
    print("both include preparing the run; the hand-written one also builds all its batches first")
    print(f"overhead {overhead:.3f}x: {'met' if overhead <= 1.10 else 'MISSED'}")


if __name__ == "__main__":
    main()
