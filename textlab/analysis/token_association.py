"""Which label each token goes with: the class whose texts contain it most, or the mean label of its texts.

Counts are per text (a token said three times in one text counts once) and, for classes, divided by
the class's size, so a large class does not claim every common word.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from textlab.train.tasks import task_for


@dataclass(frozen=True)
class TokenAssociation:
    """Per tracked token: its class and how clearly (classification), or its mean label (regression)."""

    classes: torch.Tensor | None  # (K,) long class index, -1 when the token is in no labelled text
    strength: torch.Tensor | None  # (K,) share in [0, 1] of the token's class-normalised rate going to that class
    mean_labels: torch.Tensor | None  # (K,) float mean label of the texts containing it, NaN when none
    texts_with_token: torch.Tensor  # (K,) how many of the chosen texts contain the token


def _token_text_pairs(flat_ids: torch.Tensor, lengths: torch.Tensor, text_indices: torch.Tensor,
                      token_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(text, tracked-row) pairs, each once, for the tracked tokens that occur in the chosen texts."""
    text_of_token = torch.repeat_interleave(torch.arange(len(lengths)), lengths)  # (N_tokens,)
    chosen = torch.zeros(len(lengths), dtype=torch.bool)
    chosen[text_indices] = True
    row_of_id = torch.full((int(torch.cat([flat_ids, token_ids]).max()) + 1,), -1, dtype=torch.long)
    row_of_id[token_ids] = torch.arange(len(token_ids))
    rows = row_of_id[flat_ids]
    keep = chosen[text_of_token] & (rows >= 0)
    width = len(token_ids)
    pairs = torch.unique(text_of_token[keep] * width + rows[keep])
    return pairs // width, pairs % width


def associate_tokens(flat_ids: torch.Tensor, lengths: torch.Tensor, text_indices: torch.Tensor,
                     targets: torch.Tensor, token_ids: torch.Tensor, label_mode: str,
                     num_classes: int = 0) -> TokenAssociation:
    """Association of each of ``token_ids`` with the labels of the texts ``text_indices``.

    ``flat_ids`` (N_tokens,) and ``lengths`` (N_texts,) are the corpus encoded with the vocabulary;
    ``targets`` (N_texts,) are class indices or numbers, for all texts.
    """
    texts, rows = _token_text_pairs(flat_ids, lengths, text_indices, token_ids)
    size = len(token_ids)
    texts_with_token = torch.bincount(rows, minlength=size)
    if not task_for(label_mode).has_classes:
        sums = torch.zeros(size).index_add_(0, rows, targets[texts].float())
        means = torch.where(texts_with_token > 0, sums / texts_with_token.clamp(min=1), float("nan"))
        return TokenAssociation(None, None, means, texts_with_token)
    counts = torch.zeros(size, num_classes).index_put_((rows, targets[texts].long()), torch.ones(len(rows)),
                                                       accumulate=True)  # (K, C)
    class_sizes = torch.bincount(targets[text_indices].long(), minlength=num_classes).clamp(min=1)
    rates = counts / class_sizes  # share of each class's texts that contain the token
    totals = rates.sum(1)
    strength, classes = (rates / totals.clamp(min=1e-12).unsqueeze(1)).max(1)
    classes = torch.where(totals > 0, classes, -1)
    return TokenAssociation(classes, torch.where(totals > 0, strength, 0.0), None, texts_with_token)
