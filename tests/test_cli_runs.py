"""The run commands: train records into the store, runs lists, export writes the script, predict answers."""

from __future__ import annotations

import ast
import json
import pickle
import string

import nbformat
import pytest

from textlab.cli import main
from textlab.i18n import cli as cli_texts
from textlab.i18n import runs as runs_texts
from textlab.runs.store import Store

LABELLED = "bom produto\tpos\nruim demais\tneg\nadorei muito\tpos\nodiei isto\tneg\n"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setenv("TEXTLAB_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def labelled_file(tmp_path):
    path = tmp_path / "reviews.txt"
    path.write_text(LABELLED, encoding="utf-8")
    return path


def stored_runs(folder):
    with Store(folder) as store:
        return store.runs()


def test_train_records_the_run(data_dir, labelled_file, capsys):
    assert main(["train", str(labelled_file), "--epochs", "2", "--lr", "0.1"]) == 0
    out, err = capsys.readouterr()
    assert "Epoch 2, Loss:" in out
    (record,) = stored_runs(data_dir)
    assert record.status == "finished" and record.epochs_run == 2 and record.config.optimisation.lr == 0.1
    assert record.label_mode == "classification" and record.dataset_size == 4
    assert f"run saved as #{record.run_id}" in err
    assert (data_dir / "checkpoints" / f"run-{record.run_id}.pt").exists()


def test_train_with_no_store_records_nothing(data_dir, labelled_file, capsys):
    assert main(["train", str(labelled_file), "--epochs", "1", "--no-store"]) == 0
    assert "saved" not in capsys.readouterr().err
    assert not data_dir.exists() or stored_runs(data_dir) == []


def test_a_refused_run_is_recorded_as_failed(data_dir, tmp_path, capsys):
    unlabelled = tmp_path / "plain.txt"
    unlabelled.write_text("um texto\noutro texto\n", encoding="utf-8")
    assert main(["train", str(unlabelled), "--label-mode", "regression"]) == 2
    (record,) = stored_runs(data_dir)
    assert (record.status, record.message_key) == ("failed", "training.needs_labels")


def test_runs_lists_the_runs(data_dir, labelled_file, capsys):
    assert main(["runs"]) == 0
    assert "No runs recorded yet" in capsys.readouterr().out
    main(["train", str(labelled_file), "--epochs", "1", "--lr", "0.1"])
    main(["train", str(labelled_file), "--epochs", "1", "--lr", "0.01", "--pooling", "masked_mean"])
    capsys.readouterr()
    assert main(["runs"]) == 0
    output = capsys.readouterr().out
    lines = output.splitlines()
    assert len(lines) == 3  # header + two runs, newest first
    assert lines[1].split()[0] == "2" and "mean without PAD" in lines[1] and "LR 0.01" in lines[1]
    assert lines[2].split()[0] == "1" and "LR 0.1" in lines[2]
    assert f"{labelled_file.name} (4 texts)" in lines[1] and "None" not in output and "nan" not in output
    assert main(["runs", "--lang", "pt"]) == 0
    assert "concluída" in capsys.readouterr().out
    assert main(["runs", "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["run_id"] for record in records] == [2, 1]
    assert records[0]["config"]["model"]["pooling"] == "masked_mean" and records[0]["final"]["epoch"] == 1


def test_export_writes_a_script_and_its_data(data_dir, labelled_file, tmp_path, capsys):
    main(["train", str(labelled_file), "--epochs", "2"])
    script = tmp_path / "out" / "again.py"
    assert main(["--lang", "pt", "export", "1", "--script", str(script)]) == 0
    data = tmp_path / "out" / "again-data.csv"
    assert "Escritos" in capsys.readouterr().out
    source = script.read_text(encoding="utf-8")
    ast.parse(source)
    assert "'again-data.csv'" in source and "# Configurações desta execução" in source
    assert data.read_text(encoding="utf-8").splitlines() == ["text,label", "bom produto,pos", "ruim demais,neg",
                                                             "adorei muito,pos", "odiei isto,neg"]
    elsewhere = tmp_path / "csv" / "reviews.csv"
    assert main(["export", "1", "--script", str(script), "--data", str(elsewhere)]) == 0
    assert elsewhere.exists() and "'../csv/reviews.csv'" in script.read_text(encoding="utf-8")


def test_export_of_a_missing_run_is_one_line_and_status_2(data_dir, tmp_path, capsys):
    assert main(["export", "9", "--script", str(tmp_path / "x.py")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "There is no run #9" in err
    with pytest.raises(SystemExit) as raised:
        main(["export", "nine", "--script", "x.py"])
    assert raised.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_predict_with_a_checkpoint(data_dir, labelled_file, capsys):
    main(["train", str(labelled_file), "--epochs", "30", "--lr", "0.1", "--pooling", "masked_mean"])
    capsys.readouterr()
    checkpoint = data_dir / "checkpoints" / "run-1.pt"
    assert main(["predict", "--checkpoint", str(checkpoint), "adorei", "odiei"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("adorei -> pos (") and lines[1].startswith("odiei -> neg (")


def test_predict_refuses_unsafe_and_damaged_files(tmp_path, capsys):
    class Marker:
        def __reduce__(self):
            return open, (str(tmp_path / "marker"), "w")

    crafted = tmp_path / "crafted.pt"
    crafted.write_bytes(pickle.dumps({"state_dict": Marker()}))
    assert main(["predict", "--checkpoint", str(crafted), "texto"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refused" in err
    assert not (tmp_path / "marker").exists()
    damaged = tmp_path / "damaged.pt"
    damaged.write_bytes(b"\x00" * 50)
    assert main(["--lang", "pt", "predict", "--checkpoint", str(damaged), "texto"]) == 2
    assert "danificado" in capsys.readouterr().err
    assert main(["predict", "--checkpoint", str(tmp_path / "none.pt"), "texto"]) == 2
    assert "none.pt" in capsys.readouterr().err


@pytest.mark.parametrize("table", [runs_texts.TEXTS, cli_texts.TEXTS], ids=["runs", "cli"])
def test_every_string_exists_in_portuguese_and_english_with_the_same_placeholders(table):
    formatter = string.Formatter()
    for key, translations in table.items():
        assert set(translations) == {"pt", "en"}, key
        assert translations["pt"].strip() and translations["en"].strip(), key
        fields = [{name for _, name, _, _ in formatter.parse(translations[lang]) if name} for lang in ("pt", "en")]
        assert fields[0] == fields[1], key


def test_export_writes_a_notebook_with_the_data_inside(data_dir, labelled_file, tmp_path, capsys):
    main(["train", str(labelled_file), "--epochs", "2"])
    notebook_path = tmp_path / "out" / "again.ipynb"
    assert main(["--lang", "pt", "export", "1", "--notebook", str(notebook_path)]) == 0
    assert "Escrito" in capsys.readouterr().out
    notebook = nbformat.reads(notebook_path.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(notebook)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "bom produto" in code and "ruim demais" in code  # the data travels inside the notebook
    with pytest.raises(SystemExit) as raised:  # a script and a notebook at once is refused, in one line
        main(["export", "1", "--script", "x.py", "--notebook", "x.ipynb"])
    assert raised.value.code == 2 and capsys.readouterr().err.count("\n") == 1
