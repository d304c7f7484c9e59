"""Preparing a run's data: label task, split, tokens, vocabulary and tensors, built in one place.

``prepare(config, dataset)`` is what ``TrainingRun`` trains on, what the Vocabulary and Batches
pages preview, what the inspection views read and what an export repeats; ``epoch_batches``
draws the first epoch's batches with the run's own generator, so the pages show exactly the
numbers training will use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from textlab.data.dataset import Dataset, train_validation_split
from textlab.errors import BadLabelError, EmptyInputError
from textlab.text.batching import EncodedTexts, PaddingStats, epoch_loader, padding_stats
from textlab.text.corpus import TokenizedCorpus
from textlab.text.vocab import TOKENIZERS, TokenizerOptions, Vocab, learned_options
from textlab.train.config import BatchSettings, RunSettings, TrainConfig
from textlab.train.tasks import Task, resolve_task


def tokenizer_options(config: TrainConfig) -> TokenizerOptions:
    """The settings of a word tokenizer in ``config`` (a subword one is learned from the training texts)."""
    return TokenizerOptions(config.text.tokenizer, config.text.lowercase)


def tokenize(dataset: Dataset, options: TokenizerOptions) -> TokenizedCorpus:
    """Every text of ``dataset`` as tokens."""
    return TokenizedCorpus.from_texts(dataset.texts, options)


def preparation_settings(config: TrainConfig) -> TrainConfig:
    """``config`` with every setting that preparation does not read at its default.

    ``prepare`` reads only what this keeps, so two configs with equal preparation settings
    prepare equal data: the pages' caches key on it.
    """
    return TrainConfig(text=config.text, batches=BatchSettings(val_fraction=config.batches.val_fraction),
                       run=RunSettings(label_mode=config.run.label_mode, seed=config.run.seed))


@dataclass(frozen=True)
class PreparedData:
    """The dataset as a run trains on it: its task, split, tokens, vocabulary, ids and targets."""

    task: Task
    dataset: Dataset  # with labels of the kind the task reads
    corpus: TokenizedCorpus
    train_indices: torch.Tensor  # (N_train,) long, sorted
    val_indices: torch.Tensor  # (N_val,) long, sorted
    vocab: Vocab
    encoded: EncodedTexts
    targets: torch.Tensor | None  # (N,) the task's targets; None when labels are ignored

    def text_tokens(self, index: int) -> list[str]:
        """The tokens of text ``index`` as the tokenizer cut them (before the vocabulary)."""
        start = int(self.encoded.starts[index])
        type_ids = self.corpus.type_ids[start:start + int(self.corpus.lengths[index])]
        return [self.corpus.types[type_id] for type_id in type_ids.tolist()]


def split_for_task(dataset: Dataset, task: Task, config: TrainConfig) -> tuple[list[int], list[int]]:
    """Train and validation indices as a run makes them: stratified by class, never by ignored labels."""
    # Random labels ignore the data's labels, so the split must not be stratified by them either.
    split_source = dataset if task.reads_labels else dataset.with_label_kind("none")
    return train_validation_split(split_source, config.batches.val_fraction, config.run.seed)


def run_split(dataset: Dataset, config: TrainConfig) -> tuple[list[int], list[int]]:
    """Train and validation indices as the run splits them (stratified when the run reads classes)."""
    task, labelled = _preview_task(config, dataset)
    return split_for_task(labelled, task, config)


def prepare(config: TrainConfig, dataset: Dataset, corpus: TokenizedCorpus | None = None) -> PreparedData:
    """Resolve the task, split, build the vocabulary (from the training texts unless vocab_from is "all"), encode.

    Raises BadLabelError when the label mode needs labels the data does not have.
    """
    if not len(dataset):
        raise EmptyInputError("data.empty")
    return _prepare(preparation_settings(config), *resolve_task(config.run.label_mode, dataset), corpus)


def preview(config: TrainConfig, dataset: Dataset, corpus: TokenizedCorpus | None = None) -> PreparedData:
    """``prepare`` for the pages: labels the settings cannot use are ignored (the Train page says why)."""
    return _prepare(preparation_settings(config), *_preview_task(config, dataset), corpus)


def _preview_task(config: TrainConfig, dataset: Dataset) -> tuple[Task, Dataset]:
    try:
        return resolve_task(config.run.label_mode, dataset)
    except BadLabelError:  # the split and vocabulary then only need the rows
        return resolve_task("random", dataset)


def tokenized_for_run(texts: Sequence[str], train_indices: torch.Tensor, has_validation: bool,
                      config: TrainConfig, corpus: TokenizedCorpus | None = None) -> tuple[TokenizedCorpus, Vocab]:
    """The run's tokens and vocabulary, from the training texts only unless vocab_from is "all".

    A subword tokenizer is learned from those same texts first, so validation words never shape
    it. ``corpus`` reuses a word tokenizer's tokens (they do not depend on the split).
    """
    text = config.text
    # Without validation texts the training texts are all texts: skip selecting them.
    vocab_texts = None if text.vocab_from == "all" or not has_validation else train_indices
    if corpus is None or text.tokenizer not in TOKENIZERS:
        options = tokenizer_options(config) if text.tokenizer in TOKENIZERS else learned_options(
            text.tokenizer, text.lowercase, texts if vocab_texts is None else [texts[i] for i in vocab_texts.tolist()],
            text.vocab_size, text.min_freq)
        corpus = TokenizedCorpus.from_texts(texts, options)
    return corpus, corpus.build_vocab(vocab_texts, text.min_freq, text.max_size)


def _prepare(config: TrainConfig, task: Task, dataset: Dataset, corpus: TokenizedCorpus | None) -> PreparedData:
    train, validation = split_for_task(dataset, task, config)
    train_indices = torch.tensor(train, dtype=torch.long)
    corpus, vocab = tokenized_for_run(dataset.texts, train_indices, bool(validation), config, corpus)
    encoded = EncodedTexts(corpus.encode(vocab), corpus.lengths, config.text.max_length)
    return PreparedData(task, dataset, corpus, train_indices, torch.tensor(validation, dtype=torch.long), vocab,
                        encoded, task.targets(dataset))


def epoch_batches(prepared: PreparedData, config: TrainConfig, bucketing: bool | None = None) -> list[torch.Tensor]:
    """Dataset indices of each batch of the first training epoch, drawn as the run draws them."""
    generator = torch.Generator().manual_seed(config.run.seed)
    use_bucketing = config.batches.bucketing if bucketing is None else bucketing
    batches = config.batches
    return list(epoch_loader(prepared.encoded, prepared.train_indices, batches.batch_size, shuffle=batches.shuffle,
                             bucketing=use_bucketing, generator=generator, indices_only=True))


@dataclass(frozen=True)
class EpochPlan:
    """The first epoch's batches (dataset indices) and their padding, with bucketing as set, off and on."""

    batches: list[torch.Tensor]
    padding: PaddingStats
    without_bucketing: PaddingStats
    with_bucketing: PaddingStats


def epoch_plan(prepared: PreparedData, config: TrainConfig) -> EpochPlan:
    """The first epoch's batches as set, and the padding with bucketing off and on (same size and seed)."""
    lengths = prepared.encoded.lengths
    batches = {bucketing: epoch_batches(prepared, config, bucketing) for bucketing in (False, True)}
    stats = {bucketing: padding_stats(lengths, batches[bucketing]) for bucketing in (False, True)}
    return EpochPlan(batches[config.batches.bucketing], stats[config.batches.bucketing], stats[False], stats[True])


def padded_lengths(lengths: torch.Tensor, batches: list[torch.Tensor]) -> torch.Tensor:
    """(N,) the width each text is padded to in its batch; -1 for texts in no batch (held out)."""
    widths = torch.full((len(lengths),), -1, dtype=torch.long)
    if not batches:
        return widths
    flat = torch.cat(batches)
    batch_of = torch.repeat_interleave(torch.arange(len(batches)), torch.tensor([len(b) for b in batches]))
    widest = torch.zeros(len(batches), dtype=torch.long).scatter_reduce_(0, batch_of, lengths[flat], "amax")
    widths[flat] = widest[batch_of]
    return widths


def to_pasted(dataset: Dataset) -> str:
    """The dataset in the text box's format (text, TAB, label), which ``read_pasted`` reads back."""

    def one_line(text: str) -> str:
        return " ".join(text.split("\t")).replace("\r", " ").replace("\n", " ")

    if dataset.labels is None:
        return "\n".join(one_line(text) for text in dataset.texts)
    return "\n".join(f"{one_line(text)}\t{one_line(label)}" for text, label in zip(dataset.texts, dataset.labels,
                                                                                 strict=True))
