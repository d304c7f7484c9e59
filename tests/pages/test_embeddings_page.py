"""The embeddings page with no run, a finished run and a running (paused) one."""

from __future__ import annotations

import json
import re
import string
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import sentiment_texts
from tests.pages.helpers import APP, all_text, open_page, session
from textlab.analysis.snapshots import EmbeddingHistory
from textlab.data.dataset import Dataset
from textlab.model.models import ENCODERS, POOLINGS
from textlab.train.config import TrainConfig
from textlab.train.jobs import STATES, SlotPool, TrainingJob
from textlab.ui.texts import TEXTS

CONFIG = TrainConfig.of(epochs=3, batch_size=16, val_fraction=0.25, pooling="masked_mean", lr=0.05)


def open_with_job(job: TrainingJob, lang: str = "en") -> AppTest:
    """The page of a session whose job is ``job`` (as after a reconnect: state.current_job adopts it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    session(at).job = job
    at.run()
    at.switch_page("app_pages/embeddings.py")
    at.run()
    return at


def map_spec(at: AppTest) -> dict:
    charts = [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith("emb_map")]
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def point_count(traces: list[dict]) -> int:
    """The map's points: every trace but the last, which holds the labels printed over them."""
    return sum(len(trace["x"]) for trace in traces[:-1])


def sentiment_dataset() -> Dataset:
    texts, labels = sentiment_texts()
    return Dataset(texts=tuple(texts), labels=tuple(("neg", "pos")[label] for label in labels),
                   label_kind="categorical", label_names=("neg", "pos"))


@pytest.fixture(scope="module")
def finished_job() -> TrainingJob:
    job = TrainingJob(CONFIG, sentiment_dataset(), SlotPool(1), embedding_history=EmbeddingHistory()).start()
    assert job.join(timeout=60)
    assert job.snapshot().state == "finished"
    return job


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_before_any_run_it_shows_untrained_embeddings_and_says_so(lang) -> None:
    at = open_page("embeddings", lang=lang)
    assert not at.exception
    notice = " ".join(info.value for info in at.info)
    assert ("UNTRAINED" if lang == "en" else "NÃO TREINADOS") in notice
    spec = map_spec(at)
    assert "frames" not in spec or not spec["frames"]
    assert point_count(spec["data"]) == 11  # the notebook's 9 words + <PAD> + <UNK>


def test_after_a_finished_run_the_map_has_a_frame_per_epoch(finished_job) -> None:
    at = open_with_job(finished_job)
    assert not at.exception
    assert any("ended (finished) after 3 epochs" in success.value for success in at.success)
    spec = map_spec(at)
    shown = at.slider(key="emb_shown").value
    assert point_count(spec["data"]) == shown
    assert len(spec["frames"]) == CONFIG.optimisation.epochs + 1
    assert all(point_count(frame["data"]) == shown for frame in spec["frames"])
    text = all_text(at)
    assert "1 · Token ids [16," in text and "Confusion" not in text  # the confusion matrix is a chart
    assert "Where the model goes wrong" in text


def test_finished_run_widgets_work(finished_job) -> None:
    at = open_with_job(finished_job, lang="pt")
    at.segmented_control(key="emb_dims").set_value(3).run()
    assert not at.exception
    spec = map_spec(at)
    assert spec["data"][0]["type"] == "scatter3d"
    at.number_input(key="emb_batch").set_value(2).run()
    at.text_input(key="emb_predict_text").input("bom zzzqqq").run()
    assert not at.exception
    assert any("zzzqqq" in warning.value for warning in at.warning)
    at.text_input(key="emb_predict_text").input("   ").run()
    assert not at.exception
    assert any("pelo menos um token" in error.value for error in at.error)


def test_while_a_run_is_paused_the_page_shows_its_latest_snapshot() -> None:
    history = EmbeddingHistory()
    job = TrainingJob(CONFIG, sentiment_dataset(), SlotPool(1), [history])
    job.pause()  # it prepares, records the initial weights, then waits before its first batch
    job.start()
    try:
        deadline = time.monotonic() + 60
        while (job.run is None or not len(history)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(history) == 1
        at = open_with_job(job)
        assert not at.exception
        assert any("Training is running" in info.value for info in at.info)
        spec = map_spec(at)
        assert point_count(spec["data"]) == at.slider(key="emb_shown").value
        assert not spec.get("frames")  # only the initial weights so far
        assert "Epoch 0" in spec["layout"]["title"]["text"]
        assert job.snapshot().state == "paused" and len(job.snapshot().steps) == 0  # the page did not train it
    finally:
        job.stop()
        assert job.join(timeout=30)


def test_every_string_the_page_uses_exists_in_both_languages() -> None:
    root = Path(__file__).resolve().parents[2]
    sources = ["app_pages/embeddings.py", "textlab/ui/embedding_views.py", "textlab/ui/inspection_views.py",
               "textlab/figures/embeddings.py", "textlab/analysis/predictions.py",
               "textlab/ui/token_selection.py", "textlab/ui/projection_jobs.py"]
    used = {key for source in sources for key in re.findall(r'"(emb\.[a-z_.]+[a-z_])"', (root / source).read_text())}
    families = {"emb.state.": STATES, "emb.pooling.": POOLINGS, "emb.encoder.": ENCODERS,
                "emb.forward.loss_notice.": ("random", "regression", "classification"),
                "emb.predict.notice.": ("random", "regression", "classification"),
                "emb.map.colour.": ("frequency", "label"),
                "emb.map.projection.": ("pca", "tsne"), "emb.source.": ("preview", "starting")}
    used |= {prefix + value for prefix, values in families.items() for value in values}
    assert len(used) > 100
    for key in sorted(used):
        forms = [key] if key in TEXTS else [f"{key}.one", f"{key}.other"]  # a sentence with plural forms
        for form in forms:
            assert form in TEXTS, form
            english, portuguese = TEXTS[form]["en"], TEXTS[form]["pt"]
            assert english and portuguese
            fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name}
                      for text in (english, portuguese)]
            assert fields[0] == fields[1], form


@pytest.mark.parametrize("settings", [
    {"encoder": "gru", "pooling": "attention", "val_fraction": "0.25"},
    {"encoder": "lstm", "pooling": "max", "label_mode": "regression"},
    {"encoder": "none", "pooling": "last", "label_mode": "random"},
    {"encoder": "transformer", "pooling": "masked_mean", "layers": "1", "heads": "2"},
])
def test_untrained_preview_works_for_every_kind_of_model(settings) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "en", **settings})
    numeric = settings.get("label_mode") == "regression"
    texts, labels = sentiment_texts(40)
    session(at).dataset = Dataset(
        tuple(texts), tuple(str(label) for label in labels) if numeric else tuple("np"[label] for label in labels),
        "numeric" if numeric else "categorical", () if numeric else ("n", "p"))
    session(at).data_source = "pasted"
    at.run()
    at.switch_page("app_pages/embeddings.py")
    at.run()
    assert not at.exception
    text = all_text(at)
    assert "UNTRAINED" in text
    assert ("Attention weights" in text) == (settings["pooling"] == "attention")
    assert ("Where the model goes wrong" in text) and (
        ("there are no right answers" in text) == (settings.get("label_mode") == "random"))
    assert ("self-attention per layer and head" in text) == (settings["encoder"] == "transformer")
    assert ("Position vectors" in text) == (settings["encoder"] == "transformer")
    defaults = TrainConfig()
    features = defaults.model.hidden_dim if settings["encoder"] in ("gru", "lstm") else defaults.model.embed_dim
    assert f"3 · Pooled vectors [{defaults.batches.batch_size}, {features}]" in text



def test_choices_kept_from_a_bigger_run_are_brought_back_into_range() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state["emb_batch"] = 9  # as left by a run with more batches and tokens than the notebook's
    at.session_state["emb_shown"] = 400
    at.run()
    at.switch_page("app_pages/embeddings.py")
    at.run()
    assert not at.exception
    assert at.number_input(key="emb_batch").value == at.number_input(key="emb_batch").max == 2
    assert at.slider(key="emb_shown").value == 11
