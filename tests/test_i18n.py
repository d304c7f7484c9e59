"""The translation table is complete, and no user-visible literal is left outside it in the app's pages."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from textlab.classroom.experiments import EXPERIMENTS
from textlab.classroom.tour import STEPS
from textlab.data.samples import SAMPLES
from textlab.i18n import LANGUAGES, classroom, normalize_language, t
from textlab.i18n import TEXTS as CORE_TEXTS
from textlab.ui import texts as page_texts
from textlab.ui.texts import TEXTS  # the core's strings and the pages' together

ROOT = Path(__file__).resolve().parents[1]


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a string fills in, without format specs: "{loss:.2f}" -> {"loss"}."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for key, translations in TEXTS.items():
        if set(translations) != set(LANGUAGES):
            problems.append(f"{key}: languages {sorted(translations)}")
            continue
        if not all(isinstance(text, str) and text.strip() for text in translations.values()):
            problems.append(f"{key}: an empty translation")
            continue
        names = {lang: placeholders(text) for lang, text in translations.items()}
        if names["pt"] != names["en"]:
            problems.append(f"{key}: placeholders pt {sorted(names['pt'])} vs en {sorted(names['en'])}")
    assert not problems, "\n".join(problems)


def test_the_classroom_keys_use_the_classroom_prefixes() -> None:
    prefixes = ("classroom.", "lesson.", "tour.", "experiment.", "nav.classroom")
    keys = [*classroom.TEXTS, *page_texts.classroom.TEXTS]
    assert [key for key in keys if not key.startswith(prefixes)] == []


def test_both_tables_are_checked_and_the_pages_table_adds_to_the_cores() -> None:
    assert set(CORE_TEXTS) < set(TEXTS)
    assert "train.title" in TEXTS and "train.title" not in CORE_TEXTS  # a page's own string
    assert "config.bad_choice" in CORE_TEXTS  # an error the core raises


def test_the_core_names_none_of_the_pages_strings() -> None:
    # The core translates with its own table only, so a page key named there would fail at run time.
    page_only = set(TEXTS) - set(CORE_TEXTS)
    core_files = [path for path in (ROOT / "textlab").rglob("*.py")
                  if "ui" not in path.relative_to(ROOT / "textlab").parts[:1]]
    named = set()
    for path in core_files:
        named |= set(re.findall(r"[\"']([a-z_]+(?:\.[a-z_]+)+)[\"']", path.read_text(encoding="utf-8")))
    assert sorted(named & page_only) == []


def test_every_key_the_classroom_code_names_exists() -> None:
    named = set()
    for experiment in EXPERIMENTS.values():
        named |= {experiment.title_key, experiment.question_key, *(run.label_key for run in experiment.runs),
                  *(f"experiment.metric.{metric}" for metric in experiment.highlights)}
    named |= {key for step in STEPS for key in (step.title_key, step.text_key)}
    named |= {f"sample.{name}.title" for name in SAMPLES}
    for module in ("textlab/classroom/experiments.py", "textlab/classroom/lesson.py", "textlab/figures/experiments.py",
                   "textlab/ui/lesson_links.py", "textlab/ui/experiment_views.py", "textlab/ui/tour_panel.py",
                   "app_pages/classroom.py"):
        source = (ROOT / module).read_text(encoding="utf-8")
        named |= set(re.findall(r"[\"']((?:experiment|lesson|classroom|tour)\.[a-z_]+(?:\.[a-z_]+)*)[\"']", source))
    assert sorted(key for key in named if key not in TEXTS) == []


def test_translating_falls_back_to_english_for_unknown_languages() -> None:
    assert normalize_language("pt-BR") == "pt" and normalize_language("de") == "en"
    assert t("tour.next", "pt_BR") == TEXTS["tour.next"]["pt"]


# ---- user-visible literals ---------------------------------------------------------------------

# Streamlit calls that put their text arguments on screen, and the keywords that carry text.
DISPLAY_CALLS = {
    "title", "header", "subheader", "markdown", "write", "caption", "text", "info", "warning", "error", "success",
    "toast", "button", "download_button", "form_submit_button", "link_button", "page_link", "toggle", "checkbox",
    "radio", "selectbox", "multiselect", "select_slider", "slider", "number_input", "text_input", "text_area",
    "file_uploader", "segmented_control", "pills", "metric", "expander", "popover", "tabs", "spinner",
    "status", "Page", "set_page_config", "chat_input", "date_input",
}
TEXT_KEYWORDS = {"label", "body", "help", "placeholder", "caption", "title", "page_title", "text", "label_visibility"}
# The product's name, label_visibility values, and names from the notebook's code (the same in every language).
ALLOWED = {"textlab", "collapsed", "hidden", "visible", "token2idx"}
CODE_LIKE = re.compile(r"^(:material/[a-z_]+:|[\w/.-]+\.(py|csv|tsv|txt|jsonl|json|pt)|[a-z_]+(\.[a-z_]+)+)$")
LOGGERS = {"logger", "logging", "log"}  # log messages are for whoever runs the server, not for students
SCANNED = sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "textlab" / "ui").glob("*.py")])


def _visible_words(node: ast.AST) -> str | None:
    """The words of a string literal or f-string's literal parts, when a person would read them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    else:
        return None
    text = text.strip()
    if not any(char.isalpha() for char in text) or text in ALLOWED or CODE_LIKE.match(text):
        return None
    return text


def literals_outside_the_table(source: str) -> list[tuple[int, str]]:
    """(line, text) of string literals handed to Streamlit display calls rather than through tr()."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in DISPLAY_CALLS):
            continue
        if isinstance(node.func.value, ast.Name) and node.func.value.id in LOGGERS:
            continue
        has_format = any(keyword.arg == "format_func" for keyword in node.keywords)
        candidates = list(node.args[:1]) + [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        if node.func.attr in ("write", "markdown", "text", "caption", "tabs"):
            candidates += node.args[1:]
        elif not has_format and len(node.args) > 1 and isinstance(node.args[1], ast.List | ast.Tuple):
            candidates += node.args[1].elts  # options shown as they are
        for candidate in candidates:
            elements = candidate.elts if isinstance(candidate, ast.List | ast.Tuple) else [candidate]
            found += [(node.lineno, words) for element in elements if (words := _visible_words(element))]
    return found


CLI_CALLS = {"print", "add_argument", "add_parser", "ArgumentParser", "add_argument_group", "error", "exit"}
CLI_KEYWORDS = {"help", "description", "epilog", "message"}
CLI_FILES = [ROOT / "textlab" / "cli.py", ROOT / "textlab" / "__main__.py"]


def cli_literals_outside_the_table(source: str) -> list[tuple[int, str]]:
    """(line, text) of literals the command line prints or shows in --help, rather than through t()."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in CLI_CALLS:
            continue
        candidates = [kw.value for kw in node.keywords if kw.arg in CLI_KEYWORDS]
        if name in ("print", "error", "exit"):
            candidates += node.args
        found += [(node.lineno, words) for candidate in candidates if (words := _visible_words(candidate))]
    return found


def test_the_command_line_prints_only_translated_text() -> None:
    assert cli_literals_outside_the_table('print("Epoch done")\nprint(t("log.epoch", lang))') == [(1, "Epoch done")]
    found = {path.name: cli_literals_outside_the_table(path.read_text(encoding="utf-8"))
             for path in CLI_FILES if path.is_file()}
    assert not any(found.values()), found


def test_the_scanner_finds_literals_and_lets_translations_through() -> None:
    source = '''
st.title("Hello students")
st.button(tr("classroom.run"), key="run_button", icon=":material/play_arrow:")
st.radio(tr("x"), ["Yes", "No"])
st.radio(tr("x"), ("sample", "current"), format_func=labels.get)
left.metric(tr("a"), f"{value:.0%}")
st.caption(f"Loss: {loss}")
st.Page("app_pages/home.py", title=tr("nav.home"))
st.markdown("---")
st.selectbox(tr("x"), options, help="Pick one")
logger.warning("textlab: runs are not recorded: %s", error)
'''
    assert literals_outside_the_table(source) == [
        (2, "Hello students"), (4, "Yes"), (4, "No"), (7, "Loss:"), (10, "Pick one")]


@pytest.mark.parametrize("path", SCANNED, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_user_visible_literal_is_left_outside_the_table(path: Path) -> None:
    found = literals_outside_the_table(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: put these in the translation table: {found}"
