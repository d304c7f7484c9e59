"""Settings that suit a dataset's size: the notebook's for its three texts, bigger ones for real data.

They are a suggestion the page offers with a button, never applied behind the user's back.
"""

from __future__ import annotations

from typing import Any

from textlab.data.dataset import Dataset
from textlab.train.config import TrainConfig

# Up to this many texts the notebook's settings fit; beyond SMALL_MAX, the large-data ones.
TINY_MAX, SMALL_MAX = 20, 2000

SUGGESTIONS: dict[str, dict[str, Any]] = {
    # The notebook: embed_dim 10, lr 0.001, batch 2, 3 epochs, plain mean.
    "notebook": dict(batch_size=2, embed_dim=10, lr=0.001, epochs=3, pooling="mean", bucketing=False),
    # A few labelled texts: the same model needs more passes and bigger steps to learn them at all.
    "tiny_labelled": dict(batch_size=2, embed_dim=10, lr=0.01, epochs=30, pooling="mean", bucketing=False),
    "small": dict(batch_size=16, embed_dim=32, lr=0.005, epochs=20, pooling="masked_mean", bucketing=False),
    # Thousands of texts: bucketing removes most padding (B2W batches are ~77% padding without it).
    "large": dict(batch_size=32, embed_dim=64, lr=0.002, epochs=8, pooling="masked_mean", bucketing=True),
}
# With labels, hold out texts to measure generalisation and stop when it stops improving.
VALIDATION = {"notebook": (0.0, 0), "tiny_labelled": (0.0, 0), "small": (0.2, 3), "large": (0.1, 2)}


def size_tier(dataset: Dataset) -> str:
    """Which set of suggestions fits: "notebook", "tiny_labelled", "small" or "large"."""
    if len(dataset) <= TINY_MAX:
        return "notebook" if dataset.label_kind == "none" else "tiny_labelled"
    return "small" if len(dataset) <= SMALL_MAX else "large"


def suggested_changes(dataset: Dataset) -> dict[str, Any]:
    """The settings suggested for ``dataset``, by name (only those the suggestion is about)."""
    tier = size_tier(dataset)
    val_fraction, patience = VALIDATION[tier] if dataset.label_kind != "none" else (0.0, 0)
    return {**SUGGESTIONS[tier], "val_fraction": val_fraction, "patience": patience}


def suggested_config(current: TrainConfig, dataset: Dataset) -> TrainConfig:
    """``current`` with the suggested settings for ``dataset``; device, seed, model kind etc. are kept."""
    return current.with_changes(**suggested_changes(dataset))
