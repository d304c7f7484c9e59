"""Presentation mode for the classroom projector: larger fonts and high contrast, kept in the URL."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from textlab.ui import state
from textlab.ui.state import tr

SWITCH = "presentation_switch"  # the widget's key; the session keeps the value for every page
# Static CSS written here, never built from user text, so it is safe to inject.
_PROJECTOR_CSS = """
<style>
[data-testid="stAppViewContainer"], [data-testid="stSidebar"] { color: #000000; }
/* Text grows; controls keep their size, so narrow columns don't cut button and label text. */
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stAlertContainer"] p { font-size: 1.3rem; color: #000000; }
[data-testid="stCaptionContainer"] { font-size: 1.1rem; color: #1a1a1a; }
[data-testid="stWidgetLabel"] p { color: #000000; font-weight: 600; }
h1 { font-size: 3rem !important; }
h2 { font-size: 2.2rem !important; }
h3 { font-size: 1.7rem !important; }
code, pre { font-size: 1.15rem !important; }
[data-testid="stMetricValue"] { font-size: 2.6rem !important; }
</style>
"""
PROJECTOR_FONT_SIZE = 20


def presentation_on() -> bool:
    return state.session().presentation


def _copy_switch() -> None:
    state.session().presentation = st.session_state[SWITCH]


def presentation_toggle() -> None:
    """The sidebar switch; when on, the whole app is restyled for a projector."""
    st.session_state[SWITCH] = presentation_on()
    st.sidebar.toggle(tr("app.presentation"), key=SWITCH, help=tr("app.presentation.help"), on_change=_copy_switch)
    if presentation_on():
        st.html(_PROJECTOR_CSS)


def url_parameters() -> dict[str, str]:
    """What presentation mode adds to the shareable URL."""
    return {"present": "1"} if presentation_on() else {}


def show_figure(figure: go.Figure, **kwargs: object) -> None:
    """st.plotly_chart, with larger chart text in presentation mode."""
    if presentation_on():
        figure = go.Figure(figure).update_layout(font_size=PROJECTOR_FONT_SIZE)
    st.plotly_chart(figure, **kwargs)
