"""textlab.train.prepare shows exactly what training uses: the same vocabulary, split and first-epoch batches."""

from __future__ import annotations

import pytest
import torch

from textlab.data.dataset import Dataset, read_pasted
from textlab.data.samples import SAMPLES, load_sample
from textlab.errors import BadLabelError
from textlab.train.config import TrainConfig
from textlab.train.control import Control
from textlab.train.loop import TrainingRun
from textlab.train.prepare import (
    epoch_batches,
    epoch_plan,
    padded_lengths,
    preparation_settings,
    prepare,
    preview,
    to_pasted,
)

NOTEBOOK_FIRST_BATCH = "tensor([[2, 3, 4, 5, 0],\n        [6, 7, 4, 3, 2]])"

CONFIGS = [
    TrainConfig(),
    TrainConfig.of(val_fraction=0.25, seed=3),
    TrainConfig.of(val_fraction=0.25, vocab_from="all", min_freq=2),
    TrainConfig.of(tokenizer="words", lowercase=True, max_size=12, val_fraction=0.1),
    TrainConfig.of(tokenizer="chars", label_mode="regression"),
]


@pytest.mark.parametrize("config", CONFIGS)
def test_prepare_builds_the_runs_vocabulary_split_and_ids(config, regression_dataset) -> None:
    run = TrainingRun(config, regression_dataset)
    prepared = prepare(config, regression_dataset)
    assert prepared.vocab == run.vocab
    assert torch.equal(prepared.train_indices, run.train_indices)
    assert torch.equal(prepared.val_indices, run.val_indices)
    everything = torch.arange(len(regression_dataset))
    assert torch.equal(prepared.encoded.collate(everything).ids, run.encoded.collate(everything).ids)


def test_classes_are_split_by_class_as_the_run_splits_them(classification_dataset) -> None:
    config = TrainConfig.of(val_fraction=0.3, seed=7)
    run = TrainingRun(config, classification_dataset)
    assert torch.equal(prepare(config, classification_dataset).val_indices, run.val_indices)


def test_random_labels_split_labelled_data_as_the_run_does(classification_dataset) -> None:
    # Random labels ignore the data's classes, so neither the run nor the preview stratifies by them.
    config = TrainConfig.of(label_mode="random", val_fraction=0.3, seed=1)
    run = TrainingRun(config, classification_dataset)
    prepared = prepare(config, classification_dataset)
    assert torch.equal(prepared.val_indices, run.val_indices)
    assert prepared.vocab == run.vocab


def test_a_label_problem_leaves_the_preview_working(notebook_dataset) -> None:
    # The Train page reports that "classification" needs labels; the data pages still show the data.
    prepared = preview(TrainConfig.of(label_mode="classification"), notebook_dataset)
    assert len(prepared.vocab) == 11


@pytest.mark.parametrize("config", [TrainConfig.of(batch_size=3, val_fraction=0.2, seed=5),
                                    TrainConfig.of(batch_size=4, bucketing=True, seed=11),
                                    TrainConfig.of(batch_size=5, shuffle=False)])
def test_epoch_batches_are_the_batches_the_first_epoch_trains_on(config, classification_dataset) -> None:
    run = TrainingRun(config.with_changes(epochs=1), classification_dataset)
    seen: list[torch.Tensor] = []
    original_loss = run.loss

    def recording_loss(batch, random_labels=None):
        seen.append(batch.ids.clone())
        return original_loss(batch, random_labels)

    run.loss = recording_loss
    list(run.events(Control()))
    prepared = prepare(config, classification_dataset)
    shown = [prepared.encoded.collate(indices).ids for indices in epoch_batches(prepared, config)]
    assert len(shown) == len(seen)
    assert all(torch.equal(mine, theirs) for mine, theirs in zip(shown, seen, strict=True))


def test_the_notebooks_first_batch_prints_as_in_the_issue(notebook_dataset) -> None:
    config = TrainConfig.of(batch_size=2, shuffle=False)
    prepared = prepare(config, notebook_dataset)
    first = prepared.encoded.collate(epoch_batches(prepared, config)[0])
    assert str(first.ids) == NOTEBOOK_FIRST_BATCH
    assert first.lengths.tolist() == [4, 5]
    assert first.mask.tolist() == [[True] * 4 + [False], [True] * 5]


def test_epoch_plan_compares_padding_without_and_with_bucketing() -> None:
    texts = [" ".join(["w"] * length) for length in [1, 20, 2, 19, 3, 18, 4, 17] * 4]
    dataset = Dataset(tuple(texts), None, "none", ())
    config = TrainConfig.of(batch_size=2, shuffle=False)
    plan = epoch_plan(prepare(config, dataset), config)
    # In order, pairs (1, 20), (2, 19), (3, 18), (4, 17) pad 19+17+15+13 of 40+38+36+34 cells;
    # sorted by length, every pair holds two texts of equal length.
    assert plan.without_bucketing.overall == pytest.approx(64 / 148)
    assert plan.with_bucketing.overall == 0
    assert plan.padding == plan.without_bucketing
    bucketed = epoch_plan(prepare(config, dataset), config.with_changes(bucketing=True))
    assert bucketed.padding == bucketed.with_bucketing
    assert sorted(torch.cat(bucketed.batches).tolist()) == list(range(len(texts)))


def test_padded_lengths_give_each_text_its_batch_width() -> None:
    lengths = torch.tensor([3, 5, 2, 7, 1])
    batches = [torch.tensor([0, 1]), torch.tensor([3, 4])]  # text 2 is held out
    assert padded_lengths(lengths, batches).tolist() == [5, 5, -1, 7, 7]
    assert padded_lengths(lengths, []).tolist() == [-1] * 5


@pytest.mark.parametrize("name", SAMPLES)
def test_to_pasted_reads_back_as_the_same_data(name) -> None:
    sample = load_sample(name)
    again = read_pasted(to_pasted(sample))
    assert (again.texts, again.labels, again.label_kind) == (sample.texts, sample.labels, sample.label_kind)


def test_to_pasted_keeps_tabs_and_newlines_inside_a_text_from_breaking_lines() -> None:
    dataset = Dataset(("one\ttwo", "three\nfour"), ("a", "b"), "categorical", ("a", "b"))
    again = read_pasted(to_pasted(dataset))
    assert again.texts == ("one two", "three four")
    assert again.labels == ("a", "b")


def test_preparation_settings_keep_what_preparation_reads_and_nothing_else(classification_dataset) -> None:
    base = TrainConfig.of(val_fraction=0.25, seed=3, min_freq=2)
    unrelated = base.with_changes(lr=0.5, batch_size=16, embed_dim=4, epochs=9, bucketing=True, device="cpu")
    assert preparation_settings(unrelated) == preparation_settings(base)
    for change in ({"val_fraction": 0.1}, {"seed": 4}, {"min_freq": 1}, {"label_mode": "random"},
                   {"tokenizer": "chars"}, {"lowercase": True}, {"max_size": 5}, {"vocab_from": "all"}):
        assert preparation_settings(base.with_changes(**change)) != preparation_settings(base), change
    ours, theirs = prepare(base, classification_dataset), prepare(unrelated, classification_dataset)
    assert ours.vocab == theirs.vocab and torch.equal(ours.val_indices, theirs.val_indices)


def test_a_run_trains_on_the_data_it_is_given_prepared(classification_dataset) -> None:
    config = TrainConfig.of(val_fraction=0.25, pooling="masked_mean", epochs=1)
    prepared = prepare(config, classification_dataset)
    run = TrainingRun(config, classification_dataset, prepared)
    assert run.prepared is prepared and run.vocab is prepared.vocab and run.targets is prepared.targets
    assert run.task is prepared.task and run.task.name == "classification"


def test_preparing_for_a_run_refuses_labels_it_cannot_use_where_the_preview_goes_on(notebook_dataset) -> None:
    config = TrainConfig.of(label_mode="regression")
    with pytest.raises(BadLabelError):
        prepare(config, notebook_dataset)
    assert preview(config, notebook_dataset).task.name == "random"
