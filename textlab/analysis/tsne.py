"""t-SNE of an embedding matrix with scikit-learn, reproducible for a seed and safe for tiny vocabularies.

t-SNE keeps each token's nearest neighbours close but is not a linear map: distances between groups
and the axes mean nothing, and it is fitted on one snapshot only (no shared axes across epochs, which
is why PCA stays the default and the time-lapse's projection).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from sklearn.manifold import TSNE

DEFAULT_PERPLEXITY = 30.0  # scikit-learn's default, fine from a few hundred tokens up


def tsne_perplexity(points: int, wanted: float = DEFAULT_PERPLEXITY) -> float:
    """``wanted``, lowered for small vocabularies: scikit-learn needs perplexity < number of points.

    A third of the points keeps every token's neighbourhood smaller than the whole vocabulary (the
    notebook's ~15 tokens get 5), and never below 1.
    """
    if points < 2:
        raise ValueError("t-SNE needs at least 2 points")
    return float(min(wanted, max(1.0, (points - 1) / 3)))


@dataclass(frozen=True)
class TsneMap:
    """(N, d) t-SNE coordinates and the perplexity they were fitted with."""

    coordinates: torch.Tensor
    perplexity: float


def fit_tsne(matrix: torch.Tensor, seed: int, dims: int = 2, wanted_perplexity: float = DEFAULT_PERPLEXITY) -> TsneMap:
    """t-SNE of the rows of ``matrix`` (N, E); the same matrix and seed always give the same map."""
    data = matrix.detach().double().cpu().numpy()
    perplexity = tsne_perplexity(data.shape[0], wanted_perplexity)
    # PCA initialisation is deterministic and keeps the global layout more faithful than random init;
    # random_state still fixes what randomness is left (the optimiser's), so a run always draws one map.
    tsne = TSNE(n_components=dims, perplexity=perplexity, init="pca", random_state=seed,
                method="barnes_hut" if dims <= 3 else "exact", n_jobs=1)
    coordinates = torch.from_numpy(tsne.fit_transform(data)).float()
    return TsneMap(coordinates, perplexity)
