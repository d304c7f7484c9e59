"""The pages' translation table: the core's strings (``textlab.i18n``) plus those only the pages show.

Loaded like the core's, through ``merge_tables``, so a key defined twice is refused here too.
"""

from __future__ import annotations

from textlab.i18n import TEXTS as CORE_TEXTS
from textlab.i18n import merge_tables, translate
from textlab.ui.texts import app, classroom, data_pages, embeddings, runs, train

TEXTS = merge_tables(CORE_TEXTS, app.TEXTS, classroom.TEXTS, data_pages.TEXTS, embeddings.TEXTS, runs.TEXTS,
                     train.TEXTS)


def t(key: str, lang: str, **params: object) -> str:
    """Translate one of the core's or the pages' keys into ``lang``."""
    return translate(TEXTS, key, lang, **params)
