"""Presentation mode for the classroom projector: larger fonts and high contrast, kept in the URL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from textlab.figures.style import PRESENTATION_SCALE, figure_style
from textlab.ui import state
from textlab.ui.literal import literal_table
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
/* The Train page's history is an HTML table (its headers wrap): it scrolls down rather than filling the page. */
.st-key-train_history [data-testid="stTable"] { max-height: 24rem; overflow-y: auto; }
</style>
"""
_PROJECTOR_CSS = """
<style>
[data-testid="stAppViewContainer"], [data-testid="stSidebar"] { color: #000000; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stAlertContainer"] p { font-size: 1.3rem; color: #000000; }
[data-testid="stCaptionContainer"] { font-size: 1.1rem; color: #1a1a1a; }
[data-testid="stWidgetLabel"] p { color: #000000; font-weight: 600; }
/* Headings stay well above the enlarged body text (Streamlit's own: 2.75, 2.25 and 1.75rem). */
h1 { font-size: 3.5rem !important; }
h2 { font-size: 2.9rem !important; }
h3 { font-size: 2.3rem !important; }
code, pre { font-size: 1.15rem !important; }
/* Metric values: larger than normal mode's 2.25rem (the paragraph rule above must not shrink them). */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2.8rem !important; line-height: 1.2; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
/* Segmented controls wrap their options when the column is narrow, each option a whole rounded button
   (a joined bar broken over two lines loses its corners and an edge). */
[data-testid="stButtonGroup"] > div { flex-wrap: wrap; row-gap: 0.4rem; column-gap: 0.3rem; padding-left: 1px; }
[data-testid="stButtonGroup"] button { min-width: fit-content; border-radius: 0.5rem !important; }
/* Slider values sit above the thumb, clear of the track, at the larger size. */
[data-testid="stSlider"] { padding-top: 0.9rem; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"] {
  font-size: 1.1rem; }
/* Text typed or chosen in a widget grows with its label; the page gives the widget room to show it whole. */
[data-testid="stSelectbox"] input, [data-testid="stNumberInput"] input, [data-testid="stTextInput"] input,
[data-testid="stTextArea"] textarea { font-size: 1.1rem; }
[data-testid="stSelectboxVirtualDropdown"] [role="option"] { font-size: 1.1rem; }
[data-testid="stMultiSelect"] [data-baseweb="select"] span, [data-testid="stMultiSelect"] [data-baseweb="select"] div,
[data-testid="stMultiSelect"] input { font-size: 1.1rem; }
[data-testid="stMultiSelectTagsContainer"] span { font-size: 1.05rem !important; height: auto; }
/* Tables drawn as HTML in this mode (show_table), at the size of the text around them. */
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.2rem; padding: 0.3rem 0.45rem; }
[data-testid="stTable"] { max-height: 36rem; overflow-y: auto; }
/* A table cut to its first rows (show_table's presentation_rows) shows them all: the caption counts them. */
[class*="st-key-head_table_"] [data-testid="stTable"] { max-height: none; }
/* Token chips, coloured token strips and merge pieces set their sizes inline: scaled whole, boxes too. */
.token-chips, .token-text, .token-ids, .merge-steps { zoom: 1.3; }
/* Help icons grow with the labels they explain. */
[data-testid="stTooltipIcon"] svg, [data-testid="stTooltipHoverTarget"] svg { width: 1.3rem; height: 1.3rem; }
/* A projector needs the width more than the margins. */
[data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; }
/* Disabled buttons keep looking disabled: the black text rules above must not reach them. */
.stButton button:disabled, .stButton button:disabled p, .stDownloadButton button:disabled,
.stDownloadButton button:disabled p, [data-testid="stButtonGroup"] button:disabled p { color: #8a8a8a !important; }
.stButton button:disabled, .stDownloadButton button:disabled {
  opacity: 0.6; border-style: dashed; cursor: not-allowed; }
/* So do the labels of disabled settings (Hidden size while no encoder uses it). */
[data-testid="stWidgetLabel"][disabled] p { color: #8a8a8a !important; font-weight: 400; }
</style>
"""


def presentation_on() -> bool:
    return state.session().presentation


def text_scale() -> float:
    """The factor figures' text is shown at: a builder that places text by its size needs it."""
    return PRESENTATION_SCALE if presentation_on() else 1.0


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


def tile_columns(spec: int | Sequence[float], per_row: int) -> list[DeltaGenerator]:
    """``st.columns(spec)``; in presentation mode rows of at most ``per_row`` equal columns instead.

    A label at the projector's size needs more room than a fifth of the page: fewer tiles a row keep
    its words whole rather than breaking them ("Embaralh-ar").
    """
    count = spec if isinstance(spec, int) else len(spec)
    if not presentation_on():
        return list(st.columns(spec))
    cells: list[DeltaGenerator] = []
    for start in range(0, count, per_row):
        cells.extend(st.columns(per_row)[:count - start])
    return cells


def show_table(data: Any, *, height: int | None = None, column_order: Sequence[str] | None = None,
               presentation_rows: int | None = None, name: str = "", **dataframe_options: Any) -> None:
    """``st.dataframe``; in presentation mode an HTML table, whose text the projector's CSS enlarges.

    A dataframe is drawn on a canvas in the theme's font size, which no stylesheet reaches. The HTML
    table gives up sorting and column tooltips for that size. Its rows wrap their text, so the
    stylesheet caps its height instead of ``height`` (a dataframe's). A table of thousands of rows
    (a data set, a vocabulary) would be thousands of HTML rows: ``presentation_rows`` shows its first
    ones and says how many there are, every one of them in view: ``name``, unique on the page, names
    the container that lifts the height cap.
    """
    if not presentation_on():
        st.dataframe(data, height=height if height is not None else "auto", column_order=column_order,
                     **dataframe_options)
        return
    shown = data[list(column_order)] if column_order is not None else data
    total = len(shown)
    if not total:  # an empty st.table writes Streamlit's own "empty", in English
        st.caption(tr("app.presentation.table_empty"))
        return
    if presentation_rows is None:
        literal_table(shown, hide_index=dataframe_options.get("hide_index"))
        return
    if total > presentation_rows:
        shown = shown.head(presentation_rows)
        st.caption(tr("app.presentation.table_head", shown=presentation_rows, rows=state.tr_count("rows", total)))
    literal_table(shown, hide_index=dataframe_options.get("hide_index"),
                  container=st.container(key=f"head_table_{name}"))


def show_figure(figure: go.Figure, **kwargs: object) -> object:
    """st.plotly_chart, with every chart text larger in presentation mode (figure_style); its selection state."""
    return st.plotly_chart(figure_style(figure, presentation_on()), **kwargs)
