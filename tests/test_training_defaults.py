"""Suggested settings scaled to the data: the notebook's for its three texts, bigger ones for real data."""

from __future__ import annotations

import pytest

from textlab.data.dataset import Dataset
from textlab.train.config import TrainConfig
from textlab.train.defaults import size_tier, suggested_changes, suggested_config


def texts(count: int, labels: bool) -> Dataset:
    rows = tuple(f"texto número {index}" for index in range(count))
    if not labels:
        return Dataset(rows, None, "none", ())
    return Dataset(rows, tuple("pos" if index % 2 else "neg" for index in range(count)), "categorical",
                   ("neg", "pos"))


def test_the_notebooks_texts_get_exactly_the_notebooks_settings(notebook_dataset):
    assert size_tier(notebook_dataset) == "notebook"
    assert suggested_config(TrainConfig(), notebook_dataset) == TrainConfig()
    notebook = suggested_config(TrainConfig.of(embed_dim=64, lr=0.01, batch_size=32, epochs=9), notebook_dataset)
    assert (notebook.model.embed_dim, notebook.optimisation.lr) == (10, 0.001)
    assert (notebook.batches.batch_size, notebook.optimisation.epochs) == (2, 3)


def test_large_data_gets_bigger_batches_embeddings_bucketing_and_early_stopping():
    suggested = suggested_config(TrainConfig(), texts(10_000, labels=True))
    assert (suggested.batches.batch_size, suggested.model.embed_dim) == (32, 64)
    assert suggested.model.pooling == "masked_mean" and suggested.batches.bucketing
    assert suggested.batches.val_fraction > 0 and suggested.optimisation.patience > 0


@pytest.mark.parametrize(("count", "tier"), [(3, "notebook"), (20, "notebook"), (21, "small"), (2000, "small"),
                                             (2001, "large")])
def test_tiers_follow_the_size(count, tier):
    assert size_tier(texts(count, labels=False)) == tier


def test_sizes_grow_with_the_data():
    sizes = [suggested_changes(texts(count, labels=True)) for count in (10, 200, 5000)]
    assert [s["batch_size"] for s in sizes] == sorted(s["batch_size"] for s in sizes)
    assert [s["embed_dim"] for s in sizes] == sorted(s["embed_dim"] for s in sizes)
    assert sizes[0]["batch_size"] < sizes[-1]["batch_size"]


def test_without_labels_there_is_no_validation_or_early_stopping():
    changes = suggested_changes(texts(5000, labels=False))
    assert changes["val_fraction"] == 0 and changes["patience"] == 0


def test_a_few_labelled_texts_get_enough_epochs_to_learn():
    assert suggested_changes(texts(8, labels=True))["epochs"] > TrainConfig().optimisation.epochs


def test_settings_the_suggestion_is_not_about_are_kept():
    current = TrainConfig.of(device="cpu", seed=7, optimizer="sgd", encoder="gru", patience=2, val_fraction=0.3)
    suggested = suggested_config(current, texts(100, labels=False))
    assert (suggested.run.device, suggested.run.seed) == ("cpu", 7)
    assert (suggested.optimisation.optimizer, suggested.model.encoder) == ("sgd", "gru")
    assert suggested.optimisation.patience == 0 and suggested.batches.val_fraction == 0  # valid together
