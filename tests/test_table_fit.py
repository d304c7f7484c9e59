"""Fitting tables into the page: the line count that sets a wrapping row's height, and the runs overview's widths."""

from __future__ import annotations

from itertools import combinations

import pytest

from textlab.runs.comparison import OVERVIEW_COLUMNS
from textlab.ui.run_views import _overview_widths
from textlab.ui.table_fit import (
    BORDER,
    MAIN_WIDTH,
    ONE_LINE_ROW_HEIGHT,
    WRAPPING_ROW_HEIGHT,
    row_height,
    table_height,
    text_rows,
    wrapped_lines,
)

WIDTH = 145  # 19 characters a line at the assumed 6.6 px per character


@pytest.mark.parametrize(("text", "lines"), [
    ("", 1), ("abc", 1), ("a" * 19, 1), ("a" * 20, 2), ("a" * 41, 3), ("a" * 19 + " b", 2),
    ("validação 0,2, taxa 0,2, épocas 30, paciência 1", 3),
])
def test_lines_break_between_words_and_inside_words_longer_than_a_line(text, lines):
    assert wrapped_lines(text, WIDTH) == lines


def test_rows_stay_one_line_until_something_wraps_then_grow_with_the_longest_cell():
    assert row_height([("short", WIDTH), ("also short", 100)]) is None
    two, five = row_height([("a" * 30, WIDTH)]), row_height([("a" * 90, WIDTH), ("b", WIDTH)])
    assert two == WRAPPING_ROW_HEIGHT and five > two  # Streamlit wraps only in rows taller than 4rem


OPTIONAL = [column for column in OVERVIEW_COLUMNS if column in ("name", "val_loss", "metric")]


@pytest.mark.parametrize("left_out", [set(chosen) for size in range(4) for chosen in combinations(OPTIONAL, size)])
def test_the_overview_fits_the_main_column_whichever_optional_columns_it_shows(left_out):
    columns = [column for column in OVERVIEW_COLUMNS if column not in left_out]
    widths = _overview_widths(columns)
    assert set(widths) == set(columns) and sum(widths.values()) <= MAIN_WIDTH


def test_a_table_is_as_tall_as_its_rows_up_to_the_rows_shown_at_once():
    assert table_height(2, None, 6) == table_height(2, 35, 6) < table_height(3, None, 6)
    assert table_height(10, 65, 6) == table_height(6, 65, 6) == 35 + 6 * 65 + BORDER


def test_a_text_column_gets_rows_for_its_longest_text_up_to_the_line_limit():
    short = text_rows(["curto", "também curto"], label="texto", width=WIDTH, max_lines=3, shown_rows=10)
    assert short["row_height"] is None and short["height"] == table_height(2, None, 10)
    assert short["column_config"]["texto"]["width"] == WIDTH
    two = text_rows(["a" * 30, "b"], label="texto", width=WIDTH, max_lines=3, shown_rows=10)["row_height"]
    capped = text_rows(["a" * 30, "a" * 500], label="texto", width=WIDTH, max_lines=4, shown_rows=10)
    assert two == WRAPPING_ROW_HEIGHT < capped["row_height"] < 3 * ONE_LINE_ROW_HEIGHT  # four lines, not 27
    assert capped["height"] == table_height(2, capped["row_height"], 10)
