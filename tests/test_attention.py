"""The transformer's attention maps and position similarities, as the Embeddings page shows them."""

from __future__ import annotations

import torch

from textlab.analysis.attention import has_self_attention, position_similarity, self_attention
from textlab.figures.attention import position_similarity_figure, self_attention_figure
from textlab.model.models import TextModel

IDS = torch.tensor([4, 7, 2, 9, 4])


def transformer(layers: int = 2, heads: int = 2) -> TextModel:
    torch.manual_seed(0)
    return TextModel(20, 8, 1, "transformer", "masked_mean", hidden_dim=16, layers=layers, heads=heads)


def test_one_map_per_layer_and_head_each_row_a_distribution():
    maps = self_attention(transformer(layers=3, heads=4), IDS)
    assert maps.shape == (3, 4, len(IDS), len(IDS))
    torch.testing.assert_close(maps.sum(-1), torch.ones(3, 4, len(IDS)))
    assert bool((maps >= 0).all())


def test_the_maps_are_the_ones_the_layer_uses():
    # Averaged over heads, the first layer's map is what nn.MultiheadAttention returns by default,
    # and replaying the attention with it gives that layer's attention output exactly.
    model = transformer().eval()
    maps = self_attention(model, IDS)
    layer = model.transformer.layers[0]
    with torch.no_grad():
        hidden = layer.norm1(model.with_positions(model.embedding(IDS.unsqueeze(0))))
        output, averaged = layer.self_attn(hidden, hidden, hidden, need_weights=True)
        values = nn_linear_values(layer, hidden)  # (heads, T, head_dim)
        replay = (maps[0] @ values).transpose(0, 1).reshape(1, len(IDS), -1)
        replay = layer.self_attn.out_proj(replay)
    torch.testing.assert_close(maps[0].mean(0), averaged[0])
    torch.testing.assert_close(replay, output)


def nn_linear_values(layer, hidden: torch.Tensor) -> torch.Tensor:
    attention = layer.self_attn
    dim = attention.embed_dim
    values = hidden[0] @ attention.in_proj_weight[2 * dim:].T + attention.in_proj_bias[2 * dim:]  # (T, E)
    return values.reshape(len(IDS), attention.num_heads, -1).transpose(0, 1)


def test_the_live_model_is_left_as_it_was():
    model = transformer().train()
    before = {name: tensor.clone() for name, tensor in model.state_dict().items()}
    self_attention(model, IDS)
    assert model.training
    assert all(torch.equal(before[name], tensor) for name, tensor in model.state_dict().items())


def test_position_similarity_is_a_cosine_matrix():
    model = transformer()
    similarity = position_similarity(model, 6)
    assert similarity.shape == (6, 6)
    torch.testing.assert_close(similarity.diagonal(), torch.ones(6))
    torch.testing.assert_close(similarity, similarity.T)
    first, second = model.positions.weight[0].detach(), model.positions.weight[1].detach()
    assert abs(float(similarity[0, 1]) - float(torch.cosine_similarity(first, second, dim=0))) < 1e-6


def test_only_transformers_have_self_attention():
    assert has_self_attention(transformer())
    assert not has_self_attention(TextModel(20, 8, 1, "gru", "attention"))


def test_attention_figure_has_a_panel_per_layer_and_head_with_escaped_tokens():
    tokens = ["<b>x</b>", "não", "não", "é", "bom"]
    maps = self_attention(transformer(layers=2, heads=2), IDS)
    figure = self_attention_figure(tokens, maps, "pt")
    assert len(figure.data) == 4
    assert list(figure.data[0].x) == ["1. &lt;b&gt;x&lt;/b&gt;", "2. não", "3. não", "4. é", "5. bom"]
    assert [round(sum(row), 5) for row in figure.data[3].z] == [1.0] * 5
    assert "camada 2, cabeça 1" in [annotation.text for annotation in figure.layout.annotations]
    similarity = position_similarity_figure(position_similarity(transformer(), 4), "en")
    assert len(similarity.data[0].z) == 4
