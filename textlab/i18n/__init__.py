"""The one translation table: every user-facing string, in Portuguese and English.

Each area of the app keeps its strings in its own module (``core``, ``data``, ...);
this package merges them into ``TEXTS`` and refuses duplicate keys, so two areas
can never silently overwrite each other's wording.
"""

from __future__ import annotations

from types import MappingProxyType

from textlab.i18n import app, classroom, cli, core, data, data_pages, embeddings, fields, runs, train

LANGUAGES = ("pt", "en")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"pt": "Português", "en": "English"}


def _merge(*tables: dict[str, dict[str, str]]) -> MappingProxyType:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for key, translations in table.items():
            if key in merged:
                raise ValueError(f"translation key defined twice: {key}")
            merged[key] = translations
    return MappingProxyType(merged)


TEXTS = _merge(core.TEXTS, fields.TEXTS, cli.TEXTS, data.TEXTS, app.TEXTS, data_pages.TEXTS, train.TEXTS,
               embeddings.TEXTS, runs.TEXTS, classroom.TEXTS)


def normalize_language(lang: str | None) -> str:
    """Map a locale such as 'pt-BR' or 'en_US' to a supported language code."""
    code = (lang or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Translate ``key`` into ``lang`` and fill in ``{placeholders}`` from ``params``."""
    text = TEXTS[key][normalize_language(lang)]
    return text.format(**params) if params else text
