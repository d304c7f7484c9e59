"""Controls every page uses: the language switch, one widget per setting, messages."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from textlab.errors import TextlabError
from textlab.i18n import LANGUAGE_NAMES, LANGUAGES, field_help, option_label
from textlab.i18n.numbers import format_general
from textlab.train.config import DEFAULTS, FIELDS, Range
from textlab.ui import lesson_links, state
from textlab.ui.state import tr

# Learning rates offered on the log-scale slider: 1, 2 and 5 of every decade from 1e-5 to 10.
LEARNING_RATES = tuple(round(mantissa * 10.0 ** exponent, 10)
                       for exponent in range(-5, 2) for mantissa in (1, 2, 5) if mantissa * 10.0 ** exponent <= 10)
# Gradient-norm limits offered: 0 is off, then a log-like ladder up to the setting's ceiling.
GRADIENT_CLIPS = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, 1000.0)
FRACTION_STEP = 0.05  # the stops of the settings between 0 and 1 (dropout, weight decay, validation share)


def language_switch() -> None:
    """Português / English, in the sidebar of every page."""
    key = "lang_switch"
    session = state.session()
    st.session_state[key] = session.language
    st.sidebar.segmented_control(tr("app.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key=key,
                                 on_change=lambda: session.set_language(st.session_state[key] or session.language))


def show_error(error: TextlabError) -> None:
    st.error(error.on_screen(state.session().language), icon="⚠️")


SETTINGS_PAGE = "train"  # the url path of the page whose widgets hold the settings


def url_notices(page: str) -> None:
    """Say which settings in the link were invalid and fell back to their defaults, naming them by label."""
    for problem in state.session().take_url_problems(page, SETTINGS_PAGE):
        st.warning(tr("app.url_fallback", detail=problem.on_screen(state.session().language)), icon="🔗")


def decimal_stops(low: float, high: float, step: float) -> tuple[float, ...]:
    """``low``, ``low + step``, … up to ``high``, rounded so that 0.1 + 0.2 reads 0.3."""
    return tuple(round(low + index * step, 10) for index in range(round((high - low) / step) + 1))


def _widget_key(name: str) -> str:
    return f"cfg_{name}"


def _apply(name: str) -> None:
    error = state.session().update_config(**{name: st.session_state[_widget_key(name)]})
    st.session_state[f"cfg_error_{name}"] = error


def config_input(name: str, *, disabled: bool = False, container=st, options: Sequence[str] | None = None) -> None:
    """A widget for one TrainConfig field, kept in step with the session's settings.

    ``options`` narrows a choice field to what is possible here (the devices present).
    """
    if name in lesson_links.hidden_fields():
        return
    disabled = disabled or name in lesson_links.locked_fields()
    key, current = _widget_key(name), state.session().config.value(name)
    # Re-seeded every run: the settings may have changed elsewhere (another page, a link, Reset).
    st.session_state[key] = current
    rule, default = FIELDS[name], DEFAULTS[name]
    choices = rule if isinstance(rule, tuple) else ()
    common = dict(label=tr(f"field.{name}"), help=field_help(name, choices, state.session().language), key=key,
                  disabled=disabled, on_change=_apply, args=(name,))
    if isinstance(default, bool):
        container.toggle(**common)
    elif isinstance(rule, tuple):
        # Labels translated here, not inside format_func, which may be called outside this script run.
        labels = {value: option_label(name, value, state.session().language) for value in options or rule}
        container.selectbox(options=list(labels), format_func=labels.get, **common)
    elif isinstance(default, float):
        # A select slider over fixed stops, because st.slider prints its value printf-style ("0.60"):
        # these show it in the language's marks ("0,6").
        lang = state.session().language
        stops = LEARNING_RATES if name == "lr" else GRADIENT_CLIPS if name == "grad_clip" else \
            decimal_stops(rule.low, rule.high, FRACTION_STEP)
        container.select_slider(options=sorted({*stops, current}),
                                format_func=lambda value: format_general(value, lang), **common)
    else:
        assert isinstance(rule, Range)
        container.number_input(min_value=int(rule.low), max_value=int(rule.high), step=1, **common)
    error = st.session_state.get(f"cfg_error_{name}")
    if error is not None:
        container.caption(f"⚠️ {error.on_screen(state.session().language)}")
