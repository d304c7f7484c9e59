"""Lesson links and the Classroom page in Chromium: hidden controls stay hidden, the prompt shows on every
page, and an experiment draws its curves and its sentence."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from textlab.classroom.experiments import run_experiment
from textlab.classroom.lesson import Lesson
from textlab.train.config import TrainConfig

PROMPTS = {
    "en": "Before pressing Train: what will happen to the loss if the learning rate is 100× larger?",
    "pt": "Antes de apertar Treinar: o que acontece com a perda se a taxa de aprendizado for 100× maior?",
}
TIMEOUT = 60_000


def visible(page, key: str) -> int:
    return page.locator(f".st-key-{key}:visible").count()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_a_lesson_link_hides_controls_and_shows_its_prompt_on_every_page(page, lang) -> None:
    page.goto("/")  # load the entry point first, so the server knows its navigation
    wait_for_app(page)
    lesson = Lesson(config=TrainConfig.of(epochs=4, lr=0.01), sample="sentiment", hidden=frozenset({"lr", "optimizer"}),
                    locked=frozenset({"epochs"}), prompt=PROMPTS[lang])
    page.goto(f"/train?lang={lang}&{urlencode(lesson.to_query())}")
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    page.get_by_text(PROMPTS[lang]).wait_for(state="visible")
    assert visible(page, "cfg_lr") == 0 and visible(page, "cfg_optimizer") == 0
    assert visible(page, "cfg_embed_dim") == 1  # the other controls are still there
    assert page.locator(".st-key-cfg_epochs input").is_disabled()
    screenshot(page, f"lesson-link-train-{lang}")
    page.get_by_role("link", name={"en": "Batches", "pt": "Lotes"}[lang]).first.click()
    wait_for_app(page)
    page.get_by_text(PROMPTS[lang]).wait_for(state="visible")
    # The lesson and its language stay in the URL (written at the end of each run), so a reload reopens them.
    page.wait_for_url(lambda url: "prompt=" in url and "hide=" in url and f"lang={lang}" in url, timeout=TIMEOUT)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_an_experiment_draws_its_curves_and_its_sentence(page, lang) -> None:
    page.goto("/")
    wait_for_app(page)
    page.goto(f"/classroom?lang={lang}")
    wait_for_app(page)
    page.locator(".st-key-classroom_run_word_order button:visible").click()
    result = run_experiment("word_order")
    expected = result.conclusion(lang)  # the same seed gives the same sentence
    page.get_by_text(expected).wait_for(state="visible", timeout=TIMEOUT)
    charts = "() => [...document.querySelectorAll('.js-plotly-plot')].map(e => (e.data || []).length)"
    page.wait_for_function(f"() => ({charts})().length > 0", timeout=TIMEOUT)  # plotly draws after the text
    assert page.evaluate(charts) == [len(result.runs)], "one chart, one curve per run"
    screenshot(page, f"classroom-word-order-{lang}")


@pytest.mark.browser
def test_the_tour_walks_the_pages_with_next_and_back(page) -> None:
    page.goto("/")
    wait_for_app(page)
    page.goto("/vocabulary?lang=en&tour=special_tokens")
    wait_for_app(page)
    page.get_by_text("Why <PAD> and <UNK> exist").wait_for(state="visible")
    assert page.get_by_text("Tour: step 3 of 6").is_visible()
    screenshot(page, "tour-special-tokens-en")
    page.locator(".st-key-tour_next button:visible").click()
    page.wait_for_url(lambda url: "/batches" in url and "tour=padding" in url, timeout=TIMEOUT)
    page.get_by_text("Why batches are padded").wait_for(state="visible")
    page.locator(".st-key-tour_back button:visible").click()
    page.wait_for_url(lambda url: "/vocabulary" in url and "tour=special_tokens" in url, timeout=TIMEOUT)
    page.locator(".st-key-tour_end button:visible").click()
    page.wait_for_url(lambda url: "tour=" not in url, timeout=TIMEOUT)
    wait_for_app(page)
    assert page.locator(".st-key-tour_next").count() == 0
