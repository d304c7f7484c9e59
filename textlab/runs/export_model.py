"""The model classes of the exported script, built in the order textlab.model.models builds them.

The same modules, created in the same order right after the same seed, draw the same initial
weights; the same attribute names give the same state_dict keys, so a textlab checkpoint loads.
"""

from __future__ import annotations

from collections.abc import Callable

from textlab.train.config import TrainConfig

Comment = Callable[..., str]  # (translation key, indent, **params) -> "# ..." lines


def model_source(config: TrainConfig, model_kind: str, comment: Comment) -> str:
    """The model class(es) of the script: SimpleModel, or TextModel with only the parts the settings use."""
    if model_kind == "SimpleModel":
        return "\n".join([
            comment("model_simple"),
            "class SimpleModel(nn.Module):",
            "    def __init__(self, vocab_size, embed_dim, output_dim):",
            "        super().__init__()",
            "        self.embedding = nn.Embedding(vocab_size, embed_dim)",
            "        self.fc = nn.Linear(embed_dim, output_dim)",
            "",
            "    def forward(self, x, mask):",
            "        embedded = self.embedding(x)  # (B, T, E)",
            f"        pooled = embedded.mean(dim=1)  {comment('plain_mean')}",
            "        return self.fc(pooled)  # (B, output_dim)",
        ])
    return _text_model(config, comment)


def _text_model(config: TrainConfig, comment: Comment) -> str:
    """TextModel: Embedding -> optional GRU/LSTM or Transformer -> pooling -> optional seeded dropout -> Linear."""
    recurrent = config.model.encoder in ("gru", "lstm")
    transformer = config.model.encoder == "transformer"
    features = "HIDDEN_DIM" if recurrent else "embed_dim"
    lines = [comment("model_text")]
    if config.model.pooling == "attention":
        lines += [
            "class AttentionPooling(nn.Module):",
            "    def __init__(self, dim):",
            "        super().__init__()",
            "        self.score = nn.Sequential(nn.Linear(dim, dim), nn.Tanh(), nn.Linear(dim, 1, bias=False))",
            "",
            "    def forward(self, values, mask):",
            "        scores = self.score(values).squeeze(-1).masked_fill(~mask, float(\"-inf\"))  # (B, T)",
            "        weights = torch.softmax(scores, dim=1).nan_to_num(0.0)",
            '        return torch.einsum("bt,bth->bh", weights, values)',
            "", "",
        ]
    if config.model.dropout:
        lines += [
            "class SeededDropout(nn.Module):",
            f"    {comment('dropout', 4)}",
            "    def __init__(self, p, generator):",
            "        super().__init__()",
            "        self.p, self.generator = p, generator",
            "",
            "    def forward(self, values):",
            "        if not self.training:",
            "            return values",
            "        keep = torch.rand(values.shape, generator=self.generator, device=values.device) >= self.p",
            "        return values * keep / (1.0 - self.p)",
            "", "",
        ]
    padding = "" if config.model.pooling == "mean" else ", padding_idx=0"
    lines += [
        "class TextModel(nn.Module):",
        "    def __init__(self, vocab_size, embed_dim, output_dim):",
        "        super().__init__()",
        f"        self.embedding = nn.Embedding(vocab_size, embed_dim{padding})",
    ]
    if recurrent:
        rnn = {"gru": "nn.GRU", "lstm": "nn.LSTM"}[config.model.encoder]
        lines.append(f"        self.rnn = {rnn}(embed_dim, HIDDEN_DIM, batch_first=True)")
    if transformer:
        lines += [
            f"        {comment('positions', 8)}",
            "        self.positions = nn.Embedding(MAX_POSITIONS, embed_dim)",
            f"        {comment('transformer', 8)}",
            "        layer = nn.TransformerEncoderLayer(embed_dim, HEADS, dim_feedforward=HIDDEN_DIM, dropout=0.0,",
            "                                           batch_first=True, norm_first=True)",
            "        self.transformer = nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)",
        ]
    if config.model.pooling == "attention":
        lines.append(f"        self.attention = AttentionPooling({features})")
    if config.model.dropout:
        lines.append("        self.dropout = SeededDropout(DROPOUT, dropout_generator)")
    lines += [
        f"        self.fc = nn.Linear({features}, output_dim)",
        "",
        "    def forward(self, ids, mask):",
        "        embedded = self.embedding(ids)  # (B, T, E)",
    ]
    if recurrent:
        lines += [
            f"        {comment('padding_after', 8)}",
            "        output, _ = self.rnn(embedded)  # (B, T, H)",
            "        kept = mask.clone()",
            "        kept[:, :1] = True",
            "        encoded = output.masked_fill(~kept.unsqueeze(-1), 0.0)",
        ]
    elif transformer:
        lines += [
            f"        {comment('padding_mask', 8)}",
            "        ignored = ~mask",
            "        ignored[:, 0] &= mask.any(1)",
            "        positions = self.positions(torch.arange(ids.shape[1], device=ids.device))  # (T, E)",
            "        encoded = self.transformer(embedded + positions, src_key_padding_mask=ignored)  # (B, T, E)",
        ]
    else:
        lines.append("        encoded = embedded  # (B, T, E)")
    lines += _pooling(config, comment)
    pooled = "self.dropout(pooled)" if config.model.dropout else "pooled"
    lines.append(f"        return self.fc({pooled})  # (B, output_dim)")
    return "\n".join(lines)


def _pooling(config: TrainConfig, comment: Comment) -> list[str]:
    """The lines turning ``encoded`` (B, T, H) into ``pooled`` (B, H), as textlab.model.models computes them."""
    pooling = config.model.pooling
    note = f"  {comment('pooling.' + pooling)}"
    if pooling == "mean":
        return [f"        pooled = encoded.mean(dim=1){note}"]
    if pooling == "masked_mean":
        return [f"        weights = mask.unsqueeze(-1).to(encoded.dtype){note}",
                "        pooled = (encoded * weights).sum(1) / weights.sum(1).clamp(min=1.0)"]
    if pooling == "max":
        return [f'        filled = encoded.masked_fill(~mask.unsqueeze(-1), float("-inf")).amax(1){note}',
                "        pooled = torch.where(torch.isfinite(filled), filled, torch.zeros_like(filled))"]
    if pooling == "last":
        return [f"        last = (mask.sum(1) - 1).clamp(min=0){note}",
                "        pooled = encoded[torch.arange(encoded.shape[0]), last]"]
    return [f"        pooled = self.attention(encoded, mask){note}"]
