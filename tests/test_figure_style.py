"""figure_style: presentation mode scales every chart text and lets axes make room for it."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from textlab.figures.style import LEGEND_ROW_EM, PRESENTATION_SCALE, THEME_SIZES, figure_style


def sample_figure() -> go.Figure:
    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], text=["a", "b"], mode="markers+text", textfont_size=10))
    figure.update_layout(title="Loss", xaxis_title="step", legend_font_size=11,
                         annotations=[dict(text="note", font=dict(size=13), showarrow=False)])
    figure.update_yaxes(tickfont_size=9)
    return figure


def test_normal_mode_leaves_the_figure_alone() -> None:
    figure = sample_figure()
    assert figure_style(figure, False) is figure


def test_presentation_scales_explicit_and_theme_sizes() -> None:
    styled = figure_style(sample_figure(), True)
    layout = styled.layout
    assert layout.title.font.size == pytest.approx(THEME_SIZES["title"] * PRESENTATION_SCALE)
    assert layout.xaxis.tickfont.size == pytest.approx(THEME_SIZES["ticks"] * PRESENTATION_SCALE)
    assert layout.xaxis.title.font.size == pytest.approx(THEME_SIZES["axis_title"] * PRESENTATION_SCALE)
    assert layout.yaxis.tickfont.size == pytest.approx(9 * PRESENTATION_SCALE)  # set by the builder
    assert layout.legend.font.size == pytest.approx(11 * PRESENTATION_SCALE)
    assert layout.annotations[0].font.size == pytest.approx(13 * PRESENTATION_SCALE)
    assert styled.data[0].textfont.size == pytest.approx(10 * PRESENTATION_SCALE)
    assert layout.xaxis.automargin and layout.yaxis.automargin  # titles are not clipped


def test_frames_and_3d_axes_are_scaled_too() -> None:
    figure = go.Figure(go.Scatter3d(x=[0], y=[0], z=[0]), frames=[go.Frame(layout=dict(title_font_size=20))])
    styled = figure_style(figure, True)
    assert styled.layout.scene.zaxis.tickfont.size == pytest.approx(THEME_SIZES["ticks"] * PRESENTATION_SCALE)
    assert styled.frames[0].layout.title.font.size == pytest.approx(20 * PRESENTATION_SCALE)
    assert "xaxis" not in styled.layout.to_plotly_json()  # no 2D axes added to a 3D figure


def test_a_set_top_margin_grows_with_the_title_and_legend_it_holds() -> None:
    figure = sample_figure().update_layout(margin=dict(t=110, l=40))
    styled = figure_style(figure, True)
    assert styled.layout.margin.t == round(110 * PRESENTATION_SCALE)
    assert styled.layout.margin.l == 40  # the side margins hold no title: automargin sizes them
    assert figure_style(sample_figure(), True).layout.margin.t is None  # plotly's default, which fits


def test_a_set_height_grows_with_its_top_margin_so_the_plot_keeps_its_height() -> None:
    figure = sample_figure().update_layout(margin=dict(t=100), height=400)
    styled = figure_style(figure, True)
    assert styled.layout.height - styled.layout.margin.t == 400 - 100
    unset = figure_style(sample_figure().update_layout(margin=dict(t=100)), True).layout  # plotly's 450
    assert unset.height - unset.margin.t == 450 - 100


def test_a_legend_under_the_plot_adds_a_row_per_entry_to_a_set_height() -> None:
    figure = go.Figure([go.Scatter(x=[1], y=[1], name=name) for name in ("raw", "smoothed", "validation")])
    figure.add_scatter(x=[1], y=[2], name="hidden", showlegend=False)
    figure.update_layout(height=500, legend=dict(orientation="h", y=-0.2))
    legend_px = THEME_SIZES["legend"] * PRESENTATION_SCALE
    assert figure_style(figure, True).layout.height == round(500 + 3 * legend_px * LEGEND_ROW_EM)
    above = go.Figure(figure).update_layout(legend_y=1.02)  # above the plot: the top margin makes its room
    assert figure_style(above, True).layout.height == 500
    assert figure_style(go.Figure(figure).update_layout(height=None), True).layout.height is None
