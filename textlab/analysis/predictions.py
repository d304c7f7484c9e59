"""Why did the model predict this? The prediction for a typed text, and where validation goes wrong.

Both run on a frozen copy of the model (``textlab.analysis.inspection.frozen_copy``), never the live one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn as nn

from textlab.errors import EmptyInputError
from textlab.text.batching import EncodedTexts, batch_indices
from textlab.text.vocab import UNK_ID, Vocab
from textlab.train.metrics import confusion_matrix
from textlab.train.tasks import task_for

# The error analysis looks at this many texts at most, so the page stays quick on large data sets.
MAX_ANALYSED_TEXTS = 5000


@dataclass(frozen=True)
class Prediction:
    """The model's answer for one text, and which of its tokens it did not know."""

    tokens: tuple[str, ...]
    unknown: tuple[bool, ...]  # per token: True when it became <UNK>
    value: float | None  # regression and random labels
    probabilities: tuple[float, ...] | None  # classification, one per class


@torch.no_grad()
def predict_text(model: nn.Module, vocab: Vocab, text: str, label_mode: str, max_length: int = 0) -> Prediction:
    """Encode ``text`` with the run's vocabulary, cut to the run's ``max_length`` (0 = whole), and run
    it alone through ``model`` (a frozen copy)."""
    tokens = tuple(vocab.options.tokenize(text))[:max_length or None]
    if not tokens:
        raise EmptyInputError("emb.error.empty_text")
    ids = torch.tensor([vocab.encode(text)[:max_length or None]])  # (1, T): one text, so no padding
    output = model(ids, torch.ones_like(ids, dtype=torch.bool))[0]  # (O,)
    unknown = tuple(index == UNK_ID for index in ids[0].tolist())
    probabilities = task_for(label_mode).probabilities(output[None])  # (1, C) or None
    if probabilities is not None:
        return Prediction(tokens, unknown, None, tuple(probabilities[0].tolist()))
    return Prediction(tokens, unknown, float(output[0]), None)


@torch.no_grad()
def model_outputs(model: nn.Module, encoded: EncodedTexts, text_indices: torch.Tensor, batch_size: int,
                  bucketing: bool) -> torch.Tensor:
    """(N, O) outputs in batches of the run's size: with the plain mean, padding changes them."""
    results: list[torch.Tensor] = []
    order: list[torch.Tensor] = []
    for positions in batch_indices(encoded.lengths[text_indices], batch_size, shuffle=False, bucketing=bucketing):
        batch = encoded.collate(text_indices[positions])
        results.append(model(batch.ids, batch.mask).float())
        order.append(positions)
    outputs = torch.cat(results)
    unsorted = torch.empty_like(outputs)
    unsorted[torch.cat(order)] = outputs
    return unsorted


@dataclass(frozen=True)
class ErrorAnalysis:
    """How wrong the model is on each analysed text, and for classes the confusion matrix."""

    text_indices: torch.Tensor  # (N,) indices into the data set
    targets: torch.Tensor  # (N,)
    predicted: torch.Tensor  # (N,) class index or value
    errors: torch.Tensor  # (N,) |prediction - label|, or -log p(true class)
    confidence: torch.Tensor | None  # (N,) probability given to the true class
    confusion: torch.Tensor | None  # (C, C) row = actual, column = predicted
    total_texts: int  # how many texts were eligible before the cap

    def worst(self, count: int = 10) -> list[int]:
        """Positions (into this analysis) of the ``count`` texts with the largest error, worst first."""
        return torch.argsort(self.errors, descending=True, stable=True)[:count].tolist()

    @property
    def per_class_accuracy(self) -> torch.Tensor | None:
        """(C,) share of each class's texts predicted correctly; NaN for a class with no texts."""
        if self.confusion is None:
            return None
        sizes = self.confusion.sum(1).double()
        return torch.where(sizes > 0, self.confusion.diagonal().double() / sizes.clamp(min=1), float("nan"))


def analyse_errors(model: nn.Module, encoded: EncodedTexts, targets: torch.Tensor, text_indices: torch.Tensor,
                   label_mode: str, class_names: Sequence[str], batch_size: int,
                   bucketing: bool = False) -> ErrorAnalysis:
    """Errors of ``model`` (a frozen copy) on the given texts, at most ``MAX_ANALYSED_TEXTS`` of them."""
    chosen = text_indices[:MAX_ANALYSED_TEXTS]
    outputs = model_outputs(model, encoded, chosen, batch_size, bucketing)  # (N, O)
    wanted = targets[chosen]
    task = task_for(label_mode)
    predicted, probabilities = task.predicted(outputs), task.probabilities(outputs)
    confidence = confusion = None
    if probabilities is not None:
        confidence = probabilities[torch.arange(len(chosen)), wanted]
        confusion = confusion_matrix(predicted, wanted, len(class_names))
    return ErrorAnalysis(chosen, wanted, predicted, task.errors(outputs, wanted), confidence, confusion,
                         len(text_indices))
