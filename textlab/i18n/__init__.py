"""The core's translation table: what the core and the CLI say, in Portuguese and English.

Each area keeps its strings in its own module (``core``, ``data``, ...); ``merge_tables``
merges them into ``TEXTS`` and refuses duplicate keys, so two areas can never silently
overwrite each other's wording. The pages' own strings live with the UI
(``textlab.ui.texts``), merged the same way on top of these.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from textlab.i18n import classroom, cli, core, data, data_pages, embeddings, fields, runs, train

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
                     embeddings.TEXTS, runs.TEXTS, classroom.TEXTS)


def normalize_language(lang: str | None) -> str:
    """Map a locale such as 'pt-BR' or 'en_US' to a supported language code."""
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def translate(table: Mapping[str, dict[str, str]], key: str, lang: str, **params: object) -> str:
    """Look ``key`` up in ``table`` in ``lang`` and fill in ``{placeholders}`` from ``params``."""
    text = table[key][normalize_language(lang)]
    return text.format(**params) if params else text


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Translate one of the core's keys into ``lang``."""
    return translate(TEXTS, key, lang, **params)
