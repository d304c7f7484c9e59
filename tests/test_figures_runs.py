"""The runs overlay: its x axis starts at the first epoch or step and ticks whole numbers, in the language's marks."""

from __future__ import annotations

import pytest

from textlab.figures.runs import RunCurve, coinciding, runs_overlay
from textlab.train.events import EpochEnd, Step


def curve(label: str, epochs: int, steps: int = 0) -> RunCurve:
    return RunCurve(label, [EpochEnd(epoch, 1 / epoch, 1 / epoch, None) for epoch in range(1, epochs + 1)],
                    [Step(1, step, 1 / step, 0.001, step * 0.01) for step in range(1, steps + 1)])


@pytest.mark.parametrize(("epochs", "tick"), [(1, 1), (3, 1), (6, 1), (10, 1), (11, 2), (30, 5), (200, 20)])
def test_the_epoch_axis_starts_at_epoch_1_with_whole_number_ticks(epochs, tick):
    xaxis = runs_overlay([curve("#1", epochs), curve("#2", 2)]).layout.xaxis
    low, high = xaxis.range
    assert 0 < low < 1 and epochs < high < epochs + 5  # room for the markers, no empty epoch 0
    assert xaxis.dtick == tick and xaxis.tickformat == ",d"
    assert (high - low) / xaxis.dtick <= 11  # at most about ten numbers under the axis


def test_the_step_axis_starts_at_step_1_and_groups_thousands_per_language():
    figure = runs_overlay([curve("#1", 1, steps=6000)], per="step", lang="pt")
    low, high = figure.layout.xaxis.range
    assert 0 < low < 1 and 6000 < high < 6200 and figure.layout.xaxis.dtick == 1000
    assert figure.layout.separators == ",." and figure.data[0].hovertemplate.startswith("%{x:,d}")


def test_with_nothing_to_draw_the_axis_is_left_to_plotly_and_the_chart_says_why():
    figure = runs_overlay([curve("#1", 0)], lang="pt")
    assert figure.layout.xaxis.range is None
    assert figure.layout.annotations[0].text == "Nenhuma época concluída ainda"


def test_a_curve_on_exactly_the_same_points_is_found_and_drawn_inside_the_one_it_covers():
    first, copy, other = curve("#1", 4, steps=9), curve("#2", 4, steps=9), curve("#3", 3, steps=9)
    assert coinciding([first, copy, other]) == [(1, 0)]
    assert coinciding([first, copy, other], per="step") == [(1, 0), (2, 0)]  # the same steps, fewer epochs
    nudged = RunCurve("#4", [*first.epochs[:-1], EpochEnd(4, 0.25 + 1e-6, 0.25, None)])
    assert coinciding([first, nudged]) == []
    assert coinciding([curve("#1", 0), curve("#2", 0)]) == []  # nothing drawn covers nothing
    figure = runs_overlay([first, copy])
    assert figure.data[0].marker.size > figure.data[1].marker.size
    assert figure.data[0].line.width - figure.data[1].line.width >= 2  # a rim of a pixel or more each side


def test_the_title_names_the_validation_curves_only_where_they_are_drawn():
    validated = RunCurve("#1", [EpochEnd(1, 0.5, 0.5, 0.6)])
    assert runs_overlay([validated], lang="pt").layout.title.text == (
        "Perda de treino (contínua) e de validação (tracejada) por época")
    assert runs_overlay([curve("#1", 2)], lang="pt").layout.title.text == "Perda de treino por época"
