"""Tokenizers and the token2idx vocabulary (built fast by ``textlab.text.corpus``).

The default reproduces the notebook: ``str.split()`` tokens, case kept,
``<PAD>`` = 0, ``<UNK>`` = 1, then tokens in first-seen order. The subword kinds
(``textlab.text.subword``) are learned from texts first and carry their model with them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass

from textlab.errors import ConfigError
from textlab.text import subword
from textlab.text.specials import PAD_ID, PAD_TOKEN, SPECIAL_TOKENS, UNK_ID, UNK_TOKEN

__all__ = ["PAD_ID", "PAD_TOKEN", "SPECIAL_TOKENS", "UNK_ID", "UNK_TOKEN", "TOKENIZERS", "TOKENIZER_KINDS",
           "TokenizerOptions", "Vocab", "learned_options"]

# Runs of letters/digits, or any single character that is neither a word
# character nor white space: "Ótimo, incrível!" -> Ótimo , incrível !
_WORD_OR_PUNCT = re.compile(r"\w+|[^\w\s]")


def _characters(text: str) -> list[str]:
    return list(text)


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "whitespace": str.split,
    "words": _WORD_OR_PUNCT.findall,
    "chars": _characters,
}
# Every tokenizer a run can choose: the fixed rules above, then the ones learned from the data.
TOKENIZER_KINDS = (*TOKENIZERS, *subword.SUBWORD_KINDS)


@dataclass(frozen=True)
class TokenizerOptions:
    """How text becomes tokens: which tokenizer, whether to lowercase first, and a learned subword model."""

    kind: str = "whitespace"
    lowercase: bool = False
    model: str = ""  # a subword kind's trained tokenizer (Hugging Face JSON); empty for the fixed rules

    def __post_init__(self) -> None:
        if self.kind not in TOKENIZER_KINDS:
            raise ConfigError("config.bad_choice", name="tokenizer", value=self.kind,
                              choices=", ".join(TOKENIZER_KINDS))
        if bool(self.model) != self.is_subword:
            raise ValueError("a subword tokenizer needs its trained model, and only a subword one has one")

    @property
    def is_subword(self) -> bool:
        return self.kind in subword.SUBWORD_KINDS

    def prepared(self, text: str) -> str:
        """The text as the tokenizer reads it (lowercased when asked)."""
        return text.lower() if self.lowercase else text

    def tokenize(self, text: str) -> list[str]:
        if self.model:
            return [piece.token for piece in subword.pieces(self.model, self.prepared(text))]
        return TOKENIZERS[self.kind](self.prepared(text))


def learned_options(kind: str, lowercase: bool, texts: Sequence[str], vocab_size: int,
                    min_freq: int = 1) -> TokenizerOptions:
    """Options whose subword ``kind`` tokenizer is learned from ``texts`` (lowercased first when asked)."""
    prepared = [text.lower() for text in texts] if lowercase else list(texts)
    return TokenizerOptions(kind, lowercase, subword.train_subword(prepared, kind, vocab_size, min_freq))


class Vocab:
    """token2idx and idx2token, with how often each token was seen when it was built."""

    def __init__(self, tokens: Sequence[str], counts: Sequence[int],
                 options: TokenizerOptions = TokenizerOptions()) -> None:
        if tuple(tokens[:2]) != SPECIAL_TOKENS:
            raise ValueError("a vocabulary starts with <PAD> and <UNK>")
        self.idx2token = list(tokens)
        self.token2idx = {token: index for index, token in enumerate(self.idx2token)}
        # A text may literally contain "<PAD>": there it is an unknown word, never the padding id.
        self._ordinary_ids = {token: index for token, index in self.token2idx.items() if token not in SPECIAL_TOKENS}
        self.counts = list(counts)
        self.options = options

    def __len__(self) -> int:
        return len(self.idx2token)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Vocab) and self.idx2token == other.idx2token
                and self.counts == other.counts and self.options == other.options)

    def encode(self, text: str) -> list[int]:
        get = self._ordinary_ids.get
        return [get(token, UNK_ID) for token in self.options.tokenize(text)]

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.idx2token[index] if 0 <= index < len(self) else UNK_TOKEN for index in ids]

    def to_dict(self) -> dict:
        return {"tokens": self.idx2token, "counts": self.counts, "options": asdict(self.options)}

    @classmethod
    def from_dict(cls, data: dict) -> Vocab:
        return cls(data["tokens"], data["counts"], TokenizerOptions(**data["options"]))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Vocab:
        return cls.from_dict(json.loads(text))
