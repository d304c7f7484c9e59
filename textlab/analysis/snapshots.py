"""EmbeddingHistory: snapshots of the embedding rows of the most frequent tokens, epoch by epoch.

It is a run observer (see ``textlab.train.jobs``): the training thread calls it after each event, so it
only copies a few hundred rows and appends them under a short lock. The page reads an immutable
tuple of snapshots and never waits for training. Memory stays bounded: at most ``max_tokens`` rows
per snapshot and ``max_snapshots`` snapshots, thinned evenly with the first and the last kept.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from textlab.text.vocab import PAD_ID, UNK_ID, Vocab
from textlab.train.events import EpochEnd, Event, Finished, RunStarted

MAX_TOKENS = 500
MAX_SNAPSHOTS = 50


@dataclass(frozen=True)
class EmbeddingSnapshot:
    """The tracked tokens' embedding rows at the end of one epoch (0: the initial weights)."""

    epoch: int
    train_loss: float | None  # the epoch's mean training loss; None for the initial weights
    val_loss: float | None
    weights: torch.Tensor  # (K, E) float32 on the CPU, never modified after it is taken


def most_frequent_ids(vocab: Vocab, limit: int) -> torch.Tensor:
    """<PAD>, <UNK>, then the most frequent other tokens (ties: earlier id first), ``limit`` ids at most."""
    counts = torch.tensor(vocab.counts[2:], dtype=torch.long)
    order = torch.argsort(-counts, stable=True)[:max(0, limit - 2)] + 2
    return torch.cat([torch.tensor([PAD_ID, UNK_ID]), order])[:limit]


def embedding_weight(model: torch.nn.Module) -> torch.Tensor:
    """(V, E) the model's embedding matrix (every textlab model has ``.embedding``)."""
    return model.embedding.weight


def thin_evenly(epochs: Sequence[int], limit: int) -> list[int]:
    """Positions to keep so at most ``limit`` remain: drop, one at a time, the inner point whose
    neighbours are closest together, so the kept epochs stay evenly spread; first and last stay."""
    kept = list(range(len(epochs)))
    while len(kept) > max(limit, 2):
        spans = [epochs[kept[i + 1]] - epochs[kept[i - 1]] for i in range(1, len(kept) - 1)]
        del kept[1 + spans.index(min(spans))]
    return kept


class EmbeddingHistory:
    """Thread-safe record of embedding snapshots: written by the training thread, read by pages."""

    def __init__(self, max_tokens: int = MAX_TOKENS, max_snapshots: int = MAX_SNAPSHOTS) -> None:
        if max_tokens < 2 or max_snapshots < 2:
            raise ValueError("keep at least 2 tokens (<PAD>, <UNK>) and 2 snapshots (first and last)")
        self.max_tokens, self.max_snapshots = max_tokens, max_snapshots
        self._lock = threading.Lock()
        self._snapshots: list[EmbeddingSnapshot] = []
        self.token_ids: torch.Tensor | None = None  # (K,) vocabulary ids of the tracked rows, set once
        self.tokens: tuple[str, ...] = ()
        self.counts: tuple[int, ...] = ()
        # Set when early stopping restored an earlier epoch's weights: the model is that epoch's
        # snapshot, not the last one.
        self.kept_epoch: int | None = None

    def __call__(self, run: object, event: Event) -> None:
        """The observer: initial weights at RunStarted, one snapshot per EpochEnd, the kept epoch at Finished."""
        if isinstance(event, RunStarted):
            self.start(run.vocab, embedding_weight(run.model))
        elif isinstance(event, EpochEnd):
            self.record(embedding_weight(run.model), event.epoch, event.train_loss, event.val_loss)
        elif isinstance(event, Finished):
            self.kept_epoch = event.kept_epoch

    def start(self, vocab: Vocab, weight: torch.Tensor) -> None:
        """Choose the tracked tokens and take the snapshot of the initial weights (epoch 0)."""
        token_ids = most_frequent_ids(vocab, self.max_tokens)
        self.tokens = tuple(vocab.idx2token[index] for index in token_ids.tolist())
        self.counts = tuple(vocab.counts[index] for index in token_ids.tolist())
        self.token_ids, self.kept_epoch = token_ids, None
        with self._lock:
            self._snapshots.clear()
        self.record(weight, 0, None, None)

    def record(self, weight: torch.Tensor, epoch: int, train_loss: float | None, val_loss: float | None) -> None:
        """Copy the tracked rows of ``weight`` (V, E) and keep them, thinning when over the cap."""
        if self.token_ids is None:
            return
        with torch.no_grad():
            # Indexing copies; the copy is taken here, in the training thread, between two batches.
            rows = weight.detach()[self.token_ids.to(weight.device)].to("cpu", torch.float32)  # (K, E)
        snapshot = EmbeddingSnapshot(epoch, train_loss, val_loss, rows)
        with self._lock:
            self._snapshots.append(snapshot)
            if len(self._snapshots) > self.max_snapshots:
                kept = thin_evenly([s.epoch for s in self._snapshots], self.max_snapshots)
                self._snapshots = [self._snapshots[i] for i in kept]

    def snapshots(self) -> tuple[EmbeddingSnapshot, ...]:
        """The snapshots so far, oldest first: an immutable copy taken under the lock."""
        with self._lock:
            return tuple(self._snapshots)

    def __len__(self) -> int:
        with self._lock:
            return len(self._snapshots)


def model_snapshot_index(snapshots: Sequence[EmbeddingSnapshot], kept_epoch: int | None) -> int:
    """Which snapshot holds the weights the model ended with: the kept epoch's, else the last."""
    if kept_epoch is not None:
        for index, snapshot in enumerate(snapshots):
            if snapshot.epoch == kept_epoch:
                return index
    return len(snapshots) - 1
