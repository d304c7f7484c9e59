"""The Classroom page's word-order experiment in the browser: three arms in the chart's legend, both languages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, screenshot, wait_for_app

ARMS = {"en": ("mean pooling (bag of words)", "GRU", "Transformer"),
        "pt": ("média (saco de palavras)", "GRU", "Transformer")}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_word_order_experiment_shows_three_arms(page, lang: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/classroom?lang={lang}")
    wait_for_app(page)
    card = page.locator(".st-key-classroom_card_word_order")
    card.locator("button").first.click()
    wait_for_app(page)
    legend = card.locator(".legend text.legendtext")  # SVG text: no innerText, only textContent
    legend.first.wait_for(timeout=60_000)  # three short runs, on a CPU other tests may share
    names = legend.all_text_contents()
    assert all(any(arm in name for name in names) for arm in ARMS[lang]), names
    assert "Transformer" in card.locator("[data-testid='stAlert']").inner_text()
    card.scroll_into_view_if_needed()
    screenshot(page, f"classroom-word-order-{lang}")


# Per experiment: the highlighted measures (two arms each), and words of a caption and of the sentence.
MEASURED = {
    "vocabulary": (3, {"en": ("Accuracy on new texts", "optimistic"), "pt": ("Acurácia em textos novos", "otimista")}),
    "padding": (2, {"en": ("scored one at a time", "padding drags"), "pt": ("avaliados um a um", "puxa a média")}),
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("name", list(MEASURED))
def test_experiment_shows_its_measures_and_the_sentence_they_choose(page, name: str, lang: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/classroom?lang={lang}")
    wait_for_app(page)
    card = page.locator(f".st-key-classroom_card_{name}")
    card.locator("button").first.click()
    wait_for_app(page)
    measures, (caption, sentence_words) = MEASURED[name][0], MEASURED[name][1][lang]
    metrics = card.locator("[data-testid='stMetric']")
    metrics.nth(2 * measures - 1).wait_for(timeout=60_000)  # two short runs on a CPU other tests may share
    assert metrics.count() == 2 * measures
    assert caption in card.inner_text()
    assert sentence_words in card.locator("[data-testid='stAlert']").inner_text()
    page.set_viewport_size({"width": 1280, "height": 2400})  # the page scrolls inside its main section
    page.wait_for_timeout(1000)  # the chart redraws at the new size
    SCREENSHOTS.mkdir(exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / f"classroom-{name}-{lang}.png"))
