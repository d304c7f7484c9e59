"""The training loop: learning, reproducibility, control from another thread, failures and options."""

from __future__ import annotations

import itertools
import math
import random
import threading
import time

import pytest
import torch

from textlab.data.dataset import Dataset
from textlab.errors import DeviceError
from textlab.model.devices import DEVICE_CHOICES, available_devices, resolve_device
from textlab.model.models import MAX_POSITIONS
from textlab.text.corpus import build_vocab
from textlab.train.config import TrainConfig
from textlab.train.control import Control
from textlab.train.events import END_EVENTS, EpochEnd, Failed, Finished, RunStarted, Step, Stopped
from textlab.train.loop import TrainingRun, train

# Small, fast and learnable: masked mean over 16-dim embeddings, a high-ish learning rate.
LEARN = TrainConfig.of(val_fraction=0.25, pooling="masked_mean", embed_dim=16, lr=0.05, batch_size=8, epochs=10,
                    device="cpu")


def of_type(events, kind):
    return [event for event in events if isinstance(event, kind)]


def step_losses(config, dataset):
    return [event.loss for event in train(config, dataset) if isinstance(event, Step)]


def check_run_shape(events):
    """Every run: RunStarted first, exactly one end event, and it is last."""
    assert isinstance(events[0], RunStarted)
    ends = [event for event in events if isinstance(event, END_EVENTS)]
    assert len(ends) == 1 and events[-1] is ends[0]


# Learning


def test_classification_learns(classification_dataset):
    events = list(train(LEARN, classification_dataset))
    check_run_shape(events)
    epochs = of_type(events, EpochEnd)
    assert events[-1] == Finished("completed", 10)
    assert epochs[-1].train_loss < epochs[0].train_loss / 5
    assert epochs[-1].metrics["accuracy"] >= 0.9  # chance is 0.5
    assert set(epochs[-1].metrics) == {"accuracy", "macro_f1"}
    assert 0.0 <= epochs[-1].metrics["macro_f1"] <= 1.0
    assert epochs[-1].val_loss is not None and epochs[-1].val_loss < math.log(2)


def test_regression_learns(regression_dataset):
    events = list(train(LEARN, regression_dataset))
    check_run_shape(events)
    epochs = of_type(events, EpochEnd)
    assert epochs[-1].train_loss < epochs[0].train_loss / 3
    assert set(epochs[-1].metrics) == {"mse", "mae"}
    assert epochs[-1].val_loss == epochs[-1].metrics["mse"]
    targets = torch.tensor([float(label) for label in regression_dataset.labels])
    assert epochs[-1].metrics["mse"] < float(targets.var()) / 2  # far better than predicting the mean


def test_train_loss_is_mean_over_texts_and_last_loss_is_last_step(regression_dataset):
    config = TrainConfig.of(pooling="masked_mean", batch_size=7, epochs=1, device="cpu")  # 80 = 11 * 7 + 3
    events = list(train(config, regression_dataset))
    steps, (epoch,) = of_type(events, Step), of_type(events, EpochEnd)
    sizes = [7] * 11 + [3]
    assert len(steps) == len(sizes)
    assert epoch.train_loss == pytest.approx(sum(s.loss * n for s, n in zip(steps, sizes, strict=True)) / 80)
    assert epoch.last_loss == steps[-1].loss
    assert [s.step for s in steps] == list(range(1, 13)) and all(s.epoch == 1 for s in steps)
    assert all(b.seconds >= a.seconds for a, b in itertools.pairwise(steps))


# Reproducibility


def test_same_seed_same_losses_other_seed_other_losses(classification_dataset):
    config = TrainConfig.of(pooling="masked_mean", dropout=0.3, epochs=2, batch_size=8, lr=0.01, device="cpu")
    first = step_losses(config, classification_dataset)
    assert first == step_losses(config, classification_dataset)
    assert first != step_losses(config.with_changes(seed=1), classification_dataset)


def test_same_seed_same_random_labels(notebook_dataset):
    config = TrainConfig.of(device="cpu")
    assert step_losses(config, notebook_dataset) == step_losses(config, notebook_dataset)
    assert step_losses(config, notebook_dataset) != step_losses(config.with_changes(seed=5), notebook_dataset)


def _interleaved_losses(config, dataset):
    runs, losses = [train(config, dataset), train(config, dataset)], [[], []]
    for pair in itertools.zip_longest(*runs):
        for index, event in enumerate(pair):
            if isinstance(event, Step):
                losses[index].append(event.loss)
    return losses


def test_interleaved_runs_without_dropout_are_reproducible(regression_dataset):
    # Two runs at once (two browser sessions) with the same seed: the same losses as one run alone.
    config = TrainConfig.of(pooling="masked_mean", epochs=2, batch_size=8, device="cpu")
    alone = step_losses(config, regression_dataset)
    assert _interleaved_losses(config, regression_dataset) == [alone, alone]


def test_interleaved_runs_with_dropout_are_reproducible(regression_dataset):
    config = TrainConfig.of(pooling="masked_mean", dropout=0.5, epochs=2, batch_size=8, device="cpu")
    alone = step_losses(config, regression_dataset)
    assert _interleaved_losses(config, regression_dataset) == [alone, alone]


# Control from another thread


class ThreadedRun:
    """``train()`` consumed by a background thread into a list, as the app's TrainingJob does."""

    def __init__(self, config, dataset, control):
        self.events: list = []
        self.thread = threading.Thread(target=self._consume, args=(config, dataset, control), daemon=True)
        self.thread.start()

    def _consume(self, config, dataset, control):
        for event in train(config, dataset, control):
            self.events.append(event)

    def steps(self) -> int:
        return len(of_type(list(self.events), Step))

    def wait_until(self, condition, timeout=20.0):
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out"
            time.sleep(0.005)

    def wait_quiet(self, seconds=0.3):
        """Wait until no event has arrived for ``seconds`` (the loop is blocked in wait_for_go)."""
        count, since = len(self.events), time.monotonic()
        while time.monotonic() - since < seconds:
            time.sleep(0.01)
            if len(self.events) != count:
                count, since = len(self.events), time.monotonic()

    def join(self):
        self.thread.join(timeout=20)
        assert not self.thread.is_alive()


LONG_RUN = TrainConfig.of(pooling="masked_mean", batch_size=2, epochs=10_000, device="cpu")


def test_pause_step_resume(classification_dataset):
    control = Control()
    control.pause()
    run = ThreadedRun(LONG_RUN.with_changes(epochs=2), classification_dataset, control)
    run.wait_until(lambda: len(run.events) >= 1)
    run.wait_quiet()
    assert isinstance(run.events[0], RunStarted) and run.steps() == 0 and control.paused
    for expected in (1, 2, 3):
        control.step()
        run.wait_until(lambda n=expected: run.steps() >= n)
        run.wait_quiet()
        assert run.steps() == expected  # exactly one more batch, then paused again
        assert run.thread.is_alive() and control.paused
    control.resume()
    run.join()
    assert not control.paused
    assert run.steps() == 2 * 40  # 80 texts in batches of 2, two epochs
    assert run.events[-1] == Finished("completed", 2)
    check_run_shape(run.events)


def test_stop_while_running(classification_dataset):
    control = Control()
    run = ThreadedRun(LONG_RUN, classification_dataset, control)
    run.wait_until(lambda: run.steps() >= 5)
    control.stop()
    steps_when_stopped = run.steps()
    run.join()
    # Only the batch in progress when stop() returned may still complete.
    assert run.steps() <= steps_when_stopped + 1
    assert run.events[-1] == Stopped("user")
    check_run_shape(run.events)


def test_stop_while_paused(classification_dataset):
    control = Control()
    run = ThreadedRun(LONG_RUN, classification_dataset, control)
    run.wait_until(lambda: run.steps() >= 3)
    control.pause()
    run.wait_quiet()
    paused_steps = run.steps()
    control.stop()
    run.join()
    assert run.steps() == paused_steps
    assert run.events[-1] == Stopped("user")
    assert control.stop_requested


def test_stop_before_start_runs_no_batch(classification_dataset):
    control = Control()
    control.stop()
    events = list(train(LEARN, classification_dataset, control))
    assert [type(event) for event in events] == [RunStarted, Stopped]


# Failures


def test_divergence_is_detected(regression_dataset):
    huge = Dataset(regression_dataset.texts, tuple(str(float(x) * 1000 + 5000) for x in regression_dataset.labels),
                   "numeric", ())
    config = TrainConfig.of(optimizer="sgd", lr=100.0, pooling="masked_mean", batch_size=8, epochs=5, device="cpu")
    events = list(train(config, huge))
    check_run_shape(events)
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.reason == "diverged"
    assert all(math.isfinite(step.loss) for step in of_type(events, Step))  # the bad step is not reported
    assert failed.params["step"] == len(of_type(events, Step)) + 1
    assert "10" in failed.message("en") and "learning rate" in failed.message("en")
    assert "10" in failed.message("pt") and "taxa de aprendizado" in failed.message("pt")


def test_nan_loss_is_detected_whatever_causes_it(classification_dataset, monkeypatch):
    original = TrainingRun.loss
    calls = itertools.count()

    def poisoned(self, batch, random_labels=None):
        loss = original(self, batch, random_labels)
        return loss * math.nan if next(calls) == 3 else loss

    monkeypatch.setattr(TrainingRun, "loss", poisoned)
    events = list(train(LEARN, classification_dataset))
    assert len(of_type(events, Step)) == 3
    assert events[-1].reason == "diverged" and events[-1].params["lr"] == LEARN.optimisation.lr
    assert events[-1].params["suggested"] == pytest.approx(LEARN.optimisation.lr / 10)


def _absent_device() -> str:
    absent = [device for device in DEVICE_CHOICES if device != "auto" and device not in available_devices()]
    if not absent:
        pytest.skip("every device choice is present on this machine")
    return absent[0]


def test_missing_device_fails_naming_the_available_ones(classification_dataset):
    device = _absent_device()
    with pytest.raises(DeviceError) as caught:
        resolve_device(device)
    for lang in ("en", "pt"):
        assert device in caught.value.message(lang)
        assert all(present in caught.value.message(lang) for present in available_devices())
    events = list(train(LEARN.with_changes(device=device), classification_dataset))
    assert len(events) == 1 and isinstance(events[0], Failed)
    assert events[0].reason == "invalid" and events[0].key == "device.missing"
    assert "cpu" in events[0].message("en") and device in events[0].message("pt")


def test_auto_device_is_one_that_is_available():
    assert resolve_device("auto").type in available_devices()
    assert resolve_device("cpu") == torch.device("cpu")


def test_a_text_too_long_for_the_transformer_fails_before_training():
    dataset = Dataset(("curto", " ".join(["palavra"] * (MAX_POSITIONS + 1))), None, "none", ())
    uncut = TrainConfig.of(device="cpu", encoder="transformer", pooling="masked_mean", max_length=0)
    events = list(train(uncut, dataset))
    assert len(events) == 1 and events[0].reason == "invalid" and events[0].key == "model.text_too_long"
    # Cut to the position table, or read by a recurrent encoder (no length limit), the same texts train.
    assert list(train(uncut.with_changes(max_length=MAX_POSITIONS), dataset))[-1].reason == "completed"
    assert list(train(uncut.with_changes(encoder="gru"), dataset))[-1].reason == "completed"


def test_transformer_classification_learns(classification_dataset):
    events = list(train(LEARN.with_changes(encoder="transformer", pooling="masked_mean"), classification_dataset))
    check_run_shape(events)
    assert of_type(events, EpochEnd)[-1].metrics["accuracy"] >= 0.8  # chance is 0.5


def test_no_texts_fails_with_a_message():
    events = list(train(TrainConfig.of(device="cpu"), Dataset((), None, "none", ())))
    assert len(events) == 1 and events[0].reason == "invalid" and events[0].key == "data.empty"


# Early stopping, schedules, clipping


def test_early_stopping_on_a_task_that_overfits():
    # Every text has its own word plus one of three shared ones; labels are noise. The model memorises
    # the training texts while validation (whose own words are unknown) can only get worse.
    rng = random.Random(0)
    data = Dataset(tuple(f"w{i} x{i % 3}" for i in range(40)), tuple(str(rng.gauss(0, 1)) for _ in range(40)),
                   "numeric", ())
    config = TrainConfig.of(val_fraction=0.5, patience=1, epochs=50, lr=0.1, pooling="masked_mean", batch_size=4,
                         device="cpu")
    run = TrainingRun(config, data)
    events = list(run.events())
    end = events[-1]
    assert isinstance(end, Finished) and end.reason == "early_stopping"
    val_losses = [event.val_loss for event in of_type(events, EpochEnd)]
    assert end.epochs_run == len(val_losses) < config.optimisation.epochs
    # Patience 1: it stops at the first epoch that does not improve on the best one.
    assert val_losses[-1] >= min(val_losses[:-1])
    assert all(b < a for a, b in itertools.pairwise(val_losses[:-1]))
    # The weights of the best epoch are restored.
    assert run.evaluate()[0] == pytest.approx(min(val_losses), rel=1e-6)


def test_cosine_schedule_lowers_lr_every_step_towards_zero(regression_dataset):
    config = LEARN.with_changes(lr_schedule="cosine", epochs=3)
    steps = of_type(list(train(config, regression_dataset)), Step)
    total = len(steps)
    assert total == 3 * math.ceil(60 / 8)
    assert steps[0].lr == config.optimisation.lr
    assert all(b.lr < a.lr for a, b in itertools.pairwise(steps))
    for index, step in enumerate(steps):
        assert step.lr == pytest.approx(config.optimisation.lr * (1 + math.cos(math.pi * index / total)) / 2, abs=1e-12)
    assert steps[-1].lr < config.optimisation.lr * 0.01


@pytest.mark.parametrize("epochs", [4, 8])
def test_step_schedule_halves_three_times(regression_dataset, epochs):
    config = LEARN.with_changes(lr_schedule="step", epochs=epochs)
    steps = of_type(list(train(config, regression_dataset)), Step)
    per_epoch = {step.epoch: set() for step in steps}
    for step in steps:
        per_epoch[step.epoch].add(step.lr)
    assert all(len(rates) == 1 for rates in per_epoch.values())  # changes only between epochs
    rates = [per_epoch[epoch].pop() for epoch in range(1, epochs + 1)]
    size = epochs // 4
    assert rates == pytest.approx([config.optimisation.lr * 0.5 ** (index // size) for index in range(epochs)])
    assert rates[-1] == pytest.approx(config.optimisation.lr / 8)


def test_step_schedule_halves_three_times_for_six_epochs(regression_dataset):
    config = LEARN.with_changes(lr_schedule="step", epochs=6)
    last = of_type(list(train(config, regression_dataset)), Step)[-1]
    assert last.lr >= config.optimisation.lr / 8


def test_plateau_schedule_runs(regression_dataset):
    events = list(train(LEARN.with_changes(lr_schedule="plateau", epochs=4), regression_dataset))
    assert events[-1] == Finished("completed", 4)
    steps = of_type(events, Step)
    lr = LEARN.optimisation.lr
    assert all(step.lr in (lr, lr / 2, lr / 4) for step in steps)


def test_no_schedule_keeps_lr(regression_dataset):
    steps = of_type(list(train(LEARN.with_changes(epochs=2), regression_dataset)), Step)
    assert {step.lr for step in steps} == {LEARN.optimisation.lr}


def test_grad_clip_bounds_each_update(regression_dataset):
    # With SGD (no momentum) one update moves the parameters by lr * gradient, so its norm is at most
    # lr * grad_clip after clipping; without clipping the first gradient of this task is much larger.
    def first_update_norm(grad_clip):
        config = TrainConfig.of(optimizer="sgd", lr=0.5, grad_clip=grad_clip, pooling="masked_mean", batch_size=8,
                             device="cpu")
        run = TrainingRun(config, regression_dataset)
        before = [parameter.detach().clone() for parameter in run.model.parameters()]
        events = run.events()
        next(event for event in events if isinstance(event, Step))
        deltas = [(p.detach() - b).flatten() for p, b in zip(run.model.parameters(), before, strict=True)]
        return float(torch.cat(deltas).norm())

    assert first_update_norm(0.01) <= 0.5 * 0.01 * (1 + 1e-4)
    assert first_update_norm(0.0) > 0.5 * 0.01 * 10
    assert list(train(TrainConfig.of(grad_clip=1.0, device="cpu"),
                      Dataset(("a b", "c"), None, "none", ())))[-1] == Finished("completed", 3)


# Label modes


def test_regression_on_categorical_labels_is_refused(classification_dataset):
    events = list(train(LEARN.with_changes(label_mode="regression"), classification_dataset))
    assert len(events) == 1 and isinstance(events[0], Failed) and events[0].reason == "invalid"
    assert events[0].key == "data.not_numeric"
    assert "neg" in events[0].message("en") or "pos" in events[0].message("en")
    assert events[0].message("pt") != events[0].message("en")


def test_labelled_modes_need_labels(notebook_dataset):
    for mode in ("regression", "classification"):
        events = list(train(TrainConfig.of(label_mode=mode, device="cpu"), notebook_dataset))
        assert len(events) == 1 and events[0].key == "training.needs_labels"
        assert mode in events[0].message("en") and mode in events[0].message("pt")


def test_classification_on_numeric_labels(regression_dataset):
    classes = sorted(set(regression_dataset.labels), key=float)
    events = list(train(LEARN.with_changes(label_mode="classification", epochs=2), regression_dataset))
    started = events[0]
    assert started.label_mode == "classification" and started.num_outputs == len(classes) > 2
    assert events[-1] == Finished("completed", 2)
    assert set(of_type(events, EpochEnd)[-1].metrics) == {"accuracy", "macro_f1"}


def test_random_mode_ignores_labels(classification_dataset):
    flipped = Dataset(classification_dataset.texts,
                      tuple("pos" if label == "neg" else "neg" for label in classification_dataset.labels),
                      "categorical", ("neg", "pos"))
    config = LEARN.with_changes(label_mode="random", epochs=2)
    events = list(train(config, classification_dataset))
    assert events[0].label_mode == "random" and events[0].num_outputs == 1
    assert all(epoch.metrics == {} and epoch.val_loss is None for epoch in of_type(events, EpochEnd))
    # Without a validation split (which is stratified by the labels) the losses are the same.
    config = config.with_changes(val_fraction=0.0)
    assert step_losses(config, classification_dataset) == step_losses(config, flipped)
    # The auto mode does use them: there the flipped labels change the losses.
    auto = config.with_changes(label_mode="auto")
    assert step_losses(auto, classification_dataset) != step_losses(auto, flipped)


# Run facts and prediction


def test_run_started_fields(classification_dataset):
    config = LEARN.with_changes(batch_size=7, epochs=2)
    run = TrainingRun(config, classification_dataset)
    started = next(run.events())
    assert started.train_size + started.val_size == 80
    assert started.val_size == 20  # 25% of each class of 40
    assert started.steps_per_epoch == math.ceil(60 / 7) and started.total_steps == 2 * started.steps_per_epoch
    train_texts = [classification_dataset.texts[i] for i in run.train_indices.tolist()]
    assert started.vocab_size == len(build_vocab(train_texts)) == len(run.vocab)
    assert started.device == "cpu"
    assert started.label_mode == "classification" and started.num_outputs == 2
    events = [started, *run.events()]
    assert len(of_type(events, Step)) == started.total_steps


def test_vocab_from_all_includes_validation_words():
    texts = tuple(f"comum palavra{i}" for i in range(20))
    data = Dataset(texts, tuple(str(i % 2) for i in range(20)), "numeric", ())
    from_train = TrainingRun(TrainConfig.of(val_fraction=0.5, device="cpu"), data)
    from_all = TrainingRun(TrainConfig.of(val_fraction=0.5, vocab_from="all", device="cpu"), data)
    assert len(from_all.vocab) == 2 + 21
    assert len(from_train.vocab) == 2 + 1 + len(from_train.train_indices)


@pytest.mark.parametrize(("fixture", "outputs"), [("classification_dataset", 2), ("regression_dataset", 1)],
                         ids=["classification", "regression"])
def test_predict_shape_and_batch_independence(fixture, outputs, request):
    dataset = request.getfixturevalue(fixture)
    run = TrainingRun(LEARN.with_changes(epochs=1), dataset)
    list(run.events())
    texts = ["adorei o produto", "quebrou", "", "palavra nunca vista", dataset.texts[0]]
    predictions = run.predict(texts)
    assert predictions.shape == (len(texts), outputs)
    assert torch.isfinite(predictions).all()
    # Masked pooling: a text's output does not depend on the texts predicted with it.
    alone = torch.cat([run.predict([text]) for text in texts])
    torch.testing.assert_close(predictions, alone, atol=1e-5, rtol=0)
    torch.testing.assert_close(run.predict([dataset.texts[0]])[0], run.outputs(torch.tensor([0]))[0])


def test_predict_after_random_labels(notebook_dataset):
    run = TrainingRun(TrainConfig.of(device="cpu"), notebook_dataset)
    list(run.events())
    assert run.predict(["exemplo de texto", "novo"]).shape == (2, 1)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine (torch.cuda.is_available() "
                                                          "is False); the CUDA path runs where one is present")
@pytest.mark.parametrize("encoder", ["gru", "transformer"])
def test_short_training_on_cuda(classification_dataset, encoder):
    events = list(train(LEARN.with_changes(device="cuda", epochs=3, encoder=encoder, pooling="attention"),
                        classification_dataset))
    check_run_shape(events)
    assert events[0].device.startswith("cuda")
    assert events[-1] == Finished("completed", 3)
    assert all(math.isfinite(step.loss) for step in of_type(events, Step))


def test_the_observer_sees_every_event_with_the_run_and_the_end_once(classification_dataset):
    seen = []
    events = list(train(LEARN.with_changes(epochs=2), classification_dataset,
                        observer=lambda run, event: seen.append((run, event))))
    check_run_shape(events)
    assert [event for _, event in seen] == events
    assert all(isinstance(run, TrainingRun) for run, _ in seen) and len({id(run) for run, _ in seen}) == 1


def test_a_run_that_cannot_be_prepared_ends_once_with_no_run(notebook_dataset):
    seen = []
    events = list(train(TrainConfig.of(label_mode="regression"), notebook_dataset,
                        observer=lambda run, event: seen.append((run, event))))
    assert len(events) == 1 and events[0].reason == "invalid"
    assert seen == [(None, events[0])]


@pytest.mark.parametrize(("error", "reason"), [
    (RuntimeError("boom"), "error"), (torch.cuda.OutOfMemoryError("oom"), "out_of_memory")])
def test_an_exception_mid_run_ends_in_one_failed_event(notebook_dataset, monkeypatch, error, reason):
    def broken_loss(self, batch, random_labels=None):
        raise error

    monkeypatch.setattr(TrainingRun, "loss", broken_loss)
    events = list(train(TrainConfig.of(device="cpu"), notebook_dataset))
    check_run_shape(events)
    assert events[-1].reason == reason and not of_type(events, Step)


def test_max_length_cuts_what_the_model_reads(classification_dataset):
    config = TrainConfig.of(label_mode="classification", encoder="gru", pooling="last", max_length=4, batch_size=8,
                         epochs=1, device="cpu")
    run = TrainingRun(config, classification_dataset)
    assert run.encoded.full_lengths.max() > 4 and run.encoded.lengths.max() == 4
    widths = []
    original_forward = run.model.forward
    run.model.forward = lambda ids, mask: widths.append(ids.shape[1]) or original_forward(ids, mask)
    assert isinstance(list(run.events())[-1], Finished)
    assert max(widths) == 4


def test_the_default_max_length_leaves_the_notebooks_texts_whole(notebook_dataset):
    run = TrainingRun(TrainConfig(), notebook_dataset)
    assert TrainConfig().text.max_length == 256 and not run.encoded.cut.any()
    assert run.encoded.lengths.tolist() == [len(text.split()) for text in notebook_dataset.texts]
