"""GRU/LSTM on the B2W reviews: one epoch's time, and how long a Stop waits, before and after.

"packed" is the encoder as it was: ``pack_padded_sequence`` around the GRU/LSTM, every text
whole. "now" runs the padded batch at once and zeroes the padded outputs (the same numbers,
tests/test_models.py), with texts whole (max_length 0) and cut to the default 256 tokens.

1. Epoch: regression on the rating, embed_dim 64, hidden 32, batch 32, bucketing off (the
   padding a student gets by default), on ``--texts`` reviews; medians of interleaved runs.
2. Stop latency: a background job (textlab.train.jobs) on all 10,000 reviews with batches of
   ``--stop-batch``; stop() is called right after the first step, and the time until the thread
   has ended is measured: that is one batch in progress, which the student waits for.

    python -m bench.recurrent_speed [--repeats 3] [--texts 2000] [--stop-batch 256] [--encoders gru lstm]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from bench.common import b2w_rows, median_seconds, print_table
from textlab.data.dataset import Dataset
from textlab.model.models import TextModel
from textlab.train.config import TrainConfig
from textlab.train.jobs import SlotPool, TrainingJob
from textlab.train.loop import TrainingRun

SETTINGS = dict(label_mode="regression", pooling="masked_mean", embed_dim=64, hidden_dim=32, batch_size=32,
                epochs=1, device="cpu")


def _packed_encode(self: TextModel, embedded: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The encoder before: pack the batch, run the GRU/LSTM, pad the output back."""
    packed = pack_padded_sequence(embedded, mask.sum(1).clamp(min=1).cpu(), batch_first=True, enforce_sorted=False)
    output, _ = self.rnn(packed)
    return pad_packed_sequence(output, batch_first=True, total_length=embedded.shape[1])[0]


@contextmanager
def encoder_as(packed: bool) -> Iterator[None]:
    current = TextModel._encode
    TextModel._encode = _packed_encode if packed else current
    try:
        yield
    finally:
        TextModel._encode = current


def epoch(dataset: Dataset, encoder: str, packed: bool, max_length: int) -> Callable[[], None]:
    def run() -> None:
        with encoder_as(packed):
            for _ in TrainingRun(TrainConfig.of(encoder=encoder, max_length=max_length, **SETTINGS), dataset).events():
                pass
    return run


def stop_latency(dataset: Dataset, encoder: str, packed: bool, max_length: int, batch_size: int) -> float:
    config = TrainConfig.of(**{**SETTINGS, "encoder": encoder, "max_length": max_length, "batch_size": batch_size})
    with encoder_as(packed):
        job = TrainingJob(config, dataset, SlotPool(1)).start()
        while not job.snapshot().steps and job.thread_alive:
            time.sleep(0.005)
        asked = time.perf_counter()
        job.stop()
        job.join()
        return time.perf_counter() - asked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--texts", type=int, default=2000, help="reviews per timed epoch")
    parser.add_argument("--stop-batch", type=int, default=256)
    parser.add_argument("--encoders", nargs="+", default=["gru", "lstm"], choices=["gru", "lstm"])
    args = parser.parse_args()
    torch.set_num_threads(1)
    rows = b2w_rows()
    dataset = Dataset(tuple(row["text"] for row in rows), tuple(row["rating"] for row in rows), "numeric", ())
    subset = dataset.subset(range(min(args.texts, len(dataset))))
    variants = {"packed, whole texts": (True, 0), "now, whole texts": (False, 0), "now, max_length 256": (False, 256)}
    for encoder in args.encoders:
        print(f"{encoder.upper()}: one epoch on {len(subset)} reviews, batch {SETTINGS['batch_size']}")
        medians = median_seconds({name: epoch(subset, encoder, *variant) for name, variant in variants.items()},
                                 args.repeats)
        print_table(medians, "packed, whole texts")
        print(f"{encoder.upper()}: stop latency on {len(dataset)} reviews, batch {args.stop_batch}")
        # Interleaved rounds, as median_seconds does, so the shared machine's noise falls on all alike.
        rounds = [{name: stop_latency(dataset, encoder, *variant, args.stop_batch)
                   for name, variant in variants.items()} for _ in range(args.repeats)]
        print_table({name: statistics.median(one[name] for one in rounds) for name in variants}, "packed, whole texts")


if __name__ == "__main__":
    main()
