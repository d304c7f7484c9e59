"""Token chips and the out-of-vocabulary rate of held-out texts (textlab.text.coverage)."""

from __future__ import annotations

import pytest
import torch

from textlab.data.dataset import Dataset
from textlab.text.corpus import TokenizedCorpus, build_vocab
from textlab.text.coverage import TOP_UNKNOWN, held_out_check, oov_report, sentence_chips
from textlab.text.vocab import TokenizerOptions
from textlab.train.config import TrainConfig
from textlab.train.prepare import prepare


def test_chips_give_each_token_its_id_and_mark_unknown_ones(notebook_texts) -> None:
    vocab = build_vocab(notebook_texts)
    chips = sentence_chips(vocab, "PyTorch é muito incrível")
    assert [(chip.token, chip.id, chip.unknown) for chip in chips] == [
        ("PyTorch", 8, False), ("é", 9, False), ("muito", 1, True), ("incrível", 10, False)]


def test_chips_follow_the_vocabularys_tokenizer() -> None:
    vocab = build_vocab(["Bom, muito bom!"], TokenizerOptions("words", lowercase=True))
    chips = sentence_chips(vocab, "MUITO bom?")
    assert [chip.token for chip in chips] == ["muito", "bom", "?"]
    assert [chip.unknown for chip in chips] == [False, False, True]


def test_a_literal_special_token_in_a_sentence_is_an_unknown_word(notebook_texts) -> None:
    chips = sentence_chips(build_vocab(notebook_texts), "<PAD> exemplo")
    assert [(chip.token, chip.id) for chip in chips] == [("<PAD>", 1), ("exemplo", 2)]


def test_an_empty_sentence_has_no_chips(notebook_texts) -> None:
    assert sentence_chips(build_vocab(notebook_texts), "   ") == []


def test_oov_report_counts_held_out_tokens_missing_from_the_vocabulary() -> None:
    texts = ["a b c", "a b", "a x y x", "z"]
    corpus = TokenizedCorpus.from_texts(texts)
    vocab = corpus.build_vocab(torch.tensor([0, 1]))
    report = oov_report(corpus, vocab, torch.tensor([2, 3]))
    assert (report.held_out_texts, report.tokens, report.unknown) == (2, 5, 4)
    assert report.rate == pytest.approx(4 / 5)
    assert report.frequent_unknown == (("x", 2), ("y", 1), ("z", 1))


def test_oov_report_lists_at_most_the_top_unknown_tokens() -> None:
    held_out_text = " ".join(f"w{index}" for index in range(TOP_UNKNOWN + 5))
    corpus = TokenizedCorpus.from_texts(["known", held_out_text])
    report = oov_report(corpus, corpus.build_vocab(torch.tensor([0])), torch.tensor([1]))
    assert report.unknown == TOP_UNKNOWN + 5
    assert len(report.frequent_unknown) == TOP_UNKNOWN


def test_no_held_out_tokens_gives_a_zero_rate() -> None:
    corpus = TokenizedCorpus.from_texts(["a b"])
    report = oov_report(corpus, corpus.build_vocab(), torch.tensor([], dtype=torch.long))
    assert (report.tokens, report.unknown, report.rate) == (0, 0, 0.0)


def _dataset(texts: list[str]) -> Dataset:
    return Dataset(tuple(texts), None, "none", ())


def test_held_out_check_uses_the_runs_validation_texts_and_vocabulary() -> None:
    dataset = _dataset([f"common word{index}" for index in range(10)])
    config = TrainConfig.of(val_fraction=0.2, seed=1)
    prepared = prepare(config, dataset)
    report = held_out_check(prepared, config)
    assert report.held_out_texts == len(prepared.val_indices) == 2
    # "common" was seen in training; each validation text's own word was not.
    assert (report.tokens, report.unknown) == (4, 2)


def test_with_vocabulary_from_all_texts_validation_has_no_unknown_words() -> None:
    dataset = _dataset([f"common word{index}" for index in range(10)])
    config = TrainConfig.of(val_fraction=0.2, vocab_from="all")
    assert held_out_check(prepare(config, dataset), config).unknown == 0


def test_without_validation_the_check_holds_out_its_own_share() -> None:
    dataset = _dataset([f"common word{index}" for index in range(10)])
    config = TrainConfig()
    prepared = prepare(config, dataset)
    report = held_out_check(prepared, config, fraction=0.3)
    assert report.held_out_texts == 3
    assert (report.tokens, report.unknown) == (6, 3)
    assert held_out_check(prepared, config, fraction=0.5).held_out_texts == 5
