"""One selected token on the embedding map: typed in the search box or clicked, with its neighbours.

A click writes the clicked token into the search box before the box is drawn, so both ways of
choosing go through one state: the box's text.
"""

from __future__ import annotations

import streamlit as st
import torch

from textlab.analysis.projection import Neighbour, cosine_neighbours
from textlab.text.vocab import PAD_TOKEN, SPECIAL_TOKENS, UNK_TOKEN
from textlab.train.loop import TrainingRun
from textlab.ui import state
from textlab.ui.literal import literal_table, markdown_literal
from textlab.ui.state import tr

SEARCH_KEY = "emb_search"
_CLICK_KEY = "_emb_clicked"
NEIGHBOURS = 8  # the lists below the map
ON_MAP = 5  # the selected token's neighbours, highlighted: few enough to stand out in a small vocabulary


def remember_click(event: object, tokens: tuple[str, ...]) -> None:
    """A point clicked on the map becomes the searched token (applied on the rerun the click causes)."""
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else \
        getattr(getattr(event, "selection", None), "points", [])
    rows = [point.get("customdata") for point in points if isinstance(point.get("customdata"), int)]
    clicked = tokens[rows[0]] if rows and rows[0] < len(tokens) else None
    if clicked is not None and st.session_state.get(_CLICK_KEY) != clicked:
        st.session_state[_CLICK_KEY] = clicked
        st.session_state[f"{SEARCH_KEY}_pending"] = clicked
        st.rerun()


def selected_rows(tokens: tuple[str, ...], run: TrainingRun) -> list[int]:
    """The search box, and the rows of the shown tokens it selects (the word's pieces for subwords)."""
    pending = st.session_state.pop(f"{SEARCH_KEY}_pending", None)
    if pending is not None:
        st.session_state[SEARCH_KEY] = pending
    query = st.text_input(tr("emb.search.label"), key=SEARCH_KEY, placeholder=tr("emb.search.placeholder"),
                          help=tr("emb.search.help")).strip()
    if not query:
        return []
    rows = {token: row for row, token in enumerate(tokens)}
    if query in rows:
        return [rows[query]]
    pieces = run.vocab.options.tokenize(query)
    found = [rows[piece] for piece in pieces if piece in rows]
    # A code span shows its text as written, "&lt;" too: a piece goes in unescaped ("<unk>", not "&lt;unk&gt;").
    shown = " · ".join(f"`{piece}`" for piece in pieces)
    if run.vocab.options.is_subword and len(pieces) > 1:
        st.info(tr("emb.search.pieces", word=markdown_literal(query), pieces=shown), icon=":material/content_cut:")
    elif len(pieces) == 1 and pieces[0] in rows:
        return found  # the tokenizer's form of the word (lowercased, say)
    if not found:
        known = any(piece in run.vocab.token2idx for piece in pieces)
        st.warning(tr("emb.search.not_shown" if known else "emb.search.missing", word=markdown_literal(query)),
                   icon=":material/search_off:")
    return found


def nearest(matrix: torch.Tensor, row: int, tokens: tuple[str, ...], count: int = NEIGHBOURS) -> list[Neighbour]:
    """The shown tokens closest to ``row`` by cosine similarity in the full embedding space, never <PAD>/<UNK>."""
    excluded = [other for other, token in enumerate(tokens) if token in (PAD_TOKEN, UNK_TOKEN)]
    return cosine_neighbours(matrix, row, count, excluded)


def neighbours(matrix: torch.Tensor, selected: list[int], tokens: tuple[str, ...]) -> list[Neighbour]:
    """The selected token's neighbours (only when exactly one ordinary token is selected)."""
    if len(selected) != 1 or tokens[selected[0]] in SPECIAL_TOKENS:
        return []
    return nearest(matrix, selected[0], tokens, ON_MAP)


def neighbours_table(selected: list[int], found: list[Neighbour], tokens: tuple[str, ...]) -> None:
    if not found:
        return
    st.markdown(tr("emb.search.neighbours_title", token=markdown_literal(tokens[selected[0]])))
    literal_table({tr("emb.neighbours.col_token"): [tokens[n.row] for n in found],
                   tr("emb.neighbours.col_score"): [state.decimal(n.score, signed=True) for n in found]},
                  hide_index=True)
    st.caption(tr("emb.search.neighbours_notice"))
