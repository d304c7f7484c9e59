"""The Train page in Chromium: the loss chart grows while training, Stop stops it, a second Train works."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import screenshot, wait_for_app

# The notebook's 3 texts through an LSTM: slow enough for several half-second refreshes, and 1,500
# steps in all, under the chart's 1,600-point budget for the raw loss, so every step stays drawn.
# 10,000 steps: long enough that Stop, pressed after three redraws, always comes before the end (750
# epochs ended in about 5 s on a quiet machine, sometimes before the click).
SLOW_EPOCHS = 5000
SLOW_RUN = f"epochs={SLOW_EPOCHS}&encoder=lstm&hidden_dim=256&embed_dim=64"
STOPPED = re.compile(r"Stopped after ([\d,]+) steps")  # "1,234 steps": thousands are grouped
# Points per trace of each plotly chart. numpy arrays reach the page base64-encoded ({dtype, bdata}),
# so their length is counted from the encoding's size rather than read as `.length`.
POINTS = ("() => { " + (
    "const SIZES = {f8: 8, f4: 4, i4: 4, u4: 4, i2: 2, u2: 2, i1: 1, u1: 1}; "
    "const length = y => !y ? 0 : y.bdata === undefined ? y.length : "
    "(y.bdata.length * 3 / 4 - y.bdata.match(/=*$/)[0].length) / SIZES[y.dtype]; "
    "return [...document.querySelectorAll('.js-plotly-plot')].map(e => e.data.map(t => length(t.y))); }"))
TIMEOUT = 60_000


def total_points(page) -> int:
    return sum(sum(counts) for counts in page.evaluate(POINTS))


def raw_points(page) -> int:
    charts = page.evaluate(POINTS)
    return charts[0][0] if charts and charts[0] else 0


def wait_for_more_points(page, than: int) -> int:
    page.wait_for_function(f"() => ({POINTS})().flat().reduce((a, b) => a + b, 0) > {than}", timeout=TIMEOUT)
    return total_points(page)


def click(page, key: str) -> None:
    # Streamlit also renders a hidden copy of each button to measure it; click the visible one.
    page.locator(f".st-key-{key} button:visible").click()


def status_text(page) -> str:
    return page.locator("[data-testid='stAlert']").first.inner_text()


@pytest.mark.browser
def test_the_loss_chart_grows_while_training_and_stop_stops_it(page):
    page.goto("/")  # load the entry point first, so the server knows its navigation
    wait_for_app(page)
    page.goto(f"/train?lang=en&{SLOW_RUN}")
    wait_for_app(page)
    assert total_points(page) == 0  # the empty state
    screenshot(page, "train-empty")

    click(page, "train_start")
    first = wait_for_more_points(page, 0)
    second = wait_for_more_points(page, first)  # the page redraws from the running job by itself
    wait_for_more_points(page, second)
    screenshot(page, "train-running")

    click(page, "train_stop")
    page.get_by_text(STOPPED).wait_for(timeout=TIMEOUT)
    wait_for_app(page)
    stopped_at = int(STOPPED.search(status_text(page)).group(1).replace(",", ""))
    assert stopped_at < 2 * SLOW_EPOCHS  # it did not run to the end (3 texts, batch 2: 2 steps an epoch)
    page.wait_for_function(f"() => ({POINTS})()[0]?.[0] === {stopped_at}", timeout=TIMEOUT)  # every step drawn
    assert page.locator(".st-key-train_stop button:visible").is_disabled()
    screenshot(page, "train-stopped")

    click(page, "train_start")  # a second run starts from an empty chart and grows again
    page.get_by_text("Training…").wait_for(timeout=TIMEOUT)
    page.wait_for_function(f"() => ({POINTS})()[0]?.length > 0 && ({POINTS})()[0][0] < {stopped_at}",
                           timeout=TIMEOUT)
    wait_for_more_points(page, total_points(page))
    click(page, "train_stop")
    page.get_by_text(STOPPED).wait_for(timeout=TIMEOUT)
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.browser
def test_the_notebooks_run_finishes_in_portuguese(page):
    page.goto("/")
    wait_for_app(page)
    page.goto("/train?lang=pt")
    wait_for_app(page)
    click(page, "train_start")
    page.get_by_text(re.compile(r"Concluído: 3 épocas, 6 passos")).wait_for(timeout=TIMEOUT)
    # The chart is briefly absent while the finished run reruns the page: wait through that, do not fail.
    page.wait_for_function(f"() => ({POINTS})()[0]?.[0] === 6", timeout=TIMEOUT)
    assert page.get_by_text("Histórico por época").count() == 1
    screenshot(page, "train-finished-pt")
