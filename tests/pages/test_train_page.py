"""The Train page in AppTest: controls, a run from Train to finished, Step, Stop, Reset, failures, languages."""

from __future__ import annotations

import base64
import json
import re
import string
import time
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import sentiment_texts
from tests.pages.helpers import APP, all_text, open_page, session, shown_table
from textlab.data.dataset import Dataset
from textlab.i18n import train as core_train_strings
from textlab.ui.texts import TEXTS
from textlab.ui.texts import train as page_train_strings

TRAIN_STRINGS = {**core_train_strings.TEXTS, **page_train_strings.TEXTS}  # the core's and the page's

BUTTONS = ("train_start", "train_pause", "train_step", "train_stop", "train_reset")
LONG = {"epochs": "10000"}  # the notebook's 3 texts for 10,000 epochs: never ends within a test
TIMEOUT = 30.0
ITEM_SIZES = {"f8": 8, "f4": 4, "i4": 4, "u4": 4, "i2": 2, "u2": 2, "i1": 1, "u1": 1}


def poll(at: AppTest, condition: Callable[[AppTest], bool], timeout: float = TIMEOUT) -> AppTest:
    """Rerun the page until ``condition`` holds, as the browser's refresh would."""
    deadline = time.monotonic() + timeout
    while not condition(at):
        assert not at.exception, at.exception
        if time.monotonic() > deadline:
            raise AssertionError(f"page never reached the condition; it shows:\n{all_text(at)}")
        time.sleep(0.1)
        at.run()
    assert not at.exception
    return at


def shows(text: str) -> Callable[[AppTest], bool]:
    return lambda at: text in all_text(at)


def disabled(at: AppTest) -> dict[str, bool]:
    return {key: at.button(key=key).disabled for key in BUTTONS}


def values_sent(array: list | dict) -> int:
    """Length of a plotly array: a list, or a numpy array sent base64-encoded ({"dtype", "bdata"})."""
    if isinstance(array, dict):
        return len(base64.b64decode(array["bdata"])) // ITEM_SIZES[array["dtype"]]
    return len(array)


def chart_point_counts(at: AppTest) -> list[int]:
    (chart,) = [element for element in at.get("plotly_chart")]
    figure = json.loads(chart.proto.spec)
    return [values_sent(trace.get("y", [])) for trace in figure.get("data", [])]


def open_with_data(dataset: Dataset, **query: str) -> AppTest:
    """The Train page with ``dataset`` as the session's data (as the Data page would leave it)."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(lang="en", **query)
    session(at).use_dataset(dataset, "pasted")
    at.run()
    at.switch_page("app_pages/train.py").run()
    return at


def stop_job(at: AppTest) -> None:
    """Leave no training thread behind, whatever a test did."""
    job = session(at).job
    if job is not None:
        job.stop()
        assert job.join(TIMEOUT)


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_page_renders_its_controls_and_an_empty_chart(lang):
    at = open_page("train", lang=lang)
    assert not at.exception
    assert disabled(at) == {"train_start": False, "train_pause": True, "train_step": False, "train_stop": True,
                            "train_reset": True}
    for name in ("embed_dim", "batch_size", "epochs", "seed", "hidden_dim"):
        assert at.number_input(key=f"cfg_{name}") is not None
    assert at.select_slider(key="cfg_lr").value == 0.001
    device = at.selectbox(key="cfg_device")  # this machine has no GPU; the options read as words
    assert device.options == (["automatic", "CPU"] if lang == "en" else ["automático", "CPU"])
    assert device.value == "auto"
    assert chart_point_counts(at) == []  # the empty state: no traces, a sentence instead
    assert ("Press Train" if lang == "en" else "Aperte Treinar") in json.loads(at.get("plotly_chart")[0].proto.spec)[
        "layout"]["annotations"][0]["text"]


def test_a_short_run_completes_and_shows_its_chart_and_history():
    at = open_page("train")
    at.button(key="train_start").click().run()
    poll(at, shows("Finished: 3 epochs, 6 steps"))
    assert chart_point_counts(at) == [6, 6, 3]
    history = shown_table(at.table[0])
    assert list(history["Epoch"]) == [1, 2, 3]  # in the order the notebook prints them
    assert disabled(at) == {"train_start": False, "train_pause": True, "train_step": False, "train_stop": True,
                            "train_reset": False}
    assert session(at).job.snapshot().state == "finished"
    at.button(key="train_start").click().run()  # a second run starts from a clean chart
    poll(at, lambda at: session(at).job.snapshot().state == "finished")
    assert chart_point_counts(at) == [6, 6, 3]


def test_stop_ends_a_long_run_and_reset_clears_it():
    at = open_page("train", query=LONG)
    at.button(key="train_start").click().run()
    poll(at, lambda at: len(session(at).job.snapshot().steps) > 0)
    assert disabled(at)["train_start"] and not disabled(at)["train_stop"]
    at.button(key="train_stop").click().run()
    poll(at, shows("Stopped after"))
    job = session(at).job
    assert job.join(TIMEOUT) and job.snapshot().state == "stopped"
    assert not disabled(at)["train_start"] and disabled(at)["train_stop"]
    at.button(key="train_reset").click().run()
    assert "No run yet" in all_text(at) and session(at).job is None
    assert chart_point_counts(at) == []
    assert disabled(at)["train_reset"]


def test_step_trains_one_batch_then_pauses_and_resume_goes_on():
    at = open_page("train")
    at.button(key="train_step").click().run()
    poll(at, shows("Paused after step 1"))
    assert at.button(key="train_pause").label == "Resume"
    at.button(key="train_step").click().run()
    poll(at, shows("Paused after step 2"))
    at.button(key="train_pause").click().run()
    poll(at, shows("Finished: 3 epochs, 6 steps"))


def test_moving_a_control_mid_run_changes_the_next_run_and_says_so():
    at = open_page("train")
    at.button(key="train_step").click().run()  # a paused run keeps still while we look
    poll(at, shows("Paused after step 1"))
    at.number_input(key="cfg_embed_dim").set_value(32).run()
    assert "changes apply to the next run: Embedding size 10 → 32" in all_text(at)
    job = session(at).job
    assert job.config.model.embed_dim == 10 and session(at).config.model.embed_dim == 32
    stop_job(at)


def test_a_failing_run_shows_its_message_and_a_new_run_can_start():
    texts, _ = sentiment_texts(40)
    scores = tuple(str(index % 5 + 1) for index in range(40))
    at = open_with_data(Dataset(tuple(texts), scores, "numeric", ()), optimizer="sgd", lr="100", epochs="50")
    at.button(key="train_start").click().run()
    poll(at, shows("The run failed: At step"))
    assert at.error and "finite number" in at.error[0].value and "Try 10" in at.error[0].value
    assert not disabled(at)["train_start"]
    at.select_slider(key="cfg_lr").set_value(0.001).run()
    at.button(key="train_start").click().run()
    poll(at, shows("Finished: 50 epochs"))
    assert not at.error


def test_the_job_is_still_live_after_visiting_another_page():
    at = open_page("train", query=LONG)
    at.button(key="train_start").click().run()
    job = session(at).job
    at.switch_page("app_pages/home.py").run()
    steps_before = len(job.snapshot().steps)
    at.switch_page("app_pages/train.py").run()
    poll(at, lambda at: len(session(at).job.snapshot().steps) > steps_before)
    assert session(at).job is job and job.snapshot().state == "running"
    assert "Training" in all_text(at)
    stop_job(at)


def test_suggested_settings_are_offered_not_imposed():
    texts, labels = sentiment_texts(400)
    at = open_with_data(Dataset(tuple(texts), tuple(map(str, labels)), "categorical", ("0", "1")))
    assert session(at).config.batches.batch_size == 2  # not changed behind the user's back
    at.button(key="train_suggest").click().run()
    config = session(at).config
    assert (config.batches.batch_size, config.model.embed_dim, config.model.pooling) == (16, 32, "masked_mean")
    assert "Suggested settings applied:" in all_text(at) and "Batch size 2 → 16" in all_text(at)
    assert at.button(key="train_suggest").disabled  # nothing left to suggest


def test_the_notebook_texts_already_have_their_suggested_settings():
    at = open_page("train")
    assert at.button(key="train_suggest").disabled
    assert "match the suggestion" in all_text(at)


def test_a_link_asking_for_a_missing_device_falls_back_to_auto():
    at = open_page("train", query={"device": "cuda"})
    assert not at.exception
    assert session(at).config.run.device == "auto"
    assert any("'NVIDIA GPU (CUDA)' is not available here" in warning.value for warning in at.warning)


def test_every_train_string_exists_in_portuguese_and_english_with_the_same_placeholders():
    formatter = string.Formatter()
    for key in TRAIN_STRINGS:
        texts = TEXTS[key]
        assert set(texts) == {"pt", "en"} and texts["pt"].strip() and texts["en"].strip(), key
        fields = [{name for _, name, _, _ in formatter.parse(texts[lang]) if name} for lang in ("pt", "en")]
        assert fields[0] == fields[1], key


def test_the_portuguese_page_shows_no_english_strings_of_its_own():
    at = open_page("train", lang="pt")
    text = all_text(at)
    for key, texts in TRAIN_STRINGS.items():
        if "{" not in texts["en"] and texts["en"] != texts["pt"] and len(texts["en"]) > 12:
            assert texts["en"] not in text, key
    assert re.search(r"Nenhuma execução ainda", text)
