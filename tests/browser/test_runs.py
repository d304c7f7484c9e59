"""The Runs page in Chromium: train twice on the Train page, see both loss curves overlaid, take a notebook away."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest

from tests.browser.conftest import screenshot, wait_for_app
from textlab.runs.store import Store

TRACES = "() => [...document.querySelectorAll('.js-plotly-plot')].map(e => e.data.map(t => t.name))"
TIMEOUT_SECONDS = 90


def finished_runs(folder: Path) -> list:
    if not (folder / "runs.sqlite3").exists():
        return []
    with Store(folder) as store:
        return [record for record in store.runs() if record.status == "finished"]


def train_on_the_train_page(page, folder: Path, query: str) -> None:
    """Press Train with these settings and wait until the server has recorded one more finished run."""
    before = len(finished_runs(folder))
    page.goto(f"/train?lang=en&{query}")
    wait_for_app(page)
    page.locator(".st-key-train_start button:visible").click()
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while len(finished_runs(folder)) <= before:
        assert time.monotonic() < deadline, "the run was not recorded in time"
        page.wait_for_timeout(250)


@pytest.mark.browser
def test_two_runs_from_the_train_page_are_overlaid(page, server_data_dir):
    page.goto("/")  # load the entry point first, so the server knows its navigation
    wait_for_app(page)
    train_on_the_train_page(page, server_data_dir, "lr=0.1&epochs=6")
    train_on_the_train_page(page, server_data_dir, "lr=0.01&epochs=6")

    page.goto("/runs?lang=en")
    wait_for_app(page)
    # The two newest runs are compared by default.
    page.wait_for_function(f"() => ({TRACES})().some(names => names.length >= 2)", timeout=TIMEOUT_SECONDS * 1000)
    names = next(names for names in page.evaluate(TRACES) if len(names) >= 2)
    assert any("LR 0.01" in name for name in names) and any("LR 0.1" in name for name in names)
    page.get_by_text("What differs: LR 0.01 vs 0.1").wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "runs-overlay")

    page.goto("/runs?lang=pt")
    wait_for_app(page)
    page.get_by_text("O que muda: taxa 0,01 vs 0,1").wait_for()
    screenshot(page, "runs-overlay-pt")

    # The chosen run goes away as a notebook that Jupyter reads, explained in the page's language.
    button = page.locator(".st-key-runs_download_notebook button:visible")
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".ipynb")
    notebook = nbformat.reads(Path(download.value.path()).read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(notebook)
    assert any("Época" in cell.source for cell in notebook.cells if cell.cell_type == "code")
    screenshot(page, "runs-downloads-pt")
