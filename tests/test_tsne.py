"""t-SNE of embeddings: reproducible for a seed, a perplexity that fits small vocabularies, shapes."""

from __future__ import annotations

import pytest
import torch

from textlab.analysis.tsne import DEFAULT_PERPLEXITY, fit_tsne, tsne_perplexity


def test_the_same_matrix_and_seed_give_the_same_map() -> None:
    matrix = torch.randn(40, 10, generator=torch.Generator().manual_seed(3))
    first, again = fit_tsne(matrix, seed=7), fit_tsne(matrix, seed=7)
    assert torch.equal(first.coordinates, again.coordinates)


@pytest.mark.parametrize("dims", [2, 3])
def test_one_row_of_coordinates_per_token_in_the_asked_dimensions(dims) -> None:
    found = fit_tsne(torch.randn(15, 10), seed=0, dims=dims)
    assert found.coordinates.shape == (15, dims)
    assert torch.isfinite(found.coordinates).all()


def test_the_perplexity_stays_below_the_number_of_points_for_small_vocabularies() -> None:
    # The notebook's vocabulary: 9 words + <PAD> + <UNK>; scikit-learn refuses perplexity >= points.
    assert tsne_perplexity(11) == pytest.approx(10 / 3)
    assert all(tsne_perplexity(points) < points for points in range(2, 200))
    assert tsne_perplexity(2) == 1.0
    assert tsne_perplexity(2000) == DEFAULT_PERPLEXITY
    assert fit_tsne(torch.randn(11, 10), seed=0).perplexity == pytest.approx(10 / 3)
    with pytest.raises(ValueError):
        tsne_perplexity(1)


def test_tokens_close_in_the_embedding_space_stay_close_on_the_map() -> None:
    generator = torch.Generator().manual_seed(0)
    centres = torch.randn(3, 10, generator=generator) * 10
    matrix = torch.cat([centre + torch.randn(10, 10, generator=generator) * 0.1 for centre in centres])
    points = fit_tsne(matrix, seed=0).coordinates
    distances = torch.cdist(points, points)
    same = torch.block_diag(*[torch.ones(10, 10)] * 3).bool()
    assert distances[same].max() < distances[~same].min()
