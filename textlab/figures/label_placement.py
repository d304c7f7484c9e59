"""Which point labels a 2D scatter can print without one covering another.

Plotly draws every text it is given: where points crowd, their labels pile into one unreadable blot.
Each label is estimated as a box in screen pixels (its text centred above its point) and labels are
kept greedily in priority order: one prints only if its box touches none already kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Estimates of the plot font's glyphs, erring large so that a kept label never touches another.
CHARACTER_WIDTH_EM, LINE_HEIGHT_EM = 0.62, 1.25
GAP_PX = 2  # clear space kept between two labels


@dataclass(frozen=True)
class PlotArea:
    """The rectangle that holds the points, in pixels, and the data ranges its axes show."""

    width_px: float
    height_px: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    equal_scale: bool = False  # y anchored to x: plotly gives both axes the smaller of the two scales

    def pixels_per_unit(self) -> tuple[float, float]:
        across = self.width_px / (self.x_range[1] - self.x_range[0])
        up = self.height_px / (self.y_range[1] - self.y_range[0])
        if self.equal_scale:
            return min(across, up), min(across, up)
        return across, up


def uncrowded_labels(xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], priority: Sequence[int],
                     area: PlotArea, font_px: float, marker_px: float, forced: Sequence[int] = ()) -> set[int]:
    """Indices into ``xs``/``ys``/``texts`` whose labels can print: every ``forced`` one, then each of
    ``priority`` in order whose box overlaps no label already printed. ``texts`` are as the reader sees
    them (not HTML-escaped)."""
    per_x, per_y = area.pixels_per_unit()
    printed: list[tuple[float, float, float, float]] = []
    kept: set[int] = set()
    for index in [*forced, *priority]:
        if index in kept:
            continue
        half_width = len(texts[index]) * CHARACTER_WIDTH_EM * font_px / 2 + GAP_PX
        centre_x, bottom = xs[index] * per_x, ys[index] * per_y + marker_px / 2
        box = (centre_x - half_width, bottom, centre_x + half_width, bottom + LINE_HEIGHT_EM * font_px + GAP_PX)
        if index in forced or not any(_overlap(box, other) for other in printed):
            kept.add(index)
            printed.append(box)
    return kept


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
