"""Every classroom experiment over several seeds: each arm's numbers, the margin, the sentence chosen.

    python -m bench.experiment_margins [SEEDS] [EXPERIMENT ...]

Prints one line per experiment and seed (arms' final training loss and the metrics the page
highlights, then the conclusion key the rules chose and the run time), and a summary per
experiment: each number's mean, min and max over the seeds.
"""

from __future__ import annotations

import statistics
import sys
import time

from textlab.classroom.experiments import EXPERIMENTS, run_experiment


def arm_numbers(result) -> dict[str, float]:
    """Each arm's final training loss and highlighted metrics, named "arm:number"."""
    numbers = {}
    highlights = EXPERIMENTS[result.name].highlights
    for run in result.runs:
        arm = run.label_key.removeprefix("experiment.run.")
        if run.epoch_losses:
            numbers[f"{arm}:loss"] = run.epoch_losses[-1]
        for metric in highlights:
            if metric in run.metrics:
                numbers[f"{arm}:{metric}"] = run.metrics[metric]
    return numbers


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    names = sys.argv[2:] or list(EXPERIMENTS)
    for name in names:
        collected: dict[str, list[float]] = {}
        for seed in range(seeds):
            started = time.perf_counter()
            result = run_experiment(name, seed=seed)
            seconds = time.perf_counter() - started
            numbers = arm_numbers(result)
            for key, value in numbers.items():
                collected.setdefault(key, []).append(value)
            collected.setdefault("seconds", []).append(seconds)
            shown = "  ".join(f"{key}={value:.3f}" for key, value in numbers.items())
            sentence = result.conclusion_key.removeprefix(f"experiment.{name}.")
            if result.addendum_key:
                sentence += " + " + result.addendum_key.removeprefix(f"experiment.{name}.")
            print(f"{name:14} seed {seed}  {shown}  -> {sentence}  ({seconds:.1f} s)", flush=True)
        for key, values in collected.items():
            print(f"{name:14} {key:28} mean {statistics.fmean(values):.3f}  min {min(values):.3f}  "
                  f"max {max(values):.3f}")


if __name__ == "__main__":
    main()
