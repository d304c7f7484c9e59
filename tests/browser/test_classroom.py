"""The Classroom page's word-order experiment in the browser: three arms in the chart's legend, both languages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app

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
