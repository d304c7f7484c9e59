"""Task objects: one per label mode, each owning its targets, loss, outputs, metrics and wording."""

from __future__ import annotations

import pytest
import torch
import torch.nn as nn

from textlab.data.dataset import Dataset
from textlab.errors import BadLabelError, ConfigError
from textlab.text.batching import EncodedTexts
from textlab.train.config import TrainConfig
from textlab.train.tasks import TASKS, resolve_task, task_for

LABELLED = Dataset(("bom", "ruim", "ótimo", "péssimo"), ("pos", "neg", "pos", "neg"), "categorical", ("neg", "pos"))
NUMBERS = Dataset(("bom", "ruim", "ótimo", "péssimo"), ("4", "1", "5", "0.5"), "numeric", ())
UNLABELLED = Dataset(("bom", "ruim"), None, "none", ())


def test_the_settings_offer_every_task_and_auto_only():
    for name in TASKS:
        assert task_for(TrainConfig().with_changes(label_mode=name).run.label_mode).name == name
    with pytest.raises(ConfigError):
        TrainConfig().with_changes(label_mode="multi_label")


@pytest.mark.parametrize(("dataset", "expected"), [(UNLABELLED, "random"), (NUMBERS, "regression"),
                                                   (LABELLED, "classification")])
def test_auto_picks_the_task_of_the_labels(dataset, expected):
    task, labelled = resolve_task("auto", dataset)
    assert task.name == expected and labelled == dataset


def test_a_task_that_reads_labels_refuses_data_without_them_and_converts_other_kinds():
    with pytest.raises(BadLabelError):
        resolve_task("classification", UNLABELLED)
    task, as_classes = resolve_task("classification", NUMBERS)
    assert as_classes.label_kind == "categorical" and as_classes.label_names == ("0.5", "1", "4", "5")
    task, kept = resolve_task("random", LABELLED)
    assert not task.reads_labels and kept is LABELLED


def test_outputs_and_targets_follow_the_task():
    classes, values, random = TASKS["classification"], TASKS["regression"], TASKS["random"]
    assert (classes.num_outputs(("a", "b", "c")), values.num_outputs(()), random.num_outputs(("a", "b"))) == (3, 1, 1)
    assert classes.class_names(("a", "b")) == ("a", "b") and values.class_names(("a", "b")) == ()
    assert classes.targets(LABELLED).tolist() == [1, 0, 1, 0] and classes.targets(LABELLED).dtype == torch.long
    assert values.targets(NUMBERS).tolist() == [4.0, 1.0, 5.0, 0.5] and random.targets(LABELLED) is None


def test_each_loss_is_its_criterion_on_the_batch_labels():
    encoded = EncodedTexts.from_lists([[2, 3], [4]])
    outputs = torch.tensor([[0.5, -1.0], [2.0, 0.1]])
    classes = encoded.collate([0, 1], torch.tensor([1, 0]))
    assert TASKS["classification"].loss(outputs, classes) == nn.functional.cross_entropy(outputs, torch.tensor([1, 0]))
    values = encoded.collate([0, 1], torch.tensor([1.5, -2.0]))
    single = outputs[:, :1]
    assert TASKS["regression"].loss(single, values) == nn.functional.mse_loss(single, torch.tensor([[1.5], [-2.0]]))
    drawn = torch.randn(2, 1, generator=torch.Generator().manual_seed(7))
    loss = TASKS["random"].loss(single, encoded.collate([0, 1]), torch.Generator().manual_seed(7))
    assert loss == nn.functional.mse_loss(single, drawn)
    assert [TASKS[name].loss_name for name in ("random", "regression", "classification")] == [
        "MSELoss", "MSELoss", "CrossEntropyLoss"]


def test_predictions_read_in_words_and_errors_measure_them():
    classes, values = TASKS["classification"], TASKS["regression"]
    outputs = torch.tensor([[0.0, 2.0], [3.0, 0.0]])
    assert classes.predicted(outputs).tolist() == [1, 0]
    assert classes.describe_output(outputs[0], ("neg", "pos")) == "pos (88%)"
    assert classes.describe(torch.tensor(0), ("neg", "pos")) == "neg"
    assert torch.allclose(classes.errors(outputs, torch.tensor([1, 1])),
                          -classes.probabilities(outputs)[:, 1].log())
    assert values.describe_output(torch.tensor([0.25]), ()) == "0.250" and values.probabilities(outputs) is None
    assert values.errors(torch.tensor([[1.0], [3.0]]), torch.tensor([2.0, 2.5])).tolist() == [1.0, 0.5]


def test_validation_metrics_and_chart_metrics_agree():
    for name in ("regression", "classification"):
        task = TASKS[name]
        outputs = torch.tensor([[0.2, 1.0], [2.0, -1.0], [0.5, 0.4]])[:, :task.num_outputs(("a", "b"))]
        targets = torch.tensor([1, 0, 0]) if task.has_classes else torch.tensor([1.0, 2.0, 0.0])
        loss, metrics = task.evaluate(outputs, targets)
        assert set(task.chart_metrics) <= set(metrics) and loss == pytest.approx(
            float(task.criterion(outputs, targets if task.has_classes else targets.unsqueeze(1))))
    assert TASKS["random"].chart_metrics == ()
