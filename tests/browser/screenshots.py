"""Full-page screenshots of every page × language × presentation mode × viewport, to look at.

Run: ``python -m tests.browser.screenshots [OUT_DIR] [WIDTHxHEIGHT ...] [--pages ...] [--langs ...]
[--modes off on]`` (default /tmp/review, 1280x800 and 1920x1080, every page, language and mode). Not a
test: it only shoots. The state is a class's: the bundled sample, two runs in the store (one early-stopped,
so the reason column and the kept-weights map show) and, in each browser session, a run trained on the
Train page, so Train, Embeddings and Runs have content.
"""

from __future__ import annotations

import argparse
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


def shoot(out: Path, viewports: list[tuple[int, int]], pages: list[str], langs: list[str],
          modes: list[int]) -> None:
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
            for lang in langs:
                for present in modes:
                    context = browser.new_context(viewport={"width": width, "height": height}, base_url=url)
                    tab = context.new_page()
                    tab.set_default_timeout(60_000)
                    tab.goto(f"/?lang={lang}&present={present}")
                    wait_for_app(tab)
                    _train(tab, data, f"lang={lang}&present={present}&{SAMPLE}&lr=0.1&epochs=30&patience=1")
                    for name in pages:
                        _open(tab, name)
                        path = out / f"{width}-{lang}-{'on' if present else 'off'}-{name}.png"
                        _full_page(tab, path, width, height)
                        print(path, flush=True)
                    context.close()
        browser.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/review"))
    parser.add_argument("sizes", nargs="*", default=["1280x800", "1920x1080"], help="WIDTHxHEIGHT")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=PAGES)
    parser.add_argument("--langs", nargs="+", choices=["pt", "en"], default=["pt", "en"])
    parser.add_argument("--modes", nargs="+", choices=["off", "on"], default=["off", "on"], help="presentation")
    return parser.parse_args()


if __name__ == "__main__":
    options = _arguments()
    shoot(options.out, [tuple(int(n) for n in size.split("x")) for size in options.sizes], options.pages,
          options.langs, [int(mode == "on") for mode in options.modes])
