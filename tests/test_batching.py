"""Padded batches: values, masks, epoch coverage, determinism and how much padding bucketing saves."""

from __future__ import annotations

import csv
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn.utils.rnn import pad_sequence

from textlab.text.batching import EncodedTexts, batch_indices, padding_stats
from textlab.text.corpus import TokenizedCorpus

FAST = settings(max_examples=50, deadline=None)
sequences_strategy = st.lists(st.lists(st.integers(1, 30), max_size=12), min_size=1, max_size=10)


def test_mask_and_lengths():
    encoded = EncodedTexts.from_lists([[5, 6, 7], [8], [], [9, 9]])
    batch = encoded.collate([0, 1, 2, 3])
    assert batch.lengths.tolist() == [3, 1, 0, 2]
    assert batch.mask.dtype == torch.bool
    assert batch.mask.tolist() == [[True, True, True], [True, False, False], [False, False, False],
                                   [True, True, False]]
    assert batch.ids.tolist() == [[5, 6, 7], [8, 0, 0], [0, 0, 0], [9, 9, 0]]
    assert batch.indices.tolist() == [0, 1, 2, 3]
    assert len(batch) == 4
    assert batch.pad_cells == 6 and batch.pad_fraction == 0.5
    assert batch.targets is None


def test_collate_takes_targets_of_the_chosen_texts():
    encoded = EncodedTexts.from_lists([[1], [2, 3], [4]])
    targets = torch.tensor([10.0, 20.0, 30.0])
    batch = encoded.collate([2, 0], targets)
    assert batch.targets.tolist() == [30.0, 10.0]
    assert batch.ids.tolist() == [[4], [1]]


@FAST
@given(sequences=sequences_strategy, data=st.data())
def test_collate_matches_pad_sequence(sequences, data):
    encoded = EncodedTexts.from_lists(sequences)
    indices = data.draw(st.lists(st.integers(0, len(sequences) - 1), min_size=1, max_size=8))
    batch = encoded.collate(indices)
    expected = pad_sequence([torch.tensor(sequences[i], dtype=torch.long) for i in indices], batch_first=True)
    assert batch.ids.shape == expected.shape
    assert torch.equal(batch.ids, expected)
    assert batch.mask.sum(1).tolist() == [len(sequences[i]) for i in indices]
    assert torch.equal(batch.ids != 0, batch.mask)  # ids are >= 1, so non-zero exactly on real tokens


def test_collate_of_corpus_matches_pad_sequence_of_per_text_encoding():
    texts = ["o produto chegou", "", "ótimo", "a caixa veio amassada mas o produto funciona"]
    corpus = TokenizedCorpus.from_texts(texts)
    vocab = corpus.build_vocab()
    encoded = EncodedTexts(corpus.encode(vocab), corpus.lengths)
    expected = pad_sequence([torch.tensor(vocab.encode(t), dtype=torch.long) for t in texts], batch_first=True)
    assert torch.equal(encoded.collate([0, 1, 2, 3]).ids, expected)


def _flat(batches: list[torch.Tensor]) -> list[int]:
    return sorted(index for batch in batches for index in batch.tolist())


@FAST
@given(lengths=st.lists(st.integers(0, 40), min_size=1, max_size=300), batch_size=st.integers(1, 17),
       shuffle=st.booleans(), bucketing=st.booleans(), seed=st.integers(0, 2**31 - 1))
def test_every_index_exactly_once_per_epoch(lengths, batch_size, shuffle, bucketing, seed):
    lengths_tensor = torch.tensor(lengths, dtype=torch.long)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(2):  # two epochs from one generator
        batches = batch_indices(lengths_tensor, batch_size, shuffle, bucketing, generator)
        assert _flat(batches) == list(range(len(lengths)))
        assert all(1 <= len(batch) <= batch_size for batch in batches)
        assert len(batches) == -(-len(lengths) // batch_size)


@pytest.mark.parametrize("bucketing", [False, True])
def test_zero_texts_give_no_batches(bucketing):
    # A DataLoader over an empty data set yields no batches at all.
    assert batch_indices(torch.zeros(0, dtype=torch.long), 4, bucketing=bucketing) == []


def test_no_shuffle_keeps_the_order():
    batches = batch_indices(torch.tensor([3, 1, 2, 5, 4]), 2, shuffle=False)
    assert [b.tolist() for b in batches] == [[0, 1], [2, 3], [4]]


def test_bucketing_groups_similar_lengths_without_shuffle():
    lengths = torch.tensor([5, 1, 4, 2, 3, 6])
    batches = batch_indices(lengths, 2, shuffle=False, bucketing=True)
    assert [lengths[b].tolist() for b in batches] == [[1, 2], [3, 4], [5, 6]]


def test_same_seed_same_batches_different_seed_different_batches():
    lengths = torch.randint(0, 50, (500,), generator=torch.Generator().manual_seed(0))
    for bucketing in (False, True):
        first = batch_indices(lengths, 8, True, bucketing, torch.Generator().manual_seed(3))
        again = batch_indices(lengths, 8, True, bucketing, torch.Generator().manual_seed(3))
        other = batch_indices(lengths, 8, True, bucketing, torch.Generator().manual_seed(4))
        assert [b.tolist() for b in first] == [b.tolist() for b in again]
        assert [b.tolist() for b in first] != [b.tolist() for b in other]


def test_epochs_from_one_generator_differ():
    generator = torch.Generator().manual_seed(0)
    lengths = torch.ones(100, dtype=torch.long)
    first = batch_indices(lengths, 10, generator=generator)
    second = batch_indices(lengths, 10, generator=generator)
    assert [b.tolist() for b in first] != [b.tolist() for b in second]


def test_an_epoch_of_collated_batches_covers_every_text_once():
    sequences = [[1] * n for n in (3, 1, 4, 1, 5)]
    encoded = EncodedTexts.from_lists(sequences)
    targets = torch.arange(5.0)
    order = batch_indices(encoded.lengths, 2, shuffle=True, generator=torch.Generator().manual_seed(0))
    batches = [encoded.collate(indices, targets) for indices in order]
    assert sorted(int(i) for b in batches for i in b.indices) == [0, 1, 2, 3, 4]
    for batch in batches:
        assert torch.equal(batch.targets, targets[batch.indices])
        assert batch.lengths.tolist() == [len(sequences[i]) for i in batch.indices.tolist()]


def test_padding_stats_from_lengths():
    lengths = torch.tensor([1, 3, 2, 2])
    stats = padding_stats(lengths, [torch.tensor([0, 1]), torch.tensor([2, 3])])
    assert stats.per_batch == (2 / 6, 0.0)
    assert stats.pad_cells == 2 and stats.total_cells == 10
    assert stats.overall == pytest.approx(0.2)
    encoded = EncodedTexts.from_lists([[1] * n for n in lengths.tolist()])
    assert stats.per_batch[0] == encoded.collate([0, 1]).pad_fraction


def test_bucketing_cuts_padding_on_widely_varying_lengths():
    rng = random.Random(0)
    # Mostly short texts with a long tail, like reviews: 1..5 tokens, sometimes 50..300.
    lengths = torch.tensor([rng.randint(50, 300) if rng.random() < 0.1 else rng.randint(1, 5) for _ in range(4000)])
    random_batches = batch_indices(lengths, 32, True, False, torch.Generator().manual_seed(0))
    bucketed_batches = batch_indices(lengths, 32, True, True, torch.Generator().manual_seed(0))
    random_padding = padding_stats(lengths, random_batches).overall
    bucketed_padding = padding_stats(lengths, bucketed_batches).overall
    assert random_padding > 0.8
    assert bucketed_padding < random_padding / 4


def test_real_reviews_padding_random_vs_bucketed(shared_data):
    path = shared_data / "b2w-rating-train-10k.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    assert len(texts) == 10_000
    corpus = TokenizedCorpus.from_texts(texts)
    random_batches = batch_indices(corpus.lengths, 32, True, False, torch.Generator().manual_seed(0))
    bucketed_batches = batch_indices(corpus.lengths, 32, True, True, torch.Generator().manual_seed(0))
    random_padding = padding_stats(corpus.lengths, random_batches).overall
    bucketed_padding = padding_stats(corpus.lengths, bucketed_batches).overall
    assert 0.70 <= random_padding <= 0.85
    assert bucketed_padding < 0.20


def test_max_length_keeps_each_texts_first_tokens():
    encoded = EncodedTexts.from_lists([[2, 3, 4, 5, 6], [7, 8], [9, 10, 11]], max_length=3)
    assert encoded.lengths.tolist() == [3, 2, 3]
    assert encoded.full_lengths.tolist() == [5, 2, 3]
    assert encoded.cut.tolist() == [True, False, False]
    assert encoded.collate([0]).ids[0].tolist() == [2, 3, 4]
    batch = encoded.collate([0, 1, 2])
    assert batch.ids.tolist() == [[2, 3, 4], [7, 8, 0], [9, 10, 11]]
    assert batch.mask.sum(1).tolist() == [3, 2, 3]


def test_no_max_length_keeps_every_token():
    encoded = EncodedTexts.from_lists([[2, 3, 4, 5, 6], [7]])
    assert encoded.lengths.tolist() == [5, 1] and not encoded.cut.any()
    assert encoded.collate([0, 1]).ids.shape == (2, 5)
