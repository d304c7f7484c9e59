"""The embedding map in a real browser: after a short run, one point per token and an epoch slider that moves them."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from tests.conftest import NOTEBOOK_TEXTS
from textlab.figures.embeddings import LABELS_TRACE

EPOCHS = 6
MAP = ".st-key-emb_map .js-plotly-plot"
# The map's points: every trace but the one of labels printed over them.
SHOWN = (f"() => document.querySelector('{MAP}').data.filter(trace => trace.name !== '{LABELS_TRACE}')"
         ".reduce((n, t) => n + t.x.length, 0)")
POSITIONS = f"() => JSON.stringify(document.querySelector('{MAP}').data.map(trace => [trace.x, trace.y]))"


@pytest.mark.browser
def test_epoch_slider_moves_the_tokens_after_a_short_run(page) -> None:
    page.goto(f"/train?epochs={EPOCHS}")
    wait_for_app(page)
    # The locator waits for the button, so a slow first render cannot be mistaken for a missing one.
    page.locator(".st-key-train_start button:visible").click()
    wait_for_app(page)
    # Navigating inside the app keeps the session (and its run); a new URL would start a new session.
    page.locator("[data-testid='stSidebarNav'] a[href$='/embeddings']").click()
    wait_for_app(page)
    page.wait_for_function(
        f"() => {{ const g = document.querySelector('{MAP}');"
        f" return g && g._transitionData && g._transitionData._frames.length === {EPOCHS + 1}; }}",
        timeout=90_000)
    tokens = len({token for text in NOTEBOOK_TEXTS for token in text.split()}) + 2  # + <PAD> and <UNK>
    shown = page.evaluate(SHOWN)
    assert shown == tokens
    assert f"epoch {EPOCHS}" in page.evaluate(f"() => document.querySelector('{MAP}').layout.title.text")
    screenshot(page, "embeddings-map")

    before = page.evaluate(POSITIONS)
    rail = page.locator(".st-key-emb_map .slider-rail-touch-rect")
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()
    rail.click(position={"x": 4, "y": box["height"] / 2})  # the left end of the slider: epoch 0
    page.wait_for_function(f"before => ({POSITIONS})() !== before", arg=before, timeout=30_000)
    page.wait_for_function(f"() => document.querySelector('{MAP}').layout.title.text.includes('Epoch 0')",
                           timeout=30_000)
    shown_after = page.evaluate(SHOWN)
    assert shown_after == tokens
    screenshot(page, "embeddings-map-epoch-0")


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "heading"), [("en", "self-attention per layer and head"),
                                               ("pt", "autoatenção por camada e cabeça")])
def test_the_transformers_attention_and_positions_are_drawn(page, lang, heading) -> None:
    page.goto(f"/train?lang={lang}&encoder=transformer&pooling=masked_mean&layers=2&heads=2&epochs=2")
    wait_for_app(page)
    page.locator(".st-key-train_start button").first.click()
    wait_for_app(page)
    page.locator("[data-testid='stSidebarNav'] a[href$='/embeddings']").click()
    wait_for_app(page)
    page.get_by_role("tab").nth(1).click()
    attention = ".st-key-emb_self_attention .js-plotly-plot"
    page.wait_for_selector(attention, timeout=90_000)
    assert heading in page.inner_text("body")
    panels = page.evaluate(f"() => document.querySelector('{attention}').data.length")
    assert panels == 4  # 2 layers × 2 heads
    page.wait_for_selector(".st-key-emb_positions .js-plotly-plot", timeout=30_000)
    page.locator(".st-key-emb_self_attention").scroll_into_view_if_needed()
    screenshot(page, f"embeddings-transformer-{lang}")
