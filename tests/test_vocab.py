"""Tokenizer options, vocabulary building, encode/decode and the fast corpus path."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from textlab.errors import ConfigError
from textlab.text.corpus import TokenizedCorpus, build_vocab
from textlab.text.vocab import PAD_ID, PAD_TOKEN, SPECIAL_TOKENS, UNK_ID, UNK_TOKEN, TokenizerOptions, Vocab

ALL_OPTIONS = [TokenizerOptions(kind, lowercase) for kind in ("whitespace", "words", "chars")
               for lowercase in (False, True)]

# Texts that stress the tokenizers: any unicode (NUL included), tabs, newlines, empty strings,
# the literal special tokens and the Greek capital sigma whose lower case depends on context.
_pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "\t", "\n", "\x00", "\x1c", "\x85", "\xa0", "<PAD>", "<UNK>", "ΑΣ", "İ", "ß",
                     "Ótimo,", "incrível!", "a_b", "1.5"]),
)
texts_strategy = st.lists(st.lists(_pieces, max_size=6).map(" ".join) | st.text(max_size=20), max_size=6)
# Without NUL, several texts of whitespace/words take the joined fast path.
texts_without_nul_strategy = st.lists(
    st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=20), min_size=2, max_size=6)
options_strategy = st.sampled_from(ALL_OPTIONS)
FAST = settings(max_examples=50, deadline=None)


def corpus_tokens(corpus: TokenizedCorpus) -> list[list[str]]:
    """Each text's tokens, read back from the corpus tensors."""
    tokens = [corpus.types[index] for index in corpus.type_ids.tolist()]
    result, start = [], 0
    for length in corpus.lengths.tolist():
        result.append(tokens[start:start + length])
        start += length
    assert start == len(tokens)
    return result


# Options


def test_lowercase_option():
    assert TokenizerOptions(lowercase=True).tokenize("Ótimo PRODUTO") == ["ótimo", "produto"]
    assert TokenizerOptions(lowercase=False).tokenize("Ótimo PRODUTO") == ["Ótimo", "PRODUTO"]
    vocab = build_vocab(["Bom bom BOM"], TokenizerOptions(lowercase=True))
    assert vocab.idx2token == ["<PAD>", "<UNK>", "bom"] and vocab.counts == [0, 0, 3]
    assert vocab.encode("BoM") == [2]


def test_words_tokenizer_splits_punctuation():
    assert TokenizerOptions("words").tokenize("Ótimo, incrível!") == ["Ótimo", ",", "incrível", "!"]
    assert TokenizerOptions("whitespace").tokenize("Ótimo, incrível!") == ["Ótimo,", "incrível!"]


def test_chars_tokenizer():
    assert TokenizerOptions("chars").tokenize("Oi, é") == ["O", "i", ",", " ", "é"]
    vocab = build_vocab(["aba", "c"], TokenizerOptions("chars"))
    assert vocab.idx2token == ["<PAD>", "<UNK>", "a", "b", "c"] and vocab.counts == [0, 0, 2, 1, 1]


def test_unknown_tokenizer_is_refused():
    with pytest.raises(ConfigError) as caught:
        TokenizerOptions("sentencepiece")
    assert "whitespace" in str(caught.value) and "chars" in str(caught.value) and "bpe" in str(caught.value)


def test_min_freq_drops_rare_tokens_into_unk_count():
    vocab = build_vocab(["a b a c", "a b d"], min_freq=2)
    assert vocab.idx2token == ["<PAD>", "<UNK>", "a", "b"]
    assert vocab.counts == [0, 2, 3, 2]  # c and d are unknown now
    assert vocab.encode("a c d b") == [2, 1, 1, 3]


def test_max_size_keeps_most_frequent_with_ties_by_first_appearance():
    texts = ["e d c b a", "a b c", "a b", "c"]  # a:3 b:3 c:3 d:1 e:1
    vocab = build_vocab(texts, max_size=2)
    # a, b and c tie at 3: first appearance breaks the tie, and c, then b, appear before a.
    assert vocab.idx2token == ["<PAD>", "<UNK>", "c", "b"]
    assert vocab.counts == [0, 5, 3, 3]
    vocab = build_vocab(texts, max_size=4)
    assert vocab.idx2token == ["<PAD>", "<UNK>", "e", "c", "b", "a"]  # e ties with d, e came first
    assert vocab.counts == [0, 1, 1, 3, 3, 3]


def test_counts_include_unknown_and_sum_to_token_count():
    texts = ["x y z x", "y y w"]
    vocab = build_vocab(texts, min_freq=2)
    assert vocab.counts[PAD_ID] == 0
    assert vocab.counts[UNK_ID] == 2  # z and w
    assert sum(vocab.counts) == sum(len(text.split()) for text in texts)
    assert dict(zip(vocab.idx2token, vocab.counts, strict=True))["y"] == 3


def test_bad_min_freq_and_max_size():
    with pytest.raises(ConfigError):
        build_vocab(["a"], min_freq=0)
    with pytest.raises(ConfigError):
        build_vocab(["a"], max_size=-1)


def test_vocab_must_start_with_specials():
    with pytest.raises(ValueError):
        Vocab(["a", "<PAD>", "<UNK>"], [1, 0, 0])


def test_json_round_trip():
    vocab = build_vocab(["Ótimo, incrível!", "ótimo"], TokenizerOptions("words", lowercase=True), max_size=2)
    again = Vocab.from_json(vocab.to_json())
    assert again == vocab
    assert again.options == TokenizerOptions("words", True)
    assert again.token2idx == vocab.token2idx and again.counts == vocab.counts
    assert "Ótimo" not in vocab.to_json() and "ótimo" in vocab.to_json()  # unicode kept readable


def test_decode():
    vocab = build_vocab(["um dois três"])
    assert vocab.decode([2, 3, 4, 1, 0]) == ["um", "dois", "três", UNK_TOKEN, PAD_TOKEN]
    assert vocab.decode([99, -1]) == [UNK_TOKEN, UNK_TOKEN]


def test_literal_pad_word_in_corpus_never_encodes_to_pad():
    texts = ["um <PAD> dois", "<UNK> <PAD>"]
    corpus = TokenizedCorpus.from_texts(texts)
    vocab = corpus.build_vocab()
    assert vocab.idx2token == ["<PAD>", "<UNK>", "um", "dois"]
    assert vocab.counts == [0, 3, 1, 1]  # the literal words are counted as unknown
    assert corpus.encode(vocab).tolist() == [2, 1, 3, 1, 1]


def test_literal_pad_word_never_encodes_to_pad_through_vocab_encode():
    vocab = build_vocab(["um <PAD> dois"])
    assert vocab.encode("um <PAD> dois") == [2, UNK_ID, 3]


# Properties


@FAST
@given(texts=texts_strategy | texts_without_nul_strategy, options=options_strategy)
def test_corpus_agrees_with_per_text_tokenize(texts, options):
    # Cross-checks the joined fast path (whitespace/words over several texts) against the simple path.
    corpus = TokenizedCorpus.from_texts(texts, options)
    expected = [options.tokenize(text) for text in texts]
    assert corpus.lengths.tolist() == [len(tokens) for tokens in expected]
    assert corpus_tokens(corpus) == expected
    assert len(corpus.types) == len(set(corpus.types))


@FAST
@given(texts=texts_strategy, extra=st.text(max_size=20), options=options_strategy,
       min_freq=st.integers(1, 3), max_size=st.integers(0, 5))
def test_encoded_ids_are_in_range_and_never_pad(texts, extra, options, min_freq, max_size):
    corpus = TokenizedCorpus.from_texts(texts, options)
    vocab = corpus.build_vocab(min_freq=min_freq, max_size=max_size)
    ids = corpus.encode(vocab)
    assert len(ids) == sum(len(options.tokenize(text)) for text in texts)
    assert all(1 <= index < len(vocab) for index in ids.tolist())
    if max_size:
        assert len(vocab) <= max_size + 2
    # Vocab.encode on texts without the literal "<PAD>" word (see the xfail test above for that one).
    for text in [*texts, extra]:
        if PAD_TOKEN in options.tokenize(text):
            continue
        assert all(1 <= index < len(vocab) for index in vocab.encode(text))
    assert sum(vocab.counts) == len(ids)


@FAST
@given(texts=texts_strategy, options=options_strategy)
def test_vocab_encode_agrees_with_corpus_encode(texts, options):
    assume(not any(PAD_TOKEN in options.tokenize(text) for text in texts))
    corpus = TokenizedCorpus.from_texts(texts, options)
    vocab = corpus.build_vocab()
    assert corpus.encode(vocab).tolist() == [index for text in texts for index in vocab.encode(text)]


@FAST
@given(texts=texts_strategy, options=options_strategy)
def test_encode_decode_round_trip(texts, options):
    vocab = build_vocab(texts, options)
    for text in texts:
        tokens = options.tokenize(text)
        if any(token in SPECIAL_TOKENS for token in tokens):
            continue  # literal special words are not vocabulary entries
        assert vocab.decode(vocab.encode(text)) == tokens


@FAST
@given(texts=texts_strategy, options=options_strategy, min_freq=st.integers(1, 3), max_size=st.integers(0, 4))
def test_vocab_json_round_trip(texts, options, min_freq, max_size):
    vocab = build_vocab(texts, options, min_freq=min_freq, max_size=max_size)
    again = Vocab.from_json(vocab.to_json())
    assert again == vocab
    assert again.token2idx == vocab.token2idx
    for text in texts:
        assert again.encode(text) == vocab.encode(text)
