"""One batch through the model, stage by stage, and one training step on a copy of the model.

Everything here works on ``frozen_copy(model)``: the live run's model is never put in eval mode,
never given gradients and never changed, even while its thread is training it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
import torch.nn as nn

from textlab.model.models import masked_mean
from textlab.text.batching import Batch
from textlab.text.vocab import PAD_ID, Vocab
from textlab.train.tasks import task_for

# The notebook's labels are fresh random numbers; a fixed seed keeps the shown loss steady across reruns.
RANDOM_LABEL_SEED = 1234


def frozen_copy(model: nn.Module) -> nn.Module:
    """A CPU copy in eval mode with no gradients: safe to run and to train one step."""
    duplicate = copy.deepcopy(model).cpu().eval()
    for parameter in duplicate.parameters():
        parameter.grad = None
    return duplicate


def batch_loss(outputs: torch.Tensor, batch: Batch, label_mode: str) -> torch.Tensor:
    """The run's loss for these outputs, random labels drawn from a fixed seed."""
    return task_for(label_mode).loss(outputs, batch, torch.Generator().manual_seed(RANDOM_LABEL_SEED))


@dataclass(frozen=True)
class ForwardPass:
    """The tensors of one forward pass, for display."""

    tokens: tuple[tuple[str, ...], ...]  # per text, padded with <PAD> to T
    ids: torch.Tensor  # (B, T)
    mask: torch.Tensor  # (B, T) True on real tokens
    embedded: torch.Tensor  # (B, T, E)
    plain_mean: torch.Tensor  # (B, E) the notebook's mean over all T positions, PAD included
    masked_mean: torch.Tensor  # (B, E) the mean over real tokens only
    pooled: torch.Tensor  # (B, H) what this model actually passes on
    attention: torch.Tensor | None  # (B, T) or None
    outputs: torch.Tensor  # (B, O)
    loss: float

    @property
    def pad_share(self) -> torch.Tensor:
        """(B,) share of each text's row that is padding."""
        return 1.0 - self.mask.float().mean(1)

    @property
    def mean_gap(self) -> torch.Tensor:
        """(B,) how far the PAD rows pull the plain mean away from the masked one (Euclidean distance)."""
        return (self.plain_mean - self.masked_mean).norm(dim=1)



@torch.no_grad()
def forward_pass(model: nn.Module, batch: Batch, vocab: Vocab, label_mode: str) -> ForwardPass:
    """Run ``batch`` through a frozen copy of ``model`` and keep every stage."""
    trace = frozen_copy(model).trace(batch.ids, batch.mask)
    tokens = tuple(tuple(vocab.decode(row)) for row in batch.ids.tolist())
    return ForwardPass(tokens, batch.ids, batch.mask, trace.embedded, trace.embedded.mean(1),
                       masked_mean(trace.embedded, batch.mask), trace.pooled, trace.attention, trace.output,
                       float(batch_loss(trace.output, batch, label_mode)))


@dataclass(frozen=True)
class GradientCheck:
    """Which embedding rows one backward pass gives a non-zero gradient."""

    rows_with_gradient: tuple[int, ...]  # vocabulary ids, ascending
    batch_token_ids: tuple[int, ...]  # the ids of the batch's real tokens, ascending
    gradient_norms: dict[int, float]  # id -> norm of its gradient row, for the rows that have one
    pad_in_batch: bool
    pad_gradient_norm: float
    uses_padding_idx: bool  # True when the embedding keeps the <PAD> row fixed at zero



def gradient_check(model: nn.Module, batch: Batch, label_mode: str) -> GradientCheck:
    """One forward and backward pass on a copy of ``model``: which embedding rows get a gradient."""
    duplicate = frozen_copy(model)
    loss = batch_loss(duplicate(batch.ids, batch.mask), batch, label_mode)
    loss.backward()
    gradient = duplicate.embedding.weight.grad  # (V, E), dense: nn.Embedding is not sparse here
    norms = gradient.norm(dim=1)
    rows = norms.nonzero().flatten().tolist()
    batch_ids = torch.unique(batch.ids[batch.mask]).tolist()
    return GradientCheck(tuple(rows), tuple(batch_ids), {row: float(norms[row]) for row in rows},
                         bool((~batch.mask).any()), float(norms[PAD_ID]),
                         duplicate.embedding.padding_idx == PAD_ID)


def text_label(tokens: tuple[str, ...], length: int, limit: int = 40) -> str:
    """A short label for a text: its ``length`` real tokens joined, cut at ``limit`` characters."""
    words = " ".join(tokens[:length])
    return words if len(words) <= limit else words[:limit - 1] + "…"
