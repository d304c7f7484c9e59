"""User text shown exactly as written where Streamlit reads Markdown: messages, ``st.table`` cells and headers.

Streamlit escapes HTML there but still reads Markdown, so a student's "# título" became a heading, "*olá*"
italics, "[x](…)" a link and ":red[oi]" coloured text. GFM lets a backslash escape every ASCII punctuation
mark, so escaping all of them shows the text as typed whatever Streamlit's Markdown adds next.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_literal(text: str) -> str:
    """``text`` escaped for Markdown: it shows as written."""
    return _PUNCTUATION.sub(r"\\\1", text)


def _literal(value: Any) -> Any:
    return markdown_literal(value) if isinstance(value, str) else value


def literal_table(data: Any, *, hide_index: bool | None = None, container: DeltaGenerator | None = None) -> None:
    """``st.table`` of ``data`` (a DataFrame, a dict of columns or a list of rows), every text shown as written."""
    frame = pd.DataFrame(data).map(_literal)
    frame.columns = [_literal(str(column)) for column in frame.columns]
    frame.index = frame.index.map(_literal)
    (container or st).table(frame, hide_index=hide_index)
