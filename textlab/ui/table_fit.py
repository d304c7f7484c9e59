"""Fitting a table into the page's width: columns of set widths whose long text wraps onto more lines.

Streamlit's dataframe draws on a canvas and wraps a cell's text only in rows taller than 4rem, so the row
height is chosen from the longest cell: one line where everything fits, enough lines where something wraps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import streamlit as st

MAIN_WIDTH = 815  # the page's main column in a 1280 px window with the sidebar open (818 px measured)
CHARACTER_WIDTH, LINE_HEIGHT = 6.6, 18  # the table's 14 px font, erring wide so no wrapped line is cut
CELL_PADDING = 17  # pixels a cell keeps free around its text
ONE_LINE_ROW_HEIGHT = 35  # Streamlit's dataframe row (and header) height
BORDER = 3  # the table's frame, so the last row shown is not cut by a pixel
WRAPPING_ROW_HEIGHT = 65  # the lowest row in which Streamlit wraps text


def wrapped_lines(text: str, width: int) -> int:
    """How many lines a cell needs at this column width, breaking between words as the table does."""
    per_line = max(int((width - CELL_PADDING) / CHARACTER_WIDTH), 1)
    lines, used = 0, per_line  # characters on the current line; "full" so the first word opens a line
    for word in text.split():
        if used + 1 + len(word) <= per_line:
            used += 1 + len(word)
            continue
        full, rest = divmod(len(word), per_line)  # a word longer than a line breaks inside it
        lines, used = (lines + full + 1, rest) if rest else (lines + full, per_line)
    return max(lines, 1)


def row_height(cells: Iterable[tuple[str, int]]) -> int | None:
    """The row height that shows every (text, column width) cell whole; None (one line) where all fit."""
    lines = max((wrapped_lines(str(text), width) for text, width in cells), default=1)
    return None if lines == 1 else max(WRAPPING_ROW_HEIGHT, LINE_HEIGHT * lines + 10)


def table_height(rows: int, height_of_row: int | None, shown_rows: int) -> int:
    """A dataframe's height showing up to ``shown_rows`` whole rows (the rest scroll), not Streamlit's
    default, which cuts tall wrapping rows halfway down the last one."""
    return ONE_LINE_ROW_HEIGHT + min(rows, shown_rows) * (height_of_row or ONE_LINE_ROW_HEIGHT) + BORDER


def text_rows(texts: Sequence[str], *, label: str, width: int, max_lines: int, shown_rows: int) -> dict[str, Any]:
    """``st.dataframe`` options for a table whose ``label`` column holds texts: that column ``width`` pixels
    wide, rows tall enough for the longest text up to ``max_lines`` lines (longer ones end cut), and a
    height of ``shown_rows`` whole rows.

    Stops measuring at the first text that needs ``max_lines``: a data set can hold thousands.
    """
    lines = 1
    for text in texts:
        lines = max(lines, min(wrapped_lines(str(text), width), max_lines))
        if lines == max_lines:
            break
    height_of_row = None if lines == 1 else max(WRAPPING_ROW_HEIGHT, LINE_HEIGHT * lines + 10)
    return {"column_config": {label: st.column_config.TextColumn(width=width)}, "row_height": height_of_row,
            "height": table_height(len(texts), height_of_row, shown_rows)}
