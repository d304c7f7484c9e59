"""Shared helpers for the benchmarks: the real data, and medians of side-by-side timings."""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# The workplace's shared data sets sit beside the checkout; TEXTLAB_BENCH_DATA points elsewhere.
SHARED_DATA = Path(os.environ.get("TEXTLAB_BENCH_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def b2w_rows() -> list[dict[str, str]]:
    """The B2W 10k reviews (review_id, rating, text); exits with a message when the file is absent."""
    path = SHARED_DATA / "b2w-rating-train-10k.csv"
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (it lives in the workplace's shared/data)")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def median_seconds(contenders: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Run the contenders in turn, ``repeats`` rounds, and return each one's median time.

    Interleaving the rounds spreads the shared machine's noise over all contenders alike.
    """
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, function in contenders.items():
            started = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def print_table(medians: dict[str, float], reference: str) -> None:
    """One line per contender: median seconds and its ratio to ``reference``."""
    width = max(map(len, medians))
    for name, seconds in medians.items():
        print(f"  {name:<{width}}  {seconds:8.3f} s   {seconds / medians[reference]:5.2f}x of {reference}")
