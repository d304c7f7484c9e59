"""Full-page screenshots of every page × language × presentation mode × viewport, to look at.

Run: ``python -m tests.browser.screenshots [OUT_DIR] [WIDTHxHEIGHT ...]`` (default /tmp/review,
1280x800 and 1920x1080). Not a test: it only shoots. The state is a class's: the bundled sample,
two runs in the store (one early-stopped, so the reason column and the kept-weights map show) and,
in each browser session, a run trained on the Train page, so Train, Embeddings and Runs have content.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, wait_for_app
from tests.browser.server import app_server
from textlab.runs.store import Store

PAGES = ["home", "data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom"]
# Store runs: a plain one, and one that stops early on validation loss (patience 1, a high rate).
SAMPLE = "sample=sentiment&val_fraction=0.2"
STORE_RUNS = [f"{SAMPLE}&lr=0.01&epochs=6", f"{SAMPLE}&lr=0.2&epochs=30&patience=1"]


def _finished(folder: Path) -> int:
    if not (folder / "runs.sqlite3").exists():
        return 0
    with Store(folder) as store:
        return sum(record.status == "finished" for record in store.runs())


def _train(tab, folder: Path, query: str) -> None:
    before = _finished(folder)
    tab.goto(f"/train?{query}")
    wait_for_app(tab)
    tab.locator(".st-key-train_start button:visible").click()
    deadline = time.monotonic() + 120
    while _finished(folder) <= before:
        if time.monotonic() > deadline:
            raise RuntimeError(f"run {query} did not finish")
        tab.wait_for_timeout(250)
    wait_for_app(tab)


def _open(tab, name: str) -> None:
    """Navigate inside the session (sidebar link), so the trained run stays in its state."""
    target = "" if name == "home" else name
    tab.locator(f"[data-testid='stSidebarNav'] a[href$='/{target}']").first.click()
    wait_for_app(tab)
    tab.wait_for_timeout(1500)  # charts draw after the script ends
    wait_for_app(tab)


def _full_page(tab, path: Path, width: int, height: int) -> None:
    """Streamlit scrolls inside its main section, so grow the window to the content, then shoot."""
    content = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.set_viewport_size({"width": width, "height": max(height, content)})
    tab.wait_for_timeout(700)
    tab.screenshot(path=str(path))
    tab.set_viewport_size({"width": width, "height": height})


def shoot(out: Path, viewports: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="textlab-review-"))
    with app_server(data, out / "server.log") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        setup = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=url).new_page()
        setup.set_default_timeout(60_000)
        setup.goto("/")
        wait_for_app(setup)
        for query in STORE_RUNS:
            _train(setup, data, f"lang=en&{query}")
        for width, height in viewports:
            for lang in ("pt", "en"):
                for present in (0, 1):
                    context = browser.new_context(viewport={"width": width, "height": height}, base_url=url)
                    tab = context.new_page()
                    tab.set_default_timeout(60_000)
                    tab.goto(f"/?lang={lang}&present={present}")
                    wait_for_app(tab)
                    _train(tab, data, f"lang={lang}&present={present}&{SAMPLE}&lr=0.1&epochs=30&patience=1")
                    for name in PAGES:
                        _open(tab, name)
                        path = out / f"{width}-{lang}-{'on' if present else 'off'}-{name}.png"
                        _full_page(tab, path, width, height)
                        print(path, flush=True)
                    context.close()
        browser.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    folder = Path(arguments.pop(0)) if arguments and "x" not in arguments[0] else Path("/tmp/review")
    sizes = [tuple(int(n) for n in size.split("x")) for size in arguments] or [(1280, 800), (1920, 1080)]
    shoot(folder, sizes)
