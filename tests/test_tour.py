"""The guided tour as data: its order through the pages, its explanations and its Back / Next."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlab.classroom.tour import (
    STEP_IDS,
    STEPS,
    TOUR_PAGES,
    TourStep,
    find_step,
    next_step,
    previous_step,
    step_number,
)
from textlab.i18n import LANGUAGES, TEXTS

ROOT = Path(__file__).resolve().parents[1]


def test_the_tour_follows_the_pages_in_order_and_visits_each() -> None:
    positions = [TOUR_PAGES.index(step.page) for step in STEPS]
    assert positions == sorted(positions)  # text -> ids -> batches -> training -> embeddings
    assert {step.page for step in STEPS} == set(TOUR_PAGES)
    assert len(set(STEP_IDS)) == len(STEPS)
    for page in TOUR_PAGES:
        assert (ROOT / "app_pages" / f"{page}.py").is_file()


def test_the_issue_topics_each_have_a_step() -> None:
    pages = {step.id: step.page for step in STEPS}
    assert pages["tokens"] == "vocabulary" and pages["special_tokens"] == "vocabulary"
    assert pages["padding"] == "batches" and pages["loss"] == "train" and pages["embeddings"] == "embeddings"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_has_a_title_and_a_short_explanation(lang) -> None:
    for step in STEPS:
        title, text = step.title(lang), step.text(lang)
        assert title and text and title == TEXTS[step.title_key][lang]
        assert 60 <= len(text) <= 400, f"{step.id}: an explanation of a few lines"
    special = find_step("special_tokens")
    assert "<PAD>" in special.text(lang) and "<UNK>" in special.text(lang)


def test_next_and_back_walk_the_whole_tour() -> None:
    step, seen = STEPS[0], []
    while step is not None:
        seen.append(step)
        step = next_step(step)
    assert seen == list(STEPS)
    step, back = STEPS[-1], []
    while step is not None:
        back.append(step)
        step = previous_step(step)
    assert back == list(reversed(STEPS))
    assert [step_number(step) for step in STEPS] == list(range(1, len(STEPS) + 1))


def test_unknown_steps_are_not_found() -> None:
    assert all(find_step(step.id) is step for step in STEPS)
    assert find_step("nowhere") is None and find_step(None) is None and find_step("") is None


def test_a_step_must_name_a_tour_page() -> None:
    with pytest.raises(ValueError):
        TourStep("x", "settings")
