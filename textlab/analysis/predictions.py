"""Why did the model predict this? The prediction for a typed text, and where validation goes wrong.

Both run on a frozen copy of the model (``textlab.analysis.inspection.frozen_copy``), never the live one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn as nn

from textlab.errors import EmptyInputError
from textlab.model.outputs import batched_outputs
from textlab.text.batching import EncodedTexts
from textlab.text.vocab import UNK_ID, Vocab
from textlab.train.metrics import confusion_matrix
from textlab.train.tasks import task_for

# The error analysis looks at this many texts at most, so the page stays quick on large data sets.
MAX_ANALYSED_TEXTS = 5000


@dataclass(frozen=True)
class Prediction:
    """The model's answer for one text, and which of its tokens it did not know."""

    text: str
    tokens: tuple[str, ...]  # as the run read them: cut to its max_length
    unknown: tuple[bool, ...]  # per token: True when it became <UNK>
    value: float | None  # regression and random labels: the single output
    label: str | None  # classification: the most likely class
    probabilities: dict[str, float]  # classification: every class's probability; empty otherwise

    @property
    def unknown_tokens(self) -> int:
        """How many tokens the vocabulary did not know (read as <UNK>)."""
        return sum(self.unknown)


@torch.no_grad()
def predict_text(model: nn.Module, vocab: Vocab, text: str, label_mode: str, label_names: Sequence[str] = (),
                 max_length: int = 0) -> Prediction:
    """Encode ``text`` with the run's vocabulary, cut to the run's ``max_length`` (0 = whole), and run
    it alone through ``model`` (in eval mode, e.g. a frozen copy), so no padding changes its output."""
    tokens = tuple(vocab.options.tokenize(text))[:max_length or None]
    if not tokens:
        raise EmptyInputError("emb.error.empty_text")
    ids = torch.tensor([vocab.encode(text)[:max_length or None]])  # (1, T): one text, so no padding
    output = model(ids, torch.ones_like(ids, dtype=torch.bool))[0].float()  # (O,)
    unknown = tuple(index == UNK_ID for index in ids[0].tolist())
    probabilities = task_for(label_mode).probabilities(output[None])  # (1, C) or None
    if probabilities is None:
        return Prediction(text, tokens, unknown, float(output[0]), None, {})
    names = tuple(label_names) or tuple(str(index) for index in range(len(output)))
    by_class = dict(zip(names, probabilities[0].tolist(), strict=True))
    return Prediction(text, tokens, unknown, None, max(by_class, key=by_class.get), by_class)


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
    outputs = batched_outputs(model, encoded, chosen, batch_size, bucketing)  # (N, O)
    wanted = targets[chosen]
    task = task_for(label_mode)
    predicted, probabilities = task.predicted(outputs), task.probabilities(outputs)
    confidence = confusion = None
    if probabilities is not None:
        confidence = probabilities[torch.arange(len(chosen)), wanted]
        confusion = confusion_matrix(predicted, wanted, len(class_names))
    return ErrorAnalysis(chosen, wanted, predicted, task.errors(outputs, wanted), confidence, confusion,
                         len(text_indices))
