"""The guided tour as data: ordered steps through the pages, each a title and a short explanation.

The texts live in the translation table (``textlab.i18n.classroom``) under ``tour.<id>.title`` and
``tour.<id>.text``; a step is named in the URL by its id (``?tour=padding``), which stays valid when
steps are added or reordered, unlike a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from textlab.i18n import t

TOUR_PAGES = ("data", "vocabulary", "batches", "train", "embeddings")


@dataclass(frozen=True)
class TourStep:
    """One stop of the tour: which page it shows, and where its words are in the translation table."""

    id: str
    page: str  # the app_pages/<page>.py file the step belongs to

    def __post_init__(self) -> None:
        if self.page not in TOUR_PAGES:
            raise ValueError(f"tour step {self.id!r}: unknown page {self.page!r}")

    @property
    def title_key(self) -> str:
        return f"tour.{self.id}.title"

    @property
    def text_key(self) -> str:
        return f"tour.{self.id}.text"

    def title(self, lang: str) -> str:
        return t(self.title_key, lang)

    def text(self, lang: str) -> str:
        return t(self.text_key, lang)


# In the order a lesson goes: text -> ids -> padded batches -> training -> embeddings.
STEPS: tuple[TourStep, ...] = (
    TourStep("texts", "data"),
    TourStep("tokens", "vocabulary"),
    TourStep("special_tokens", "vocabulary"),
    TourStep("padding", "batches"),
    TourStep("loss", "train"),
    TourStep("embeddings", "embeddings"),
)
STEP_IDS: tuple[str, ...] = tuple(step.id for step in STEPS)


def find_step(step_id: str | None) -> TourStep | None:
    """The step called ``step_id``, or None for an unknown or missing id."""
    return STEPS[STEP_IDS.index(step_id)] if step_id in STEP_IDS else None


def step_number(step: TourStep) -> int:
    """1 for the first step: what "Step 2 of 6" shows."""
    return STEPS.index(step) + 1


def next_step(step: TourStep) -> TourStep | None:
    """The step after ``step``; None at the end of the tour."""
    position = STEPS.index(step)
    return STEPS[position + 1] if position + 1 < len(STEPS) else None


def previous_step(step: TourStep) -> TourStep | None:
    """The step before ``step``; None at the start."""
    position = STEPS.index(step)
    return STEPS[position - 1] if position > 0 else None
