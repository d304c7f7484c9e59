"""Evaluation metrics: MSE/MAE for regression, accuracy/macro-F1 and the confusion matrix for classes."""

from __future__ import annotations

import torch


def regression_metrics(predictions: torch.Tensor, targets: torch.Tensor) -> dict[str, float]:
    errors = predictions.flatten().float() - targets.flatten().float()
    return {"mse": float((errors ** 2).mean()), "mae": float(errors.abs().mean())}


def confusion_matrix(predicted: torch.Tensor, actual: torch.Tensor, num_classes: int) -> torch.Tensor:
    """(C, C) counts: row = actual class, column = predicted class."""
    flat = actual.long() * num_classes + predicted.long()
    return torch.bincount(flat, minlength=num_classes ** 2).reshape(num_classes, num_classes)


def classification_metrics(logits: torch.Tensor, targets: torch.Tensor) -> dict[str, float]:
    num_classes = logits.shape[1]
    matrix = confusion_matrix(logits.argmax(1), targets, num_classes).double()
    true_positives = matrix.diagonal()
    precision = true_positives / matrix.sum(0).clamp(min=1)
    recall = true_positives / matrix.sum(1).clamp(min=1)
    f1 = 2 * precision * recall / (precision + recall).clamp(min=1e-12)
    # Macro-F1 averages over the classes that occur as targets or predictions, as scikit-learn does.
    present = (matrix.sum(0) + matrix.sum(1)) > 0
    return {"accuracy": float(true_positives.sum() / matrix.sum().clamp(min=1)),
            "macro_f1": float(f1[present].mean()) if present.any() else 0.0}
