"""Runs taking turns at the training slots vs each run keeping its slot to the end: the class's total speed.

Ten runs of the bundled sentiment sample start together on one pool, with no page drawing them; it
prints the steps per second over all runs and when the last run had its first step. Turns should
cost no speed and bring every first step forward.

    python -m bench.slot_turns [--runs 10] [--epochs 6] [--encoder none]
"""

from __future__ import annotations

import argparse
import os
import time

from textlab.data.samples import load_sample
from textlab.train.config import TrainConfig
from textlab.train.jobs import TURN_SECONDS, SlotPool, TrainingJob, warm_up


def lesson(pool: SlotPool, config: TrainConfig, runs: int) -> tuple[float, float]:
    """(steps per second over all runs, seconds until the last run's first step)."""
    dataset = load_sample("sentiment")
    jobs = [TrainingJob(config, dataset, pool) for _ in range(runs)]
    started = time.perf_counter()
    for job in jobs:
        job.start()
    last_first_step = 0.0
    while any(job.thread_alive for job in jobs):
        if not last_first_step and all(job.snapshot().steps for job in jobs):
            last_first_step = time.perf_counter() - started
        time.sleep(0.005)
    elapsed = time.perf_counter() - started
    return sum(len(job.snapshot().steps) for job in jobs) / elapsed, last_first_step or elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--encoder", default="none", help="none (the notebook's mean), gru, lstm, transformer")
    args = parser.parse_args()
    config = TrainConfig.of(device="cpu", epochs=args.epochs, encoder=args.encoder)
    warm_up()
    print(f"{args.runs} runs of the sentiment sample, encoder {args.encoder}, {args.epochs} epochs, "
          f"{os.cpu_count()} cores")
    for slots in (1, os.cpu_count() or 1):
        kept = lesson(SlotPool(slots, turn_seconds=None), config, args.runs)
        turns = lesson(SlotPool(slots, turn_seconds=TURN_SECONDS), config, args.runs)
        for name, (rate, first) in (("slot kept to the end", kept), (f"turns of {TURN_SECONDS:g} s", turns)):
            print(f"  {slots} slot(s), {name:<20} {rate:7,.0f} steps/s   last first step after {first:5.2f} s")
        print(f"  {slots} slot(s): turns at {turns[0] / kept[0]:.2f}x the speed, "
              f"last first step {kept[1] / turns[1]:.1f}x sooner")


if __name__ == "__main__":
    main()
