"""Figures of the transformer's insides: self-attention per layer and head, and the position vectors."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from textlab.figures.embeddings import DIVERGING, FONT_SIZE, _escaped, _style
from textlab.i18n import t


def self_attention_figure(tokens: Sequence[str], maps: torch.Tensor, lang: str) -> go.Figure:
    """A heatmap per layer (rows) and head (columns) of ``maps`` (L, H, T, T): row token looks at column token."""
    layers, heads = maps.shape[:2]
    # Numbered, so a word that appears twice keeps two rows (plotly merges equal category names).
    labels = [f"{position + 1}. {token}" for position, token in enumerate(_escaped(tokens))]
    titles = [t("emb.fig.layer_head", lang, layer=layer + 1, head=head + 1)
              for layer in range(layers) for head in range(heads)]
    # Shared axes: the tokens are written once, below the last layer and left of the first head,
    # where they cannot run into the next panel's title or heatmap.
    figure = make_subplots(rows=layers, cols=heads, subplot_titles=titles, shared_xaxes=True, shared_yaxes=True,
                           horizontal_spacing=0.03, vertical_spacing=min(0.08, 0.4 / layers))
    hover = t("emb.fig.attention_hover", lang)
    for layer in range(layers):
        for head in range(heads):
            figure.add_trace(go.Heatmap(z=maps[layer, head].tolist(), x=labels, y=labels, colorscale="Blues",
                                        zmin=0, zmax=1, showscale=layer == 0 and head == heads - 1,
                                        hovertemplate=hover + "<extra></extra>"), layer + 1, head + 1)
    side = max(260, 24 * len(labels) + 120)
    _style(figure, t("emb.fig.self_attention_title", lang), 80 + side * layers, lang)
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(type="category", tickangle=-45)
    figure.update_annotations(font=dict(size=FONT_SIZE))
    return figure


def position_similarity_figure(similarity: torch.Tensor, lang: str) -> go.Figure:
    """Cosine similarity between learned position vectors (P, P): neighbours alike means order was learned."""
    positions = list(range(1, similarity.shape[0] + 1))
    figure = go.Figure(go.Heatmap(z=similarity.tolist(), x=positions, y=positions, colorscale=DIVERGING,
                                  zmin=-1, zmax=1, zmid=0,
                                  hovertemplate=t("emb.fig.positions_hover", lang) + "<extra></extra>"))
    _style(figure, t("emb.fig.positions_title", lang), 520, lang)
    figure.update_xaxes(title=dict(text=t("emb.fig.position", lang)))
    figure.update_yaxes(title=dict(text=t("emb.fig.position", lang)), autorange="reversed")
    return figure
