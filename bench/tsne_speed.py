"""t-SNE beside PCA for the embedding map: the notebook's vocabulary, the map's cap, a B2W-sized one.

Sizes: 11 tokens (the notebook: 9 words + <PAD> + <UNK>), 500 (the most the map records and can
show: EmbeddingHistory keeps the 500 most frequent tokens), 2,000 (about a B2W whitespace
vocabulary). The rows are standard-normal 10-dimensional vectors, as nn.Embedding initialises them
(t-SNE's time depends on the number of points and the perplexity, far less on where they lie).

    python -m bench.tsne_speed [--repeats 5]
"""

from __future__ import annotations

import argparse

import torch

from bench.common import median_seconds, print_table
from textlab.analysis.projection import fit_pca
from textlab.analysis.tsne import fit_tsne, tsne_perplexity

SIZES = (11, 500, 2000)
EMBED_DIM = 10  # the notebook's


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for size in SIZES:
        matrix = torch.randn(size, EMBED_DIM, generator=torch.Generator().manual_seed(0))
        print(f"\n{size:,} tokens, embed_dim {EMBED_DIM}, perplexity {tsne_perplexity(size):.2f}; "
              f"median of {args.repeats} interleaved runs")
        medians = median_seconds({"PCA (torch)": lambda matrix=matrix: fit_pca(matrix).project(matrix),
                                  "t-SNE 2D": lambda matrix=matrix: fit_tsne(matrix, seed=0),
                                  "t-SNE 3D": lambda matrix=matrix: fit_tsne(matrix, seed=0, dims=3)},
                                 args.repeats)
        print_table(medians, "PCA (torch)")


if __name__ == "__main__":
    main()
