"""Each conclusion rule, fed numbers on both sides of its thresholds (no training here).

The experiments' own runs are in tests/test_experiments.py; these check that every sentence is
chosen by the named thresholds in textlab/classroom/experiments.py and by nothing else.
"""

from __future__ import annotations

import pytest

from textlab.classroom.experiments import (
    BARELY_MOVES_SHARE,
    BLOW_UP_FACTOR,
    CLEAR_ACCURACY_GAP,
    CLEARLY_LOWER,
    JUMPIER,
    LEARNED_SHARE,
    NOISE_FLOOR,
    NOTICEABLE_UNKNOWN,
    PADDING_DRAG,
    ExperimentResult,
    RunResult,
    conclude_learning_rate,
    conclude_padding,
    conclude_random_labels,
    conclude_shuffle,
    conclude_vocabulary,
    conclude_word_order,
    relative_gap,
)
from textlab.i18n import LANGUAGES
from textlab.train.config import TrainConfig

JUST = 0.01  # how far past a threshold the "either side" numbers sit


def run(label_mode: str = "classification", epoch_losses: tuple[float, ...] = (1.0,),
        step_losses: tuple[float, ...] = (1.0, 1.0), **metrics: float) -> RunResult:
    return RunResult("experiment.run.masked_mean", TrainConfig(), label_mode, step_losses, epoch_losses, metrics)


def lower_by(share: float, higher: float = 1.0) -> float:
    """The loss that is ``share`` (relative) below ``higher``."""
    return higher * (1 - share)


def sentence_ok(name: str, runs: tuple[RunResult, ...], key: str, params: dict[str, object]) -> None:
    for lang in LANGUAGES:
        sentence = ExperimentResult(name, runs, key, params).conclusion(lang)
        assert sentence.endswith(".") and "{" not in sentence


def test_relative_gap_is_a_share_of_the_higher_loss() -> None:
    assert relative_gap(0.18, 0.60) == pytest.approx(0.7)
    assert relative_gap(0.60, 0.18) < 0
    assert relative_gap(0.5, 0.0) != relative_gap(0.5, 0.0)  # nan: no share of zero


# ---- padding -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("masked_loss", "plain_loss", "drag", "expected"), [
    # The B2W case that used to say "ended close": 0.18 masked against 0.60 plain, no classes.
    (0.18, 0.60, None, "experiment.padding.loss_lower"),
    (lower_by(CLEARLY_LOWER + JUST), 1.0, None, "experiment.padding.loss_lower"),
    (lower_by(CLEARLY_LOWER - JUST), 1.0, None, "experiment.padding.unclear"),
    (1.0, lower_by(CLEARLY_LOWER - JUST), None, "experiment.padding.unclear"),
    (1.0, lower_by(CLEARLY_LOWER + JUST), None, "experiment.padding.plain_lower"),
    (0.5, 1.0, PADDING_DRAG + JUST, "experiment.padding.conclusion"),
    (0.5, 1.0, PADDING_DRAG - JUST, "experiment.padding.loss_only"),
    (0.5, 1.0, -PADDING_DRAG, "experiment.padding.loss_only"),
])
def test_padding_sentence_follows_the_losses_and_what_padding_does_to_short_texts(
        masked_loss, plain_loss, drag, expected) -> None:
    mode = "regression" if drag is None else "classification"
    # "drag": how much lower the plain mean's right-class probability is padded than alone.
    plain_probe = {} if drag is None else {"short_alone": 0.9, "short_padded": 0.9 - drag, "median_length": 5.0}
    masked_probe = {} if drag is None else {"short_alone": 0.95, "short_padded": 0.95, "median_length": 5.0}
    runs = (run(mode, (2.0, plain_loss), **plain_probe), run(mode, (2.0, masked_loss), **masked_probe))
    key, params = conclude_padding(runs)
    assert key == expected
    sentence_ok("padding", runs, key, params)


# ---- random labels -------------------------------------------------------------------------------

@pytest.mark.parametrize(("random_low", "real_share", "expected"), [
    (NOISE_FLOOR + JUST, LEARNED_SHARE - JUST, "experiment.random_labels.conclusion"),
    (NOISE_FLOOR - JUST, LEARNED_SHARE - JUST, "experiment.random_labels.unclear"),
    (NOISE_FLOOR + JUST, LEARNED_SHARE + JUST, "experiment.random_labels.unclear"),
])
def test_random_labels_sentence_needs_the_noise_floor_and_real_learning(random_low, real_share, expected) -> None:
    runs = (run("random", (1.1, random_low, 1.0)), run("regression", (2.0, 2.0 * real_share)))
    key, params = conclude_random_labels(runs)
    assert key == expected
    sentence_ok("random_labels", runs, key, params)


# ---- learning rate -------------------------------------------------------------------------------

@pytest.mark.parametrize(("slow_share", "good_below_slow", "huge_factor", "expected"), [
    (BARELY_MOVES_SHARE + JUST, CLEARLY_LOWER + JUST, BLOW_UP_FACTOR + 1, "experiment.learning_rate.blew_up"),
    (BARELY_MOVES_SHARE - JUST, CLEARLY_LOWER + JUST, BLOW_UP_FACTOR + 1, "experiment.learning_rate.unclear"),
    (BARELY_MOVES_SHARE + JUST, CLEARLY_LOWER - JUST, BLOW_UP_FACTOR + 1, "experiment.learning_rate.unclear"),
    (BARELY_MOVES_SHARE + JUST, CLEARLY_LOWER + JUST, BLOW_UP_FACTOR - 1, "experiment.learning_rate.unclear"),
])
def test_learning_rate_sentence_needs_slow_good_and_huge(slow_share, good_below_slow, huge_factor, expected) -> None:
    slow_end = 1.0 * slow_share
    runs = (run("regression", (1.0, slow_end)),
            run("regression", (1.0, lower_by(good_below_slow, slow_end))),
            run("regression", (1.0, 1.0), step_losses=(1.0, huge_factor, 1.0)))
    key, params = conclude_learning_rate(runs)
    assert key == expected
    sentence_ok("learning_rate", runs, key, params)


# ---- shuffle -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("on_below_off", "jumps", "expected"), [
    (CLEARLY_LOWER + JUST, JUMPIER + JUST, "experiment.shuffle.conclusion"),
    (CLEARLY_LOWER + JUST, JUMPIER - JUST, "experiment.shuffle.mixed"),
    (CLEARLY_LOWER - JUST, JUMPIER + JUST, "experiment.shuffle.unclear"),
    (-(CLEARLY_LOWER + JUST) / (1 - CLEARLY_LOWER - JUST), JUMPIER + JUST, "experiment.shuffle.mixed"),
])
def test_shuffle_sentence_needs_a_higher_end_and_bigger_jumps(on_below_off, jumps, expected) -> None:
    shuffled = run(epoch_losses=(1.0, lower_by(on_below_off)), step_losses=(1.0, 1.1, 1.0))  # mean change 0.1
    in_order = run(epoch_losses=(1.0, 1.0), step_losses=(1.0, 1.0 + 0.1 * jumps, 1.0))
    key, params = conclude_shuffle((shuffled, in_order))
    assert key == expected
    assert params["jump_ratio"] == pytest.approx(jumps)
    sentence_ok("shuffle", (shuffled, in_order), key, params)


# ---- word order ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("bag", "gru", "expected"), [
    (0.6, 0.6 + CLEAR_ACCURACY_GAP + JUST, "experiment.word_order.conclusion"),
    (0.4, 0.4 + CLEAR_ACCURACY_GAP + JUST, "experiment.word_order.below_chance"),
    (0.6, 0.6 + CLEAR_ACCURACY_GAP - JUST, "experiment.word_order.unclear"),
    (0.6 + CLEAR_ACCURACY_GAP - JUST, 0.6, "experiment.word_order.unclear"),
    (0.6 + CLEAR_ACCURACY_GAP + JUST, 0.6, "experiment.word_order.bag_better"),
])
def test_word_order_sentence_follows_the_accuracy_gap(bag, gru, expected) -> None:
    runs = (run(accuracy=bag, majority_share=0.5), run(accuracy=gru), run(accuracy=bag))
    key, params, _ = conclude_word_order(runs)
    assert key == expected
    sentence_ok("word_order", runs, key, params)


@pytest.mark.parametrize(("transformer_gain", "expected"), [
    (CLEAR_ACCURACY_GAP + JUST, "experiment.word_order.transformer_reads"),
    (CLEAR_ACCURACY_GAP - JUST, "experiment.word_order.transformer_close"),
    (-CLEAR_ACCURACY_GAP, "experiment.word_order.transformer_close"),
])
def test_transformer_sentence_follows_its_gain_over_mean_pooling(transformer_gain, expected) -> None:
    runs = (run(accuracy=0.2, majority_share=0.5), run(accuracy=0.95), run(accuracy=0.2 + transformer_gain))
    key, params, addendum = conclude_word_order(runs)
    assert (key, addendum) == ("experiment.word_order.below_chance", expected)
    for lang in LANGUAGES:
        sentence = ExperimentResult("word_order", runs, key, params, addendum).conclusion(lang)
        assert sentence.endswith(".") and "{" not in sentence and sentence.count(".") >= 2


# ---- vocabulary ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("train_unknown", "expected"), [
    (NOTICEABLE_UNKNOWN + 0.001, "experiment.vocabulary.unknown_hidden"),
    (NOTICEABLE_UNKNOWN - 0.001, "experiment.vocabulary.unclear"),
    (0.0, "experiment.vocabulary.unclear"),
])
def test_vocabulary_without_accuracies_says_unknown_words_only_when_there_are_some(train_unknown, expected) -> None:
    runs = (run("regression", val_unknown_rate=0.0), run("regression", val_unknown_rate=train_unknown))
    key, params = conclude_vocabulary(runs)
    assert key == expected
    sentence_ok("vocabulary", runs, key, params)


@pytest.mark.parametrize(("validation_lead", "new_lead", "expected"), [
    (CLEAR_ACCURACY_GAP + JUST, CLEAR_ACCURACY_GAP - JUST, "experiment.vocabulary.conclusion"),
    (CLEAR_ACCURACY_GAP + JUST, -CLEAR_ACCURACY_GAP - JUST, "experiment.vocabulary.conclusion"),
    (CLEAR_ACCURACY_GAP + JUST, CLEAR_ACCURACY_GAP + JUST, "experiment.vocabulary.helped"),
    (CLEAR_ACCURACY_GAP - JUST, 0.0, "experiment.vocabulary.close"),
    (-CLEAR_ACCURACY_GAP + JUST, 0.0, "experiment.vocabulary.close"),
    (-CLEAR_ACCURACY_GAP - JUST, 0.0, "experiment.vocabulary.train_better"),
])
def test_vocabulary_sentence_follows_the_validation_lead_and_whether_new_texts_keep_it(
        validation_lead, new_lead, expected) -> None:
    leaky = run(val_unknown_rate=0.02, accuracy=0.6 + validation_lead, new_accuracy=0.6 + new_lead, new_count=144)
    honest = run(val_unknown_rate=0.07, accuracy=0.6, new_accuracy=0.6, new_count=144)
    key, params = conclude_vocabulary((leaky, honest))
    assert key == expected
    assert params["new_count"] == 144
    sentence_ok("vocabulary", (leaky, honest), key, params)
    if key in ("experiment.vocabulary.conclusion", "experiment.vocabulary.helped"):  # they name the new texts
        assert "144" in ExperimentResult("vocabulary", (leaky, honest), key, params).conclusion("en")
