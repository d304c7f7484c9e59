"""At 1280x800, on every page, nothing runs off the window's right edge: the page does not scroll sideways,
no table, chart or metric reaches past the edge, and no table hides columns behind a sideways scroll.

The state is a class's: the bundled sample, stored runs (one early-stopped, one that ended before an epoch)
and a run trained in the session, so the Train, Embeddings and Runs pages have all their tables.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from tests.browser.server import app_server
from textlab.data.samples import load_sample
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.events import Step
from textlab.train.loop import train

PAGES = ("home", "data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom")
SAMPLE = "sample=sentiment&val_fraction=0.2"
TIMEOUT_SECONDS = 120
# Everything that overflows: the page, each element past the edge, each fitted table wider inside than its box.
OVERFLOW = """(fitted) => {
  const width = window.innerWidth, found = [];
  if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}`);
  const boxes = '[data-testid=stDataFrame], [data-testid=stTable], table, .js-plotly-plot, [data-testid=stMetric]';
  for (const element of document.querySelectorAll(boxes)) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) found.push(`${element.dataset.testid || element.className} ${box.right}`);
  }
  for (const key of fitted) {
    const grids = `.st-key-${key} .dvn-scroller, .st-key-${key} [data-testid=stTable]`;
    for (const grid of document.querySelectorAll(grids)) {
      if (grid.scrollWidth > grid.clientWidth + 1) found.push(`${key} hides columns: ${grid.scrollWidth}`);
    }
  }
  return found;
}"""
# Tables whose every column must show without scrolling sideways (a text preview's long last column may be cut).
FITTED = ["runs_table", "emb_forward_ids", "train_history"]


@pytest.fixture(scope="module")
def stored_runs_url(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """An app of its own whose store holds an early-stopped run and a run that ended before its first epoch."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.mktemp("fits")))
    sample = load_sample("sentiment")
    with Store(folder) as store:
        config = TrainConfig.of(val_fraction=0.2, lr=0.2, epochs=30, patience=1, batch_size=16)
        list(train(config, sample, observer=RunRecorder(store, config, sample, data_source="sample:sentiment")))
        stopped = store.start_run(TrainConfig.of(lr=0.002, embed_dim=16), sample,
                                  data_source="file:b2w-rating-train-10k.csv")
        store.add_epochs(stopped, [], [Step(1, 1, 0.9, 0.002, 0.1)])
        store.finish_run(stopped, "stopped", "user")
    with app_server(folder, folder / "server.log") as url:
        yield url, folder


def _train_in_the_session(tab, folder: Path, query: str) -> None:
    with Store(folder) as store:
        before = len(store.runs())
    tab.goto(f"/train?{query}")
    wait_for_app(tab)
    tab.locator(".st-key-train_start button:visible").click()
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        with Store(folder) as store:
            runs = store.runs()
        if len(runs) > before and runs[0].status != "running":
            break
        assert time.monotonic() < deadline, "the session's run did not finish in time"
        tab.wait_for_timeout(250)
    wait_for_app(tab)


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "present"), [("pt", 0), ("en", 1), ("pt", 1)])
def test_no_page_runs_off_the_right_edge_at_1280x800(browser, stored_runs_url, lang, present) -> None:
    url, folder = stored_runs_url
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=url)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    try:
        tab.goto(f"/?lang={lang}&present={present}")
        wait_for_app(tab)
        _train_in_the_session(tab, folder, f"lang={lang}&present={present}&{SAMPLE}&epochs=3&batch_size=16")
        overflows = {}
        for name in PAGES:
            target = "" if name == "home" else name
            tab.locator(f"[data-testid='stSidebarNav'] a[href$='/{target}']").first.click()  # keeps the session
            wait_for_app(tab)
            tab.wait_for_timeout(1500)  # charts and tables draw after the script ends
            if name == "embeddings":  # the forward pass's token table sits on the second tab
                tab.get_by_role("tab").nth(1).click()
                tab.wait_for_timeout(1500)
            assert tab.locator("[data-testid='stException']").count() == 0, name
            found = tab.evaluate(OVERFLOW, FITTED)
            if found:
                overflows[name] = found
                screenshot(tab, f"overflow-{name}-{lang}-{present}")
        assert not overflows, overflows
    finally:
        context.close()
