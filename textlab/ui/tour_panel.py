"""The guided tour on screen: the current step's explanation with Back and Next, above whichever page is open."""

from __future__ import annotations

import streamlit as st

from textlab.classroom.tour import STEPS, TourStep, find_step, next_step, previous_step, step_number
from textlab.ui import lesson_links
from textlab.ui.state import tr


def _go(step: TourStep | None) -> None:
    lesson_links.set_tour_step(step.id if step else None)
    if step is not None:
        st.switch_page(f"app_pages/{step.page}.py")
    st.rerun()


def start_button() -> None:
    """Starts the tour at its first step (on the classroom or start page)."""
    if st.button(tr("tour.start"), key="tour_start", icon=":material/tour:"):
        _go(STEPS[0])


def tour_panel(current_page: str | None = None) -> None:
    """While a tour is on: "Step n of N", the step's title and explanation, Back / Next / End.

    ``current_page`` is the open page's URL path (``navigation.url_path``): away from the step's
    page, a link leads back to it.
    """
    step = find_step(lesson_links.tour_step())
    if step is None:
        return
    with st.container(border=True):
        st.caption(tr("tour.step_of", number=step_number(step), total=len(STEPS)))
        st.subheader(tr(step.title_key), anchor=False)
        st.write(tr(step.text_key))
        back, forward, end = st.columns(3)
        before, after = previous_step(step), next_step(step)
        if back.button(tr("tour.back"), key="tour_back", disabled=before is None, icon=":material/arrow_back:"):
            _go(before)
        if forward.button(tr("tour.next"), key="tour_next", disabled=after is None, type="primary",
                          icon=":material/arrow_forward:"):
            _go(after)
        if end.button(tr("tour.end"), key="tour_end", icon=":material/close:"):
            _go(None)
        if current_page != step.page:
            st.page_link(f"app_pages/{step.page}.py", label=tr("tour.open_page", page=tr(f"nav.{step.page}")))
