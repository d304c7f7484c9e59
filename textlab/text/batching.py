"""Padded batches from pre-encoded texts: ids, lengths, mask and targets.

The notebook rebuilds tensors with ``torch.tensor`` + ``pad_sequence`` for every
batch. Here the corpus is encoded once into one flat tensor and each batch is a
single gather, with values identical to ``pad_sequence(..., batch_first=True)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, Sampler, SequentialSampler

from textlab.text.vocab import PAD_ID

# Bucketing sorts texts by length inside pools of this many batches: large enough that
# neighbours have similar lengths, small enough that batches still mix the data set.
BUCKET_POOL_BATCHES = 50


@dataclass(frozen=True)
class Batch:
    """One padded batch; ``indices`` says which texts of the data set it holds."""

    ids: torch.Tensor  # (B, T) long, PAD = 0
    lengths: torch.Tensor  # (B,) long
    mask: torch.Tensor  # (B, T) bool, True on real tokens
    targets: torch.Tensor | None  # (B,) float for regression, long for classes; None for random labels
    indices: torch.Tensor  # (B,) long

    def __len__(self) -> int:
        return self.ids.shape[0]

    @property
    def pad_cells(self) -> int:
        return self.ids.numel() - int(self.lengths.sum())

    @property
    def pad_fraction(self) -> float:
        return self.pad_cells / self.ids.numel() if self.ids.numel() else 0.0

    def to(self, device: torch.device | str) -> Batch:
        if torch.device(device).type == "cpu":
            return self
        move = lambda tensor: None if tensor is None else tensor.to(device, non_blocking=True)  # noqa: E731
        return Batch(move(self.ids), move(self.lengths), move(self.mask), move(self.targets), self.indices)


class EncodedTexts:
    """All texts' ids in one flat tensor, with each text's start and length.

    With ``max_length`` > 0 each text keeps only its first ``max_length`` tokens: ``lengths``
    are the kept lengths, ``full_lengths`` the tokenized ones.
    """

    def __init__(self, ids: torch.Tensor, lengths: torch.Tensor, max_length: int = 0) -> None:
        self.full_lengths = lengths.long()
        self.starts = torch.cumsum(self.full_lengths, 0) - self.full_lengths
        self.lengths = self.full_lengths.clamp(max=max_length) if max_length else self.full_lengths
        # One PAD after the last token: every padding cell gathers from it.
        self._ids_then_pad = torch.cat([ids.long(), torch.tensor([PAD_ID])])
        self._pad_position = len(ids)

    @classmethod
    def from_lists(cls, sequences: Sequence[Sequence[int]], max_length: int = 0) -> EncodedTexts:
        flat = [index for sequence in sequences for index in sequence]
        return cls(torch.tensor(flat, dtype=torch.long), torch.tensor([len(s) for s in sequences]), max_length)

    @property
    def cut(self) -> torch.Tensor:
        """(N,) bool: True for texts that lost tokens to ``max_length``."""
        return self.lengths < self.full_lengths

    def __len__(self) -> int:
        return len(self.lengths)

    def collate(self, indices: torch.Tensor | Sequence[int], targets: torch.Tensor | None = None) -> Batch:
        """Pad the given texts to the longest of them, like ``pad_sequence(batch_first=True)``."""
        indices = torch.as_tensor(indices, dtype=torch.long)
        lengths = self.lengths[indices]
        width = int(lengths.max()) if len(lengths) else 0
        positions = torch.arange(width)
        mask = positions < lengths[:, None]  # (B, T)
        gather = torch.where(mask, self.starts[indices][:, None] + positions, self._pad_position)
        batch_targets = None if targets is None else targets[indices]
        return Batch(self._ids_then_pad[gather], lengths, mask, batch_targets, indices)


def batch_indices(lengths: torch.Tensor, batch_size: int, shuffle: bool = True, bucketing: bool = False,
                  generator: torch.Generator | None = None) -> list[torch.Tensor]:
    """The texts of each batch of one epoch.

    Without bucketing: the DataLoader's order (a random permutation when shuffling).
    With bucketing: pools of ``BUCKET_POOL_BATCHES`` batches are sorted by length, cut
    into batches, and the batches are shuffled, so similar lengths share a batch.
    """
    count = len(lengths)
    if count == 0:
        return []  # like a DataLoader over an empty dataset
    order = torch.randperm(count, generator=generator) if shuffle else torch.arange(count)
    if not bucketing:
        return list(order.split(batch_size))
    pool_size = batch_size * BUCKET_POOL_BATCHES
    batches: list[torch.Tensor] = []
    for pool in order.split(pool_size):
        by_length = pool[torch.argsort(lengths[pool], stable=True)]
        batches.extend(by_length.split(batch_size))
    if shuffle:
        batches = [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]
    return batches


class EpochBatchSampler(Sampler[list[int]]):
    """Each epoch's batches as positions into the loader's dataset.

    Without bucketing these are torch's own ``BatchSampler(RandomSampler(...))``, the sampler
    ``DataLoader(shuffle=True)`` builds, so the generator advances exactly as it does there
    (RandomSampler draws one more permutation once the epoch is exhausted). With bucketing they
    are ``batch_indices``'s length-sorted pools.
    """

    def __init__(self, lengths: torch.Tensor, batch_size: int, shuffle: bool, bucketing: bool,
                 generator: torch.Generator | None) -> None:
        self.lengths, self.batch_size, self.shuffle, self.bucketing = lengths, batch_size, shuffle, bucketing
        self.generator = generator

    def __iter__(self) -> Iterator[list[int]]:
        if not self.bucketing:
            count = range(len(self.lengths))
            order = RandomSampler(count, generator=self.generator) if self.shuffle else SequentialSampler(count)
            yield from BatchSampler(order, self.batch_size, drop_last=False)
            return
        for positions in batch_indices(self.lengths, self.batch_size, self.shuffle, self.bucketing, self.generator):
            yield positions.tolist()

    def __len__(self) -> int:
        return -(-len(self.lengths) // self.batch_size)


def _collate_texts(text_indices: list[int], encoded: EncodedTexts, targets: torch.Tensor | None) -> Batch:
    return encoded.collate(text_indices, targets)


def epoch_loader(encoded: EncodedTexts, text_indices: torch.Tensor, batch_size: int,
                 targets: torch.Tensor | None = None, shuffle: bool = True, bucketing: bool = False,
                 generator: torch.Generator | None = None, indices_only: bool = False) -> DataLoader:
    """A real ``torch.utils.data.DataLoader`` over ``text_indices``, yielding padded ``Batch``es.

    Its dataset is the texts' indices, its ``batch_sampler`` draws ``batch_indices`` and its
    ``collate_fn`` is one gather (``EncodedTexts.collate``). Each epoch the DataLoader draws its
    base seed from ``generator`` before the sampler draws the order, exactly as
    ``DataLoader(texts, batch_size, shuffle=True, generator=generator)`` does: without bucketing
    the two give the same batches for the same seed. ``indices_only`` yields each batch's text
    indices instead of a ``Batch`` (the Batches page's plan draws the batches without padding them).
    """
    sampler = EpochBatchSampler(encoded.lengths[text_indices], batch_size, shuffle, bucketing, generator)
    # The generator is always passed: without one the DataLoader would draw its seed from torch's
    # global generator, which model construction in another session may be using.
    generator = generator if generator is not None else torch.Generator()
    collate = torch.tensor if indices_only else partial(_collate_texts, encoded=encoded, targets=targets)
    return DataLoader(text_indices.tolist(), batch_sampler=sampler, num_workers=0, generator=generator,
                      collate_fn=collate)


@dataclass(frozen=True)
class PaddingStats:
    """How much of an epoch's batches is padding: per batch and overall."""

    per_batch: tuple[float, ...]
    pad_cells: int
    total_cells: int

    @property
    def overall(self) -> float:
        return self.pad_cells / self.total_cells if self.total_cells else 0.0


def padding_stats(lengths: torch.Tensor, batches: Sequence[torch.Tensor]) -> PaddingStats:
    """Padding of the given batches, computed from lengths alone (no tensors are built)."""
    per_batch, pad_cells, total_cells = [], 0, 0
    for indices in batches:
        batch_lengths = lengths[indices]
        cells = int(batch_lengths.max()) * len(indices) if len(indices) else 0
        pads = cells - int(batch_lengths.sum())
        per_batch.append(pads / cells if cells else 0.0)
        pad_cells, total_cells = pad_cells + pads, total_cells + cells
    return PaddingStats(tuple(per_batch), pad_cells, total_cells)
