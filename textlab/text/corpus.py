"""Tokenize many texts at once, count tokens, build the vocabulary and encode to tensors.

Everything after tokenization works on integer tensors, so a vocabulary over
100,000 texts is built and applied in well under a second.
"""

from __future__ import annotations

import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, count

import torch

from textlab.errors import ConfigError
from textlab.text import subword
from textlab.text.vocab import SPECIAL_TOKENS, TOKENIZERS, UNK_ID, TokenizerOptions, Vocab

# Joined between texts so one C-level split/findall tokenizes the whole corpus. NUL is
# neither white space nor a word character, so both tokenizers see it as a token of its own.
_TEXT_SEPARATOR = "\x00"
_SEPARATOR_SAFE = {"whitespace", "words"}


def _as_long_tensor(values: list[int]) -> torch.Tensor:
    # list -> array -> frombuffer avoids torch.tensor's per-element conversion (about 4x faster).
    buffer = array.array("q", values)
    return torch.frombuffer(buffer, dtype=torch.int64) if buffer else torch.zeros(0, dtype=torch.int64)


def _index_types(tokens: Iterable[str]) -> tuple[dict[str, int], torch.Tensor]:
    """Number the distinct tokens in first-seen order, and give every token its number.

    A defaultdict whose factory is a counter does both in one C-level pass: a new token's
    lookup misses and draws the next number.
    """
    type_index: defaultdict[str, int] = defaultdict(count().__next__)
    ids = list(map(type_index.__getitem__, tokens))
    return dict(type_index), _as_long_tensor(ids)


@dataclass(frozen=True)
class TokenizedCorpus:
    """Every text's tokens as ids into ``types`` (the distinct tokens, in first-seen order)."""

    types: list[str]
    type_ids: torch.Tensor  # (N_tokens,) index into types, texts one after another
    lengths: torch.Tensor  # (N_texts,) tokens per text
    options: TokenizerOptions

    @classmethod
    def from_texts(cls, texts: Sequence[str], options: TokenizerOptions = TokenizerOptions()) -> TokenizedCorpus:
        if options.is_subword:
            # The learned vocabulary is the type list, so a token's type id is its vocabulary id.
            ids, lengths = subword.encode_many(options.model, [options.prepared(text) for text in texts])
            return cls(subword.vocabulary(options.model), _as_long_tensor(ids), _as_long_tensor(lengths), options)
        joined = _TEXT_SEPARATOR.join(texts)
        if options.lowercase:
            joined = joined.lower()
        if options.kind in _SEPARATOR_SAFE and len(texts) > 1 and _TEXT_SEPARATOR not in joined.replace(
                _TEXT_SEPARATOR, "", len(texts) - 1):
            return cls._from_joined(joined, options)
        token_lists = [options.tokenize(text) for text in texts]
        type_index, type_ids = _index_types(chain.from_iterable(token_lists))
        return cls(list(type_index), type_ids, _as_long_tensor(list(map(len, token_lists))), options)

    @classmethod
    def _from_joined(cls, joined: str, options: TokenizerOptions) -> TokenizedCorpus:
        tokens = TOKENIZERS[options.kind](joined.replace(_TEXT_SEPARATOR, f" {_TEXT_SEPARATOR} "))
        type_index, ids = _index_types(tokens)
        separator = type_index[_TEXT_SEPARATOR]
        is_separator = ids == separator
        boundaries = torch.cat([torch.tensor([-1]), is_separator.nonzero().flatten(), torch.tensor([len(ids)])])
        lengths = boundaries.diff() - 1
        ids = ids[~is_separator]
        ids -= (ids > separator).long()  # close the gap the separator leaves in the type list
        types = list(type_index)
        del types[separator]
        return cls(types, ids, lengths, options)

    def __len__(self) -> int:
        return len(self.lengths)

    def token_mask(self, text_indices: Sequence[int] | torch.Tensor) -> torch.Tensor:
        """(N_tokens,) True for the tokens that belong to the given texts."""
        chosen = torch.zeros(len(self.lengths), dtype=torch.bool)
        chosen[torch.as_tensor(text_indices, dtype=torch.long)] = True
        return torch.repeat_interleave(chosen, self.lengths)

    def build_vocab(self, text_indices: Sequence[int] | torch.Tensor | None = None,
                    min_freq: int = 1, max_size: int = 0) -> Vocab:
        """Vocabulary from the given texts (all by default), in first-seen order.

        ``min_freq`` drops rare tokens; ``max_size`` > 0 keeps the most frequent ordinary
        tokens (``<PAD>`` and ``<UNK>`` not counted), ties broken by first appearance.
        """
        if min_freq < 1:
            raise ConfigError("config.out_of_range", name="min_freq", low=1, high="∞", value=min_freq)
        if max_size < 0:
            raise ConfigError("config.out_of_range", name="max_size", low=0, high="∞", value=max_size)
        ids = self.type_ids if text_indices is None else self.type_ids[self.token_mask(text_indices)]
        if self.options.is_subword:
            # Every learned piece stays, seen in these texts or not: dropping one would turn new words
            # that need it into <UNK>. The trainer applied min_freq; vocab_size replaces max_size.
            return Vocab(self.types, torch.bincount(ids, minlength=len(self.types)).tolist(), self.options)
        n_types = len(self.types)
        counts = torch.bincount(ids, minlength=n_types)
        first_seen = torch.full((n_types,), len(ids), dtype=torch.long).scatter_reduce_(
            0, ids, torch.arange(len(ids)), reduce="amin")
        for special in SPECIAL_TOKENS:
            # A text may literally contain "<PAD>": there it is an ordinary unknown word, never id 0.
            if special in self._type_lookup:
                counts[self._type_lookup[special]] = -counts[self._type_lookup[special]]
        eligible = (counts >= min_freq).nonzero().flatten()
        kept = eligible[torch.argsort(first_seen[eligible], stable=True)]
        if max_size and len(kept) > max_size:
            most_frequent = kept[torch.argsort(-counts[kept], stable=True)][:max_size]
            kept = most_frequent[torch.argsort(first_seen[most_frequent], stable=True)]
        kept_counts = counts[kept].tolist()
        unknown_count = len(ids) - sum(kept_counts)
        tokens = [self.types[index] for index in kept.tolist()]
        return Vocab([*SPECIAL_TOKENS, *tokens], [0, unknown_count, *kept_counts], self.options)

    @property
    def _type_lookup(self) -> dict[str, int]:
        return {token: self.types.index(token) for token in SPECIAL_TOKENS if token in self.types}

    def encode(self, vocab: Vocab) -> torch.Tensor:
        """(N_tokens,) vocabulary ids of every token; unknown tokens get ``<UNK>``."""
        get = vocab.token2idx.get
        table = _as_long_tensor([get(token, UNK_ID) for token in self.types])
        for special in SPECIAL_TOKENS:
            if special in self._type_lookup:
                table[self._type_lookup[special]] = UNK_ID
        return table[self.type_ids] if len(table) else self.type_ids.clone()


def build_vocab(texts: Sequence[str], options: TokenizerOptions = TokenizerOptions(),
                min_freq: int = 1, max_size: int = 0) -> Vocab:
    """The vocabulary of ``texts``: the notebook's token2idx with the default options."""
    return TokenizedCorpus.from_texts(texts, options).build_vocab(min_freq=min_freq, max_size=max_size)
