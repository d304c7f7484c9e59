"""Every page opens in a real browser without a Streamlit exception."""

import pytest

from tests.browser.conftest import screenshot, wait_for_app

PAGES = ("home", "data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom")


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_page_opens_without_exception(page, name: str) -> None:
    page.goto(f"/{name}" if name != "home" else "/")
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").count() >= 1
    screenshot(page, f"smoke-{name}")
