"""Metrics against values worked out by hand."""

from __future__ import annotations

import pytest
import torch

from textlab.train.metrics import classification_metrics, confusion_matrix, regression_metrics


def logits_for(predicted: list[int], num_classes: int) -> torch.Tensor:
    return torch.nn.functional.one_hot(torch.tensor(predicted), num_classes).float()


def test_confusion_matrix_rows_are_actual_columns_predicted():
    actual = torch.tensor([0, 0, 1, 1, 2, 2, 2])
    predicted = torch.tensor([0, 1, 1, 1, 0, 2, 1])
    assert confusion_matrix(predicted, actual, 3).tolist() == [[1, 1, 0], [0, 2, 0], [1, 1, 1]]
    assert confusion_matrix(predicted, actual, 4).shape == (4, 4)


def test_accuracy_and_macro_f1_by_hand():
    actual = torch.tensor([0, 0, 1, 1, 2, 2, 2])
    predicted = [0, 1, 1, 1, 0, 2, 1]
    # class 0: tp 1, predicted 2, actual 2 -> p 1/2, r 1/2, f1 1/2
    # class 1: tp 2, predicted 4, actual 2 -> p 1/2, r 1,   f1 2/3
    # class 2: tp 1, predicted 1, actual 3 -> p 1,   r 1/3, f1 1/2
    metrics = classification_metrics(logits_for(predicted, 3), actual)
    assert metrics["accuracy"] == pytest.approx(4 / 7)
    assert metrics["macro_f1"] == pytest.approx((1 / 2 + 2 / 3 + 1 / 2) / 3)


def test_a_class_never_predicted_counts_as_zero_f1():
    actual = torch.tensor([0, 0, 1, 1, 2])
    predicted = [0, 0, 1, 1, 1]  # class 2 occurs but is never predicted
    # class 0: f1 1; class 1: p 2/3, r 1 -> f1 4/5; class 2: f1 0
    metrics = classification_metrics(logits_for(predicted, 3), actual)
    assert metrics["accuracy"] == pytest.approx(4 / 5)
    assert metrics["macro_f1"] == pytest.approx((1 + 4 / 5 + 0) / 3)


def test_classes_absent_from_targets_and_predictions_are_left_out():
    # Four outputs, but only classes 0 and 1 ever occur: the average is over those two, as scikit-learn does.
    actual = torch.tensor([0, 1, 1, 0])
    metrics = classification_metrics(logits_for([0, 1, 0, 0], 4), actual)
    # class 0: p 2/3, r 1 -> 4/5; class 1: p 1, r 1/2 -> 2/3
    assert metrics["macro_f1"] == pytest.approx((4 / 5 + 2 / 3) / 2)
    assert metrics["accuracy"] == pytest.approx(3 / 4)


def test_perfect_and_all_wrong():
    actual = torch.tensor([0, 1, 2])
    assert classification_metrics(logits_for([0, 1, 2], 3), actual) == {"accuracy": 1.0, "macro_f1": 1.0}
    assert classification_metrics(logits_for([1, 2, 0], 3), actual) == {"accuracy": 0.0, "macro_f1": 0.0}


def test_argmax_of_logits_is_the_prediction():
    logits = torch.tensor([[0.1, 2.0], [3.0, -1.0], [0.0, 0.5]])
    assert classification_metrics(logits, torch.tensor([1, 0, 0]))["accuracy"] == pytest.approx(2 / 3)


def test_mse_and_mae_by_hand():
    predictions = torch.tensor([[1.0], [2.0], [4.0]])
    targets = torch.tensor([1.0, 4.0, 1.0])
    metrics = regression_metrics(predictions, targets)  # errors 0, -2, 3
    assert metrics["mse"] == pytest.approx((0 + 4 + 9) / 3)
    assert metrics["mae"] == pytest.approx((0 + 2 + 3) / 3)
