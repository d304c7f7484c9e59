"""The Train page's speed, measured in Chromium against a `streamlit run app.py` this script starts.

1. Click to first loss point: from the click on Train to the first point drawn in the plotly
   chart, for the notebook's three texts (target <= 1.5 s). Timed inside the page.
2. Chart refresh while a 10k-text run trains (the B2W reviews, uploaded through the Data page, with
   the Train page's suggested settings): the intervals between changes of the drawn point count
   (target: at least one refresh a second).
3. Training speed through the page vs a plain script: the notebook's texts and model for many
   epochs, as steps per second (target: the page reaches >= 90% of the plain textlab loop).

By default the server and the plain scripts share one half of the CPUs and Chromium gets the other:
in a classroom the browser draws on each student's own machine, not on the server, and on a
2-core machine an unpinned Chromium takes its CPU from the training it is drawing. --no-pin turns this off.

    python -m bench.ui_speed [--repeats 3] [--no-pin]

Needs Debian's Chromium (/usr/bin/chromium, or TEXTLAB_CHROMIUM) and playwright; never `playwright install`.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from bench.common import SHARED_DATA
from tests.browser.server import app_server
from textlab.analysis.snapshots import EmbeddingHistory
from textlab.data.dataset import read_pasted
from textlab.data.samples import sample_bytes
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.events import Step
from textlab.train.jobs import SlotPool, TrainingJob, warm_up
from textlab.train.loop import TrainingRun

CHROMIUM = os.environ.get("TEXTLAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
B2W = SHARED_DATA / "b2w-rating-train-10k.csv"
SPEED_EPOCHS = 3000  # the notebook's 3 texts, 2 batches an epoch: 6,000 steps
# All points drawn in the page's plotly charts. numpy arrays arrive base64-encoded ({dtype, bdata}):
# their length comes from the encoding's size.
POINT_COUNT = ("() => { const SIZES = {f8: 8, f4: 4, i4: 4, u4: 4, i2: 2, u2: 2, i1: 1, u1: 1}; "
               "const length = y => !y ? 0 : y.bdata === undefined ? y.length : "
               "(y.bdata.length * 3 / 4 - y.bdata.match(/=*$/)[0].length) / SIZES[y.dtype]; "
               "return [...document.querySelectorAll('.js-plotly-plot')]"
               ".flatMap(e => (e.data || []).map(t => length(t.y))).reduce((a, b) => a + b, 0); }")
TIMEOUT_MS = 120_000

# Timed in the page: the click (captured before Streamlit sees it), then every change of the point
# count, checked whenever the page's DOM changes (plotly redraws its SVG when it gets new data).
PROBE = """() => {
  window.__clickAt = null; window.__changes = [];
  document.addEventListener('click', e => {
    if (e.target.closest('.st-key-train_start')) window.__clickAt = performance.now();
  }, true);
  const count = POINT_COUNT;
  let last = count();
  new MutationObserver(() => {
    const now = count();
    if (now !== last) { window.__changes.push([performance.now(), now]); last = now; }
  }).observe(document.body, {subtree: true, childList: true, attributes: true});
}""".replace("POINT_COUNT", POINT_COUNT)


def cpu_halves() -> tuple[set[int], set[int]]:
    """(server and scripts, browser): the CPUs this process may use, split in two."""
    cpus = sorted(os.sched_getaffinity(0))
    middle = max(1, len(cpus) // 2)
    return set(cpus[:middle]), set(cpus[middle:]) or set(cpus)


def pinned_chromium(cpus: set[int]) -> str:
    """A launcher that starts Chromium (and so every process it spawns) on ``cpus``."""
    launcher = Path(tempfile.mkdtemp(prefix="textlab-bench-")) / "chromium"
    launcher.write_text(f'#!/bin/sh\nexec taskset -c {",".join(map(str, sorted(cpus)))} {CHROMIUM} "$@"\n')
    launcher.chmod(0o755)
    return str(launcher)


@contextmanager
def streamlit_server(cpus: set[int] | None = None) -> Iterator[str]:
    """`streamlit run app.py` on a free port, with a throw-away run store; yields its URL."""
    data_dir = Path(tempfile.mkdtemp(prefix="textlab-bench-"))
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    with app_server(data_dir, data_dir / "server.log", before_start=pin) as url:
        yield url


def wait_for_app(page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def click(page, key: str) -> None:
    page.locator(f".st-key-{key} button:visible").click()


def open_train_page(browser, url: str, query: str = "") -> object:
    """A fresh session on the Train page (the entry point first, so the navigation is known)."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{url}/?lang=en")
    wait_for_app(page)
    page.goto(f"{url}/train?lang=en{query}")
    wait_for_app(page)
    return page


def close(page) -> None:
    page.context.close()


# 1. Click to first point


def click_to_first_point(browser, url: str) -> float:
    """Seconds from the click on Train to the first loss point in the chart (notebook's texts)."""
    page = open_train_page(browser, url)
    page.evaluate(PROBE)
    click(page, "train_start")
    page.wait_for_function("() => window.__changes.length > 0 && window.__clickAt !== null")
    seconds = (page.evaluate("() => window.__changes[0][0] - window.__clickAt")) / 1000
    wait_for_app(page)
    close(page)
    return seconds


# 2. Refreshes while a 10k-text run trains


def refresh_intervals(browser, url: str, watch_seconds: float) -> tuple[list[float], str]:
    """Intervals (s) between chart updates during a B2W 10k run, and the run's status afterwards."""
    page = open_train_page(browser, url)
    page.goto(f"{url}/data?lang=en")
    wait_for_app(page)
    page.get_by_role("tab", name="Upload").click()
    page.locator("input[type='file']").set_input_files(str(B2W))
    page.get_by_text(re.compile("10,000|10000")).first.wait_for()
    wait_for_app(page)
    # Within the same session (a new URL would be a new session without the uploaded data).
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Train").click()
    wait_for_app(page)
    click(page, "train_suggest")
    # Wait for the page to show them: a click before that would send the old values back.
    page.get_by_text("Suggested settings applied").wait_for()
    wait_for_app(page)
    page.evaluate(PROBE)
    click(page, "train_start")
    page.wait_for_function("() => window.__changes.length > 0")
    page.wait_for_timeout(watch_seconds * 1000)
    changes = page.evaluate("() => window.__changes")
    if page.locator(".st-key-train_stop button:visible").is_enabled():  # it may have stopped early itself
        click(page, "train_stop")
        page.get_by_text("Stopped after").wait_for()
    wait_for_app(page)
    status = page.locator("[data-testid='stAlert']").first.inner_text()
    close(page)
    times = [at / 1000 for at, _ in changes]
    return [later - earlier for earlier, later in zip(times, times[1:], strict=False)], status


# 3. Steps per second


def notebook_texts() -> list[str]:
    return read_pasted(sample_bytes("notebook").decode("utf-8")).texts


def notebook_script_rate(epochs: int) -> float:
    """The notebook's own loop (DataLoader + pad_sequence, SimpleModel, Adam, random labels)."""
    texts = notebook_texts()
    token2idx = {"<PAD>": 0, "<UNK>": 1}
    for text in texts:
        for token in text.split():
            token2idx.setdefault(token, len(token2idx))
    encoded = [[token2idx.get(token, 1) for token in text.split()] for text in texts]
    loader = DataLoader(encoded, batch_size=2, shuffle=True,
                        collate_fn=lambda x: nn.utils.rnn.pad_sequence([torch.tensor(s) for s in x], batch_first=True))
    embedding, linear = nn.Embedding(len(token2idx), 10), nn.Linear(10, 1)
    parameters = [*embedding.parameters(), *linear.parameters()]
    criterion, optimizer = nn.MSELoss(), torch.optim.Adam(parameters, lr=0.001)
    steps, started = 0, time.perf_counter()
    for _ in range(epochs):
        for batch in loader:
            labels = torch.randn(batch.size(0), 1)
            loss = criterion(linear(embedding(batch).mean(dim=1)), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
        loss.item()
    return steps / (time.perf_counter() - started)


def textlab_script_rate(epochs: int) -> float:
    """The same run through textlab's loop in a plain script: what the page's job runs."""
    run = TrainingRun(TrainConfig.of(epochs=epochs), read_pasted(sample_bytes("notebook").decode("utf-8")))
    steps = [event for event in run.events() if isinstance(event, Step)]
    return len(steps) / steps[-1].seconds


def job_rate(epochs: int, store: Store) -> float:
    """The same run as a background job with the observers the app gives every run, but no page."""
    # As textlab.ui.state.start_job: a recorder and the embedding history.
    job = TrainingJob(TrainConfig.of(epochs=epochs), read_pasted(sample_bytes("notebook").decode("utf-8")),
                      SlotPool(), [RunRecorder(store)], EmbeddingHistory()).start()
    job.join()
    return job.snapshot().overall_steps_per_second


def page_rate(browser, url: str, epochs: int) -> float:
    """The same run started with the Train button, the chart refreshing meanwhile; read from the page."""
    page = open_train_page(browser, url, f"&epochs={epochs}")
    click(page, "train_start")
    finished = page.get_by_text(re.compile(r"Finished: .* steps/s\)"))
    finished.wait_for()
    rate = re.search(r"\(([\d,.]+) steps/s\)", finished.inner_text()).group(1)
    close(page)
    return float(rate.replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--watch", type=float, default=12.0, help="seconds to watch the 10k run's chart")
    parser.add_argument("--no-pin", action="store_true", help="let the browser, server and scripts share all CPUs")
    parser.add_argument("--only", type=int, choices=(1, 2, 3), help="measure one figure only")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"no Chromium at {CHROMIUM} (apt-get install chromium; never `playwright install`)")
    if not B2W.exists():
        sys.exit(f"benchmark data not found: {B2W} (it lives in the workplace's shared/data)")
    from playwright.sync_api import sync_playwright

    server_cpus, browser_cpus = (None, None) if args.no_pin else cpu_halves()
    # The plain scripts use the torch threads a job gets, so only the page's presence differs.
    torch.set_num_threads(SlotPool().threads_per_job)
    warm_up()
    print(f"{os.cpu_count()} CPUs, torch threads per job {torch.get_num_threads()}; medians of {args.repeats}")
    print("server and plain scripts on CPUs " + (f"{sorted(server_cpus)}, Chromium on {sorted(browser_cpus)}"
                                                 if server_cpus else "all, shared with Chromium (--no-pin)"))
    with streamlit_server(server_cpus) as url, sync_playwright() as playwright:
        executable = pinned_chromium(browser_cpus) if browser_cpus else CHROMIUM
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        if server_cpus:
            os.sched_setaffinity(0, server_cpus)  # this process runs the plain scripts: on the server's CPUs

        if args.only in (None, 1):
            measure_first_point(browser, url, args.repeats)
        if args.only in (None, 2):
            measure_refreshes(browser, url, args.watch)
        if args.only in (None, 3):
            measure_steps_per_second(browser, url, args.repeats)
        browser.close()


def measure_first_point(browser, url: str, repeats: int) -> None:
    print("\n1. Click on Train -> first loss point drawn, notebook's 3 texts (target <= 1.5 s)")
    cold = click_to_first_point(browser, url)  # the server's first run
    warm = statistics.median(click_to_first_point(browser, url) for _ in range(repeats))
    print(f"  first run of a fresh server  {cold:6.3f} s")
    print(f"  later runs (median)          {warm:6.3f} s   {'met' if warm <= 1.5 else 'MISSED'}")


def measure_refreshes(browser, url: str, watch_seconds: float) -> None:
    print(f"\n2. Chart refreshes while the B2W 10k reviews train (suggested settings), watched {watch_seconds:g} s")
    intervals, status = refresh_intervals(browser, url, watch_seconds)
    if not intervals:
        print("  MISSED: the chart changed only once")
    else:
        ordered = sorted(intervals)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(f"  {len(intervals) + 1} refreshes: median interval {statistics.median(intervals):.2f} s, "
              f"90th percentile {p90:.2f} s, longest {max(intervals):.2f} s; "
              f"{len(intervals) / sum(intervals):.2f} refreshes/s   {'met' if p90 <= 1.0 else 'MISSED'}")
    print(f"  the run afterwards: {status}")


def measure_steps_per_second(browser, url: str, repeats: int) -> None:
    print(f"\n3. Steps/s, notebook's texts and model, {SPEED_EPOCHS} epochs ({2 * SPEED_EPOCHS} steps), "
          "interleaved (target: page >= 0.90x the notebook's loop in a plain script)")
    store = Store(tempfile.mkdtemp(prefix="textlab-bench-store-"))
    contenders = {
        "notebook loop, plain script": lambda: notebook_script_rate(SPEED_EPOCHS),
        "textlab loop, plain script": lambda: textlab_script_rate(SPEED_EPOCHS),
        "job + app's observers, no page": lambda: job_rate(SPEED_EPOCHS, store),
        "job through the page": lambda: page_rate(browser, url, SPEED_EPOCHS),
    }
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):  # interleaved, so the shared machine's load falls on all alike
        for name, measure in contenders.items():
            rates[name].append(measure())
    medians = {name: statistics.median(values) for name, values in rates.items()}
    reference = medians["textlab loop, plain script"]
    for name, rate in medians.items():
        print(f"  {name:<32} {rate:8.0f} steps/s   {rate / reference:5.2f}x of the textlab script")
    ratio = medians["job through the page"] / medians["notebook loop, plain script"]
    print(f"  page / notebook script {ratio:.2f}x: {'met' if ratio >= 0.9 else 'MISSED'}")
    strict = medians["job through the page"] / reference
    print(f"  page / textlab script {strict:.2f}x (stricter: textlab's own loop is faster than the notebook's)")
    ui_only = medians["job through the page"] / medians["job + app's observers, no page"]
    print(f"  of which the page itself (page / job with the same observers): {ui_only:.2f}x")


if __name__ == "__main__":
    main()
