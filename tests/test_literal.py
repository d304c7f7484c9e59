"""User text escaped for Streamlit's Markdown: every ASCII punctuation mark, nothing else."""

from __future__ import annotations

import string

from textlab.ui.literal import markdown_literal


def test_every_punctuation_mark_is_escaped_and_nothing_else() -> None:
    assert markdown_literal(string.punctuation) == "".join("\\" + mark for mark in string.punctuation)
    plain = "Olá, mundo 123 ção ü 中文"
    assert markdown_literal(plain) == plain.replace(",", "\\,")


def test_markdown_a_student_might_type_is_escaped() -> None:
    assert markdown_literal("# título *olá* :red[x]") == "\\# título \\*olá\\* \\:red\\[x\\]"
    assert markdown_literal("<PAD>") == "\\<PAD\\>"
