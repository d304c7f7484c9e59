"""One style step applied to every figure before it is shown: larger text for a projector.

Figure builders set the sizes they need for a laptop screen; presentation mode multiplies every
font size in the figure (title, axis titles, ticks, legend, annotations, sliders, trace text) by
one factor, and lets axes make room for their larger titles and tick labels.
"""

from __future__ import annotations

import html
import textwrap
from typing import Any

import plotly.graph_objects as go

# On a projector across a classroom, 1.5x the laptop sizes keeps 12 px ticks readable (18 px).
PRESENTATION_SCALE = 1.5
# A full-width plot's drawing area in a 1280-px window with the sidebar open, erring narrow: it measured
# about 750 px in presentation mode, after the row names and the colour bar of a heatmap.
PLOT_WIDTH_PX = 560
PLOTLY_DEFAULT_HEIGHT = 450  # pixels, where a figure sets none
PLOTLY_DEFAULT_FONT_SIZE = 12  # plotly.js's layout.font.size; titles, ticks and legends derive from it
# Streamlit's chart theme sets these sizes in its template, which outranks layout.font: a figure that
# leaves them unset gets them here first, so they are scaled too.
THREE_D_TRACES = ("scatter3d", "surface", "mesh3d")
THEME_SIZES = {"title": 16, "axis_title": 14, "ticks": 12, "legend": 12}
LEGEND_ROW_EM = 1.5  # a legend entry's row: its text and the gap plotly leaves between rows


def wrapped(text: str, width: int) -> str:
    """``text`` broken between words into lines of about ``width`` characters (plotly's ``<br>``).

    Plotly never wraps a title: a long one runs past the chart's edge and is cut. The width counts
    what the reader sees, so an escaped ``&lt;PAD&gt;`` counts as five characters.
    """
    lines = textwrap.wrap(html.unescape(text), width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _scale_fonts(node: Any, factor: float) -> None:
    """Multiply every explicit ``size`` of a ``*font`` dict in a figure's JSON tree, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), int | float):
                value["size"] = value["size"] * factor
            _scale_fonts(value, factor)
    elif isinstance(node, list):
        for item in node:
            _scale_fonts(item, factor)


def _size(node: dict[str, Any], key: str, default: float) -> None:
    """Give ``node[key]`` (a font dict) an explicit size when it has none."""
    node.setdefault(key, {}).setdefault("size", default)


def _axes(layout: dict[str, Any], three_d: bool) -> list[dict[str, Any]]:
    """The 2D axes, or the 3D scene's axes, creating them where the figure leaves them unset."""
    if three_d:
        scene = layout.setdefault("scene", {})
        return [scene.setdefault(f"{name}axis", {}) for name in "xyz"]
    # Both main axes, even where the builder set only one: the other's ticks are sized by the theme otherwise.
    layout.setdefault("xaxis", {})
    layout.setdefault("yaxis", {})
    return [axis for key, axis in layout.items() if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict)]


def _fill_theme_sizes(layout: dict[str, Any], three_d: bool) -> None:
    """Explicit sizes for what the theme would size, and margins that grow to fit the 2D axes' text."""
    if layout.get("title"):
        _size(layout.setdefault("title", {}), "font", THEME_SIZES["title"])
    _size(layout.setdefault("legend", {}), "font", THEME_SIZES["legend"])
    for axis in _axes(layout, three_d):
        _size(axis, "tickfont", THEME_SIZES["ticks"])
        _size(axis.setdefault("title", {}), "font", THEME_SIZES["axis_title"])
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")):
            axis["automargin"] = True


def figure_style(figure: go.Figure, presentation: bool) -> go.Figure:
    """The figure as it is shown: unchanged normally; in presentation mode every text larger."""
    if not presentation:
        return figure
    spec = figure.to_dict()
    layout = spec.setdefault("layout", {})
    font = layout.setdefault("font", {})
    font.setdefault("size", PLOTLY_DEFAULT_FONT_SIZE)
    three_d = any(trace.get("type") in THREE_D_TRACES for trace in spec.get("data", []))
    _fill_theme_sizes(layout, three_d)
    _scale_fonts(spec, PRESENTATION_SCALE)
    # A set top margin holds the title and a legend above the plot, whose text grows by the same factor;
    # the figure's height grows by as much, or the plot itself would shrink on the projector.
    margin = layout.get("margin", {})
    if "t" in margin:
        grown = round(margin["t"] * PRESENTATION_SCALE)
        layout["height"] = layout.get("height", PLOTLY_DEFAULT_HEIGHT) + grown - margin["t"]
        margin["t"] = grown
    _room_for_legend_below(spec)
    return go.Figure(spec)


def _room_for_legend_below(spec: dict[str, Any]) -> None:
    """A figure of set height grows by a row per entry of a legend under its plot, at the larger size.

    The legend's rows are taken from the figure's height: at projector size its entries stop sharing
    rows (each may need one of its own), and the plot above would be squeezed to a strip.
    """
    layout = spec["layout"]
    legend = layout.get("legend", {})
    if "height" not in layout or legend.get("orientation") != "h" or legend.get("y", 1) >= 0:
        return
    entries = sum(bool(trace.get("name")) and trace.get("showlegend", True) is not False for trace in spec["data"])
    layout["height"] = round(layout["height"] + entries * legend["font"]["size"] * LEGEND_ROW_EM)
