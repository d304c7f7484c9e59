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
