"""Numbers as each language writes them: one format per language, through Babel's CLDR data."""

from __future__ import annotations

import pytest

from textlab.i18n import plural, t
from textlab.i18n.numbers import (
    LocalNumber,
    format_decimal,
    format_general,
    format_integer,
    format_percent,
    format_size,
    plural_category,
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("pt", ("0,6797", "84,1%", "1.557,5 KB", "10.000", "0,001", "—")),
    ("en", ("0.6797", "84.1%", "1,557.5 KB", "10,000", "0.001", "—")),
])
def test_each_language_has_its_own_marks(lang, expected):
    shown = (format_decimal(0.67971, lang), format_percent(0.8412, lang), format_size(int(1557.5 * 1024), lang),
             format_integer(10_000, lang), format_general(0.001, lang), format_decimal(float("nan"), lang))
    assert shown == expected


def test_extreme_values_still_read_as_numbers():
    assert format_general(1e-5, "pt") == "1e-5"
    assert format_decimal(1e100, "pt") == "1E100"
    assert format_decimal(float("inf"), "en") == "∞"


def test_templates_keep_their_format_specs_and_gain_the_language():
    assert f"{LocalNumber(0.0123, 'pt'):.2%}" == "1,23%"
    assert f"{LocalNumber(2.5, 'pt'):.4f}" == "2,5000"
    assert f"{LocalNumber(7, 'pt'):02d}" == "07"  # widths have no language
    assert t("log.epoch", "pt", epoch=1, loss=0.67971) == "Época 1, Perda: 0,6797"
    assert t("log.epoch", "en", epoch=1, loss=0.67971) == "Epoch 1, Loss: 0.6797"


def test_plural_forms_follow_cldr_in_both_languages():
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category(n, "pt") for n in (1, 2)] == ["one", "other"]
    assert plural("count.texts", 1, "en") == "1 text" and plural("count.texts", 1, "pt") == "1 texto"
    assert plural("count.texts", 10_000, "pt") == "10.000 textos"


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_every_counted_noun_is_singular_at_one_and_plural_at_zero_and_two(lang):
    from textlab.i18n.counts import TEXTS as COUNTS

    nouns = {key.split(".")[1] for key in COUNTS}
    for noun in nouns:
        one, other = COUNTS[f"count.{noun}.one"][lang], COUNTS[f"count.{noun}.other"][lang]
        assert plural(f"count.{noun}", 1, lang) == one.format(count=1)
        # CLDR: English and Brazilian Portuguese differ at 0 ("0 texts" / "0 texto").
        assert plural(f"count.{noun}", 0, lang) == (other if lang == "en" else one).format(count=0)
        assert plural(f"count.{noun}", 2, lang) == other.format(count=2)


def _filled(text: str) -> dict[str, str]:
    """Every placeholder of ``text`` but ``count`` filled with its own name, to see which form was chosen."""
    import string

    return {name: f"<{name}>" for _, name, _, _ in string.Formatter().parse(text) if name and name != "count"}


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_every_sentence_with_plural_forms_takes_the_form_of_its_count(lang):
    """A sentence kept as ``key.one``/``key.other`` (the verb agrees: "1 linha recebeu", "2 linhas receberam")."""
    from textlab.i18n import translate
    from textlab.ui.texts import TEXTS

    keys = {key.rsplit(".", 1)[0] for key in TEXTS if key.endswith(".one") and f"{key[:-4]}.other" in TEXTS}
    assert {"emb.grad.outside_batch", "runs.unknown_tokens", "data.not_numeric", "data.blank_texts.lines",
            "data.mixed_labels"} <= keys
    for key in keys:
        one, other = TEXTS[f"{key}.one"][lang], TEXTS[f"{key}.other"][lang]
        params = {**_filled(one), **_filled(other)}
        assert translate(TEXTS, key, lang, count=1, **params) == one.format(count=1, **params), key
        assert translate(TEXTS, key, lang, count=2, **params) == other.format(count=2, **params), key
        zero = one if lang == "pt" else other
        assert translate(TEXTS, key, lang, count=0, **params) == zero.format(count=0, **params), key


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "1 row outside the batch also got", "2 rows outside the batch also got"),
    ("pt", "1 linha fora do lote também recebeu", "2 linhas fora do lote também receberam"),
])
def test_the_gradient_sentence_agrees_with_its_count(lang, one, two):
    from textlab.ui.texts import t as page_t

    assert page_t("emb.grad.outside_batch", lang, count=1).startswith(one)
    assert page_t("emb.grad.outside_batch", lang, count=2).startswith(two)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ("(1 tensor)", "(2 tensors)", "but 1 is not", "but 2 are not", "The input has 1 text;")),
    ("pt", ("(1 tensor)", "(2 tensores)", "mas 1 não é", "mas 2 não são", "A entrada tem 1 texto;")),
])
def test_the_cores_errors_count_in_the_readers_language(lang, expected):
    """Errors are raised before the language is known: their counted nouns take its form when read."""
    from textlab.errors import BadLabelError, CheckpointError, TooLargeError
    from textlab.i18n import Counted

    one_tensor, two_tensors = (CheckpointError("checkpoint.bare_state_dict", tensors=Counted("tensors", n))
                               for n in (1, 2))
    not_numbers = [BadLabelError("data.not_numeric", rows="3", count=n, example="x") for n in (1, 2)]
    too_large = TooLargeError("data.too_many_rows", texts=Counted("texts", 1), limit=0)
    shown = (one_tensor.message(lang), two_tensors.message(lang), *(e.message(lang) for e in not_numbers),
             too_large.message(lang))
    for part, message in zip(expected, shown, strict=True):
        assert part in message, (part, message)


# Counts that sit before a plural noun in a template and can never be 1, with the reason.
ALWAYS_PLURAL = {
    "model.text_too_long": "the text is longer than the limit, so at least 2 tokens",
    "train.state.finished": "steps/s is a rate",
    "checkpoint.vocab_mismatch": "a vocabulary always holds <PAD> and <UNK>",
    "runs.loaded": "a vocabulary always holds <PAD> and <UNK>",
    "emb.map.notice_frames": "a vocabulary always holds <PAD> and <UNK>",
    "emb.map.notice_single": "a vocabulary always holds <PAD> and <UNK>",
    "emb.map.notice_tsne": "t-SNE needs at least 2 points",
    "export.bucketing": "the pool is the constant BUCKET_POOL_BATCHES",
    "lesson.prompt_too_long": "the limit is a constant",
    "emb.forward.shown_texts": "said only when more texts than the shown ones exist",
    "emb.forward.shown_positions": "said only when more positions than the shown ones exist",
    "train.history.latest": "said only when more epochs than the listed ones exist",
    "experiment.padding.conclusion": "the experiments train a fixed number of epochs over sentences of words",
    "experiment.padding.loss_only": "the experiments train a fixed number of epochs over sentences of words",
    "experiment.padding.loss_lower": "the experiments train a fixed number of epochs",
    "experiment.padding.plain_lower": "the experiments train a fixed number of epochs",
    "experiment.shuffle.conclusion": "the experiments train a fixed number of epochs",
}
NOUNS = ("texts|tokens|rows|epochs|steps|tensors|lines|positions|classes|words|batches|characters|textos|linhas|"
         "épocas|passos|tensores|posições|palavras|lotes|caracteres")


def test_no_other_count_sits_bare_before_a_plural_noun():
    """A "{n} texts" template reads "1 texts" at one: it must take a counted noun (count.*) instead."""
    import re

    from textlab.ui.texts import TEXTS

    # A count, maybe one word ("{n} real tokens"), then the noun; a percentage ("{share:.0%} textos") is no count.
    bare = re.compile(r"\{\w+(?::[^}%]*)?\} (?:\w+ )?(" + NOUNS + r")\b")
    found = sorted({key for key, texts in TEXTS.items() for text in texts.values() if bare.search(text)
                    and not key.startswith("count.") and not key.endswith((".one", ".other"))
                    and key not in ALWAYS_PLURAL})
    assert found == []
