"""Token chips for "Try a sentence": each token over its id, unknown tokens highlighted; and the
sentence itself with each token's stretch coloured (as tiktokenizer shows it).

Tokens are user text and go into HTML, so every one is escaped; the chips use no script.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from textlab.text.coverage import TokenChip
from textlab.text.vocab import UNK_TOKEN

_KNOWN_STYLE = "background:#E5F0F8;border:2px solid #0072B2;color:#000"
# Orange fill with a dashed vermillion border: told apart by shape as well as colour.
_UNKNOWN_STYLE = "background:#FBE3B0;border:2px dashed #D55E00;color:#000"
# A token with no break in it (a pasted hash, "yyyy…") wraps inside its chip instead of running off the page.
_CHIP_STYLE = ("display:inline-flex;flex-direction:column;align-items:center;margin:4px;padding:6px 12px;"
               "border-radius:10px;font-size:1.25rem;line-height:1.3;max-width:100%;overflow-wrap:anywhere")
_ID_STYLE = "font-family:monospace;font-size:1rem;opacity:0.85"


def chips_html(chips: Sequence[TokenChip]) -> str:
    """The chips as HTML, every token escaped; an unknown one also names ``<UNK>``."""
    parts = []
    for chip in chips:
        style = _UNKNOWN_STYLE if chip.unknown else _KNOWN_STYLE
        number = f"{chip.id} = {html.escape(UNK_TOKEN)}" if chip.unknown else str(chip.id)
        kind = "unknown" if chip.unknown else "known"
        parts.append(f'<span class="token-chip {kind}" style="{_CHIP_STYLE};{style}">'
                     f"<span>{html.escape(chip.token)}</span><span style=\"{_ID_STYLE}\">{number}</span></span>")
    return f'<div class="token-chips" style="display:flex;flex-wrap:wrap">{"".join(parts)}</div>'


# Colour-blind-safe pastels (Okabe-Ito, lightened), alternating so neighbouring tokens differ. None is
# orange: on this page orange means <UNK>.
_TOKEN_BACKGROUNDS = ("#CFE6F5", "#D3EFE3", "#F6D7E6", "#EEE9B8", "#E1DAF2")
_UNKNOWN_SPAN_STYLE = "background:#FBE3B0;outline:2px dashed #D55E00;"


def text_html(sentence: str, chips: Sequence[TokenChip]) -> str:
    """The sentence with each token's characters on an alternating background, its id in the tooltip.

    The text between tokens (spaces) stays plain; an unknown token is orange with a dashed border, as
    its chip is.
    Tokens that could not be placed in the text follow it. Everything is escaped.
    """
    parts, position, unplaced = [], 0, []
    for number, chip in enumerate(chips):
        if chip.start < position:
            unplaced.append((number, chip))
            continue
        parts.append(html.escape(sentence[position:chip.start]))
        parts.append(f'<span class="token-span{" unknown" if chip.unknown else ""}" '
                     f'title="{html.escape(chip.token)} = {chip.id}" '
                     f'style="{_span_colour(number, chip)}border-radius:3px;padding:1px 0;color:#000">'
                     f"{html.escape(sentence[chip.start:chip.end])}</span>")
        position = chip.end
    parts.append(html.escape(sentence[position:]))
    for number, chip in unplaced:
        parts.append(f' <span class="token-span{" unknown" if chip.unknown else ""}" '
                     f'style="{_span_colour(number, chip)}color:#000">'
                     f"{html.escape(chip.token)}</span>")
    ids = ", ".join(str(chip.id) for chip in chips)
    return (f'<div class="token-text" style="font-size:1.2rem;line-height:1.9;white-space:pre-wrap;'
            f'overflow-wrap:anywhere">{"".join(parts)}'
            f'</div><div class="token-ids" style="{_ID_STYLE}">[{ids}]</div>')


def _span_colour(number: int, chip: TokenChip) -> str:
    if chip.unknown:
        return _UNKNOWN_SPAN_STYLE
    return f"background:{_TOKEN_BACKGROUNDS[number % len(_TOKEN_BACKGROUNDS)]};"


def show_chips(chips: Sequence[TokenChip]) -> None:
    """Draw the chips on the page."""
    st.html(chips_html(chips))
