"""Inside the transformer: each layer's self-attention for one text, and what its position vectors learned.

Like the rest of the inspection, this works on ``frozen_copy(model)``: the live run's model is never touched.
"""

from __future__ import annotations

import torch
import torch.nn as nn

from textlab.analysis.inspection import frozen_copy
from textlab.model.models import key_padding_mask


def has_self_attention(model: nn.Module) -> bool:
    """True for a model with a transformer encoder."""
    return getattr(model, "transformer", None) is not None


@torch.no_grad()
def self_attention(model: nn.Module, ids: torch.Tensor) -> torch.Tensor:
    """Attention weights of one text, ``ids`` (T,): (layers, heads, T, T), row i = where token i looks.

    The layers run one by one on a frozen copy; before each, its ``self_attn`` is called again with
    ``need_weights=True, average_attn_weights=False`` on the same (pre-normalised) input it reads.
    """
    copy = frozen_copy(model)
    mask = torch.ones(1, len(ids), dtype=torch.bool)
    ignored = key_padding_mask(mask)
    hidden = copy.with_positions(copy.embedding(ids.unsqueeze(0)))  # (1, T, E)
    maps = []
    for layer in copy.transformer.layers:
        attended = layer.norm1(hidden) if layer.norm_first else hidden
        _, weights = layer.self_attn(attended, attended, attended, key_padding_mask=ignored, need_weights=True,
                                     average_attn_weights=False)  # (1, heads, T, T)
        maps.append(weights[0])
        hidden = layer(hidden, src_key_padding_mask=ignored)
    return torch.stack(maps)


@torch.no_grad()
def position_similarity(model: nn.Module, count: int) -> torch.Tensor:
    """Cosine similarity of the first ``count`` learned position vectors: (count, count)."""
    vectors = model.positions.weight[:count].detach().cpu()
    unit = nn.functional.normalize(vectors, dim=1)
    return unit @ unit.T
