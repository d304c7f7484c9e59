"""Presentation mode for the classroom projector: larger fonts and high contrast, kept in the URL."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from textlab.figures.style import figure_style
from textlab.ui import state
from textlab.ui.state import tr

SWITCH = "presentation_switch"  # the widget's key; the session keeps the value for every page
# Static CSS written here, never built from user text, so it is safe to inject.
# In both modes: labels in narrow columns wrap onto a second line instead of ending in an ellipsis.
_WRAPPING_LABELS_CSS = """
<style>
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"],
[data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stWidgetLabel"] { overflow: visible; text-overflow: clip; white-space: normal;
                                overflow-wrap: break-word; height: auto; }
[data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p { white-space: normal; overflow-wrap: break-word; }
/* A button in a narrow column wraps its label instead of ending it in an ellipsis. */
.stButton button [data-testid="stMarkdownContainer"], .stButton button p {
  overflow: visible; text-overflow: clip; white-space: normal; }
.stButton button { height: auto; }
</style>
"""
_PROJECTOR_CSS = """
<style>
[data-testid="stAppViewContainer"], [data-testid="stSidebar"] { color: #000000; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stAlertContainer"] p { font-size: 1.3rem; color: #000000; }
[data-testid="stCaptionContainer"] { font-size: 1.1rem; color: #1a1a1a; }
[data-testid="stWidgetLabel"] p { color: #000000; font-weight: 600; }
h1 { font-size: 3rem !important; }
h2 { font-size: 2.2rem !important; }
h3 { font-size: 1.7rem !important; }
code, pre { font-size: 1.15rem !important; }
/* Metric values: larger than normal mode's 2.25rem (the paragraph rule above must not shrink them). */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2.8rem !important; line-height: 1.2; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
/* Segmented controls wrap their options when the column is narrow. */
[data-testid="stButtonGroup"] > div { flex-wrap: wrap; row-gap: 0.4rem; }
[data-testid="stButtonGroup"] button { min-width: fit-content; }
/* Slider values sit above the thumb, clear of the track, at the larger size. */
[data-testid="stSlider"] { padding-top: 0.9rem; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"] {
  font-size: 1.1rem; }
/* Disabled buttons keep looking disabled: the black text rule above must not reach them. */
.stButton button:disabled, .stButton button:disabled p, .stDownloadButton button:disabled,
.stDownloadButton button:disabled p, [data-testid="stButtonGroup"] button:disabled p { color: #8a8a8a !important; }
.stButton button:disabled, .stDownloadButton button:disabled {
  opacity: 0.6; border-style: dashed; cursor: not-allowed; }
</style>
"""


def presentation_on() -> bool:
    return state.session().presentation


def _copy_switch() -> None:
    state.session().presentation = st.session_state[SWITCH]


def presentation_toggle() -> None:
    """The sidebar switch; when on, the whole app is restyled for a projector."""
    st.session_state[SWITCH] = presentation_on()
    st.sidebar.toggle(tr("app.presentation"), key=SWITCH, help=tr("app.presentation.help"), on_change=_copy_switch)
    st.html(_WRAPPING_LABELS_CSS + (_PROJECTOR_CSS if presentation_on() else ""))


def url_parameters() -> dict[str, str]:
    """What presentation mode adds to the shareable URL."""
    return {"present": "1"} if presentation_on() else {}


def show_figure(figure: go.Figure, **kwargs: object) -> object:
    """st.plotly_chart, with every chart text larger in presentation mode (figure_style); its selection state."""
    return st.plotly_chart(figure_style(figure, presentation_on()), **kwargs)
