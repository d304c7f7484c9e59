"""What a run would build from the data and settings, before any model: for the pages to show.

``prepare`` follows ``TrainingRun`` step by step (label mode, split, tokenize, vocabulary,
encode) and ``epoch_batches`` draws the first epoch's batches with the run's own generator,
so the Vocabulary and Batches pages show exactly the numbers training will use.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from textlab.data.dataset import Dataset
from textlab.errors import BadLabelError
from textlab.text.batching import EncodedTexts, PaddingStats, batch_indices, padding_stats
from textlab.text.corpus import TokenizedCorpus
from textlab.text.vocab import TokenizerOptions, Vocab
from textlab.train.config import TrainConfig
from textlab.train.loop import split_for_run, vocab_for_run
from textlab.train.tasks import TASKS, resolve_task


def tokenizer_options(config: TrainConfig) -> TokenizerOptions:
    """The tokenizer settings of ``config``."""
    return TokenizerOptions(config.text.tokenizer, config.text.lowercase)


def tokenize(dataset: Dataset, options: TokenizerOptions) -> TokenizedCorpus:
    """Every text of ``dataset`` as tokens."""
    return TokenizedCorpus.from_texts(dataset.texts, options)


@dataclass(frozen=True)
class PreparedData:
    """The dataset tokenized, split and encoded with the vocabulary a run would build."""

    dataset: Dataset
    corpus: TokenizedCorpus
    train_indices: torch.Tensor  # (N_train,) long, sorted
    val_indices: torch.Tensor  # (N_val,) long, sorted
    vocab: Vocab
    encoded: EncodedTexts

    def text_tokens(self, index: int) -> list[str]:
        """The tokens of text ``index`` as the tokenizer cut them (before the vocabulary)."""
        start = int(self.encoded.starts[index])
        type_ids = self.corpus.type_ids[start:start + int(self.corpus.lengths[index])]
        return [self.corpus.types[type_id] for type_id in type_ids.tolist()]


def run_split(dataset: Dataset, config: TrainConfig) -> tuple[list[int], list[int]]:
    """Train and validation indices as the run splits them (stratified when the run reads classes)."""
    try:
        task, labelled = resolve_task(config.run.label_mode, dataset)
    except BadLabelError:  # the Train page reports the label problem; the split only needs the rows
        task, labelled = TASKS["random"], dataset
    return split_for_run(labelled, task, config)


def prepare(dataset: Dataset, config: TrainConfig, corpus: TokenizedCorpus | None = None) -> PreparedData:
    """Split, build the vocabulary (from the training texts unless vocab_from is "all") and encode."""
    corpus = corpus if corpus is not None else tokenize(dataset, tokenizer_options(config))
    train, validation = run_split(dataset, config)
    train_indices = torch.tensor(train, dtype=torch.long)
    vocab = vocab_for_run(corpus, train_indices, bool(validation), config)
    encoded = EncodedTexts(corpus.encode(vocab), corpus.lengths, config.text.max_length)
    return PreparedData(dataset, corpus, train_indices, torch.tensor(validation, dtype=torch.long), vocab, encoded)


def epoch_batches(prepared: PreparedData, config: TrainConfig, bucketing: bool | None = None) -> list[torch.Tensor]:
    """Dataset indices of each batch of the first training epoch, drawn as the run draws them."""
    generator = torch.Generator().manual_seed(config.run.seed)
    use_bucketing = config.batches.bucketing if bucketing is None else bucketing
    train_lengths = prepared.encoded.lengths[prepared.train_indices]
    batches = config.batches
    positions = batch_indices(train_lengths, batches.batch_size, batches.shuffle, use_bucketing, generator)
    return [prepared.train_indices[batch] for batch in positions]


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
