"""The core's translation table: what the core and the CLI say, in Portuguese and English.

Each area keeps its strings in its own module (``core``, ``data``, ...); ``merge_tables``
merges them into ``TEXTS`` and refuses duplicate keys, so two areas can never silently
overwrite each other's wording. The pages' own strings live with the UI
(``textlab.ui.texts``), merged the same way on top of these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from textlab.i18n import (
    classroom,
    cli,
    core,
    counts,
    data,
    data_pages,
    embeddings,
    fields,
    notebook,
    options,
    runs,
    train,
)
from textlab.i18n.numbers import LocalNumber, format_general, plural_category

LANGUAGES = ("pt", "en")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"pt": "Português", "en": "English"}


def merge_tables(*tables: Mapping[str, dict[str, str]]) -> MappingProxyType:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for key, translations in table.items():
            if key in merged:
                raise ValueError(f"translation key defined twice: {key}")
            merged[key] = translations
    return MappingProxyType(merged)


TEXTS = merge_tables(core.TEXTS, fields.TEXTS, cli.TEXTS, data.TEXTS, data_pages.TEXTS, train.TEXTS,
                     embeddings.TEXTS, runs.TEXTS, notebook.TEXTS, classroom.TEXTS, options.TEXTS, counts.TEXTS)


def normalize_language(lang: str | None) -> str:
    """Map a locale such as 'pt-BR' or 'en_US' to a supported language code."""
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Counted:
    """A count and its noun (a ``count.{noun}`` key), written in the language of the sentence it fills.

    The core raises errors before anyone knows the reader's language, so an error says
    ``tensors=Counted("tensors", 3)`` and the message reads "3 tensores" or "1 tensor".
    """

    noun: str
    count: int


def translate(table: Mapping[str, dict[str, str]], key: str, lang: str, **params: object) -> str:
    """Look ``key`` up in ``table`` in ``lang`` and fill in ``{placeholders}`` from ``params``.

    Numbers among ``params`` come out in the language's own marks (``{loss:.4f}`` is 0,6797 in pt).
    A sentence whose words agree with its ``count`` ("1 row also got", "2 rows also got") is kept
    as ``key.one`` and ``key.other``; the form ``count`` takes in ``lang`` is the one used.
    """
    lang = normalize_language(lang)
    if key not in table and "count" in params:
        form = f"{key}.{plural_category(params['count'], lang)}"
        key = form if form in table else f"{key}.other"
    text = table[key][lang]
    return text.format(**{name: _localised(value, lang) for name, value in params.items()}) if params else text


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Translate one of the core's keys into ``lang``."""
    return translate(TEXTS, key, lang, **params)


def plural(key: str, count: float, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Translate ``key.one`` or ``key.other``, whichever ``count`` takes in ``lang`` (CLDR rules)."""
    return t(key, lang, count=count, **params)


def _localised(value: object, lang: str) -> object:
    if isinstance(value, Counted):
        return plural(f"count.{value.noun}", value.count, lang)
    # bool is an int, but True/False never reach a template as a number.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return LocalNumber(value, lang)
    return value


def option_label(name: str, value: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """A setting's value as a student reads it: "média sem PAD", "ligado", "0,001", never a Python literal."""
    if isinstance(value, bool):
        return t(f"option.bool.{str(value).lower()}", lang)
    if isinstance(value, (int, float)):
        return format_general(value, normalize_language(lang))
    key = f"option.{name}.{value}"
    return t(key, lang) if key in TEXTS else str(value)


def field_help(name: str, choices: Sequence[str], lang: str = DEFAULT_LANGUAGE, *, labelled: bool = True) -> str:
    """A setting's help, its ``choices`` named by their labels (on screen) or as typed (``labelled=False``: the CLI)."""
    names = {choice: option_label(name, choice, lang) if labelled else choice for choice in choices}
    return t(f"field.{name}.help", lang, **names)


def describe_changes(differences: dict[str, tuple[object, object]], lang: str = DEFAULT_LANGUAGE) -> str:
    """Changed settings by their labels: "Tamanho do lote 2 → 32, Épocas 3 → 10"."""
    return ", ".join(f"{t(f'field.{name}', lang)} {option_label(name, old, lang)} → {option_label(name, new, lang)}"
                     for name, (old, new) in differences.items())
