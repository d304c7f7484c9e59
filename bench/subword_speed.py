"""Subword tokenizers on B2W: learn + encode time beside the whitespace vocabulary, and held-out <UNK> rates.

Each tokenizer is prepared as a run prepares it (``textlab.train.prepare.prepare``): split off 10%
for validation, learn the tokenizer / vocabulary from the other 90%, encode all 10,000 reviews.
Then the <UNK> rate of the held-out 10% and of the separate test file (2,500 reviews).
Target: each subword tokenizer stays interactive, under about 2 s on the 2-core machine.

    python -m bench.subword_speed [--repeats 5] [--vocab-size 1000]
"""

from __future__ import annotations

import argparse

import torch

from bench.common import SHARED_DATA, median_seconds, print_table
from textlab.data.dataset import read_path
from textlab.text.corpus import TokenizedCorpus
from textlab.text.coverage import oov_report
from textlab.text.vocab import TOKENIZER_KINDS
from textlab.train.config import DEFAULTS, TrainConfig
from textlab.train.prepare import prepare

KINDS = ("whitespace", "bpe", "wordpiece", "unigram")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--vocab-size", type=int, default=DEFAULTS["vocab_size"])
    args = parser.parse_args()
    assert set(KINDS) <= set(TOKENIZER_KINDS)
    train_file, test_file = SHARED_DATA / "b2w-rating-train-10k.csv", SHARED_DATA / "b2w-rating-test-2500.csv"
    dataset, test = read_path(str(train_file), "text", "rating"), read_path(str(test_file), "text", "rating")
    configs = {kind: TrainConfig.of(tokenizer=kind, vocab_size=args.vocab_size, val_fraction=0.1) for kind in KINDS}
    print(f"{len(dataset):,} reviews, 90% learn the tokenizer, vocab_size={args.vocab_size}; "
          f"median of {args.repeats} interleaved runs")
    medians = median_seconds({kind: lambda config=config: prepare(config, dataset) for kind, config in
                              configs.items()}, args.repeats)
    print_table(medians, "whitespace")
    print(f"target < 2 s: {'met' if max(medians.values()) < 2.0 else 'MISSED'} (slowest {max(medians.values()):.3f} s)")
    print("held-out <UNK> rate (tokens that become <UNK>):")
    for kind, config in configs.items():
        prepared = prepare(config, dataset)
        validation = oov_report(prepared.corpus, prepared.vocab, prepared.val_indices)
        test_corpus = TokenizedCorpus.from_texts(test.texts, prepared.vocab.options)
        on_test = oov_report(test_corpus, prepared.vocab, torch.arange(len(test)))
        print(f"  {kind:<10}  vocab {len(prepared.vocab):>6,}   validation 10%: {validation.rate:7.3%} "
              f"({validation.unknown:,} of {validation.tokens:,})   test file: {on_test.rate:7.3%} "
              f"({on_test.unknown:,} of {on_test.tokens:,})")


if __name__ == "__main__":
    main()
