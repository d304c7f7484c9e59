"""The session object the pages share: made from the URL, with the notebook's data and settings by default."""

from __future__ import annotations

from textlab.data.dataset import read_pasted
from textlab.train.config import TrainConfig
from textlab.ui.state import Session, notebook_text


def test_a_new_session_starts_from_the_notebook() -> None:
    session = Session()
    assert session.config == TrainConfig() and session.language == "en"
    assert session.dataset == read_pasted(notebook_text()) and session.data_text == notebook_text()
    assert session.data_source == "pasted" and session.job is None and session.warm_start is None


def test_the_url_gives_language_settings_and_presentation_and_bad_values_are_reported_once() -> None:
    session = Session.from_url({"lang": "pt", "lr": "0.01", "epochs": "zero", "present": "1"})
    assert (session.language, session.config.optimisation.lr, session.presentation) == ("pt", 0.01, True)
    assert session.config.optimisation.epochs == TrainConfig().optimisation.epochs
    problems = session.take_url_problems("", "train")
    assert [problem.params["name"] for problem in problems] == ["epochs"]
    assert session.take_url_problems("", "train") == []  # the first page's rerun
    assert session.take_url_problems("data", "train") == []
    assert session.take_url_problems("train", "train") == problems  # where the settings are, once
    assert session.take_url_problems("train", "train") == []


def test_a_link_to_the_settings_page_reports_its_bad_values_there_once() -> None:
    session = Session.from_url({"weight_decay": "7"})
    assert [problem.params["name"] for problem in session.take_url_problems("train", "train")] == ["weight_decay"]
    assert session.take_url_problems("train", "train") == [] and session.take_url_problems("", "train") == []


def test_the_browser_locale_is_used_when_the_url_names_no_language() -> None:
    assert Session.from_url({}, "pt-BR").language == "pt"
    assert Session.from_url({"lang": "en"}, "pt-BR").language == "en"


def test_a_bad_change_keeps_the_settings_and_returns_the_error() -> None:
    session = Session()
    assert session.update_config(lr="0.1") is None and session.config.optimisation.lr == 0.1
    error = session.update_config(embed_dim="0")
    assert error is not None and "embed_dim" in error.message("en")
    assert session.config == TrainConfig.of(lr=0.1)


def test_the_fingerprint_is_computed_once_per_dataset_object() -> None:
    session = Session()
    first = session.fingerprint(session.dataset)
    assert first == session.dataset.fingerprint()
    other = read_pasted("outro texto")
    assert session.fingerprint(other) == other.fingerprint() != first
