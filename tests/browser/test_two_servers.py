"""Two app servers sharing one PostgreSQL store: a run trained on one is listed on the other's Runs page."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from tests.browser.server import app_server
from tests.browser.test_runs import TIMEOUT_SECONDS, TRACES
from tests.services import empty_postgres_url
from textlab.runs.store import Store


@pytest.mark.browser
def test_a_run_trained_on_one_server_is_listed_on_the_other(browser, tmp_path, monkeypatch):
    url = empty_postgres_url()
    monkeypatch.setenv("TEXTLAB_DATABASE_URL", url)  # both servers inherit it; the data directory is shared too
    shared = tmp_path / "shared-data"
    with app_server(shared, tmp_path / "first.log") as first, app_server(shared, tmp_path / "second.log") as second:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{first}/")
        wait_for_app(page)
        page.goto(f"{first}/train?lang=en&lr=0.1&epochs=5")
        wait_for_app(page)
        page.locator(".st-key-train_start button:visible").click()
        with Store(shared, url) as store:
            deadline = time.monotonic() + TIMEOUT_SECONDS
            while not [record for record in store.runs() if record.status == "finished"]:
                assert time.monotonic() < deadline, "the first server did not record the run in time"
                time.sleep(0.25)
            (record,) = store.runs()
            assert store.checkpoint_path(record.run_id).exists()

        page.goto(f"{second}/")
        wait_for_app(page)
        page.goto(f"{second}/runs?lang=en")
        wait_for_app(page)
        page.wait_for_function(f"() => ({TRACES})().some(names => names.some(name => String(name).startsWith('#1')))",
                               timeout=TIMEOUT_SECONDS * 1000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "runs-on-the-second-server")
        context.close()
