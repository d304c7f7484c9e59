"""A link with a setting outside its range: the Train page says so in the reader's language, naming the
setting by its label, and the app goes on with the default."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import APP, open_page, session
from textlab.train.config import DEFAULTS, FIELDS, Range
from textlab.ui.texts import TEXTS

FLOAT_SETTINGS = sorted(name for name, default in DEFAULTS.items() if isinstance(default, float))


def beyond(name: str) -> str:
    """A value past the top of the setting's range, as a link writes it (?lr=1000)."""
    rule = FIELDS[name]
    assert isinstance(rule, Range)
    return f"{rule.high * 10 + 1:g}"


def fallback_notices(at: AppTest, lang: str) -> list[str]:
    prefix = TEXTS["app.url_fallback"][lang].split("{")[0]
    return [warning.value for warning in at.warning if warning.value.startswith(prefix)]


def test_every_float_setting_is_covered():
    assert {"lr", "weight_decay", "dropout", "val_fraction", "grad_clip"} <= set(FLOAT_SETTINGS)


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize("name", FLOAT_SETTINGS)
def test_a_link_straight_to_the_train_page_names_the_setting_by_its_label(name, lang):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"lang": lang, name: beyond(name)})
    at.switch_page("app_pages/train.py").run()
    assert not at.exception, at.exception
    (notice,) = fallback_notices(at, lang)
    assert TEXTS[f"field.{name}"][lang] in notice and f"{name} " not in notice, notice
    assert session(at).config.value(name) == DEFAULTS[name]
    at.run()  # reported once, not on every rerun
    assert fallback_notices(at, lang) == [] and not at.exception


@pytest.mark.parametrize("query", [{"weight_decay": "7"}, {"lr": "1e9"}, {"dropout": "5"}])
def test_a_link_to_the_home_page_reports_again_when_the_train_page_opens(query):
    at = open_page(None, lang="pt", query=query)
    assert len(fallback_notices(at, "pt")) == 1
    at.switch_page("app_pages/data.py").run()
    assert fallback_notices(at, "pt") == []
    at.switch_page("app_pages/train.py").run()
    (name,) = query
    (notice,) = fallback_notices(at, "pt")
    assert TEXTS[f"field.{name}"]["pt"] in notice and not at.exception
    assert session(at).config.value(name) == DEFAULTS[name]
