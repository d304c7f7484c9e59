"""What a run learns to predict: one task object per label mode.

A task owns every decision that depends on the label mode: which labels it reads, the
targets, the output count, the loss, the validation metrics, how an output reads as a
prediction, and what the exported script writes for it. Adding a mode is one class here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

import torch
import torch.nn as nn

from textlab.data.dataset import Dataset
from textlab.errors import BadLabelError
from textlab.i18n.numbers import format_decimal, format_percent
from textlab.text.batching import Batch
from textlab.train.metrics import classification_metrics, regression_metrics

# ``comment(key, indent)`` writes a translated comment line of the exported script.
Comment = Callable[..., str]


class Task:
    """The base: a label mode's name, the label kind it reads and its model outputs."""

    name: ClassVar[str]
    label_kind: ClassVar[str]  # the dataset label kind it trains on: "none", "numeric" or "categorical"
    criterion: ClassVar[nn.Module]  # the torch loss; stateless, so one instance serves every run
    chart_metrics: ClassVar[tuple[str, ...]] = ()  # validation metrics the loss chart draws

    @property
    def loss_name(self) -> str:
        """The loss class's name, as the pages and the exported script write it."""
        return type(self.criterion).__name__

    @property
    def reads_labels(self) -> bool:
        """False when the data's labels are ignored (random labels): no validation, no stratified split."""
        return self.label_kind != "none"

    @property
    def has_classes(self) -> bool:
        return self.label_kind == "categorical"

    def num_outputs(self, label_names: Sequence[str]) -> int:
        return 1

    def class_names(self, label_names: Sequence[str]) -> tuple[str, ...]:
        """The class names a checkpoint keeps: none unless the outputs are classes."""
        return ()

    def targets(self, dataset: Dataset) -> torch.Tensor | None:
        """(N,) the label of each text as the loss reads it; None when labels are ignored."""
        return None

    def loss(self, outputs: torch.Tensor, batch: Batch, random_labels: torch.Generator | None = None) -> torch.Tensor:
        """The loss of ``outputs`` (B, num_outputs) against the batch's labels."""
        raise NotImplementedError

    def evaluate(self, outputs: torch.Tensor, targets: torch.Tensor) -> tuple[float, dict[str, float]]:
        """Validation loss and metrics for (N, num_outputs) outputs."""
        raise NotImplementedError

    def predicted(self, outputs: torch.Tensor) -> torch.Tensor:
        """(N,) what the outputs predict: a value, or a class index."""
        return outputs[:, 0]

    def probabilities(self, outputs: torch.Tensor) -> torch.Tensor | None:
        """(N, C) class probabilities, or None when the outputs are values."""
        return None

    def errors(self, outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        """(N,) how wrong each output is: |prediction - label|, or -log p(true class)."""
        return (self.predicted(outputs) - targets.float()).abs()

    def describe(self, value: torch.Tensor | float, label_names: Sequence[str], lang: str = "en") -> str:
        """A label or a prediction in words: the class name, or the number as ``lang`` writes it."""
        return format_decimal(float(value), lang, 3)

    def describe_output(self, output: torch.Tensor, label_names: Sequence[str], lang: str = "en") -> str:
        """One text's output (num_outputs,) as a prediction: ``pos (80%)`` or ``0.123`` (``0,123`` in pt)."""
        return format_decimal(float(output[0]), lang, 3)

    # The exported script: the lines this task writes at each of its places.
    def export_targets(self, comment: Comment) -> list[str]:
        return []

    def export_output_dim(self) -> str:
        return "1"

    def export_label_generator(self) -> list[str]:
        return []

    def export_batch_labels(self, comment: Comment) -> list[str]:
        raise NotImplementedError

    def export_evaluation(self) -> list[str]:
        return ["    errors = outputs.flatten().float() - targets[val_idx].flatten().float()",
                "    return float((errors ** 2).mean()), float(errors.abs().mean())"]

    @property
    def export_second_metric(self) -> str:
        """The metric the script prints next to the validation loss."""
        return "mae"


class RandomTask(Task):
    """The notebook's: fresh N(0, 1) labels every batch, MSE, the data's own labels ignored."""

    name, label_kind, criterion = "random", "none", nn.MSELoss()

    def loss(self, outputs: torch.Tensor, batch: Batch, random_labels: torch.Generator | None = None) -> torch.Tensor:
        labels = torch.randn(len(batch), 1, generator=random_labels).to(outputs.device)
        return self.criterion(outputs, labels)

    def export_label_generator(self) -> list[str]:
        return ["label_generator = torch.Generator().manual_seed(SEED + 1)"]

    def export_batch_labels(self, comment: Comment) -> list[str]:
        return [f"        {comment('labels_random', 8)}",
                "        labels_batch = torch.randn(len(batch_idx), 1, generator=label_generator).to(device)"]


class RegressionTask(Task):
    """Numeric labels: one output, MSE; validation reports MSE and MAE."""

    name, label_kind, criterion = "regression", "numeric", nn.MSELoss()
    chart_metrics = ("mae",)

    def targets(self, dataset: Dataset) -> torch.Tensor | None:
        return torch.tensor(dataset.targets(), dtype=torch.float32)

    def loss(self, outputs: torch.Tensor, batch: Batch, random_labels: torch.Generator | None = None) -> torch.Tensor:
        return self.criterion(outputs, batch.targets.float().unsqueeze(1))

    def evaluate(self, outputs: torch.Tensor, targets: torch.Tensor) -> tuple[float, dict[str, float]]:
        metrics = regression_metrics(outputs, targets)
        return metrics["mse"], metrics

    def export_targets(self, comment: Comment) -> list[str]:
        return [comment("targets_regression"), "targets = torch.tensor([float(label) for label in labels])"]

    def export_batch_labels(self, comment: Comment) -> list[str]:
        return ["        labels_batch = targets[batch_idx].unsqueeze(1).to(device)  # (B, 1)"]


class ClassificationTask(Task):
    """Class labels: one output (logit) per class, cross-entropy; validation reports accuracy and macro-F1."""

    name, label_kind, criterion = "classification", "categorical", nn.CrossEntropyLoss()
    chart_metrics = ("accuracy", "macro_f1")

    def num_outputs(self, label_names: Sequence[str]) -> int:
        return len(label_names)

    def class_names(self, label_names: Sequence[str]) -> tuple[str, ...]:
        return tuple(label_names)

    def targets(self, dataset: Dataset) -> torch.Tensor | None:
        return torch.tensor(dataset.targets(), dtype=torch.long)

    def loss(self, outputs: torch.Tensor, batch: Batch, random_labels: torch.Generator | None = None) -> torch.Tensor:
        return self.criterion(outputs, batch.targets)

    def evaluate(self, outputs: torch.Tensor, targets: torch.Tensor) -> tuple[float, dict[str, float]]:
        return float(nn.functional.cross_entropy(outputs, targets)), classification_metrics(outputs, targets)

    def predicted(self, outputs: torch.Tensor) -> torch.Tensor:
        return outputs.argmax(1)

    def probabilities(self, outputs: torch.Tensor) -> torch.Tensor | None:
        return torch.softmax(outputs, 1)

    def errors(self, outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        return nn.functional.cross_entropy(outputs, targets, reduction="none")

    def describe(self, value: torch.Tensor | float, label_names: Sequence[str], lang: str = "en") -> str:
        return label_names[int(value)]

    def describe_output(self, output: torch.Tensor, label_names: Sequence[str], lang: str = "en") -> str:
        probabilities = output.softmax(0)
        best = int(probabilities.argmax())
        return f"{label_names[best]} ({format_percent(float(probabilities[best]), lang, 0)})"

    def export_targets(self, comment: Comment) -> list[str]:
        return [comment("targets_classification"),
                "targets = torch.tensor([LABEL_NAMES.index(label) for label in labels])"]

    def export_output_dim(self) -> str:
        return "len(LABEL_NAMES)"

    def export_batch_labels(self, comment: Comment) -> list[str]:
        return ["        labels_batch = targets[batch_idx].to(device)  # (B,)"]

    def export_evaluation(self) -> list[str]:
        return ["    val_loss = float(nn.functional.cross_entropy(outputs, targets[val_idx]))",
                "    accuracy = float((outputs.argmax(1) == targets[val_idx]).float().mean())",
                "    return val_loss, accuracy"]

    @property
    def export_second_metric(self) -> str:
        return "accuracy"


TASKS: dict[str, Task] = {task.name: task for task in (RandomTask(), RegressionTask(), ClassificationTask())}
# The label mode "auto" picks the task that reads the data's kind of labels.
TASK_FOR_LABEL_KIND = {task.label_kind: task for task in TASKS.values()}


def task_for(label_mode: str) -> Task:
    """The task of a resolved label mode (not "auto")."""
    return TASKS[label_mode]


def resolve_task(requested: str, dataset: Dataset) -> tuple[Task, Dataset]:
    """The task a run will use, and the dataset with labels of the kind it reads."""
    task = TASK_FOR_LABEL_KIND[dataset.label_kind] if requested == "auto" else task_for(requested)
    if not task.reads_labels:
        return task, dataset
    if dataset.label_kind == "none":
        raise BadLabelError("training.needs_labels", mode=task.name)
    return task, dataset if dataset.label_kind == task.label_kind else dataset.with_label_kind(task.label_kind)
