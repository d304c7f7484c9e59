"""A model's outputs for many texts, in batches as training forms them."""

from __future__ import annotations

import torch
import torch.nn as nn

from textlab.text.batching import EncodedTexts, batch_indices


@torch.no_grad()
def batched_outputs(model: nn.Module, encoded: EncodedTexts, text_indices: torch.Tensor, batch_size: int,
                    bucketing: bool, device: torch.device | str = "cpu") -> torch.Tensor:
    """(N, O) float outputs on the CPU, in batches of the run's size: with the plain mean, padding changes them."""
    results: list[torch.Tensor] = []
    order: list[torch.Tensor] = []
    for positions in batch_indices(encoded.lengths[text_indices], batch_size, shuffle=False, bucketing=bucketing):
        batch = encoded.collate(text_indices[positions]).to(device)
        results.append(model(batch.ids, batch.mask).float().cpu())
        order.append(positions)
    if not results:  # every model here ends in its Linear ``fc``
        return torch.empty(0, model.fc.out_features)
    outputs = torch.cat(results)
    unsorted = torch.empty_like(outputs)
    unsorted[torch.cat(order)] = outputs
    return unsorted
