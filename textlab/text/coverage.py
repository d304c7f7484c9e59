"""How well a vocabulary covers text: a sentence's tokens and ids, and the out-of-vocabulary rate of held-out texts."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from textlab.text import subword
from textlab.text.corpus import TokenizedCorpus
from textlab.text.vocab import UNK_ID, TokenizerOptions, Vocab
from textlab.train.config import TrainConfig
from textlab.train.prepare import PreparedData, run_split, tokenized_for_run

# A held-out share for the check when the settings keep no validation texts.
DEFAULT_CHECK_FRACTION = 0.2
TOP_UNKNOWN = 10


@dataclass(frozen=True)
class TokenChip:
    """One token of a sentence, the id the model receives for it, and where it lies in the sentence."""

    token: str
    id: int
    start: int = -1  # character offsets in the sentence; -1 where the token could not be placed
    end: int = -1

    @property
    def unknown(self) -> bool:
        return self.id == UNK_ID


def _offsets(options: TokenizerOptions, sentence: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Where each token lies in ``sentence``: subword pieces know it, word tokens are found in order."""
    searched = options.prepared(sentence)
    if len(searched) != len(sentence):  # a rare lowercase that changes length ("İ"): offsets would drift
        return [(-1, -1)] * len(tokens)
    if options.is_subword:
        return [(piece.start, piece.end) for piece in subword.pieces(options.model, searched)]
    offsets, position = [], 0
    for token in tokens:
        start = searched.find(token, position)
        position = start + len(token) if start >= 0 else position
        offsets.append((start, position) if start >= 0 else (-1, -1))
    return offsets


def sentence_chips(vocab: Vocab, sentence: str) -> list[TokenChip]:
    """The sentence's tokens with their ids, encoded exactly as training encodes a text."""
    corpus = TokenizedCorpus.from_texts([sentence], vocab.options)
    ids = corpus.encode(vocab).tolist()
    tokens = [corpus.types[type_id] for type_id in corpus.type_ids.tolist()]
    offsets = _offsets(vocab.options, sentence, tokens)
    return [TokenChip(token, index, start, end)
            for token, index, (start, end) in zip(tokens, ids, offsets, strict=True)]


@dataclass(frozen=True)
class OovReport:
    """Out-of-vocabulary tokens among held-out texts."""

    held_out_texts: int
    tokens: int
    unknown: int
    frequent_unknown: tuple[tuple[str, int], ...]  # the most common unknown tokens, with their counts

    @property
    def rate(self) -> float:
        return self.unknown / self.tokens if self.tokens else 0.0


def oov_report(corpus: TokenizedCorpus, vocab: Vocab, held_out: torch.Tensor) -> OovReport:
    """How many tokens of the held-out texts the vocabulary maps to ``<UNK>``."""
    in_held_out = corpus.token_mask(held_out)  # (N_tokens,)
    ids = corpus.encode(vocab)[in_held_out]
    unknown_types = corpus.type_ids[in_held_out][ids == UNK_ID]
    counts = torch.bincount(unknown_types, minlength=len(corpus.types))
    top = torch.argsort(-counts, stable=True)[:TOP_UNKNOWN]
    frequent = tuple((corpus.types[t], int(counts[t])) for t in top.tolist() if counts[t] > 0)
    return OovReport(len(held_out), int(in_held_out.sum()), len(unknown_types), frequent)


def held_out_check(prepared: PreparedData, config: TrainConfig,
                   fraction: float = DEFAULT_CHECK_FRACTION) -> OovReport:
    """The run's validation texts against the run's vocabulary; without validation, hold out ``fraction``.

    The stand-in split builds its vocabulary from the remaining texts with the same settings,
    so the rate says how many words of new text the model would not know.
    """
    if len(prepared.val_indices):
        return oov_report(prepared.corpus, prepared.vocab, prepared.val_indices)
    stand_in = config.with_changes(val_fraction=fraction, vocab_from="train")
    train, held_out = run_split(prepared.dataset, stand_in)
    # A subword tokenizer is learned again from the stand-in training texts; word tokens are reused.
    corpus, vocab = tokenized_for_run(prepared.dataset.texts, torch.tensor(train, dtype=torch.long), True, stand_in,
                                      prepared.corpus)
    return oov_report(corpus, vocab, torch.tensor(held_out, dtype=torch.long))
