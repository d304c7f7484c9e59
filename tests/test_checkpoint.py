"""Checkpoints: round trip, refusing crafted pickles, damaged files, other models and mismatched shapes."""

from __future__ import annotations

import builtins
import io
import pickle
import subprocess
import sys

import pytest
import torch
import torch.nn as nn

from textlab.errors import CheckpointError
from textlab.i18n import Counted, t
from textlab.runs import checkpoint
from textlab.runs.recorder import WarmStart
from textlab.train.config import TrainConfig
from textlab.train.events import RunStarted
from textlab.train.loop import TrainingRun

CLASSIFY = TrainConfig.of(val_fraction=0.25, pooling="masked_mean", embed_dim=16, lr=0.05, batch_size=8, epochs=4,
                       device="cpu")
GRU = CLASSIFY.with_changes(encoder="gru", pooling="attention", hidden_dim=12, dropout=0.1)
TRANSFORMER = CLASSIFY.with_changes(encoder="transformer", layers=1, heads=4, hidden_dim=12)


def trained(config, dataset) -> TrainingRun:
    run = TrainingRun(config, dataset)
    for _ in run.events():
        pass
    return run


def saved_payload(run: TrainingRun, **changes) -> bytes:
    data = checkpoint.payload(run, run_id=7)
    data.update(changes)
    buffer = io.BytesIO()
    torch.save(data, buffer)
    return buffer.getvalue()


def refused(source, key: str) -> CheckpointError:
    with pytest.raises(CheckpointError) as raised:
        checkpoint.load(source)
    assert raised.value.key == key, raised.value.message("en")
    return raised.value


@pytest.mark.parametrize("config", [CLASSIFY, GRU, TRANSFORMER], ids=["masked-mean", "gru-attention", "transformer"])
def test_round_trip_predicts_as_the_run_did(tmp_path, classification_dataset, config):
    run = trained(config, classification_dataset)
    path = checkpoint.save(run, tmp_path / "sub" / "run.pt", run_id=3)
    loaded = checkpoint.load(path)
    assert (loaded.config, loaded.vocab, loaded.label_mode, loaded.run_id) == (config, run.vocab, "classification", 3)
    assert loaded.label_names == ("neg", "pos") and loaded.model_kind == type(run.model).__name__
    texts = ["ótimo produto, recomendo", "quebrou no primeiro dia", "palavra nunca vista"]
    predictions = loaded.predict(texts)
    for text, prediction in zip(texts, predictions, strict=True):
        expected = torch.softmax(run.predict([text])[0], 0)  # one text alone: no padding either way
        assert prediction.probabilities["pos"] == pytest.approx(float(expected[1]), abs=1e-6)
        assert prediction.label == ("pos" if expected[1] > expected[0] else "neg")
    assert predictions[0].label == "pos" and predictions[1].label == "neg"  # it learned
    assert predictions[2].unknown_tokens == 3 and predictions[0].unknown_tokens < 3
    assert checkpoint.load(path.read_bytes()).vocab == run.vocab  # bytes, as uploaded, work too


def test_saving_is_atomic_and_leaves_no_temporary_file(tmp_path, notebook_dataset):
    run = trained(TrainConfig(), notebook_dataset)
    target = tmp_path / "run.pt"
    target.write_bytes(b"the previous checkpoint")
    checkpoint.save(run, target)
    assert [path.name for path in tmp_path.iterdir()] == ["run.pt"]
    assert checkpoint.load(target).label_mode == "random"


def test_regression_checkpoint_gives_numbers(tmp_path, regression_dataset):
    run = trained(CLASSIFY.with_changes(epochs=2), regression_dataset)
    (prediction,) = checkpoint.load(checkpoint.save(run, tmp_path / "r.pt")).predict(["bom bom"])
    assert prediction.label is None and prediction.probabilities == {}
    assert prediction.value == pytest.approx(float(run.predict(["bom bom"])[0, 0]), abs=1e-6)


class CreatesMarker:
    """Unpickled by a plain pickle.load, this opens (creates) the marker file: code running."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return builtins.open, (self.marker, "w")


def crafted_files(tmp_path, marker) -> list:
    raw = tmp_path / "raw.pt"
    raw.write_bytes(pickle.dumps({"format": "textlab-checkpoint", "state_dict": CreatesMarker(str(marker))}))
    zipped = tmp_path / "zipped.pt"
    torch.save({"format": "textlab-checkpoint", "state_dict": CreatesMarker(str(marker))}, zipped)
    return [raw, zipped]


def test_the_crafted_pickle_really_runs_code_when_opened_unsafely(tmp_path):
    # The control experiment, in a separate process: the same kind of file does run code under pickle.load.
    marker = tmp_path / "unsafe-marker"
    raw, _ = crafted_files(tmp_path, marker)
    subprocess.run([sys.executable, "-c", f"import pickle; pickle.load(open({str(raw)!r}, 'rb'))"], check=True,
                   capture_output=True, timeout=60)
    assert marker.exists()


@pytest.mark.parametrize("variant", [0, 1], ids=["plain-pickle", "torch-save-zip"])
def test_a_crafted_pickle_is_refused_and_runs_nothing(tmp_path, variant):
    marker = tmp_path / "marker"
    path = crafted_files(tmp_path, marker)[variant]
    error = refused(path, "checkpoint.unsafe")
    assert not marker.exists()
    assert "refused" in error.message("en") and "recusado" in error.message("pt")
    refused(path.read_bytes(), "checkpoint.unsafe")
    assert not marker.exists()


@pytest.mark.parametrize("content", [b"", b"not a checkpoint at all", b"PK\x03\x04broken zip"],
                         ids=["empty", "text", "broken-zip"])
def test_damaged_files_get_a_clear_message(tmp_path, content):
    error = refused(content, "checkpoint.corrupt")
    assert "damaged" in error.message("en")


def test_a_truncated_checkpoint_is_damaged(tmp_path, notebook_dataset):
    whole = checkpoint.to_bytes(trained(TrainConfig(), notebook_dataset))
    refused(whole[: len(whole) // 2], "checkpoint.corrupt")


def test_a_missing_file_is_named(tmp_path):
    error = refused(tmp_path / "nope.pt", "checkpoint.not_found")
    assert "nope.pt" in error.message("en")


def test_weights_of_another_model_are_not_a_textlab_checkpoint():
    buffer = io.BytesIO()
    torch.save(nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1)).state_dict(), buffer)
    error = refused(buffer.getvalue(), "checkpoint.bare_state_dict")
    assert "4 tensors" in error.message("en")
    other = io.BytesIO()
    torch.save({"epoch": 3, "model": "resnet"}, other)
    refused(other.getvalue(), "checkpoint.not_textlab")


def test_a_checkpoint_of_another_model_type_is_refused(classification_dataset):
    run = trained(CLASSIFY.with_changes(epochs=1), classification_dataset)
    refused(saved_payload(run, model_kind="SimpleModel"), "checkpoint.wrong_model")
    # GRU weights under settings that ask for an LSTM: same names, different shapes.
    gru = trained(GRU.with_changes(epochs=1), classification_dataset)
    error = refused(saved_payload(gru, config=GRU.with_changes(encoder="lstm").to_dict()),
                    "checkpoint.shape_mismatch")
    assert "rnn.weight_ih_l0" in error.message("en")
    # Masked-mean weights under GRU settings: tensors missing.
    refused(saved_payload(run, config=GRU.to_dict(), model_kind="TextModel"), "checkpoint.wrong_model")


def test_weights_that_do_not_fit_the_vocabulary_are_refused(classification_dataset):
    run = trained(CLASSIFY.with_changes(epochs=1), classification_dataset)
    vocab = run.vocab.to_dict()
    vocab["tokens"] = [*vocab["tokens"], "extra"]
    vocab["counts"] = [*vocab["counts"], 1]
    error = refused(saved_payload(run, vocab=vocab), "checkpoint.shape_mismatch")
    assert "embedding.weight" in error.message("en")
    refused(saved_payload(run, label_names=["a", "b", "c"]), "checkpoint.shape_mismatch")  # fc has 2 outputs


def test_invalid_parts_are_named(classification_dataset):
    run = trained(CLASSIFY.with_changes(epochs=1), classification_dataset)
    assert "lr" in refused(saved_payload(run, config={**CLASSIFY.to_dict(), "lr": -1}),
                           "checkpoint.invalid").message("en")
    refused(saved_payload(run, vocab={"tokens": ["a"]}), "checkpoint.invalid")
    refused(saved_payload(run, label_mode="astrology"), "checkpoint.invalid")
    refused(saved_payload(run, state_dict=[1, 2]), "checkpoint.invalid")
    refused(saved_payload(run, format_version=99), "checkpoint.newer")


def test_continuing_training_starts_from_the_checkpoint(classification_dataset):
    first = trained(CLASSIFY, classification_dataset)
    saved = checkpoint.load(checkpoint.to_bytes(first))
    second = TrainingRun(CLASSIFY, classification_dataset)
    events = second.events()
    started = next(events)
    assert isinstance(started, RunStarted)
    assert not torch.equal(second.model.fc.weight, first.model.fc.weight)
    WarmStart(saved)(second, started)
    for name, tensor in first.model.state_dict().items():
        assert torch.equal(second.model.state_dict()[name], tensor), name
    fresh = TrainingRun(CLASSIFY, classification_dataset).events()
    next(fresh)
    # The same first batch: from the learned weights its loss is already far below a fresh start's.
    assert next(events).loss < next(fresh).loss / 3


def test_continuing_needs_the_same_vocabulary(classification_dataset, notebook_dataset):
    saved = checkpoint.load(checkpoint.to_bytes(trained(CLASSIFY.with_changes(epochs=1), classification_dataset)))
    other = TrainingRun(CLASSIFY.with_changes(label_mode="random"), notebook_dataset)
    error = pytest.raises(CheckpointError, checkpoint.warm_start, other, saved).value
    assert error.key == "checkpoint.vocab_mismatch"


def test_every_checkpoint_message_exists_in_both_languages():
    params = {"detail": "x", "tensors": Counted("tensors", 2), "version": 2, "supported": 1, "part": "vocab",
              "found": "a", "expected": "b", "name": "fc.weight", "path": "p", "ours": 3, "theirs": 4}
    for key in ("checkpoint.unsafe", "checkpoint.corrupt", "checkpoint.not_textlab", "checkpoint.bare_state_dict",
                "checkpoint.newer", "checkpoint.invalid", "checkpoint.wrong_model", "checkpoint.shape_mismatch",
                "checkpoint.not_found", "checkpoint.vocab_mismatch"):
        english, portuguese = t(key, "en", **params), t(key, "pt", **params)
        assert english and portuguese and english != portuguese


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_a_gpu_run_saves_a_checkpoint_the_cpu_can_use(tmp_path, classification_dataset):
    config = GRU.with_changes(device="cuda")
    run = trained(config, classification_dataset)
    loaded = checkpoint.load(checkpoint.save(run, tmp_path / "gpu.pt"))
    assert next(loaded.model.parameters()).device.type == "cpu"
    for text in ("ótimo produto", "quebrou"):
        expected = torch.softmax(run.predict([text])[0], 0)
        assert loaded.predict([text])[0].probabilities["pos"] == pytest.approx(float(expected[1]), abs=1e-5)
    again = TrainingRun(config, classification_dataset)
    checkpoint.warm_start(again, loaded)  # CPU weights into a model on the GPU
    assert torch.equal(again.model.fc.weight.cpu(), run.model.fc.weight.cpu())


def test_prediction_cuts_texts_to_the_runs_max_length(tmp_path, classification_dataset):
    run = trained(GRU.with_changes(max_length=3), classification_dataset)
    loaded = checkpoint.load(checkpoint.save(run, tmp_path / "run.pt"))
    long_text, kept = "produto ótimo chegou quebrou horrível péssimo", "produto ótimo chegou"
    (long_prediction, kept_prediction) = loaded.predict([long_text, kept])
    assert long_prediction.probabilities == pytest.approx(kept_prediction.probabilities, abs=1e-6)
    assert long_prediction.probabilities["pos"] == pytest.approx(float(torch.softmax(run.predict([kept])[0], 0)[1]),
                                                                 abs=1e-6)
    whole = trained(GRU.with_changes(max_length=0), classification_dataset)
    assert whole.predict([long_text]).tolist() != whole.predict([kept]).tolist()  # the cut words do matter


def test_a_checkpoint_saved_before_max_length_existed_keeps_every_token(classification_dataset):
    run = trained(CLASSIFY, classification_dataset)
    data = checkpoint.payload(run)
    del data["config"]["text"]["max_length"]
    buffer = io.BytesIO()
    torch.save(data, buffer)
    assert checkpoint.load(buffer.getvalue()).config.text.max_length == 0
