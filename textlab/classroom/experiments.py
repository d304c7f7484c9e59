"""One-click "what if?" experiments: two or three short runs that differ in one setting, and what they show.

Each experiment has a fixed, fast configuration and seed and a bundled sample it was measured on
(the margins are in tests/test_experiments.py). It may run on other data too: its conclusion is
then chosen from what the runs actually did, and says so when the expected effect did not appear.
"""

from __future__ import annotations

import functools
import itertools
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import torch

from textlab.data.dataset import Dataset, train_validation_split
from textlab.data.samples import load_sample
from textlab.i18n import Counted, t
from textlab.model.outputs import batched_outputs
from textlab.text.vocab import UNK_ID
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Failed, Step
from textlab.train.loop import TrainingRun, train
from textlab.train.tasks import task_for

FAILED, NEEDS_LABELS = "experiment.failed", "experiment.needs_labels"
# A run "blew up" when a batch's loss reached this many times its first batch's loss.
BLOW_UP_FACTOR = 10.0

# ---- the thresholds every conclusion is chosen by ----------------------------------------------
# Seeds move these small runs' final losses by a few percent: one loss "clearly lower" than another
# must be at least this much (relative) below it, else the sentence says they ended close.
CLEARLY_LOWER = 0.10
# Accuracies on a few dozen validation texts move by a few points between seeds: ten points is a
# difference a student can trust.
CLEAR_ACCURACY_GAP = 0.10
# Fresh N(0, 1) labels have variance 1: no model can average much below that over an epoch, so a
# random-label loss under this would mean the sentence is wrong, not that the model learned.
NOISE_FLOOR = 0.7
# Real labels "were learned" when the final epoch's loss is at most this share of the first one's.
LEARNED_SHARE = 0.5
# The smallest rate "barely moves": it keeps more than this share of its first epoch's loss.
BARELY_MOVES_SHARE = 0.8
# Without shuffling the loss "jumps" when its batch-to-batch changes are this many times larger.
JUMPIER = 1.2
# Padding "drags" the plain mean's short texts when the probability it gives their right class falls
# by at least this much (0.10 = ten points) between scoring each alone and scoring it padded in a batch.
PADDING_DRAG = 0.10
# The training-only vocabulary "hides" validation words when at least this share more of the
# validation tokens become <UNK> (1 in 100: below that the rounded percentages look the same).
NOTICEABLE_UNKNOWN = 0.01


def relative_gap(lower: float, higher: float) -> float:
    """How far ``lower`` is below ``higher``, as a share of ``higher`` (negative when it is above)."""
    if not (math.isfinite(lower) and math.isfinite(higher)) or higher <= 0:
        return math.nan
    return (higher - lower) / higher


def clearly_lower(lower: float, higher: float) -> bool:
    return relative_gap(lower, higher) >= CLEARLY_LOWER


@dataclass(frozen=True)
class RunSpec:
    """One run of an experiment: its legend label (a translation key) and its settings."""

    label_key: str
    config: TrainConfig


@dataclass(frozen=True)
class RunResult:
    """What one run did, as plain numbers."""

    label_key: str
    config: TrainConfig
    label_mode: str  # as the run resolved it: "random" when the data had no labels
    step_losses: tuple[float, ...]
    epoch_losses: tuple[float, ...]  # mean training loss of each finished epoch
    metrics: dict[str, float] = field(default_factory=dict)  # validation metrics and the experiment's probes
    failure: Failed | None = None

    @property
    def diverged(self) -> bool:
        return self.failure is not None and self.failure.reason == "diverged"

    @property
    def peak_factor(self) -> float:
        """The largest batch loss over the first one: how far the loss climbed."""
        finite = [loss for loss in self.step_losses if math.isfinite(loss)]
        if not finite or finite[0] <= 0:
            return 1.0
        return max(finite) / finite[0]

    @property
    def blew_up(self) -> bool:
        return self.diverged or self.peak_factor >= BLOW_UP_FACTOR


@dataclass(frozen=True)
class ExperimentResult:
    """The runs of one experiment and the sentence saying what to notice."""

    name: str
    runs: tuple[RunResult, ...]
    conclusion_key: str
    conclusion_params: dict[str, object]
    # A second sentence about a third arm, chosen by its own threshold (same params), or None.
    addendum_key: str | None = None

    def conclusion(self, lang: str) -> str:
        if self.conclusion_key == FAILED:
            run = self.run(str(self.conclusion_params["run_key"]))
            return t(FAILED, lang, run=t(run.label_key, lang), reason=run.failure.message(lang))
        sentence = t(self.conclusion_key, lang, **self.conclusion_params)
        if self.addendum_key is None:
            return sentence
        return f"{sentence} {t(self.addendum_key, lang, **self.conclusion_params)}"

    def run(self, label_key: str) -> RunResult:
        return next(run for run in self.runs if run.label_key == label_key)


Probe = Callable[[TrainingRun], dict[str, float]]
# The sentence key and its numbers, optionally followed by a second sentence's key.
Conclude = Callable[[tuple[RunResult, ...]], tuple[str, dict[str, object]] | tuple[str, dict[str, object], str | None]]


@dataclass(frozen=True)
class Experiment:
    """A what-if: the runs to compare, on which data, what to measure and how to conclude."""

    name: str
    sample: str  # the bundled sample it is measured on and runs on by default
    runs: tuple[RunSpec, ...]
    conclude: Conclude
    probe: Probe | None = None  # extra measurements on the trained run
    prepare: Callable[[Dataset], Dataset] | None = None  # e.g. sort the data by label
    highlights: tuple[str, ...] = ()  # metrics the page shows next to the curves
    log_scale: bool = False  # losses spanning orders of magnitude
    # Share of the texts set aside before the runs (with the run's seed, by class), that no run
    # trains, validates or counts words on: the probe, called as probe(run, unseen), measures on them.
    unseen_share: float = 0.0

    @property
    def title_key(self) -> str:
        return f"experiment.{self.name}.title"

    @property
    def question_key(self) -> str:
        return f"experiment.{self.name}.question"


# ---- measurements ------------------------------------------------------------------------------

def short_text_confidence(run: TrainingRun) -> dict[str, float]:
    """Right-class probability of the short training texts (at most the median length), padded and alone.

    "Padded" batches all the training texts in the run's batch size (in the data's order, where
    training shuffles), so each short text is averaged with the <PAD> cells up to its batch's longest
    text; "alone" scores each by itself, with no padding. The same model and the same texts: any
    difference is what padding does to the mean.
    """
    if not run.task.has_classes:
        return {}
    lengths = run.encoded.lengths[run.train_indices]
    median = float(lengths.float().median())
    is_short = lengths <= median
    short = run.train_indices[is_short]
    right = run.targets[short].unsqueeze(1)

    def right_probability(outputs: torch.Tensor) -> float:
        return float(outputs.softmax(1).gather(1, right).mean())

    # Batched among all the training texts, long ones too (run.outputs also sets eval mode).
    padded = right_probability(run.outputs(run.train_indices)[is_short])
    # Texts of one length batched together need no padding: the same outputs as one at a time, faster.
    short_lengths = lengths[is_short]
    alone = torch.empty(len(short), run.num_outputs)
    for length in short_lengths.unique():
        same = (short_lengths == length).nonzero().squeeze(1)
        alone[same] = batched_outputs(run.model, run.encoded, short[same], len(same), False, run.device)
    return {"median_length": median, "short_padded": padded, "short_alone": right_probability(alone)}


def validation_unknown_rate(run: TrainingRun) -> dict[str, float]:
    """Share of the validation texts' tokens that the vocabulary maps to <UNK>."""
    if not len(run.val_indices):
        return {}
    ids = run.corpus.encode(run.vocab)[run.corpus.token_mask(run.val_indices)]
    return {"val_unknown_rate": float((ids == UNK_ID).float().mean()) if len(ids) else 0.0}


def leak_measures(run: TrainingRun, unseen: Dataset) -> dict[str, float]:
    """The validation <UNK> rate, and the accuracy on ``unseen``: texts set aside before the run."""
    metrics = validation_unknown_rate(run)
    if run.task.has_classes and len(unseen):
        predicted = run.task.predicted(run.predict(list(unseen.texts)))
        metrics["new_accuracy"] = float((predicted == torch.tensor(unseen.targets())).float().mean())
        metrics["new_count"] = float(len(unseen))
    return metrics


def validation_majority_share(run: TrainingRun) -> dict[str, float]:
    """Accuracy of always guessing the validation set's most common class: the level to beat."""
    if not run.task.has_classes or not len(run.val_indices):
        return {}
    counts = run.targets[run.val_indices].bincount()
    return {"majority_share": float(counts.max() / counts.sum())}


def sorted_by_label(dataset: Dataset) -> Dataset:
    """The same rows, all texts of one label before the next (stable, in label order)."""
    targets = dataset.targets()
    if targets is None:
        return dataset
    return dataset.subset(sorted(range(len(dataset)), key=targets.__getitem__))


def mean_step_change(losses: tuple[float, ...]) -> float:
    """Average jump of the loss from one batch to the next."""
    return statistics.fmean(abs(b - a) for a, b in itertools.pairwise(losses)) if len(losses) > 1 else 0.0


# ---- conclusions -------------------------------------------------------------------------------

def _failed(runs: tuple[RunResult, ...], allowed: Callable[[RunResult], bool] = lambda run: False):
    """The first run that failed in a way the experiment does not expect, if any."""
    return next((run for run in runs if run.failure is not None and not allowed(run)), None)


def _cannot_compare(runs: tuple[RunResult, ...], needs_labels: bool = True) -> tuple[str, dict[str, object]] | None:
    """The conclusion when a run failed, or when the data had no labels to learn; else None."""
    if (broken := _failed(runs)) is not None:
        return FAILED, {"run_key": broken.label_key}
    # Every run finished here, so each label mode is a resolved one.
    if needs_labels and not all(task_for(run.label_mode).reads_labels for run in runs):
        return NEEDS_LABELS, {}
    return None


def _final_loss(run: RunResult) -> float:
    return run.epoch_losses[-1] if run.epoch_losses else math.nan


def conclude_padding(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object]]:
    plain, masked = runs
    if (problem := _cannot_compare(runs)) is not None:
        return problem
    params = {"plain_loss": _final_loss(plain), "masked_loss": _final_loss(masked), "epochs": len(plain.epoch_losses)}
    if clearly_lower(params["plain_loss"], params["masked_loss"]):
        return "experiment.padding.plain_lower", params
    if not clearly_lower(params["masked_loss"], params["plain_loss"]):
        return "experiment.padding.unclear", params
    if "short_padded" not in plain.metrics:  # no classes: no right-class probability to measure
        return "experiment.padding.loss_lower", params
    params |= {"plain_padded": plain.metrics["short_padded"], "plain_alone": plain.metrics["short_alone"],
               "masked_padded": masked.metrics["short_padded"], "masked_alone": masked.metrics["short_alone"],
               "median": round(plain.metrics["median_length"])}
    if params["plain_alone"] - params["plain_padded"] < PADDING_DRAG:
        return "experiment.padding.loss_only", params
    return "experiment.padding.conclusion", params


def conclude_random_labels(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object]]:
    random_run, real = runs
    if (problem := _cannot_compare((real,))) is not None:
        return problem
    if (problem := _cannot_compare((random_run,), needs_labels=False)) is not None:
        return problem
    noise = random_run.epoch_losses
    params = {"random_low": min(noise), "random_high": max(noise), "real_start": real.epoch_losses[0],
              "real_end": _final_loss(real)}
    noise_floor_held = min(noise) >= NOISE_FLOOR
    real_learned = params["real_end"] <= LEARNED_SHARE * params["real_start"]
    if real_learned and noise_floor_held:
        return "experiment.random_labels.conclusion", params
    return "experiment.random_labels.unclear", params


def conclude_learning_rate(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object]]:
    slow, good, huge = runs
    if (broken := _failed(runs, allowed=lambda run: run.diverged)) is not None:
        return FAILED, {"run_key": broken.label_key}
    params: dict[str, object] = {"slow_start": slow.epoch_losses[0], "slow_end": _final_loss(slow),
                                 "good_start": good.epoch_losses[0], "good_end": _final_loss(good)}
    # 0.001 barely moves, 0.1 ends clearly lower, 10 blows up.
    ordered = (not slow.blew_up and not good.blew_up and clearly_lower(params["good_end"], params["slow_end"])
               and params["slow_end"] > BARELY_MOVES_SHARE * params["slow_start"])
    if not (ordered and huge.blew_up):
        return "experiment.learning_rate.unclear", params
    if huge.diverged:
        return "experiment.learning_rate.diverged", params | {"step": huge.failure.params.get("step", "?")}
    finite = [loss for loss in huge.step_losses if math.isfinite(loss)]
    return "experiment.learning_rate.blew_up", params | {"peak": max(finite), "factor": huge.peak_factor}


def conclude_shuffle(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object]]:
    shuffled, in_order = runs
    if (problem := _cannot_compare(runs)) is not None:
        return problem
    params = {"on_loss": _final_loss(shuffled), "off_loss": _final_loss(in_order), "epochs": len(in_order.epoch_losses),
              "jump_ratio": mean_step_change(in_order.step_losses) / max(mean_step_change(shuffled.step_losses), 1e-12)}
    ends_higher = clearly_lower(params["on_loss"], params["off_loss"])
    if ends_higher and params["jump_ratio"] >= JUMPIER:
        return "experiment.shuffle.conclusion", params
    if not ends_higher and not clearly_lower(params["off_loss"], params["on_loss"]):
        return "experiment.shuffle.unclear", params
    return "experiment.shuffle.mixed", params


def _gru_sentence(params: dict[str, float]) -> str:
    if params["bag_accuracy"] - params["gru_accuracy"] >= CLEAR_ACCURACY_GAP:
        return "experiment.word_order.bag_better"
    if params["gru_accuracy"] - params["bag_accuracy"] < CLEAR_ACCURACY_GAP:
        return "experiment.word_order.unclear"
    if params["bag_accuracy"] < params["majority"]:
        return "experiment.word_order.below_chance"
    return "experiment.word_order.conclusion"


def conclude_word_order(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object], str | None]:
    bag, gru, transformer = runs
    if (problem := _cannot_compare(runs)) is not None:
        return (*problem, None)
    if "accuracy" not in bag.metrics:  # no classes, or no validation texts
        return "experiment.word_order.needs_classes", {}, None
    params = {"bag_accuracy": bag.metrics["accuracy"], "gru_accuracy": gru.metrics["accuracy"],
              "majority": bag.metrics["majority_share"], "transformer_accuracy": transformer.metrics["accuracy"]}
    # The transformer's sentence has its own threshold: it sees order only through position embeddings.
    reads_order = params["transformer_accuracy"] - params["bag_accuracy"] >= CLEAR_ACCURACY_GAP
    addendum = "experiment.word_order.transformer_reads" if reads_order else "experiment.word_order.transformer_close"
    return _gru_sentence(params), params, addendum


def conclude_vocabulary(runs: tuple[RunResult, ...]) -> tuple[str, dict[str, object]]:
    leaky, honest = runs
    if (problem := _cannot_compare(runs, needs_labels=False)) is not None:
        return problem
    if "val_unknown_rate" not in honest.metrics:
        return "experiment.vocabulary.needs_validation", {}
    params: dict[str, object] = {"all_unknown": leaky.metrics["val_unknown_rate"],
                                 "train_unknown": honest.metrics["val_unknown_rate"]}
    if "new_accuracy" not in honest.metrics:  # no classes, or no texts set aside: only the <UNK> rates
        if params["train_unknown"] - params["all_unknown"] >= NOTICEABLE_UNKNOWN:
            return "experiment.vocabulary.unknown_hidden", params
        return "experiment.vocabulary.unclear", params
    params |= {"all_val": leaky.metrics["accuracy"], "train_val": honest.metrics["accuracy"],
               "all_new": leaky.metrics["new_accuracy"], "train_new": honest.metrics["new_accuracy"],
               "new_count": round(honest.metrics["new_count"])}
    params["new_texts"] = Counted("texts", params["new_count"])
    validation_lead = params["all_val"] - params["train_val"]
    if validation_lead <= -CLEAR_ACCURACY_GAP:
        return "experiment.vocabulary.train_better", params
    if validation_lead < CLEAR_ACCURACY_GAP:
        return "experiment.vocabulary.close", params
    if params["all_new"] - params["train_new"] >= CLEAR_ACCURACY_GAP:  # the lead held on texts it never counted
        return "experiment.vocabulary.helped", params
    return "experiment.vocabulary.conclusion", params


# ---- the six experiments -----------------------------------------------------------------------

def _runs(base: TrainConfig, **variants: dict[str, object]) -> tuple[RunSpec, ...]:
    return tuple(RunSpec(f"experiment.run.{name}", base.with_changes(**changes)) for name, changes in variants.items())


EXPERIMENTS: dict[str, Experiment] = {experiment.name: experiment for experiment in (
    Experiment(
        "padding", "sentiment",
        _runs(TrainConfig.of(batch_size=16, epochs=6, embed_dim=16, lr=0.01),
              plain_mean={"pooling": "mean"}, masked_mean={"pooling": "masked_mean"}),
        conclude_padding, probe=short_text_confidence, highlights=("short_padded", "short_alone")),
    Experiment(
        "random_labels", "ratings",
        _runs(TrainConfig.of(batch_size=16, epochs=6, embed_dim=16, lr=0.03),
              random_labels={"label_mode": "random"}, real_labels={"label_mode": "auto"}),
        conclude_random_labels, log_scale=True),
    Experiment(
        "learning_rate", "sentiment",
        _runs(TrainConfig.of(batch_size=16, epochs=6, embed_dim=16),
              lr_small={"lr": 0.001}, lr_medium={"lr": 0.1}, lr_huge={"lr": 10.0}),
        conclude_learning_rate, log_scale=True),
    Experiment(
        "shuffle", "sentiment",
        _runs(TrainConfig.of(batch_size=8, epochs=6, embed_dim=16, lr=0.03),
              shuffle_on={"shuffle": True}, shuffle_off={"shuffle": False}),
        conclude_shuffle, prepare=sorted_by_label),
    Experiment(
        "word_order", "word_order",
        _runs(TrainConfig.of(val_fraction=0.25, batch_size=16, epochs=12, embed_dim=16, hidden_dim=32, lr=0.01),
              bag_of_words={"pooling": "masked_mean"}, gru={"encoder": "gru", "pooling": "last"},
              transformer={"encoder": "transformer", "pooling": "masked_mean", "layers": 2, "heads": 2}),
        conclude_word_order, probe=validation_majority_share, highlights=("accuracy",)),
    Experiment(
        # Words seen at least twice are kept: counting the validation texts too decides which rare
        # training words get a row, and the texts set aside show what that does to new text.
        "vocabulary", "rare_words",
        _runs(TrainConfig.of(val_fraction=0.2, min_freq=2, pooling="masked_mean", batch_size=32, epochs=10,
                             embed_dim=16, lr=0.03),
              vocab_all={"vocab_from": "all"}, vocab_train={"vocab_from": "train"}),
        conclude_vocabulary, probe=leak_measures, highlights=("accuracy", "new_accuracy", "val_unknown_rate"),
        unseen_share=0.15),
)}


# ---- running -----------------------------------------------------------------------------------

def execute(spec: RunSpec, dataset: Dataset, probe: Probe | None = None) -> RunResult:
    """One run to its end through ``textlab.train.loop.train``, keeping the trained run for the probe."""
    prepared: list[TrainingRun] = []

    def keep_run(run: TrainingRun | None, event: object) -> None:
        if run is not None and not prepared:
            prepared.append(run)

    steps, epochs, metrics, failure = [], [], {}, None
    for event in train(spec.config, dataset, observer=keep_run):
        if isinstance(event, Step):
            steps.append(event.loss)
        elif isinstance(event, EpochEnd):
            epochs.append(event.train_loss)
            metrics = dict(event.metrics)
        elif isinstance(event, Failed):
            failure = event
            if event.reason == "diverged":
                steps.append(math.inf)  # the batch whose loss was no longer a number
    if failure is None and probe is not None:
        metrics |= probe(prepared[0])
    label_mode = prepared[0].label_mode if prepared else spec.config.run.label_mode
    return RunResult(spec.label_key, spec.config, label_mode, tuple(steps), tuple(epochs), metrics, failure)


def run_experiment(name: str, dataset: Dataset | None = None, seed: int | None = None) -> ExperimentResult:
    """Run experiment ``name`` on ``dataset`` (its bundled sample by default), with its seed or ``seed``."""
    experiment = EXPERIMENTS[name]
    data = dataset if dataset is not None else load_sample(experiment.sample)
    if experiment.prepare is not None:
        data = experiment.prepare(data)
    specs = experiment.runs if seed is None else tuple(
        replace(spec, config=spec.config.with_changes(seed=seed)) for spec in experiment.runs)
    probe = experiment.probe
    if experiment.unseen_share:
        kept, unseen = train_validation_split(data, experiment.unseen_share, specs[0].config.run.seed)
        data, probe = data.subset(kept), functools.partial(experiment.probe, unseen=data.subset(unseen))
    # These models are tiny: a second intra-op thread gains nothing, and on a shared, busy CPU
    # the threads' waiting made a 5-second experiment take 40. Torch keeps this per calling thread.
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        runs = tuple(execute(spec, data, probe) for spec in specs)
    finally:
        torch.set_num_threads(previous_threads)
    key, params, *addendum = experiment.conclude(runs)
    return ExperimentResult(name, runs, key, params, *addendum)
