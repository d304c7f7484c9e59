"""Text models: the notebook's SimpleModel and the improvements a student can switch on.

Every model takes ``(ids, mask)`` and returns ``(B, output_dim)``. ``trace`` returns
the intermediate tensors (embeddings, pooled vector, attention weights) for the
visual pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn as nn

from textlab.errors import ConfigError, DataError
from textlab.text.vocab import PAD_ID

ENCODERS = ("none", "gru", "lstm", "transformer")
POOLINGS = ("mean", "masked_mean", "max", "attention", "last")
# The transformer learns one position vector per place in a text, so it reads at most this many tokens.
MAX_POSITIONS = 512


@dataclass(frozen=True)
class ModelTrace:
    """What happened inside one forward pass, for display."""

    embedded: torch.Tensor  # (B, T, E)
    encoded: torch.Tensor  # (B, T, H): the embeddings again when there is no encoder
    pooled: torch.Tensor  # (B, H)
    attention: torch.Tensor | None  # (B, T) weights summing to 1 over real tokens, or None
    output: torch.Tensor  # (B, output_dim)


def masked_mean(values: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over real tokens only: (B, T, H), (B, T) -> (B, H). Empty texts give zeros."""
    weights = mask.unsqueeze(-1).to(values.dtype)
    return (values * weights).sum(1) / weights.sum(1).clamp(min=1.0)


def masked_max(values: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Largest value per feature over real tokens: (B, T, H) -> (B, H)."""
    filled = values.masked_fill(~mask.unsqueeze(-1), float("-inf")).amax(1)
    return torch.where(torch.isfinite(filled), filled, torch.zeros_like(filled))


def last_real(values: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """The vector at each text's last real token: (B, T, H) -> (B, H)."""
    last = (lengths - 1).clamp(min=0).to(values.device)
    return values[torch.arange(values.shape[0], device=values.device), last]


class SimpleModel(nn.Module):
    """The notebook's model, unchanged: Embedding -> mean over ALL positions (PAD included) -> Linear."""

    def __init__(self, vocab_size: int, embed_dim: int, output_dim: int = 1) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.fc = nn.Linear(embed_dim, output_dim)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        return self.fc(self.embedding(ids).mean(dim=1))

    def trace(self, ids: torch.Tensor, mask: torch.Tensor | None = None) -> ModelTrace:
        embedded = self.embedding(ids)
        pooled = embedded.mean(dim=1)
        return ModelTrace(embedded, embedded, pooled, None, self.fc(pooled))


class SeededDropout(nn.Module):
    """Dropout whose masks come from the run's own generator, so runs in parallel sessions stay reproducible.

    ``nn.Dropout`` draws from torch's global generator, which concurrent runs would share.
    """

    def __init__(self, p: float) -> None:
        super().__init__()
        self.p = p
        self.generator: torch.Generator | None = None  # set by the training run; None = global generator

    def forward(self, values: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return values
        keep = torch.rand(values.shape, generator=self.generator, device=values.device) >= self.p
        return values * keep / (1.0 - self.p)


class AttentionPooling(nn.Module):
    """Additive attention: a score per token, softmax over real tokens, weighted sum."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.score = nn.Sequential(nn.Linear(dim, dim), nn.Tanh(), nn.Linear(dim, 1, bias=False))

    def forward(self, values: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        scores = self.score(values).squeeze(-1).masked_fill(~mask, float("-inf"))  # (B, T)
        weights = torch.softmax(scores, dim=1).nan_to_num(0.0)  # an empty text has no real token
        return torch.einsum("bt,bth->bh", weights, values), weights


def check_heads(embed_dim: int, heads: int) -> None:
    """Multi-head attention splits each token vector into ``heads`` equal parts."""
    if embed_dim % heads:
        raise ConfigError("config.heads_divide_embed_dim", embed_dim=embed_dim, heads=heads)


def transformer_encoder(embed_dim: int, hidden_dim: int, layers: int, heads: int) -> nn.TransformerEncoder:
    """``layers`` pre-norm encoder layers; ``hidden_dim`` is the feed-forward width.

    Pre-norm (LayerNorm before attention, as in GPT-2 and minGPT): on the small data sets of a
    classroom the post-norm layer of the original paper barely left chance level in our trials.
    """
    # No dropout inside: nn.Dropout draws from torch's global generator, which concurrent runs
    # share; the model's SeededDropout after pooling is the reproducible one.
    layer = nn.TransformerEncoderLayer(embed_dim, heads, dim_feedforward=hidden_dim, dropout=0.0,
                                       batch_first=True, norm_first=True)
    # Without nested tensors padded positions are computed the same in train and eval mode.
    return nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)


def key_padding_mask(mask: torch.Tensor) -> torch.Tensor:
    """(B, T) True where attention must not look: PAD, except position 0 of an empty text.

    A text with no real token would otherwise attend to nothing and produce NaN; its outputs are
    never pooled by a masked pooling, so letting it look at its first PAD only keeps them finite.
    """
    ignored = ~mask
    ignored[:, 0] &= mask.any(1)
    return ignored


class TextModel(nn.Module):
    """Embedding -> optional GRU/LSTM or Transformer encoder -> pooling -> dropout -> Linear."""

    def __init__(self, vocab_size: int, embed_dim: int, output_dim: int = 1, encoder: str = "none",
                 pooling: str = "masked_mean", hidden_dim: int = 64, dropout: float = 0.0,
                 layers: int = 2, heads: int = 2) -> None:
        super().__init__()
        if encoder not in ENCODERS:
            raise ConfigError("config.bad_choice", name="encoder", value=encoder, choices=", ".join(ENCODERS))
        if pooling not in POOLINGS:
            raise ConfigError("config.bad_choice", name="pooling", value=pooling, choices=", ".join(POOLINGS))
        self.pooling = pooling
        # The plain mean averages PAD vectors in, as the notebook does, so there the PAD row is
        # learned like any other; every masked pooling keeps it fixed at zero with padding_idx.
        padding_idx = None if pooling == "mean" else PAD_ID
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx)
        rnn_class = {"gru": nn.GRU, "lstm": nn.LSTM}.get(encoder)
        self.rnn = rnn_class(embed_dim, hidden_dim, batch_first=True) if rnn_class else None
        self.positions = self.transformer = None
        if encoder == "transformer":
            check_heads(embed_dim, heads)
            self.positions = nn.Embedding(MAX_POSITIONS, embed_dim)  # learned, one vector per position
            self.transformer = transformer_encoder(embed_dim, hidden_dim, layers, heads)
        features = hidden_dim if self.rnn else embed_dim
        self.attention = AttentionPooling(features) if pooling == "attention" else None
        self.dropout = SeededDropout(dropout)
        self.fc = nn.Linear(features, output_dim)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.trace(ids, mask).output

    def trace(self, ids: torch.Tensor, mask: torch.Tensor) -> ModelTrace:
        embedded = self.embedding(ids)  # (B, T, E)
        lengths = mask.sum(1)
        if self.rnn:
            encoded = self._encode(embedded, mask)  # (B, T, H)
        elif self.transformer:
            encoded = self.transformer(self.with_positions(embedded), src_key_padding_mask=key_padding_mask(mask))
        else:
            encoded = embedded
        attention = None
        if self.pooling == "mean":
            pooled = encoded.mean(dim=1)  # the notebook's plain mean, PAD positions included
        elif self.pooling == "masked_mean":
            pooled = masked_mean(encoded, mask)
        elif self.pooling == "max":
            pooled = masked_max(encoded, mask)
        elif self.pooling == "last":
            pooled = last_real(encoded, lengths)
        else:
            pooled, attention = self.attention(encoded, mask)
        return ModelTrace(embedded, encoded, pooled, attention, self.fc(self.dropout(pooled)))

    def with_positions(self, embedded: torch.Tensor) -> torch.Tensor:
        """Token vectors plus their position's vector: (B, T, E) -> (B, T, E)."""
        length = embedded.shape[1]
        if length > MAX_POSITIONS:
            raise DataError("model.text_too_long", length=length, limit=MAX_POSITIONS)
        return embedded + self.positions(torch.arange(length, device=embedded.device))

    def _encode(self, embedded: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        # The GRU/LSTM reads left to right and padding comes after each text's tokens, so the outputs
        # at real tokens never see it; zeroing the padded ones gives exactly what packing the batch
        # gives (position 0 stays, as packing keeps an empty text's first step), and runs the whole
        # padded batch at once: on CPU that took half the time of packing a batch of 256 B2W reviews
        # (bench/recurrent_speed.py, stop latency).
        output, _ = self.rnn(embedded)  # (B, T, H)
        kept = mask.clone()
        kept[:, :1] = True
        return output.masked_fill(~kept.unsqueeze(-1), 0.0)


def build_model(vocab_size: int, embed_dim: int, output_dim: int, encoder: str = "none",
                pooling: str = "mean", hidden_dim: int = 64, dropout: float = 0.0,
                layers: int = 2, heads: int = 2) -> nn.Module:
    """The notebook's SimpleModel for its own settings (no encoder, plain mean, no dropout), else TextModel."""
    if encoder == "none" and pooling == "mean" and dropout == 0.0:
        return SimpleModel(vocab_size, embed_dim, output_dim)
    return TextModel(vocab_size, embed_dim, output_dim, encoder, pooling, hidden_dim, dropout, layers, heads)
