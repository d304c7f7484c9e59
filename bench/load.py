"""A class of students on one server: N sessions visit the pages and press Train at about the same time.

It starts one `streamlit run app.py` with its own run store (or targets ``--url``) and opens N
sessions over Streamlit's websocket protocol (``bench.streamlit_client``): what each student's
browser sends, without painting N Chromium tabs on the machine under test. Each student opens a
lesson link that loads a bundled sample, visits the pages one after another with a short pause
to read, presses Train, watches the run to its end and opens the Runs page. Arrivals are spread
over ``--spread`` seconds, as a class that starts together still does.

It reports:
- page response: from a click (a page in the menu, the Train button) to the page drawn whole
  (the server's "script finished"), p50/p95/max per page; goal p95 <= 1 s;
- live refresh: from the chart's timer firing to the live panel redrawn;
- first loss point: from the Train click to the first point in the loss chart; goal <= 5 s for every student;
- the queue: how many runs waited for a training slot, and how long;
- the runs: how each student's run ended, and how many the store holds afterwards.

    python -m bench.load [--students 40] [--sample sentiment] [--settings epochs=30 ...] [--spread 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.streamlit_client import StreamlitSession
from tests.browser.server import app_server
from textlab.data.samples import SAMPLES
from textlab.i18n import t
from textlab.runs.store import Store
from textlab.train.jobs import default_slot_count

PAGE_GOAL_SECONDS, FIRST_POINT_GOAL_SECONDS = 1.0, 5.0
LOSS_CHART = "train_loss_chart"  # the Train page's chart key


@dataclass
class Student:
    """What one student waited for."""

    number: int
    responses: dict[str, list[float]] = field(default_factory=dict)  # page → seconds per visit
    first_point: float | None = None
    queued_seconds: float | None = None  # None: the run never waited for a slot
    ending: str = "no run"  # the last status sentence the Train page showed
    refresh_seconds: list[float] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


async def attend(number: int, url: str, args: argparse.Namespace, queued_sentences: set[str]) -> Student:
    """One student's lesson, from the link to the Runs page."""
    student = Student(number)
    rng = random.Random(number)
    await asyncio.sleep(args.spread * number / args.students)
    query = urlencode({"lang": args.lang, "sample": args.sample, **dict(_settings(args.settings))})
    session = StreamlitSession(url, query)
    student.responses["home"] = [await session.open()]
    try:
        for page in (*args.pages, "train"):
            await asyncio.sleep(rng.uniform(*args.think))
            student.responses.setdefault(page, []).append(await session.visit(page))
        await asyncio.sleep(rng.uniform(*args.think))
        clicked = time.monotonic()
        student.responses["Train button"] = [await session.click("train_start")]
        await _watch_run(session, clicked, args.timeout)
        first = session.log.first_points.get(LOSS_CHART)
        student.first_point = first - clicked if first is not None else None
        queued = [alert.at for alert in session.log.alerts if alert.at >= clicked and alert.body in queued_sentences]
        if queued:
            after = [alert.at for alert in session.log.alerts if alert.at > queued[-1]]
            student.queued_seconds = (after[0] if after else time.monotonic()) - clicked
        ended = [alert for alert in session.log.alerts if alert.at >= clicked]
        student.ending = ended[-1].body if ended else "no status"
        student.responses.setdefault("runs", []).append(await session.visit("runs"))
    finally:
        student.refresh_seconds = session.log.refresh_seconds
        student.exceptions = session.log.exceptions
        await session.close()
    return student


async def _watch_run(session: StreamlitSession, clicked: float, timeout: float) -> None:
    """Wait until the run has drawn a point and its live panel has stopped refreshing."""
    while time.monotonic() - clicked < timeout:
        if LOSS_CHART in session.log.first_points and not session.run_is_live:
            return
        await asyncio.sleep(0.1)


def _settings(pairs: list[str]) -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for pair in pairs]


async def lesson(url: str, args: argparse.Namespace) -> list[Student]:
    queued = {t("train.state.queued", args.lang, position=position) for position in range(1, args.students + 1)}
    return list(await asyncio.gather(*(attend(number, url, args, queued) for number in range(args.students))))


# The report


def _quantiles(values: list[float]) -> str:
    if not values:
        return "   –"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{len(values):5d}  {statistics.median(values):6.3f}  {p95:6.3f}  {ordered[-1]:6.3f}"


def report(students: list[Student], data_dir: Path | None, args: argparse.Namespace, wall: float,
           loads: tuple[tuple[float, ...], tuple[float, ...]], client_cpu: float) -> None:
    print(f"{args.students} students, sample {args.sample!r}, settings {args.settings or 'defaults'}, "
          f"pages {', '.join(args.pages)}, arrivals over {args.spread:g} s, {args.think[0]:g}-{args.think[1]:g} s "
          f"on each page, {default_slot_count()} training slots")
    print(f"wall {wall:.1f} s; load average before {loads[0][0]:.2f}, after {loads[1][0]:.2f}; "
          f"this client's CPU {client_cpu:.1f} s\n")
    print(f"{'seconds':<28}{'n':>5}  {'p50':>6}  {'p95':>6}  {'max':>6}")
    pages = list(dict.fromkeys(page for student in students for page in student.responses))
    everything: list[float] = []
    for page in pages:
        values = [value for student in students for value in student.responses.get(page, [])]
        everything += values
        print(f"  {page:<26}{_quantiles(values)}")
    print(f"  {'every click':<26}{_quantiles(everything)}")
    refreshes = [value for student in students for value in student.refresh_seconds]
    print(f"  {'live refresh':<26}{_quantiles(refreshes)}")
    firsts = [student.first_point for student in students if student.first_point is not None]
    print(f"  {'first loss point':<26}{_quantiles(firsts)}")
    waits = [student.queued_seconds for student in students if student.queued_seconds is not None]
    print(f"  {'queued (those that waited)':<26}{_quantiles(waits)}")
    missing = args.students - len(firsts)
    late = sum(value > FIRST_POINT_GOAL_SECONDS for value in firsts)
    print(f"\nqueue: {len(waits)} of {args.students} runs waited for a slot")
    endings: dict[str, int] = {}
    for student in students:
        endings[student.ending.split(":")[0]] = endings.get(student.ending.split(":")[0], 0) + 1
    print("endings shown: " + "; ".join(f"{count} × {ending}" for ending, count in endings.items()))
    if data_dir is not None:
        with Store(data_dir) as store:
            records = store.runs()
            statuses = [record.status for record in records]
            steps = sum(len(store.steps(record.run_id)) for record in records)  # those of the epochs that ended
        print(f"store: {len(statuses)} runs, " + ", ".join(f"{statuses.count(s)} {s}" for s in sorted(set(statuses)))
              + f"; {steps:,} steps trained, {steps / wall:,.0f} a second over the lesson")
    errors = [error for student in students for error in student.exceptions]
    print(f"exceptions on pages: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    p95 = sorted(everything)[round(0.95 * (len(everything) - 1))] if everything else float("inf")
    print(f"\ngoal p95 page response <= {PAGE_GOAL_SECONDS:g} s: {'met' if p95 <= PAGE_GOAL_SECONDS else 'NOT met'}"
          f" ({p95:.3f} s)")
    print(f"goal every first loss point <= {FIRST_POINT_GOAL_SECONDS:g} s: "
          f"{'met' if not late and not missing else 'NOT met'} ({late} late, {missing} without a point)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--sample", choices=list(SAMPLES), default="sentiment")
    parser.add_argument("--settings", nargs="*", default=[], metavar="NAME=VALUE",
                        help="training settings in the lesson link, by their URL names (default: the notebook's)")
    parser.add_argument("--pages", nargs="*", default=["data", "vocabulary", "batches"])
    parser.add_argument("--lang", choices=("pt", "en"), default="pt")
    parser.add_argument("--spread", type=float, default=10.0, help="seconds over which the students arrive")
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 6.0), metavar=("MIN", "MAX"),
                        help="seconds a student reads a page before the next click (0.5 1.5: a class clicking "
                             "through as fast as the pages draw)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a student waits for a run to end")
    parser.add_argument("--url", help="an app already running (its runs are not counted)")
    args = parser.parse_args()
    before = os.getloadavg()
    if args.url:
        try:
            students, wall = _timed(args.url, args)
        except OSError as error:  # nothing listens there, or the name does not resolve
            raise SystemExit(f"cannot reach the app at {args.url}: {error}") from None
        data_dir = None
    else:
        with tempfile.TemporaryDirectory() as scratch:
            data_dir = Path(scratch) / "data"
            with app_server(data_dir, Path(scratch) / "server.log") as url:
                asyncio.run(_warm(url))
                students, wall = _timed(url, args)
            report(students, data_dir, args, wall, (before, os.getloadavg()), _client_cpu())
            return
    report(students, data_dir, args, wall, (before, os.getloadavg()), _client_cpu())


def _timed(url: str, args: argparse.Namespace) -> tuple[list[Student], float]:
    started = time.monotonic()
    students = asyncio.run(lesson(url, args))
    return students, time.monotonic() - started


async def _warm(url: str) -> None:
    """One session first, as the teacher's own check: the server's imports are not the class's wait."""
    session = StreamlitSession(url)
    await session.open()
    await session.close()


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
