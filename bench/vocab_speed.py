"""Vocabulary build + encode of 100,000 texts (the B2W 10k reviews repeated 10x, ~2.6 M tokens).

Target: textlab's default tokenizer takes at most 1.0 s on the 2-core machine. Compared side
by side with the notebook's own dict loop and Hugging Face ``tokenizers`` WordLevel.

    python -m bench.vocab_speed [--repeats 5]
"""

from __future__ import annotations

import argparse

from bench.common import b2w_rows, median_seconds, print_table
from textlab.text.corpus import TokenizedCorpus


def textlab_default(texts: list[str]) -> None:
    corpus = TokenizedCorpus.from_texts(texts)
    corpus.encode(corpus.build_vocab())


def notebook_loop(texts: list[str]) -> None:
    token2idx = {"<PAD>": 0, "<UNK>": 1}
    for text in texts:
        for token in text.split():
            if token not in token2idx:
                token2idx[token] = len(token2idx)
    [[token2idx.get(token, token2idx["<UNK>"]) for token in text.split()] for text in texts]


def huggingface_wordlevel(texts: list[str]) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.WordLevel(unk_token="<UNK>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.WordLevelTrainer(special_tokens=["<PAD>", "<UNK>"], vocab_size=10_000_000)
    tokenizer.train_from_iterator(texts, trainer)
    tokenizer.encode_batch(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    texts = [row["text"] for row in b2w_rows()] * 10
    tokens = sum(len(text.split()) for text in texts)
    print(f"{len(texts):,} texts, {tokens:,} tokens; median of {args.repeats} interleaved runs")
    contenders = {
        "textlab (whitespace)": lambda: textlab_default(texts),
        "notebook dict loop": lambda: notebook_loop(texts),
    }
    try:
        import tokenizers  # noqa: F401
        contenders["HF tokenizers WordLevel"] = lambda: huggingface_wordlevel(texts)
    except ImportError:
        print("  (Hugging Face tokenizers not installed: pip install -r requirements-dev.txt)")
    medians = median_seconds(contenders, args.repeats)
    print_table(medians, "textlab (whitespace)")
    seconds = medians["textlab (whitespace)"]
    print(f"target <= 1.0 s: {'met' if seconds <= 1.0 else 'MISSED'} ({seconds:.3f} s)")
    for other in list(medians)[1:]:
        print(f"textlab is {medians[other] / seconds:.2f}x faster than {other}")


if __name__ == "__main__":
    main()
