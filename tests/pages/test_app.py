"""The app's frame: every page runs without an exception, in both languages."""

import pytest

from tests.pages.helpers import all_text, open_page, session

PAGES = (None, "data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom")


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page, lang) -> None:
    at = open_page(page, lang=lang)
    assert not at.exception
    assert at.title, "each page has a title"


def test_start_page_follows_the_language() -> None:
    assert "veja como uma rede neural lê texto" in all_text(open_page(lang="pt"))
    assert "see how a neural network reads text" in all_text(open_page(lang="en"))


def test_invalid_setting_in_the_link_falls_back_with_a_notice() -> None:
    at = open_page(query={"lr": "-5", "embed_dim": "32"})
    assert not at.exception
    assert any("Learning rate must be greater than 0" in warning.value for warning in at.warning)
    config = session(at).config
    assert config.optimisation.lr == 0.001 and config.model.embed_dim == 32


def test_what_every_page_shares_lives_in_one_session_object() -> None:
    at = open_page("train", query={"lr": "0.01", "present": "1"})
    for page in PAGES[1:]:
        at.switch_page(f"app_pages/{page or 'home'}.py").run()
        assert not at.exception
    shared = session(at)
    assert (shared.language, shared.config.optimisation.lr, shared.presentation) == ("en", 0.01, True)
    # The old loose keys are gone: pages reach the session's attributes, not strings.
    for old_key in ("lang", "config", "dataset", "data_text", "data_source", "job", "lesson", "presentation"):
        assert old_key not in at.session_state


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_start_pages_steps_lead_to_every_other_page_in_order(lang) -> None:
    at = open_page(lang=lang)
    links = [element.proto.page for element in at.get("page_link")]
    assert links == list(PAGES[1:])  # the Classroom page included
