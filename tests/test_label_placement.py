"""Point labels on a scatter: printed only where they cover no label already printed."""

from __future__ import annotations

import pytest

from textlab.figures.label_placement import CHARACTER_WIDTH_EM, LINE_HEIGHT_EM, PlotArea, uncrowded_labels

# 100 px per data unit on both axes.
AREA = PlotArea(1000, 500, (0.0, 10.0), (0.0, 5.0))


def kept(xs, ys, texts, priority, area=AREA, font_px=10, forced=()):
    return uncrowded_labels(xs, ys, texts, priority, area, font_px, marker_px=10, forced=forced)


def test_two_labels_on_one_spot_print_the_first_in_priority_only() -> None:
    assert kept([1.0, 1.0], [1.0, 1.0], ["bom", "mau"], [1, 0]) == {1}


def test_labels_far_apart_all_print() -> None:
    assert kept([1.0, 5.0, 9.0], [1.0, 3.0, 1.0], ["bom", "mau", "ok"], [0, 1, 2]) == {0, 1, 2}


def test_a_label_just_clear_of_another_prints_and_one_just_touching_does_not() -> None:
    width_px = 5 * CHARACTER_WIDTH_EM * 10  # "aaaaa" at 10 px
    clear = (width_px + 2 * 2 + 1) / 100  # both half-widths, both gaps and a pixel, in data units
    assert kept([1.0, 1.0 + clear], [1.0, 1.0], ["aaaaa"] * 2, [0, 1]) == {0, 1}
    assert kept([1.0, 1.0 + clear - 0.02], [1.0, 1.0], ["aaaaa"] * 2, [0, 1]) == {0}
    above = (LINE_HEIGHT_EM * 10 + 2 + 1) / 100
    assert kept([1.0, 1.0], [1.0, 1.0 + above], ["a", "b"], [0, 1]) == {0, 1}
    assert kept([1.0, 1.0], [1.0, 1.0 + above - 0.02], ["a", "b"], [0, 1]) == {0}


def test_a_longer_text_covers_more_and_a_larger_font_crowds_more() -> None:
    xs, ys = [1.0, 1.25], [1.0, 1.0]  # 25 px apart
    assert kept(xs, ys, ["a", "b"], [0, 1]) == {0, 1}
    assert kept(xs, ys, ["palavra", "b"], [0, 1]) == {0}
    assert kept(xs, ys, ["a", "b"], [0, 1], font_px=50) == {0}


def test_forced_labels_always_print_and_crowd_out_the_others() -> None:
    xs, ys, texts = [1.0, 1.0, 1.05], [1.0, 1.0, 1.0], ["bom", "mau", "ok"]
    assert kept(xs, ys, texts, [0, 1], forced=[2]) == {2}
    assert kept(xs, ys, texts, [], forced=[1, 2]) == {1, 2}


@pytest.mark.parametrize("equal_scale, expected", [(False, (100.0, 20.0)), (True, (20.0, 20.0))])
def test_an_equal_scale_takes_the_smaller_of_the_two(equal_scale, expected) -> None:
    area = PlotArea(1000, 100, (0.0, 10.0), (0.0, 5.0), equal_scale=equal_scale)
    assert area.pixels_per_unit() == pytest.approx(expected)
    # 0.5 units apart across: 50 px clear on the unequal scale, 10 px (overlapping) on the equal one.
    assert kept([1.0, 1.5], [1.0, 1.0], ["aaa", "bbb"], [0, 1], area=area) == ({0} if equal_scale else {0, 1})
