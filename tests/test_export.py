"""The exported script: plain PyTorch that, run on its own, prints the run's per-epoch losses again."""

from __future__ import annotations

import ast
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import torch
from torch.utils.data import DataLoader

from tests.conftest import NOTEBOOK_TEXTS, sentiment_texts
from textlab.data.dataset import Dataset
from textlab.model.models import MAX_POSITIONS, build_model
from textlab.runs.export_model import model_source
from textlab.runs.export_script import dataset_csv, export_script, export_zip
from textlab.text.batching import epoch_loader
from textlab.text.subword import SUBWORD_KINDS
from textlab.train.config import TrainConfig
from textlab.train.events import EpochEnd, Finished
from textlab.train.loop import TrainingRun, train

TOLERANCE = 1e-6
ALLOWED_IMPORTS = {"csv", "math", "random", "re", "sys", "pathlib", "torch", "torch.nn", "torch.nn.utils.rnn",
                   "torch.utils.data"}
NUMBER = r"(-?[\d.]+(?:e[-+]?\d+)?|nan|inf)"
EPOCH_LINE = re.compile(rf"Epoch (\d+), Loss: {NUMBER}, mean loss of the epoch: {NUMBER}"
                        rf"(?:, validation loss: {NUMBER})?")


def _classification() -> Dataset:
    texts, labels = sentiment_texts()
    return Dataset(tuple(texts), tuple(("neg", "pos")[label] for label in labels), "categorical", ("neg", "pos"))


def _regression() -> Dataset:
    texts, labels = sentiment_texts(seed=1)
    return Dataset(tuple(texts), tuple(str(label * 2 + 0.5) for label in labels), "numeric", ())


def _numeric_classes() -> Dataset:
    texts, labels = sentiment_texts(seed=2)
    targets = tuple(str(label * 10 + index % 3) for index, label in enumerate(labels))  # "10" sorts after "2"
    return Dataset(tuple(texts), targets, "numeric", ())


NOTEBOOK = Dataset(NOTEBOOK_TEXTS, None, "none", ())
CASES = {
    # The notebook itself: random labels, SimpleModel, Adam 0.001, batches of 2.
    "notebook": (TrainConfig(), NOTEBOOK),
    "classification-masked-mean": (TrainConfig.of(val_fraction=0.25, pooling="masked_mean", embed_dim=16, lr=0.05,
                                               batch_size=8, epochs=4), _classification()),
    "regression-masked-mean-bucketing-plateau": (
        TrainConfig.of(val_fraction=0.2, pooling="masked_mean", lr=0.05, batch_size=8, epochs=4, bucketing=True,
                    lr_schedule="plateau"), _regression()),
    "gru-attention-dropout-words-cosine-clip": (
        TrainConfig.of(val_fraction=0.25, encoder="gru", pooling="attention", dropout=0.3, batch_size=8, epochs=3,
                    tokenizer="words", lowercase=True, lr_schedule="cosine", grad_clip=0.5, max_size=8, min_freq=2,
                    lr=0.01), _classification()),
    "lstm-last-chars-sgd-step-early-stopping": (
        TrainConfig.of(val_fraction=0.25, encoder="lstm", pooling="last", batch_size=16, epochs=8, optimizer="sgd",
                    lr=2.0, lr_schedule="step", patience=1, tokenizer="chars", hidden_dim=8), _classification()),
    "max-random-labels-adamw-vocab-all": (
        TrainConfig.of(val_fraction=0.25, label_mode="random", pooling="max", optimizer="adamw", weight_decay=0.01,
                    batch_size=5, epochs=3, vocab_from="all"), _classification()),
    # max_length 5 cuts most of these 3-to-10-word texts: the script must cut them the same way.
    "gru-masked-mean-max-length-cut": (
        TrainConfig.of(val_fraction=0.25, encoder="gru", pooling="masked_mean", max_length=5, batch_size=8, epochs=2,
                    lr=0.01), _classification()),
    # Subword tokenizers: the script carries the tokenizer learned from the training texts.
    "bpe-masked-mean-classification": (
        TrainConfig.of(val_fraction=0.25, tokenizer="bpe", vocab_size=60, pooling="masked_mean", batch_size=8, lr=0.05,
                    epochs=2, max_length=12), _classification()),
    # Not WordPiece: its trainer breaks count ties in hash-map order, so on data this small a second
    # training (the export's) may learn other pieces than the run did.
    "unigram-lowercase-regression": (
        TrainConfig.of(val_fraction=0.2, tokenizer="unigram", lowercase=True, vocab_size=80, batch_size=8, epochs=2),
        _regression()),
    "unigram-notebook": (TrainConfig.of(tokenizer="unigram", vocab_size=50), NOTEBOOK),
    "plain-mean-dropout-numbers-as-classes-no-shuffle": (
        TrainConfig.of(label_mode="classification", dropout=0.5, shuffle=False, batch_size=4, epochs=2, seed=7),
        _numeric_classes()),
    "transformer-attention-dropout": (
        TrainConfig.of(val_fraction=0.25, encoder="transformer", pooling="attention", dropout=0.2, embed_dim=8,
                       hidden_dim=16, batch_size=8, epochs=3, lr=0.01), _classification()),
    "transformer-one-layer-four-heads-plain-mean-random": (
        TrainConfig.of(encoder="transformer", pooling="mean", layers=1, heads=4, embed_dim=8, batch_size=3,
                       epochs=2), NOTEBOOK),
}


def _parse(output: str) -> list[tuple[int, float, float, float | None]]:
    rows = []
    for match in EPOCH_LINE.finditer(output):
        epoch, last, mean, validation = match.groups()
        rows.append((int(epoch), float(last), float(mean), None if validation is None else float(validation)))
    return rows


# Runs each exported script as its own __main__, one after another, in one fresh interpreter
# (importing torch once instead of once per script). Nothing of textlab is importable there.
DRIVER = """
import runpy, sys
for script in sys.argv[1:]:
    print("=== " + script, flush=True)
    sys.argv = [script]
    runpy.run_path(script, run_name="__main__")
"""


@pytest.fixture(scope="module")
def reproduced(tmp_path_factory) -> dict[str, tuple[list, list[EpochEnd], object]]:
    """Every case trained here, and again by its exported script in a separate process."""
    folder = tmp_path_factory.mktemp("export")
    runs = {}
    # One thread on both sides: tiny tensors gain nothing from more, and a busy machine loses a lot.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        for name, (config, dataset) in CASES.items():
            config = config.with_changes(device="cpu")
            events = list(train(config, dataset))
            runs[name] = ([event for event in events if isinstance(event, EpochEnd)], events[-1])
    finally:
        torch.set_num_threads(threads)
    for name, (config, dataset) in CASES.items():
        config = config.with_changes(device="cpu")
        (folder / f"{name}.py").write_text(export_script(config, dataset, f"{name}.csv", "en", name), "utf-8")
        (folder / f"{name}.csv").write_text(dataset_csv(dataset), "utf-8", newline="")
    scripts = [str(folder / f"{name}.py") for name in CASES]
    result = subprocess.run([sys.executable, "-I", "-c", DRIVER, *scripts], cwd=folder, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert result.returncode == 0, result.stderr
    outputs = result.stdout.split("=== ")[1:]
    assert len(outputs) == len(CASES)
    return {name: (_parse(output), *runs[name]) for name, output in zip(CASES, outputs, strict=True)}


@pytest.mark.parametrize("name", list(CASES))
def test_the_exported_script_prints_the_runs_losses(reproduced, name):
    printed, epochs, end = reproduced[name]
    assert isinstance(end, Finished)
    assert [row[0] for row in printed] == [epoch.epoch for epoch in epochs]  # the same epochs, early stop too
    for (_, last, mean, validation), epoch in zip(printed, epochs, strict=True):
        assert abs(last - epoch.last_loss) <= TOLERANCE
        assert abs(mean - epoch.train_loss) <= TOLERANCE
        assert (validation is None) == (epoch.val_loss is None)
        if validation is not None:
            assert abs(validation - epoch.val_loss) <= TOLERANCE


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
@pytest.mark.parametrize("name", ["classification-masked-mean", "gru-attention-dropout-words-cosine-clip",
                                  "transformer-attention-dropout"])
def test_on_a_gpu_the_script_follows_the_run_closely(tmp_path, name):
    # GPU kernels may sum in another order from run to run, so "closely", not to the last digit.
    config, dataset = CASES[name]
    config = config.with_changes(device="cuda")
    epochs = [event for event in train(config, dataset) if isinstance(event, EpochEnd)]
    (tmp_path / "run.py").write_text(export_script(config, dataset, "run.csv", "en", name), "utf-8")
    (tmp_path / "run.csv").write_text(dataset_csv(dataset), "utf-8", newline="")
    result = subprocess.run([sys.executable, str(tmp_path / "run.py")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    printed = _parse(result.stdout)
    difference = max(abs(row[2] - epoch.train_loss) for row, epoch in zip(printed, epochs, strict=True))
    print(f"{name}: largest difference on the GPU {difference:.2e}")
    assert len(printed) == len(epochs) and difference <= 1e-4


def test_the_cases_cover_what_they_claim(reproduced):
    assert reproduced["lstm-last-chars-sgd-step-early-stopping"][2].reason == "early_stopping"
    assert reproduced["classification-masked-mean"][1][-1].val_loss is not None
    assert reproduced["notebook"][1][-1].val_loss is None
    config, dataset = CASES["gru-masked-mean-max-length-cut"]
    assert TrainingRun(config, dataset).encoded.cut.sum() > len(dataset) / 2


@pytest.mark.parametrize("name", list(CASES))
def test_the_script_uses_plain_pytorch_and_the_standard_library(name):
    config, dataset = CASES[name]
    tree = ast.parse(export_script(config, dataset, "data.csv", "pt"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    allowed = ALLOWED_IMPORTS | ({"tokenizers"} if config.text.tokenizer in SUBWORD_KINDS else set())
    assert imported <= allowed, imported - allowed
    assert "textlab" not in imported


def test_only_the_code_the_settings_need_is_written():
    notebook = export_script(TrainConfig(), NOTEBOOK, "d.csv")
    assert "class SimpleModel" in notebook and "torch.manual_seed(SEED)" in notebook
    assert "GRU" not in notebook and "evaluate" not in notebook and "scheduler" not in notebook
    gru = export_script(*CASES["gru-attention-dropout-words-cosine-clip"][:1], _classification(), "d.csv")
    assert "nn.GRU(" in gru and "AttentionPooling" in gru and "clip_grad_norm_" in gru and "re.findall" in gru
    assert "nn.TransformerEncoder" not in gru
    transformer = export_script(*CASES["transformer-attention-dropout"], "d.csv")
    assert "nn.TransformerEncoder(" in transformer and "src_key_padding_mask" in transformer
    assert "nn.GRU" not in transformer and "LAYERS = 2" in transformer


def test_the_script_speaks_the_chosen_language():
    portuguese = export_script(TrainConfig(), NOTEBOOK, "dados.csv", "pt", "#1")
    english = export_script(TrainConfig(), NOTEBOOK, "data.csv", "en", "#1")
    assert "Época {epoch}, Perda:" in portuguese and "# Dados:" in portuguese
    assert "Epoch {epoch}, Loss:" in english and "# Data:" in english


def test_data_csv_keeps_every_text_exactly():
    dataset = Dataset(("vírgula, aqui", 'aspas "duplas"', "duas\nlinhas", "  espaços  "), ("1", "2", "3", "4"),
                      "numeric", ())
    rows = list(csv.DictReader(io.StringIO(dataset_csv(dataset), newline="")))
    assert [row["text"] for row in rows] == list(dataset.texts)
    assert [row["label"] for row in rows] == list(dataset.labels)
    assert list(csv.reader(io.StringIO(dataset_csv(NOTEBOOK))))[0] == ["text"]


def test_the_zip_holds_the_script_and_its_data():
    archive = zipfile.ZipFile(io.BytesIO(export_zip(TrainConfig(), NOTEBOOK, "run-4", "en", "#4")))
    assert sorted(archive.namelist()) == ["run-4-data.csv", "run-4.py"]
    assert "'run-4-data.csv'" in archive.read("run-4.py").decode()
    assert archive.read("run-4-data.csv").decode() == dataset_csv(NOTEBOOK)


@pytest.mark.parametrize("name", list(CASES))
def test_the_scripts_model_starts_with_textlabs_weights_under_the_same_names(name):
    config, _ = CASES[name]
    model = config.model
    model_kind = type(build_model(5, 1, 1, model.encoder, model.pooling, 1, model.dropout, heads=1)).__name__
    namespace = {"torch": torch, "nn": torch.nn, "HIDDEN_DIM": model.hidden_dim, "DROPOUT": model.dropout,
                 "LAYERS": model.layers, "HEADS": model.heads, "MAX_POSITIONS": MAX_POSITIONS,
                 "dropout_generator": torch.Generator()}
    exec(model_source(config, model_kind, lambda *_, **__: "#"), namespace)  # noqa: S102 - our own generated code
    torch.manual_seed(config.run.seed)
    theirs = namespace[model_kind](50, model.embed_dim, 3).state_dict()
    torch.manual_seed(config.run.seed)
    ours = build_model(50, model.embed_dim, 3, model.encoder, model.pooling, model.hidden_dim,
                       model.dropout, model.layers, model.heads).state_dict()
    assert list(theirs) == list(ours)
    assert all(torch.equal(theirs[key], ours[key]) for key in ours)


def _script_loader(config: TrainConfig, dataset, monkeypatch) -> tuple[list, object]:
    """Run the exported script up to its DataLoader (no training), returning train_idx and the loader."""
    monkeypatch.setattr(sys, "argv", ["script.py"])
    source = export_script(config, dataset, "data.csv", "en")
    setup = source[:source.index("for epoch in range(1, EPOCHS + 1):")]
    namespace: dict[str, object] = {"__name__": "exported"}
    folder = Path(tempfile.mkdtemp())
    (folder / "data.csv").write_text(dataset_csv(dataset), "utf-8")
    namespace["__file__"] = str(folder / "script.py")
    exec(compile(setup, "exported", "exec"), namespace)  # noqa: S102 - our own generated script
    return namespace["train_idx"], namespace["train_loader"]


@pytest.mark.parametrize("config", [TrainConfig(), TrainConfig().with_changes(batch_size=3, seed=11),
                                    TrainConfig().with_changes(batch_size=4, bucketing=True, seed=5)],
                         ids=["notebook", "batch-3-seed-11", "bucketing"])
def test_textlab_trains_on_the_batches_of_the_scripts_dataloader(config, monkeypatch):
    # The same batches, epoch after epoch, as the torch DataLoader the exported script builds.
    dataset = _classification()
    run = TrainingRun(config.with_changes(label_mode="random"), dataset)
    loader = epoch_loader(run.encoded, run.train_indices, config.batches.batch_size, shuffle=config.batches.shuffle,
                          bucketing=config.batches.bucketing, generator=torch.Generator().manual_seed(config.run.seed))
    _, script_loader = _script_loader(config.with_changes(label_mode="random"), dataset, monkeypatch)
    assert isinstance(script_loader, DataLoader)
    for _ in range(3):
        ours = [batch.indices.tolist() for batch in loader]
        theirs = [list(batch_idx) for batch_idx, _ids, _mask in script_loader]
        assert ours == theirs
    order = [index for batch in ours for index in batch]
    assert order != sorted(order)  # shuffled, not in order


def test_the_run_draws_its_batches_from_a_torch_dataloader():
    config = TrainConfig().with_changes(batch_size=3, seed=4, label_mode="random")
    dataset = _classification()
    run = TrainingRun(config, dataset)
    generator = torch.Generator().manual_seed(config.run.seed)
    plain = DataLoader(run.train_indices.tolist(), batch_size=3, shuffle=True, generator=generator)
    loader = epoch_loader(run.encoded, run.train_indices, 3, generator=torch.Generator().manual_seed(config.run.seed))
    for _ in range(2):
        assert [batch.indices.tolist() for batch in loader] == [batch.tolist() for batch in plain]
