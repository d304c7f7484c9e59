"""PCA with torch, on shared axes so a time-lapse of embeddings never flips, and cosine neighbours.

Alignment across epochs: the axes are fitted once, on the LAST snapshot (what the model ended up
learning), and every earlier snapshot is projected onto those same axes. One linear map for all
frames means a point moves on screen only when its vector really moved. Each axis's sign is fixed
by the data (the point furthest along it lies on the positive side), so refitting a rotated or
mirrored copy of the same embeddings draws the same picture. t-SNE (tsne.py) is not a linear
map, so its frames could not share axes: it maps one snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class PcaAxes:
    """Principal axes fitted on one matrix: project any matrix with the same columns onto them."""

    mean: torch.Tensor  # (E,)
    components: torch.Tensor  # (E, d) orthonormal columns
    explained: torch.Tensor  # (d,) share of the fitted matrix's variance along each axis

    def project(self, matrix: torch.Tensor) -> torch.Tensor:
        """(N, E) -> (N, d) coordinates on these axes."""
        return (matrix.float() - self.mean) @ self.components


def fit_pca(matrix: torch.Tensor, dims: int = 2) -> PcaAxes:
    """The ``dims`` directions of largest variance of ``matrix`` (N, E), by SVD of the centred data."""
    data = matrix.detach().float().cpu()
    mean = data.mean(0)
    centred = data - mean
    _, singular, right = torch.linalg.svd(centred, full_matrices=False)  # right: (min(N, E), E)
    usable = min(dims, right.shape[0])
    components = torch.zeros(data.shape[1], dims)
    components[:, :usable] = right[:usable].T
    # Fewer tokens or dimensions than axes: the missing axes stay zero and every point sits at 0 there.
    coordinates = centred @ components  # (N, d)
    furthest = coordinates.abs().argmax(0)  # (d,)
    signs = torch.sign(coordinates[furthest, torch.arange(dims)])
    components = components * torch.where(signs == 0, torch.ones_like(signs), signs)
    variance = singular ** 2
    explained = torch.zeros(dims)
    total = variance.sum()
    if total > 0:
        explained[:usable] = variance[:usable] / total
    return PcaAxes(mean, components, explained)


def project_frames(frames: Sequence[torch.Tensor], dims: int = 2) -> tuple[torch.Tensor, PcaAxes]:
    """(S, N, d) coordinates of every frame on axes fitted to the last frame, and those axes."""
    axes = fit_pca(frames[-1], dims)
    return torch.stack([axes.project(frame) for frame in frames]), axes


@dataclass(frozen=True)
class Neighbour:
    """One nearby token: its row in the matrix and the cosine similarity to the query."""

    row: int
    score: float


def cosine_neighbours(matrix: torch.Tensor, row: int, count: int = 8,
                      excluded: Sequence[int] = ()) -> list[Neighbour]:
    """The ``count`` rows most similar to ``row`` by cosine similarity, best first (never ``row`` itself)."""
    vectors = torch.nn.functional.normalize(matrix.detach().float().cpu(), dim=1)  # zero rows stay zero
    scores = vectors @ vectors[row]  # (N,)
    scores[row] = float("-inf")
    for other in excluded:
        scores[other] = float("-inf")
    available = int(torch.isfinite(scores).sum())
    best = torch.topk(scores, min(count, available))
    return [Neighbour(int(index), float(score)) for score, index in zip(best.values, best.indices, strict=True)]


def movement(first: torch.Tensor, last: torch.Tensor) -> torch.Tensor:
    """(N,) Euclidean distance each row travelled between two snapshots of the same rows."""
    return (last.float() - first.float()).norm(dim=1)
