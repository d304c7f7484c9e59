"""Open a page of the app in Streamlit's AppTest, the way a user reaches it through the navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from textlab.ui.state import SESSION, Session

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def open_page(page: str | None = None, *, lang: str = "en", timeout: float = 30,
              query: dict[str, str] | None = None) -> AppTest:
    """Run app.py, then switch to ``app_pages/<page>.py`` (the start page when None)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at


def all_text(at: AppTest) -> str:
    """Every piece of text drawn (markdown, captions, titles, alerts), joined: for `in` checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning",
                 "info", "success", "code"):
        parts += [element.value for element in getattr(at, kind)]
    return "\n".join(str(part) for part in parts)


def as_shown(text: object) -> object:
    """A cell of an ``st.table`` as the browser shows it: Markdown's backslash escapes removed (textlab.ui.literal)."""
    return re.sub(r"\\(.)", r"\1", text) if isinstance(text, str) else text


def shown_table(element) -> pd.DataFrame:
    """An ``st.table``'s value with headers, index and cells as the browser shows them."""
    frame = element.value.map(as_shown)
    frame.columns = [as_shown(column) for column in frame.columns]
    frame.index = frame.index.map(as_shown)
    return frame


def session(at: AppTest) -> Session:
    """The app's session object; before the first run, a new one made from the test's URL, as the app would."""
    if SESSION not in at.session_state:
        params = {key: value if isinstance(value, str) else value[-1] for key, value in at.query_params.items()}
        at.session_state[SESSION] = Session.from_url(params)
    return at.session_state[SESSION]
