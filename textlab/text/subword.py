"""Subword tokenizers (BPE, WordPiece, Unigram) trained with Hugging Face ``tokenizers`` on a run's texts.

A trained tokenizer travels as its JSON (a string), so it fits in a frozen ``TokenizerOptions``,
a checkpoint and a cache key. Words are first split as ``\\w+|[^\\w\\s]+`` (``Whitespace``) and then
cut into pieces of the learned vocabulary, so a new word made of seen characters is never
``<UNK>``. ``<PAD>`` and ``<UNK>`` are the first two tokens, ids 0 and 1, as in the notebook.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from textlab.text.specials import PAD_TOKEN, SPECIAL_TOKENS, UNK_TOKEN

SUBWORD_KINDS = ("bpe", "wordpiece", "unigram")
DEFAULT_VOCAB_SIZE = 1000
# The Whitespace pre-tokenizer's split, for counting the words merges assemble.
_WORD = re.compile(r"\w+|[^\w\s]+")
_UNIGRAM_CHAR_STEP = 1e-4  # the trainer's score step between appended characters
WORDPIECE_PREFIX = "##"  # marks a piece that continues a word: "compra" -> "comp", "##ra"


def _untrained(kind: str, min_freq: int, vocab_size: int) -> tuple[Tokenizer, trainers.Trainer]:
    specials = list(SPECIAL_TOKENS)
    if kind == "bpe":
        return (Tokenizer(models.BPE(unk_token=UNK_TOKEN)),
                trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=min_freq, special_tokens=specials,
                                    show_progress=False))
    if kind == "wordpiece":
        tokenizer = Tokenizer(models.WordPiece(unk_token=UNK_TOKEN, continuing_subword_prefix=WORDPIECE_PREFIX))
        tokenizer.decoder = decoders.WordPiece(WORDPIECE_PREFIX)
        return tokenizer, trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=min_freq,
                                                    special_tokens=specials, show_progress=False,
                                                    continuing_subword_prefix=WORDPIECE_PREFIX)
    # Fewer, coarser pruning rounds than the defaults: about 3x faster on 10k reviews, still the asked size.
    return (Tokenizer(models.Unigram()),
            trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=specials, unk_token=UNK_TOKEN,
                                    show_progress=False, shrinking_factor=0.5, n_sub_iterations=1))


def _canonical(model_json: str) -> str:
    """The same tokenizer with its ids in a fixed order, so equal texts always give an equal tokenizer.

    The WordPiece trainer numbers tokens in hash-map order and Unigram scores differ in their
    last digits between runs (parallel sums); sorting the learned tokens and rounding the
    scores removes both. BPE is deterministic already.
    """
    data = json.loads(model_json)
    model = data["model"]
    if model["type"] == "WordPiece":
        learned = sorted(token for token in model["vocab"] if token not in SPECIAL_TOKENS)
        model["vocab"] = {token: index for index, token in enumerate([*SPECIAL_TOKENS, *learned])}
    elif model["type"] == "Unigram":
        scored = [(token, round(score, 6)) for token, score in model["vocab"] if token not in SPECIAL_TOKENS]
        # Characters the pieces did not cover are appended in set order, each 1e-4 below the last:
        # they share the lowest score here, so that order does not matter.
        lowest = min(score for _, score in scored)
        band = lowest + _UNIGRAM_CHAR_STEP * len(scored)
        scored = [(token, lowest if len(token) == 1 and score <= band else score) for token, score in scored]
        learned = sorted(scored, key=lambda pair: (-pair[1], pair[0]))
        model["vocab"] = [[token, 0.0] for token in SPECIAL_TOKENS] + [list(pair) for pair in learned]
        model["unk_id"] = SPECIAL_TOKENS.index(UNK_TOKEN)
    return json.dumps(data, ensure_ascii=False)


def train_subword(texts: Sequence[str], kind: str, vocab_size: int = DEFAULT_VOCAB_SIZE, min_freq: int = 1) -> str:
    """A ``kind`` tokenizer learned from ``texts``, as Hugging Face JSON."""
    tokenizer, trainer = _untrained(kind, min_freq, vocab_size)
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(texts, trainer=trainer, length=len(texts))
    if tokenizer.token_to_id(PAD_TOKEN) != 0 or tokenizer.token_to_id(UNK_TOKEN) != 1:
        raise AssertionError("the trainer did not put <PAD>, <UNK> first")  # pinned tokenizers keeps this order
    return _canonical(tokenizer.to_str())


@lru_cache(maxsize=16)
def loaded(model_json: str) -> Tokenizer:
    """The tokenizer of ``model_json``, parsed once; a literal "<PAD>" in a text is then plain text."""
    tokenizer = Tokenizer.from_str(model_json)
    tokenizer.encode_special_tokens = True
    return tokenizer


def vocabulary(model_json: str) -> list[str]:
    """Every token of the tokenizer, in id order (``<PAD>``, ``<UNK>``, then the learned ones)."""
    by_id = loaded(model_json).get_vocab(with_added_tokens=True)
    tokens = [""] * len(by_id)
    for token, index in by_id.items():
        tokens[index] = token
    return tokens


def encode_many(model_json: str, texts: Sequence[str]) -> tuple[list[int], list[int]]:
    """Every text's token ids one after another, and how many tokens each text has."""
    encodings = loaded(model_json).encode_batch_fast(list(texts), add_special_tokens=False)
    ids: list[int] = []
    for encoding in encodings:
        ids += encoding.ids
    return ids, [len(encoding.ids) for encoding in encodings]


@dataclass(frozen=True)
class Piece:
    """One token of a text: where it lies in the text and its id."""

    start: int
    end: int
    token: str
    id: int


def pieces(model_json: str, text: str) -> list[Piece]:
    """The text's tokens with their character offsets in ``text``."""
    encoding = loaded(model_json).encode(text, add_special_tokens=False)
    return [Piece(start, end, token, index)
            for (start, end), token, index in zip(encoding.offsets, encoding.tokens, encoding.ids, strict=True)]


@dataclass(frozen=True)
class Merge:
    """One BPE merge: two tokens joined into a new one."""

    left: str
    right: str

    @property
    def token(self) -> str:
        return self.left + self.right


def bpe_merges(model_json: str) -> list[Merge]:
    """The merges of a BPE tokenizer, in the order they were learned."""
    merges = json.loads(model_json)["model"]["merges"]
    return [Merge(*(pair.split(" ", 1) if isinstance(pair, str) else pair)) for pair in merges]


def frequent_words(texts: Sequence[str], limit: int = 5000) -> list[str]:
    """The most frequent words of ``texts`` (longer than one character), split as the tokenizers split them."""
    counts = Counter(_WORD.findall("\n".join(texts)))
    return [word for word, _ in counts.most_common() if len(word) > 1][:limit]


def assembly(word: str, merges: Sequence[Merge]) -> list[tuple[int, list[str]]]:
    """How ``word`` is assembled: its characters, then its pieces after each merge that changes them.

    Each step is (number of the merge, 1-based, or 0 for the characters; the pieces).
    """
    steps = [(0, list(word))]
    for number, merge in enumerate(merges, start=1):
        parts = steps[-1][1]
        if merge.token not in word or merge.left not in parts:
            continue
        joined = apply_merges_once(parts, merge)
        if len(joined) != len(parts):
            steps.append((number, joined))
    return steps


def merge_examples(merges: Sequence[Merge], number: int, words: Sequence[str], limit: int = 3) -> list[list[list[str]]]:
    """Up to ``limit`` of ``words`` that merge ``number`` (1-based) changes, each assembled up to that merge."""
    merge, examples = merges[number - 1], []
    for word in words:
        if merge.token in word:
            steps = assembly(word, merges[:number])
            if steps[-1][0] == number:
                examples.append([pieces for _, pieces in steps])
                if len(examples) == limit:
                    break
    return examples


def apply_merges_once(parts: Sequence[str], merge: Merge) -> list[str]:
    """``parts`` with every adjacent (left, right) pair joined, from the left."""
    index, joined = 0, []
    while index < len(parts):
        if index + 1 < len(parts) and parts[index] == merge.left and parts[index + 1] == merge.right:
            joined.append(merge.token)
            index += 2
        else:
            joined.append(parts[index])
            index += 1
    return joined


def apply_merges(word: str, merges: Sequence[Merge]) -> list[str]:
    """``word`` as characters with ``merges`` applied in order: the pieces after those merges."""
    parts = list(word)
    for merge in merges:
        parts = apply_merges_once(parts, merge)
    return parts
