"""The Runs page in AppTest: empty and full, overlaid curves, rename, delete, checkpoint upload."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import NOTEBOOK_TEXTS
from tests.pages.helpers import all_text, open_page, session
from textlab.data.dataset import Dataset
from textlab.runs.recorder import RunRecorder
from textlab.runs.store import Store
from textlab.train.config import TrainConfig
from textlab.train.events import Step
from textlab.train.loop import train

NOTEBOOK = Dataset(NOTEBOOK_TEXTS, None, "none", ())


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLAB_DATA_DIR", str(tmp_path))
    return tmp_path


def record_runs(folder, *configs) -> list[int]:
    with Store(folder) as store:
        ids = []
        for config in configs:
            recorder = RunRecorder(store, config, NOTEBOOK)
            list(train(config, NOTEBOOK, observer=recorder))
            ids.append(recorder.run_id)
        return ids


def chart_traces(at) -> list[dict]:
    charts = [element for element in at.get("plotly_chart")]
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)["data"]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_with_no_runs_the_page_says_how_to_make_one(data_dir, lang):
    at = open_page("runs", lang=lang)
    assert not at.exception
    expected = "No runs yet" if lang == "en" else "Nenhuma execução ainda"
    assert any(expected in info.value for info in at.info)
    assert not at.get("plotly_chart")


def test_two_runs_are_listed_and_overlaid_with_what_differs(data_dir):
    record_runs(data_dir, TrainConfig.of(lr=0.1, epochs=4), TrainConfig.of(lr=0.01, epochs=4))
    at = open_page("runs")
    assert not at.exception
    (table,) = at.dataframe
    assert list(table.value["#"]) == [2, 1]
    traces = chart_traces(at)
    assert len(traces) == 2 and all(len(trace["y"]) == 4 for trace in traces)
    assert [trace["name"] for trace in traces] == ["#2 LR 0.01", "#1 LR 0.1"]
    assert "What differs: LR 0.01 vs 0.1" in all_text(at)


def test_choosing_runs_changes_the_overlay(data_dir):
    record_runs(data_dir, TrainConfig(), TrainConfig.of(pooling="masked_mean"),
                TrainConfig.of(pooling="masked_mean", val_fraction=0.0, seed=3))
    at = open_page("runs", lang="pt")
    at.multiselect(key="runs_compare").set_value([1, 2, 3]).run()
    assert not at.exception
    names = [trace["name"] for trace in chart_traces(at)]
    assert names == ["#1 agregação média com PAD (a do notebook); semente 0",
                     "#2 agregação média sem PAD; semente 0", "#3 agregação média sem PAD; semente 3"]
    assert "agregação média com PAD (a do notebook) vs média sem PAD" in all_text(at)
    at.multiselect(key="runs_compare").set_value([1]).run()
    assert len(chart_traces(at)) == 1


def test_filter_narrows_the_table(data_dir):
    record_runs(data_dir, TrainConfig.of(lr=0.1), TrainConfig.of(lr=0.01))
    at = open_page("runs")
    at.text_input(key="runs_filter").set_value("LR 0.01").run()
    assert list(at.dataframe[0].value["#"]) == [2]
    at.text_input(key="runs_filter").set_value("nothing like this").run()
    assert not at.dataframe and any("No run matches" in info.value for info in at.info)


def test_rename_and_notes_are_saved(data_dir):
    (run_id,) = record_runs(data_dir, TrainConfig())
    at = open_page("runs")
    at.text_input(key=f"runs_name_{run_id}").input("baseline")
    at.text_area(key=f"runs_notes_{run_id}").input("a perda oscila")
    at.button(key=f"FormSubmitter:runs_edit_{run_id}-Save name and notes").click().run()
    assert not at.exception
    with Store(data_dir) as store:
        record = store.run(run_id)
    assert (record.name, record.notes) == ("baseline", "a perda oscila")
    assert any("Saved." in success.value for success in at.success)


def test_delete_asks_first(data_dir):
    first, second = record_runs(data_dir, TrainConfig(), TrainConfig.of(seed=1))
    at = open_page("runs")
    at.selectbox(key="runs_pick").set_value(first).run()
    at.button(key="runs_delete").click().run()
    assert any("cannot be undone" in warning.value for warning in at.warning)
    at.button(key="runs_delete_no").click().run()
    with Store(data_dir) as store:
        assert len(store.runs()) == 2
    at.button(key="runs_delete").click().run()
    at.button(key="runs_delete_yes").click().run()
    assert not at.exception
    with Store(data_dir) as store:
        assert [record.run_id for record in store.runs()] == [second]
    assert not (data_dir / "checkpoints" / f"run-{first}.pt").exists()
    assert any("was deleted" in success.value for success in at.success)


def test_use_settings_and_data_of_a_run(data_dir):
    record_runs(data_dir, TrainConfig.of(lr=0.1, embed_dim=4))
    at = open_page("runs")
    at.button(key="runs_continue_run").click().run()
    assert not at.exception
    assert session(at).config == TrainConfig.of(lr=0.1, embed_dim=4)
    assert session(at).dataset.texts == NOTEBOOK_TEXTS
    assert session(at).warm_start.config == TrainConfig.of(lr=0.1, embed_dim=4)


def test_upload_a_checkpoint_and_predict(data_dir):
    (run_id,) = record_runs(data_dir, TrainConfig.of(epochs=2))
    saved = (data_dir / "checkpoints" / f"run-{run_id}.pt").read_bytes()
    at = open_page("runs")
    at.file_uploader(key="runs_upload").set_value(("run.pt", saved, "application/octet-stream")).run()
    assert not at.exception
    with Store(data_dir) as store:
        vocab_size = store.run(run_id).vocab_size
    assert any(f"vocabulary of {vocab_size} tokens" in success.value for success in at.success)
    at.text_input(key="runs_predict_text").input("mais um exemplo").run()
    assert "Model output:" in all_text(at) and "random labels" in all_text(at)


def test_a_damaged_upload_is_refused_with_a_message(data_dir):
    at = open_page("runs", lang="pt")
    at.file_uploader(key="runs_upload").set_value(("bad.pt", b"not a checkpoint", "application/octet-stream")).run()
    assert not at.exception
    assert any("danificado" in error.value for error in at.error)


def test_the_table_names_the_data_and_how_each_run_ended_without_python_literals(data_dir):
    record_runs(data_dir, TrainConfig.of(epochs=2))
    with Store(data_dir) as store:
        stopped = store.start_run(TrainConfig(), NOTEBOOK, data_source="sample:notebook")
        store.add_epochs(stopped, [], [Step(1, 1, 0.9, 0.001, 0.1)])
        store.finish_run(stopped, "stopped", "user")
    at = open_page("runs", lang="pt")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Como terminou"]) == ["parada pelo usuário", "rodou até o fim"]
    assert list(table["Dados"]) == ["Os três textos do notebook (3 textos)", "3 textos"]
    cells = " ".join(str(value) for value in table.to_numpy().ravel())
    assert "None" not in cells and "nan" not in cells and not re.search(r"\b\d+\.\d+\b", cells.replace("-", " "))


def test_the_overlay_compares_per_step_and_says_which_run_has_no_epoch(data_dir):
    record_runs(data_dir, TrainConfig.of(epochs=2))
    with Store(data_dir) as store:
        stopped = store.start_run(TrainConfig.of(lr=0.01), NOTEBOOK, data_source="pasted")
        store.add_epochs(stopped, [], [Step(1, 1, 0.9, 0.01, 0.1)])
        store.finish_run(stopped, "stopped", "user")
    at = open_page("runs", lang="pt")
    at.multiselect(key="runs_compare").set_value([1, stopped]).run()
    assert f"#{stopped} não acrescenta nada a este gráfico" in all_text(at)
    assert [len(trace["x"]) for trace in chart_traces(at)] == [2, 0]
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["separators"] == ",."
    at.segmented_control(key="runs_overlay_per").set_value("step").run()
    assert not at.exception
    assert [len(trace["x"]) for trace in chart_traces(at)] == [4, 1]  # 3 texts, batch 2: 2 steps per epoch
    assert "não acrescenta" not in all_text(at)


def test_the_table_shows_the_overview_that_fits_and_the_run_details_the_rest(data_dir):
    record_runs(data_dir, TrainConfig.of(epochs=2, lr=0.01, embed_dim=4, batch_size=3, seed=5, weight_decay=0.01))
    at = open_page("runs", lang="pt")
    (table,) = at.dataframe
    assert list(table.proto.column_order) == ["#", "Como terminou", "Perda de treino", "Dados", "Configurações"]
    assert "Situação" in table.value.columns  # still one click away, under the table's column menu
    assert table.proto.row_height > 64  # the long settings wrap onto more lines instead of being cut
    details = at.caption[[index for index, caption in enumerate(at.caption) if "Épocas: 2" in caption.value][0]]
    assert "Vocabulário:" in details.value and "None" not in details.value


def test_an_early_stopped_run_says_its_numbers_are_the_kept_epochs(data_dir, classification_dataset):
    config = TrainConfig.of(val_fraction=0.25, batch_size=4, epochs=40, lr=0.5, patience=1, device="cpu")
    with Store(data_dir) as store:
        recorder = RunRecorder(store, config, classification_dataset)
        list(train(config, classification_dataset, observer=recorder))
        record = store.run(recorder.run_id)
    assert record.kept_epoch is not None and record.kept_epoch < record.epochs_run
    at = open_page("runs", lang="pt")
    assert not at.exception
    assert "Uma execução com parada antecipada mostra as perdas" in all_text(at)
    notice = [element.value for element in at.info if "Por que terminou" in element.value]
    assert notice == [f"Por que terminou: parada antecipada (a validação parou de melhorar). Ela manteve os pesos "
                      f"da época {record.kept_epoch}, a melhor: o checkpoint e os números dela na tabela são "
                      f"dessa época."]
    (row,) = at.dataframe[0].value.to_dict("records")
    assert row["Perda de validação"] == f"{record.final.val_loss:.4f}".replace(".", ",")


def test_a_rerun_with_the_same_settings_is_said_to_cover_the_first(data_dir):
    record_runs(data_dir, TrainConfig.of(epochs=3), TrainConfig.of(epochs=3), TrainConfig.of(epochs=3, seed=1))
    at = open_page("runs")
    at.multiselect(key="runs_compare").set_value([1, 2, 3]).run()
    assert not at.exception
    traces = chart_traces(at)
    assert traces[0]["y"] == traces[1]["y"] != traces[2]["y"]  # the notebook's seed gives the same numbers
    covers = [caption.value for caption in at.caption if "lies exactly on" in caption.value]
    assert covers == ["#2 lies exactly on #1: the same numbers at every point, so it covers that curve "
                      "(the wider line and larger markers around it are #1's)."]
