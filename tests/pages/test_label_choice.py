"""The label mode is chosen beside the data (Data and Train pages), and the summary says what the run does."""

from __future__ import annotations

import pytest

from tests.pages.helpers import all_text, open_page
from textlab.ui.texts import TEXTS
from textlab.ui.widgets import _widget_key


@pytest.mark.parametrize("page", ["data", "train"])
@pytest.mark.parametrize(("mode", "summary"), [
    ("auto", "labels.summary.regression"),  # the ratings are numbers: auto means regression
    ("classification", "labels.summary.classification"),
    ("random", "labels.summary.random_ignoring"),
])
def test_the_summary_says_what_the_run_does_with_the_labels(page, mode, summary) -> None:
    at = open_page(page, query={"sample": "ratings", "label_mode": mode})
    assert not at.exception
    text = all_text(at)
    expected = TEXTS[summary]["en"].replace("{classes}", "5 classes")
    assert expected in text
    other = {"labels.summary.regression", "labels.summary.classification", "labels.summary.random_ignoring"} - {summary}
    assert not any(TEXTS[key]["en"].replace("{classes}", "5 classes") in text for key in other)
    assert at.selectbox(key=_widget_key("label_mode")).value == mode


def test_choosing_classification_on_the_data_page_changes_the_train_summary() -> None:
    at = open_page("data", query={"sample": "ratings"}, lang="pt")
    at.selectbox(key=_widget_key("label_mode")).set_value("classification").run()
    at.switch_page("app_pages/train.py").run()
    assert TEXTS["labels.summary.classification"]["pt"].replace("{classes}", "5 classes") in all_text(at)
