"""How well a vocabulary covers text: a sentence's tokens and ids, and the out-of-vocabulary rate of held-out texts."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from textlab.text.corpus import TokenizedCorpus
from textlab.text.vocab import UNK_ID, Vocab
from textlab.train.config import TrainConfig
from textlab.train.prepare import PreparedData, run_split

# A held-out share for the check when the settings keep no validation texts.
DEFAULT_CHECK_FRACTION = 0.2
TOP_UNKNOWN = 10


@dataclass(frozen=True)
class TokenChip:
    """One token of a sentence and the id the model receives for it."""

    token: str
    id: int

    @property
    def unknown(self) -> bool:
        return self.id == UNK_ID


def sentence_chips(vocab: Vocab, sentence: str) -> list[TokenChip]:
    """The sentence's tokens with their ids, encoded exactly as training encodes a text."""
    corpus = TokenizedCorpus.from_texts([sentence], vocab.options)
    ids = corpus.encode(vocab).tolist()
    return [TokenChip(corpus.types[type_id], index) for type_id, index in zip(corpus.type_ids.tolist(), ids,
                                                                               strict=True)]


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
    train, held_out = run_split(prepared.dataset, config.with_changes(val_fraction=fraction))
    train_texts = torch.tensor(train, dtype=torch.long)
    vocab = prepared.corpus.build_vocab(train_texts, config.text.min_freq, config.text.max_size)
    return oov_report(prepared.corpus, vocab, torch.tensor(held_out, dtype=torch.long))
