"""Browser tests: Playwright driving Debian's Chromium against `streamlit run app.py`.

Where no Chromium is installed (a laptop) they skip and say so; in CI (CI=true) a
missing browser is an error, because .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.server import ROOT, app_server

CHROMIUM = os.environ.get("TEXTLAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = ROOT / "screenshots"


def _browser_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return f"no Chromium at {CHROMIUM} (install Debian's package: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _browser_missing_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"browser tests must run in CI, but {reason}")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))


@pytest.fixture(scope="session")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The TEXTLAB_DATA_DIR of the app under test (its run store)."""
    return tmp_path_factory.mktemp("server-data")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, server_data_dir: Path) -> Iterator[str]:
    """A fresh `streamlit run app.py` on a free port, with its own data directory."""
    with app_server(server_data_dir, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, app_url: str) -> Iterator[object]:
    """A new browser tab (1280x900, English) with the app's URL as base."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US", base_url=app_url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


def wait_for_app(tab) -> None:
    """Wait until Streamlit has finished running the script for the current page."""
    tab.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    tab.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    tab.wait_for_timeout(200)


def screenshot(tab, name: str) -> Path:
    """Save a full-page screenshot under screenshots/ (ignored by git) to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
