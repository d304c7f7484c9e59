"""The loss chart: its traces, smoothing, downsampling, axes, empty state and languages."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from textlab.figures.loss import (
    MAX_POINTS,
    debiased_ema,
    even_indices,
    loss_figure,
    min_max_indices,
    panel_metrics,
)
from textlab.train.events import EpochEnd, Step


def make_steps(count: int, steps_per_epoch: int, seed: int = 0) -> list[Step]:
    rng = random.Random(seed)
    return [Step(index // steps_per_epoch + 1, index + 1, rng.uniform(0.1, 2.0), 0.001, index * 0.001)
            for index in range(count)]


def make_epochs(count: int, validation: bool = True, metrics: dict | None = None) -> list[EpochEnd]:
    return [EpochEnd(epoch, 1.0 / epoch, 0.9 / epoch, 1.1 / epoch if validation else None, metrics or {})
            for epoch in range(1, count + 1)]


def names(figure) -> list[str]:
    return [trace.name for trace in figure.data]


def point_count(figure) -> int:
    return sum(len(trace.y) for trace in figure.data)


# Smoothing


def test_debiased_ema_matches_a_hand_computation():
    # weight 0.5: (0.5*1)/0.5 = 1; (0.25+1)/0.75 = 5/3; (0.625+1.5)/0.875 = 17/7
    assert debiased_ema([1.0, 2.0, 3.0], 0.5).tolist() == pytest.approx([1.0, 5 / 3, 17 / 7])


def test_debiased_ema_starts_at_the_first_value_and_zero_weight_is_no_smoothing():
    assert debiased_ema([4.0, 0.0], 0.9)[0] == pytest.approx(4.0)  # a plain EMA would start at 0.4
    assert debiased_ema([3.0, 1.0, 2.0], 0.0).tolist() == [3.0, 1.0, 2.0]


def test_debiased_ema_passes_non_finite_values_through_without_poisoning_the_rest():
    smoothed = debiased_ema([1.0, math.inf, 3.0], 0.5)
    assert smoothed[1] == math.inf
    assert smoothed[2] == pytest.approx((0.5 * 0.5 + 0.5 * 3.0) / 0.75)


def reference_ema(values: list[float], weight: float) -> list[float]:
    """TensorBoard's loop, written out plainly."""
    smoothed, last, count = [], 0.0, 0
    for value in values:
        last, count = last * weight + (1 - weight) * value, count + 1
        smoothed.append(last / (1 - weight ** count))
    return smoothed


@pytest.mark.parametrize("weight", [0.01, 0.3, 0.6, 0.9, 0.99])
def test_the_vectorised_ema_matches_the_plain_loop_over_long_runs(weight):
    values = [random.Random(weight).uniform(0.0, 3.0) for _ in range(10_000)]
    assert debiased_ema(values, weight).tolist() == pytest.approx(reference_ema(values, weight), rel=1e-9)


def test_debiased_ema_rejects_a_weight_of_one():
    with pytest.raises(ValueError):
        debiased_ema([1.0], 1.0)


# Traces


def test_random_labels_draw_step_loss_smoothed_loss_and_epoch_markers():
    figure = loss_figure(make_steps(6, 2), make_epochs(3, validation=False), steps_per_epoch=2)
    assert names(figure) == ["Loss per batch", "Smoothed (EMA 0.6)", "Train loss per epoch"]
    raw, smoothed, epochs = figure.data
    assert list(raw.x) == [1, 2, 3, 4, 5, 6]
    assert list(smoothed.y) == pytest.approx(debiased_ema(list(raw.y), 0.6))
    assert list(epochs.x) == [2, 4, 6]  # each epoch's marker on its last step
    assert list(epochs.y) == pytest.approx([1.0, 0.5, 1 / 3])
    assert "yaxis2" not in figure.to_dict()["layout"]


def test_classification_adds_validation_loss_and_a_metrics_panel():
    epochs = make_epochs(4, metrics={"accuracy": 0.75, "macro_f1": 0.7})
    figure = loss_figure(make_steps(20, 5), epochs, steps_per_epoch=5, metrics=panel_metrics("classification", True))
    assert names(figure)[2:] == ["Train loss per epoch", "Validation loss", "Accuracy", "Macro-F1"]
    accuracy = figure.data[4]
    assert accuracy.yaxis == "y2" and list(accuracy.y) == [0.75] * 4
    assert figure.data[3].yaxis == "y"  # validation loss stays with the losses
    assert figure.layout.yaxis2.domain[1] < figure.layout.yaxis.domain[0]  # the panel is below


def test_equal_values_in_a_panel_leave_both_markers_visible():
    """Balanced classes often give accuracy == macro-F1: the later marker is drawn inside the earlier."""
    epochs = make_epochs(3, metrics={"accuracy": 0.8, "macro_f1": 0.8})
    figure = loss_figure(make_steps(15, 5), epochs, steps_per_epoch=5, metrics=panel_metrics("classification", True))
    train, validation, accuracy, macro_f1 = figure.data[2:]
    assert list(accuracy.y) == list(macro_f1.y)
    assert accuracy.marker.size > macro_f1.marker.size and train.marker.size > validation.marker.size
    assert accuracy.marker.symbol.endswith("-open") and train.marker.symbol.endswith("-open")  # see-through


def test_regression_panel_shows_mae():
    epochs = make_epochs(2, metrics={"mse": 1.0, "mae": 0.8})
    figure = loss_figure(make_steps(4, 2), epochs, steps_per_epoch=2, metrics=panel_metrics("regression", True))
    assert names(figure)[-1] == "MAE" and list(figure.data[-1].y) == [0.8, 0.8]


def test_panel_metrics_need_validation_and_labels():
    assert panel_metrics("classification", True) == ("accuracy", "macro_f1")
    assert panel_metrics("regression", True) == ("mae",)
    assert panel_metrics("classification", False) == ()
    assert panel_metrics("random", True) == ()
    assert panel_metrics(None, True) == ()


def test_epoch_axis_puts_steps_at_fractions_of_an_epoch():
    figure = loss_figure(make_steps(8, 4), make_epochs(2, validation=False), steps_per_epoch=4, x_axis="epoch")
    assert list(figure.data[0].x) == [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    assert list(figure.data[2].x) == [1, 2]
    assert figure.layout.xaxis.title.text == "Epoch"


def test_an_unknown_x_axis_is_refused():
    with pytest.raises(ValueError):
        loss_figure(make_steps(2, 2), [], steps_per_epoch=2, x_axis="time")


def test_the_smoothing_weight_changes_the_curve_and_its_label():
    steps = make_steps(50, 10)
    light = loss_figure(steps, [], steps_per_epoch=10, smoothing=0.1)
    heavy = loss_figure(steps, [], steps_per_epoch=10, smoothing=0.95)
    assert heavy.data[1].name == "Smoothed (EMA 0.95)"
    assert np.std(np.diff(heavy.data[1].y)) < np.std(np.diff(light.data[1].y))


# Long runs


def test_100000_steps_draw_at_most_5000_points_keeping_extremes_and_the_latest():
    steps = make_steps(100_000, 1000)
    spike = 54_321
    steps[spike] = Step(55, spike + 1, 50.0, 0.001, 1.0)  # one spike must stay visible
    epochs = make_epochs(100, metrics={"accuracy": 0.5, "macro_f1": 0.5})
    figure = loss_figure(steps, epochs, steps_per_epoch=1000, metrics=("accuracy", "macro_f1"))
    assert point_count(figure) <= MAX_POINTS
    raw = figure.data[0]
    assert max(raw.y) == 50.0 and raw.x[list(raw.y).index(50.0)] == spike + 1
    assert min(raw.y) == pytest.approx(min(step.loss for step in steps), rel=1e-6)  # sent as float32
    assert raw.x[0] == 1 and raw.x[-1] == 100_000  # the curve reaches the latest step
    assert list(raw.x) == sorted(raw.x)
    assert figure.data[1].x[-1] == 100_000
    assert len(steps) == 100_000  # the data itself is untouched


def test_many_epochs_are_thinned_too():
    figure = loss_figure(make_steps(20_000, 2), make_epochs(10_000), steps_per_epoch=2)
    assert point_count(figure) <= MAX_POINTS
    assert figure.data[2].x[-1] == 20_000  # the last epoch is always shown


def test_min_max_indices_keep_each_stretchs_extremes():
    values = np.array([5.0, 1.0, 9.0, 3.0, 4.0, 8.0, 0.0, 2.0, 7.0, 6.0])
    chosen = min_max_indices(values, budget=6)  # 2 stretches of 5: (1.0 at 1, 9.0 at 2), (0.0 at 6, 8.0 at 5)
    assert list(chosen) == [0, 1, 2, 5, 6, 9]
    assert list(min_max_indices(values, budget=10)) == list(range(10))


def test_even_indices_keep_both_ends():
    chosen = even_indices(1001, 10)
    assert len(chosen) <= 10 and chosen[0] == 0 and chosen[-1] == 1000


# Empty state and languages


def test_empty_state_says_what_will_appear():
    figure = loss_figure([], [], steps_per_epoch=1)
    assert not figure.data
    assert "Press Train" in figure.layout.annotations[0].text
    waiting = loss_figure([], [], steps_per_epoch=1, waiting=True, lang="pt")
    assert "primeiro lote" in waiting.layout.annotations[0].text
    assert waiting.layout.yaxis.title.text == "Perda"


@pytest.mark.parametrize(("lang", "title", "x_title", "raw"), [
    ("en", "Loss during training", "Step (batch)", "Loss per batch"),
    ("pt", "Perda durante o treino", "Passo (lote)", "Perda por lote"),
])
def test_titles_axes_and_legend_follow_the_language(lang, title, x_title, raw):
    figure = loss_figure(make_steps(4, 2), make_epochs(2, metrics={"mae": 1.0}), steps_per_epoch=2,
                         metrics=("mae",), lang=lang)
    assert figure.layout.title.text == title
    assert figure.layout.xaxis2.title.text == x_title  # the shared axis is titled under the lower panel
    assert figure.data[0].name == raw
    # Thousands grouped with the language's mark (plotly applies the separators to ",").
    assert figure.layout.xaxis2.tickformat.startswith(",")  # the upper panel shows no x ticks
    assert figure.layout.separators == (",." if lang == "pt" else ".,")


def test_colours_are_distinct_within_a_figure():
    epochs = make_epochs(2, metrics={"accuracy": 0.5, "macro_f1": 0.5})
    figure = loss_figure(make_steps(4, 2), epochs, steps_per_epoch=2, metrics=("accuracy", "macro_f1"))
    colours = [trace.line.color for trace in figure.data]
    assert len(set(colours)) == len(colours)
