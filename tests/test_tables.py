"""The data pages' pandas tables (textlab.analysis.tables)."""

from __future__ import annotations

import pytest
import torch

from textlab.analysis.tables import (
    batch_table,
    dataset_table,
    label_table,
    localize,
    search_example,
    search_vocab,
    vocab_table,
)
from textlab.data.dataset import Dataset, read_pasted
from textlab.i18n import t
from textlab.text.corpus import build_vocab


def test_dataset_table_has_a_row_per_text_with_its_token_count(notebook_dataset) -> None:
    table = dataset_table(notebook_dataset, torch.tensor([4, 5, 3]))
    assert list(table.columns) == ["row", "tokens", "text"]
    assert table["row"].tolist() == [1, 2, 3]
    assert table["text"].tolist() == list(notebook_dataset.texts)
    assert table["tokens"].tolist() == [4, 5, 3]


def test_dataset_table_shows_labels_when_there_are_some() -> None:
    dataset = read_pasted("bom\tpos\nruim\tneg")
    assert dataset_table(dataset, torch.tensor([1, 1]))["label"].tolist() == ["pos", "neg"]


def test_label_table_counts_classes_in_label_order() -> None:
    table = label_table(read_pasted("a\tpos\nb\tneg\nc\tpos\nd\tpos"))
    assert table["label"].tolist() == ["neg", "pos"]
    assert table["count"].tolist() == [1, 3]
    assert table["share"].tolist() == [0.25, 0.75]


def test_label_table_orders_numbers_by_value() -> None:
    table = label_table(read_pasted("a\t10\nb\t2\nc\t2\nd\t1.5"))
    assert table["label"].tolist() == ["1.5", "2", "10"]
    assert table["count"].tolist() == [1, 2, 1]


def test_label_table_is_empty_without_labels(notebook_dataset) -> None:
    assert label_table(notebook_dataset).empty


def test_vocab_table_lists_token2idx_with_counts_and_special_flags(notebook_texts) -> None:
    vocab = build_vocab(notebook_texts)
    table = vocab_table(vocab)
    assert table["index"].tolist() == list(range(11))
    assert table["token"].tolist() == vocab.idx2token
    assert table["count"].tolist() == vocab.counts
    assert table["special"].tolist() == [True, True] + [False] * 9
    assert table.loc[table["token"] == "incrível", "index"].item() == 10


def test_literal_special_tokens_in_the_texts_count_as_unknown_words() -> None:
    table = vocab_table(build_vocab(["<PAD> <UNK> word"]))
    assert table["token"].tolist() == ["<PAD>", "<UNK>", "word"]
    assert table["special"].tolist() == [True, True, False]
    assert table["count"].tolist() == [0, 2, 1]


@pytest.mark.parametrize(("query", "expected"), [("EXEM", ["exemplo"]), ("t", ["texto", "PyTorch"]),
                                                 ("", None), ("zzz", [])])
def test_search_vocab_finds_tokens_ignoring_case(notebook_texts, query, expected) -> None:
    table = vocab_table(build_vocab(notebook_texts))
    found = search_vocab(table, query)["token"].tolist()
    assert found == (table["token"].tolist() if expected is None else expected)


def test_search_vocab_treats_the_query_as_plain_text() -> None:
    table = vocab_table(build_vocab(["a.b (x) a*b"]))
    assert search_vocab(table, ".")["token"].tolist() == ["a.b"]
    assert search_vocab(table, "(")["token"].tolist() == ["(x)"]


def test_search_vocab_sorts_by_count_then_index(notebook_texts) -> None:
    table = vocab_table(build_vocab(notebook_texts))
    by_count = search_vocab(table, sort="count")
    assert by_count["token"].tolist()[:3] == ["exemplo", "de", "texto"]
    assert by_count["count"].is_monotonic_decreasing
    resorted = search_vocab(by_count, sort="index")
    assert resorted["index"].tolist() == list(range(11))
    with pytest.raises(ValueError):
        search_vocab(table, sort="token")


def test_batch_table_lists_the_batchs_texts_and_their_padding() -> None:
    dataset = Dataset(("a b c", "d", "e f"), ("x", "y", "x"), "categorical", ("x", "y"))
    table = batch_table(dataset, torch.tensor([2, 0]), torch.tensor([2, 3]), width=3)
    assert table["row"].tolist() == [3, 1]
    assert table["text"].tolist() == ["e f", "a b c"]
    assert table["label"].tolist() == ["x", "x"]
    assert table["padding"].tolist() == [1, 0]


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_localize_names_the_columns_in_the_language(lang, notebook_dataset) -> None:
    table = localize(dataset_table(notebook_dataset, torch.tensor([4, 5, 3])), lang)
    assert list(table.columns) == [t(f"datatable.{name}", lang) for name in ("row", "tokens", "text")]
    assert table.iloc[:, 1].tolist() == [4, 5, 3]


def test_batch_table_counts_the_tokens_max_length_cut() -> None:
    dataset = Dataset(("a b c d e", "d"), None, "none", ())
    table = batch_table(dataset, torch.tensor([0, 1]), torch.tensor([3, 1]), width=3,
                        full_lengths=torch.tensor([5, 1]))
    assert table["cut"].tolist() == [2, 0]
    assert "cut" not in batch_table(dataset, torch.tensor([0, 1]), torch.tensor([3, 1]), width=3).columns


def test_the_search_example_is_a_frequent_word_of_the_vocabulary() -> None:
    vocab = build_vocab(["O é uma casa", "uma casa e uma rua", "é O"])
    assert search_example(vocab) == "uma"  # the most frequent of 3+ letters; "O" and "é" are more frequent
    assert search_example(build_vocab(["a b a"])) == "a"  # no longer word: the first token
    assert search_example(build_vocab(["x"])) == "x"
    assert search(vocab, search_example(vocab)) == ["uma"]


def search(vocab, query: str) -> list[str]:
    return search_vocab(vocab_table(vocab), query)["token"].tolist()
