"""Tokenizers and the token2idx vocabulary (built fast by ``textlab.text.corpus``).

The default reproduces the notebook: ``str.split()`` tokens, case kept,
``<PAD>`` = 0, ``<UNK>`` = 1, then tokens in first-seen order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass

from textlab.errors import ConfigError

PAD_TOKEN, UNK_TOKEN = "<PAD>", "<UNK>"
PAD_ID, UNK_ID = 0, 1
SPECIAL_TOKENS = (PAD_TOKEN, UNK_TOKEN)

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


@dataclass(frozen=True)
class TokenizerOptions:
    """How text becomes tokens: which tokenizer, and whether to lowercase first."""

    kind: str = "whitespace"
    lowercase: bool = False

    def __post_init__(self) -> None:
        if self.kind not in TOKENIZERS:
            raise ConfigError("config.bad_choice", name="tokenizer", value=self.kind,
                              choices=", ".join(TOKENIZERS))

    def tokenize(self, text: str) -> list[str]:
        return TOKENIZERS[self.kind](text.lower() if self.lowercase else text)



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
