"""The Classroom page and lesson links in AppTest: experiments run from their buttons, the share panel
builds a link, and a lesson link opened at start sets up data, settings, hidden controls and the prompt."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.pages.helpers import all_text, open_page, session
from textlab.classroom.experiments import EXPERIMENTS, NEEDS_LABELS
from textlab.classroom.lesson import Lesson, compress_text
from textlab.data.samples import load_sample
from textlab.train.config import TrainConfig
from textlab.ui.lesson_links import literal_markdown, names_this_computer_only
from textlab.ui.texts import TEXTS

PROMPT = "Before pressing Train: what will happen to the loss if the learning rate is 100× larger?"


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_page_runs_in_both_languages(lang) -> None:
    at = open_page("classroom", lang=lang)
    assert not at.exception
    assert at.title[0].value == TEXTS["classroom.title"][lang]
    assert len(at.button) >= len(EXPERIMENTS)


def test_each_experiment_runs_from_its_button_and_says_what_to_notice() -> None:
    at = open_page("classroom", timeout=120)
    for name, experiment in EXPERIMENTS.items():
        at.button(key=f"classroom_run_{name}").click().run()
        assert not at.exception, name
        result, sample, _ = at.session_state["classroom_results"][name]
        assert sample == experiment.sample and len(result.runs) == len(experiment.runs)
        assert result.conclusion("en") in [info.value for info in at.info]
    assert len(at.get("plotly_chart")) == len(EXPERIMENTS)


def test_experiments_on_the_current_unlabelled_data_ask_for_labels() -> None:
    at = open_page("classroom", lang="pt")  # the session starts with the notebook's three texts, no labels
    at.radio(key="classroom_data").set_value("current").run()
    at.button(key="classroom_run_padding").click().run()
    assert not at.exception
    result, sample, count = at.session_state["classroom_results"]["padding"]
    assert sample is None and count == 3 and result.conclusion_key == NEEDS_LABELS
    assert TEXTS[NEEDS_LABELS]["pt"] in [info.value for info in at.info]


def _shared_lesson(at) -> Lesson:
    link = at.code[-1].value
    lesson, problems = Lesson.from_query(dict(parse_qsl(urlsplit(link).query, keep_blank_values=True)))
    assert problems == []
    return lesson


def test_the_share_panel_builds_a_link_of_the_current_state() -> None:
    at = open_page("classroom", query={"lr": "0.1", "seed": "3"})
    assert _shared_lesson(at) == Lesson(config=TrainConfig.of(lr=0.1, seed=3), sample="notebook", lang="en")
    at.multiselect(key="share_hidden").set_value(["optimizer", "lr"]).run()
    at.multiselect(key="share_locked").set_value(["epochs"]).run()
    at.text_area(key="share_prompt").input(PROMPT).run()
    at.selectbox(key="share_tour").set_value("padding").run()
    assert not at.exception
    assert _shared_lesson(at) == Lesson(config=TrainConfig.of(lr=0.1, seed=3), sample="notebook",
                                        hidden=frozenset({"lr", "optimizer"}), locked=frozenset({"epochs"}),
                                        prompt=PROMPT, tour_step="padding", lang="en")


@pytest.mark.parametrize(("address", "local"), [
    ("http://localhost:8501/", True), ("http://127.0.0.1:8501/", True), ("http://[::1]:8501/", True),
    ("http://app.localhost/", True), ("http://127.0.1.1:8501/", True), ("http://192.168.0.12:8501/", False),
    ("https://textlab.escola.br/", False),
    ("", False),
])
def test_a_link_that_only_this_computer_can_open_is_told_apart(address, local) -> None:
    assert names_this_computer_only(address) is local


def test_the_share_panel_warns_when_its_link_names_this_computer_only(monkeypatch) -> None:
    monkeypatch.setattr("textlab.ui.lesson_links.app_address", lambda: "http://localhost:8501/")
    at = open_page("classroom", lang="pt")
    assert "serve --lan" in " ".join(warning.value for warning in at.warning)
    monkeypatch.setattr("textlab.ui.lesson_links.app_address", lambda: "http://192.168.0.12:8501/")
    at.run()
    assert not any("serve --lan" in warning.value for warning in at.warning)


def test_pasted_texts_travel_in_the_link_and_large_data_is_refused() -> None:
    at = open_page("classroom")
    session(at).dataset = load_sample("sentiment").subset(range(5))
    at.run()
    shared = _shared_lesson(at)
    assert shared.text is not None
    assert shared.dataset().fingerprint() == session(at).dataset.fingerprint()
    session(at).dataset = load_sample("sentiment").subset(range(100))  # about 9 KB of text
    at.run()
    assert not at.exception
    assert any("KB" in warning.value for warning in at.warning)


def test_a_lesson_link_sets_up_data_settings_controls_and_prompt() -> None:
    lesson = Lesson(config=TrainConfig.of(lr=0.1, epochs=5), sample="word_order", hidden=frozenset({"lr"}),
                    locked=frozenset({"epochs"}), prompt=PROMPT)
    at = open_page(query=lesson.to_query())
    assert not at.exception
    assert session(at).config == lesson.config
    assert session(at).dataset == load_sample("word_order")
    assert literal_markdown(PROMPT) in all_text(at)  # drawn with every markdown character escaped
    # (AppTest drops what app.py draws once switch_page is used; tests/browser checks the prompt on other pages.)
    at.switch_page("app_pages/train.py")
    at.run()
    assert not at.exception
    keys = {widget.key for kind in ("select_slider", "number_input", "selectbox") for widget in getattr(at, kind)}
    assert "cfg_lr" not in keys, "a hidden control is not drawn"
    assert "cfg_embed_dim" in keys and not at.number_input(key="cfg_embed_dim").disabled
    assert at.number_input(key="cfg_epochs").disabled, "a locked control is drawn disabled"
    assert session(at).config.optimisation.lr == 0.1, "a hidden setting still applies"


def test_a_lesson_link_with_pasted_texts_fills_the_text_box() -> None:
    text = "bom filme\tpos\nfilme ruim\tneg"
    at = open_page("data", query={"text": compress_text(text)})
    assert not at.exception
    assert session(at).data_text == text and len(session(at).dataset) == 2


def test_a_tampered_lesson_link_falls_back_with_a_notice() -> None:
    at = open_page(query={"sample": "imaginary", "text": "%%%broken", "hide": "nonsense", "lr": "-1"}, lang="pt")
    assert not at.exception
    warnings = " ".join(warning.value for warning in at.warning)
    assert "imaginary" in warnings and "nonsense" in warnings and "Taxa de aprendizado" in warnings
    assert session(at).config == TrainConfig()


def test_the_tour_starts_from_the_classroom_at_its_first_page() -> None:
    at = open_page("classroom", lang="pt")
    at.button(key="tour_start").click().run()
    assert not at.exception
    assert session(at).tour_step == "texts"
    assert at.title[0].value == TEXTS["nav.data"]["pt"]  # the first step's page: Data
    # (Next / Back are drawn by app.py, which AppTest drops after the first run: tests/browser walks them.)


def test_a_shared_link_keeps_the_teachers_language() -> None:
    at = open_page("classroom", lang="pt")
    link = at.code[-1].value
    assert "lang=pt" in link and _shared_lesson(at).lang == "pt"
    student = open_page(query=dict(parse_qsl(urlsplit(link).query)))  # no lang of their own: the link's
    assert session(student).language == "pt"
