"""The exported notebook: the script's sections under explanations, executed in a kernel, prints the run's losses."""

from __future__ import annotations

import json
import re
import sys

import nbformat
import pytest
import torch

from tests.test_export import CASES, NUMBER, TOLERANCE, _classification
from textlab.runs.export_code import DataFile, RunCode, learned_tokenizer
from textlab.runs.export_notebook import export_notebook
from textlab.runs.export_script import export_script
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.loop import train

nbclient = pytest.importorskip("nbclient", reason="nbclient is a test requirement (requirements-dev.txt)")
pytest.importorskip("ipykernel", reason="the notebook runs in an ipykernel of this Python")

EPOCH_LINES = {
    "en": re.compile(rf"Epoch (\d+), Loss: {NUMBER}, mean loss of the epoch: {NUMBER}(?:, validation loss: {NUMBER})?"),
    "pt": re.compile(rf"Época (\d+), Perda: {NUMBER}, perda média da época: {NUMBER}"
                     rf"(?:, perda de validação: {NUMBER})?"),
}
# WordPiece on data this small: its trainer breaks count ties in hash-map order, so learning it
# again may give other pieces; the export must carry the run's own tokenizer.
WORDPIECE = (TrainConfig.of(val_fraction=0.25, tokenizer="wordpiece", vocab_size=80, pooling="masked_mean",
                            batch_size=8, lr=0.05, epochs=2), _classification())
NOTEBOOK_CASES = {"notebook": (*CASES["notebook"], "pt"),
                  "classification": (*CASES["classification-masked-mean"], "en"),
                  "wordpiece": (*WORDPIECE, "en"),
                  "transformer": (*CASES["transformer-attention-dropout"], "en")}


@pytest.fixture
def kernel_name(tmp_path, monkeypatch) -> str:
    """A kernelspec of this very Python in a temporary folder: nothing registered for the user or the system."""
    folder = tmp_path / "jupyter" / "kernels" / "textlab-test"
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "textlab test", "language": "python", "env": {"OMP_NUM_THREADS": "1"}}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return "textlab-test"


def _recorded_run(tmp_path, config, dataset) -> tuple[Store, int]:
    store = Store(tmp_path / "store")
    recorder = RunRecorder(store)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        list(train(config.with_changes(device="cpu"), dataset, observer=recorder))
    finally:
        torch.set_num_threads(threads)
    return store, recorder.run_id


def _printed(notebook: nbformat.NotebookNode, lang: str) -> list[tuple[float, ...]]:
    text = "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                   for output in cell.outputs)
    return [tuple(float(value) for value in match.groups()[1:] if value is not None)
            for match in EPOCH_LINES[lang].finditer(text)]


@pytest.mark.parametrize("name", list(NOTEBOOK_CASES))
def test_the_notebook_prints_the_runs_recorded_losses(tmp_path, kernel_name, name):
    config, dataset, lang = NOTEBOOK_CASES[name]
    store, run_id = _recorded_run(tmp_path, config, dataset)
    with store:
        record, epochs, tokenizer = store.run(run_id), store.epochs(run_id), store.tokenizer(run_id)
    assert bool(tokenizer) == (name == "wordpiece")
    source = export_notebook(record.config, dataset, lang, f"#{run_id}", tokenizer, epochs)
    notebook = nbformat.reads(source, as_version=4)
    nbformat.validate(notebook)
    nbclient.NotebookClient(notebook, kernel_name=kernel_name, timeout=300).execute()
    printed = _printed(notebook, lang)
    assert len(printed) == len(epochs) == config.optimisation.epochs
    for values, epoch in zip(printed, epochs, strict=True):
        expected = (epoch.last_loss, epoch.train_loss, *(() if epoch.val_loss is None else (epoch.val_loss,)))
        assert len(values) == len(expected)
        assert all(abs(ours - theirs) <= TOLERANCE for ours, theirs in zip(values, expected, strict=True))


def test_the_wordpiece_export_carries_the_runs_tokenizer(tmp_path):
    store, run_id = _recorded_run(tmp_path, *WORDPIECE)
    with store:
        tokenizer = store.tokenizer(run_id)
    assert json.loads(tokenizer)["model"]["type"] == "WordPiece"
    assert repr(tokenizer) in export_script(WORDPIECE[0], WORDPIECE[1], "d.csv", tokenizer=tokenizer)
    cells = json.loads(export_notebook(*WORDPIECE, tokenizer=tokenizer))["cells"]
    assert any(repr(tokenizer) in "".join(cell["source"]) for cell in cells)


@pytest.mark.parametrize("name", list(NOTEBOOK_CASES))
def test_the_notebooks_code_is_the_scripts_sections_with_the_data_inside(name):
    config, dataset, lang = NOTEBOOK_CASES[name]
    tokenizer = learned_tokenizer(config, dataset) if name == "wordpiece" else ""  # learned once for both
    notebook = nbformat.reads(export_notebook(config, dataset, lang, "#1", tokenizer), as_version=4)
    code_cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    script_sections = RunCode(config, dataset, lang, tokenizer).sections(DataFile("d.csv"))
    assert len(code_cells) == len(script_sections)
    for cell, section in zip(code_cells, script_sections, strict=True):
        if section.name in ("imports", "data"):
            continue  # the script reads a file; the notebook's data sits in its cell
        assert cell == section.code
    assert "DATA_CSV" in code_cells[2] and "open(" not in "".join(code_cells)
    markdown = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    assert len(markdown) == len(code_cells) + 2  # an introduction, one per section, the losses
    assert ("Os dados" in "".join(markdown)) == (lang == "pt")


def test_a_long_data_cell_starts_folded_and_user_text_is_escaped():
    config, dataset, _ = NOTEBOOK_CASES["classification"]
    notebook = json.loads(export_notebook(config, dataset, "en", "<b>my run</b>"))
    assert "&lt;b&gt;my run&lt;/b&gt;" in "".join(notebook["cells"][0]["source"])
    data_cell = next(cell for cell in notebook["cells"] if "DATA_CSV" in "".join(cell["source"]))
    assert data_cell["metadata"]["jupyter"]["source_hidden"] is True
