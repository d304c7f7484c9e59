"""The bundled samples: registry, files shipped in the package, size, balance and the word-order property."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from importlib import resources

import pytest

from textlab.data.samples import SAMPLES, load_sample, sample_bytes
from textlab.errors import DataError
from textlab.i18n import t

# Words and letters that mark a sentence as Portuguese or as English (a rough check of the mix).
PORTUGUESE_WORDS = {"o", "de", "não", "é", "que", "do", "da", "muito", "um", "uma", "com", "para", "foi", "e"}
PORTUGUESE_LETTERS = set("ãõçáéíóúâêôà")
ENGLISH_WORDS = {"the", "and", "is", "was", "i", "it", "of", "to", "my", "with", "this", "our", "for", "in"}


def language(text: str) -> str:
    """'pt', 'en' or '?' from marker words and letters."""
    lowered = text.lower()
    words = set(re.findall(r"[\w']+", lowered))
    portuguese = bool(words & PORTUGUESE_WORDS or set(lowered) & PORTUGUESE_LETTERS)
    english = bool(words & ENGLISH_WORDS)
    if portuguese != english:
        return "pt" if portuguese else "en"
    return "?"


def test_every_bundled_file_is_a_sample_and_every_sample_names_its_own_file():
    bundled = {entry.name for entry in resources.files("textlab.data.samples").iterdir()
               if entry.name.endswith((".txt", ".tsv", ".csv"))}
    assert sorted(sample.filename for sample in SAMPLES.values()) == sorted(bundled)
    for name, sample in SAMPLES.items():
        assert sample.name == name
        for key in (sample.title_key, sample.description_key):
            assert t(key, "pt") != t(key, "en")


@pytest.mark.parametrize("name", list(SAMPLES))
def test_sample_files_are_utf8_and_load_without_notices(name):
    raw = sample_bytes(name)
    assert raw.decode("utf-8").endswith("\n")
    assert load_sample(name).notices == ()


@pytest.mark.parametrize("name", list(SAMPLES))
def test_sample_texts_are_unique(name):
    texts = load_sample(name).texts
    assert len(set(texts)) == len(texts)


def test_unknown_sample_lists_the_valid_names():
    for call in (sample_bytes, load_sample):
        with pytest.raises(DataError) as caught:
            call("imdb")
        message = caught.value.message("pt")
        assert "imdb" in message
        assert all(name in message for name in SAMPLES)


def test_notebook_sample_is_the_notebooks_three_texts():
    dataset = load_sample("notebook")
    assert dataset.texts == ("exemplo de texto 1", "mais um texto de exemplo", "PyTorch é incrível")
    assert dataset.label_kind == "none"
    assert sample_bytes("notebook").decode("utf-8") == "\n".join(dataset.texts) + "\n"


def test_sentiment_sample_is_balanced_bilingual_and_varied_in_length():
    dataset = load_sample("sentiment")
    assert sample_bytes("sentiment").startswith(b"text\tlabel\n")
    assert len(dataset) >= 240
    assert dataset.label_names == ("negative", "positive")
    assert Counter(dataset.labels)["positive"] == Counter(dataset.labels)["negative"]
    languages = Counter(language(text) for text in dataset.texts)
    assert languages["pt"] >= 100 and languages["en"] >= 100
    lengths = [len(text.split()) for text in dataset.texts]
    assert min(lengths) <= 3 and max(lengths) >= 30
    # Many short and many long texts, so a batch mixes little and much padding.
    assert sum(length <= 5 for length in lengths) >= 30
    assert sum(length >= 20 for length in lengths) >= 30


def test_ratings_sample_is_numeric_one_to_five_and_balanced():
    dataset = load_sample("ratings")
    assert sample_bytes("ratings").startswith(b"text\trating\n")
    assert len(dataset) >= 200
    assert dataset.label_kind == "numeric"
    counts = Counter(dataset.targets())
    assert set(counts) == {1.0, 2.0, 3.0, 4.0, 5.0}
    assert max(counts.values()) - min(counts.values()) <= len(dataset) // 20
    assert all(label in {"1", "2", "3", "4", "5"} for label in dataset.labels)


def test_ratings_match_their_texts_at_the_extremes():
    dataset = load_sample("ratings")
    by_rating = defaultdict(list)
    for text, label in zip(dataset.texts, dataset.labels, strict=True):
        by_rating[label].append(text.lower())
    praise = ("excelente", "perfeito", "ótimo", "maravilhos", "recomendo", "amei", "adorei")
    assert not any("péssim" in text or "horrível" in text for text in by_rating["5"])
    assert not any(word in text for text in by_rating["1"] for word in ("excelente", "perfeito", "amei"))
    assert sum(any(word in text for word in praise) for text in by_rating["5"]) >= 20


def test_word_order_sample_is_balanced_and_large_enough():
    dataset = load_sample("word_order")
    assert sample_bytes("word_order").startswith(b"text\tlabel\n")
    assert len(dataset) >= 240
    assert dataset.label_names == ("negative", "positive")
    assert Counter(dataset.labels)["positive"] == Counter(dataset.labels)["negative"]
    assert {language(text) for text in dataset.texts} == {"pt", "en"}


def test_every_word_order_text_has_an_anagram_with_the_opposite_label():
    dataset = load_sample("word_order")
    labels_by_bag = defaultdict(list)
    for text, label in zip(dataset.texts, dataset.labels, strict=True):
        labels_by_bag[tuple(sorted(text.split()))].append(label)
    for text, label in zip(dataset.texts, dataset.labels, strict=True):
        opposite = "negative" if label == "positive" else "positive"
        assert opposite in labels_by_bag[tuple(sorted(text.split()))], text
    # Every bag of words carries both labels equally often, so no bag-of-words model beats chance.
    for bag, labels in labels_by_bag.items():
        assert labels.count("positive") == labels.count("negative"), bag


def test_word_order_punctuation_is_its_own_token():
    for text in load_sample("word_order").texts:
        for token in text.split():
            assert token in {",", "."} or not re.search(r"[,.!?]", token), text


def test_rare_words_sample_is_balanced_and_each_rare_word_is_in_exactly_two_reviews():
    from textlab.data.samples.make_rare_words import MARKS, RARE, USES_PER_RARE_WORD

    dataset = load_sample("rare_words")
    assert sample_bytes("rare_words").startswith(b"text\tlabel\n")
    assert dataset.label_names == ("negative", "positive")
    assert Counter(dataset.labels)["positive"] == Counter(dataset.labels)["negative"]
    labels_of = defaultdict(list)
    for text, label in zip(dataset.texts, dataset.labels, strict=True):
        for token in text.split():
            labels_of[token].append(label)
    rare = {word + mark: label for labels in RARE.values() for label, words in labels.items()
            for word in words for mark in MARKS}
    for token, label in rare.items():
        assert labels_of[token] == [label] * USES_PER_RARE_WORD, token
    resting_on_a_rare_word = sum(any(token in rare for token in text.split()) for text in dataset.texts)
    assert resting_on_a_rare_word / len(dataset) == pytest.approx(2 / 3)
