"""Lesson links in the app: apply one when the app opens, hide or lock its controls, show its prompt, share one.

``textlab.classroom.lesson`` reads and writes the link; this module keeps what it set up in session state
(once per session, so a student's later changes are not undone on every rerun).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from textlab.classroom.lesson import LESSON_KEYS, MAX_PROMPT_CHARS, Lesson, is_lesson_link, lesson_data
from textlab.classroom.tour import STEP_IDS, find_step
from textlab.data.samples import SAMPLES
from textlab.errors import ConfigError, TextlabError
from textlab.train.config import FIELDS
from textlab.ui import state
from textlab.ui.state import tr

SHARE_HIDDEN, SHARE_LOCKED, SHARE_PROMPT, SHARE_TOUR = "share_hidden", "share_locked", "share_prompt", "share_tour"
CLASSROOM_PAGE_PATH = "classroom"  # the classroom page's URL path, trimmed to get the app's address


def apply_lesson_from_url() -> list[str]:
    """Set up the lesson in the URL, once per session; the notices say which parts fell back to defaults.

    Settings problems are left to ``widgets.url_notices`` (the session read its settings from the
    same parameters), so each problem is reported once.
    """
    session = state.session()
    if session.lesson_checked:
        return []
    session.lesson_checked = True
    params = st.query_params.to_dict()
    if not is_lesson_link(params):
        return []
    lesson, problems = Lesson.from_query(params)
    data = lesson.dataset()
    if lesson.sample is not None:
        session.use_dataset(data, f"sample:{lesson.sample}")
    elif lesson.text is not None:
        session.data_text = lesson.text  # the Data page's text box shows the lesson's texts
        session.use_dataset(data, "pasted")
    session.lesson = lesson
    if lesson.tour_step is not None:
        session.tour_step = lesson.tour_step
    return [tr("lesson.notice", detail=problem.message(session.language))
            for problem in problems if not isinstance(problem, ConfigError)]


def current_lesson() -> Lesson | None:
    return state.session().lesson


def hidden_fields() -> frozenset[str]:
    """Settings whose controls the lesson hides."""
    lesson = current_lesson()
    return lesson.hidden if lesson else frozenset()


def locked_fields() -> frozenset[str]:
    """Settings whose controls the lesson shows but disables."""
    lesson = current_lesson()
    return lesson.locked if lesson else frozenset()


def literal_markdown(text: str) -> str:
    """``text`` with every markdown character escaped, so a link cannot inject links, images or styling."""
    lines = (_MARKDOWN_CHARACTERS.sub(r"\\\1", line.strip()) for line in text.splitlines())
    return "  \n".join(lines)  # keep the teacher's line breaks; no indentation that would make a code block


# Every ASCII punctuation character may be backslash-escaped in markdown; Streamlit's own
# directives (:red[...], :material/icon:, $math$) are made of them too.
_MARKDOWN_CHARACTERS = re.compile(r"([!-/:-@\[-`{-~])")


def show_prompt() -> None:
    """The lesson's question, at the top of every page, as literal text."""
    lesson = current_lesson()
    if lesson is not None and lesson.prompt:
        st.info(f"**{tr('lesson.prompt_label')}:** {literal_markdown(lesson.prompt)}", icon=":material/quiz:")


def tour_step() -> str | None:
    return state.session().tour_step


def set_tour_step(step_id: str | None) -> None:
    state.session().tour_step = step_id if find_step(step_id) else None


def url_parameters() -> dict[str, str]:
    """What the lesson keeps in the URL besides the settings: a reload reopens the same lesson and tour step."""
    lesson = current_lesson()
    params = {key: value for key, value in lesson.to_query().items() if key in LESSON_KEYS} if lesson else {}
    params.pop("tour", None)
    if tour_step() is not None:
        params["tour"] = tour_step()
    return params


def app_address() -> str:
    """The app's address as the browser sees it, without the classroom page's own path."""
    url = st.context.url
    if not url:
        return ""
    parts = urlsplit(url)
    path = parts.path.removesuffix(CLASSROOM_PAGE_PATH).rstrip("/") + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def names_this_computer_only(address: str) -> bool:
    """Whether a link to ``address`` opens only on the machine serving it (so not on a student's device)."""
    host = urlsplit(address).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not an address: assume the network can resolve it
        return False


def share_panel() -> None:
    """Choose hidden and locked controls, a prompt and a tour step; show the link to copy."""
    st.subheader(tr("classroom.share.header"))
    st.caption(tr("classroom.share.intro"))
    # Labels translated here, not inside format_func, which may be called outside this script run.
    field_labels = {name: tr(f"field.{name}") for name in FIELDS}
    step_labels = {"": tr("classroom.share.no_tour"), **{step: tr(f"tour.{step}.title") for step in STEP_IDS}}
    left, right = st.columns(2)
    pick = {"options": list(field_labels), "format_func": field_labels.get, "placeholder": tr("classroom.share.pick")}
    hidden = left.multiselect(tr("classroom.share.hidden"), key=SHARE_HIDDEN, **pick)
    locked = right.multiselect(tr("classroom.share.locked"), key=SHARE_LOCKED, **pick)
    prompt = st.text_area(tr("classroom.share.prompt"), max_chars=MAX_PROMPT_CHARS, key=SHARE_PROMPT,
                          placeholder=tr("classroom.share.prompt_placeholder"))
    step = st.selectbox(tr("classroom.share.tour"), list(step_labels), key=SHARE_TOUR, format_func=step_labels.get)
    dataset = state.session().dataset
    try:
        data = lesson_data(dataset)
        lesson = Lesson(config=state.session().config, hidden=frozenset(hidden), locked=frozenset(locked),
                        prompt=prompt, tour_step=step or None, lang=state.session().language,
                        **data)
    except TextlabError as error:  # too large to carry, or texts that would not read back the same
        st.warning(error.message(state.session().language), icon=":material/link:")
        return
    if "sample" in data:
        st.caption(tr("classroom.share.data_sample", title=tr(SAMPLES[data["sample"]].title_key)))
    else:
        st.caption(tr("classroom.share.data_text", texts=state.tr_count("texts", len(dataset))))
    st.caption(tr("classroom.share.link"))
    address = app_address()
    st.code(f"{address}?{urlencode(lesson.to_query())}", language=None, wrap_lines=True)
    if names_this_computer_only(address):
        st.warning(tr("classroom.share.local_only"), icon=":material/computer:")
