"""Every page, rendered in one language, shows no word of the code: no option value of the other language,
no setting's field name, no Python literal and (in Portuguese) no dot-decimal number. That holds for the
page's text, its help tooltips and the texts inside its charts (titles, axes, legends, hovers, annotations);
a Portuguese chart also writes its own tick and hover numbers with a decimal comma.

Rendered twice per language: with the notebook's three texts, and with a labelled sample after a
finished tiny run, so the metrics, history tables and charts' neighbours are on screen too, and the
embedding map in each of its views (PCA or t-SNE, 2D or 3D).
"""

from __future__ import annotations

import html
import json
import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import APP, session, shown_table
from textlab.classroom.experiments import EXPERIMENTS
from textlab.data.samples import load_sample
from textlab.i18n.numbers import PLOTLY_SEPARATORS
from textlab.train.config import FIELDS
from textlab.ui.texts import TEXTS

PAGES = ("home", "data", "vocabulary", "batches", "train", "embeddings", "runs", "classroom")
# Raw option values a Portuguese reader must never meet (Adam, GRU, CPU... are names and stay, capitalised),
# and the stop reasons a run records.
# "transformer" is the architecture's name in Portuguese too ("Camadas do transformer").
OPTION_VALUES = sorted({key.split(".")[2] for key in TEXTS if key.startswith("option.") and ".bool." not in key}
                       - {"transformer"}, key=len, reverse=True)
ENGLISH_VALUES = re.compile(r"\b(" + "|".join(OPTION_VALUES) + r"|early_stopping|user|completed)\b")
# In English most of those are plain words; what must not appear there is code or Portuguese.
PORTUGUESE_VALUES = re.compile(r"\b(masked_mean|adamw|sgd|early_stopping|" + "|".join(
    re.escape(texts["pt"]) for key, texts in TEXTS.items()
    if key.startswith("option.") and texts["pt"] != texts["en"]) + r")(?!\w)")
# Field names that are not also ordinary words of the page (epochs, seed, dropout... are words).
FIELD_NAMES = re.compile(r"\b(" + "|".join(name for name in FIELDS if "_" in name) + r"|lr)\b")
LITERALS = re.compile(r"\b(True|False|None|nan|NaN)\b")
DOT_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
# 1.232 is Portuguese for one thousand two hundred and thirty-two; 0.001 is no thousand.
THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# What may legitimately hold a dot between digits: addresses, file names, version numbers, code.
NOT_NUMBERS = re.compile(r"https?://\S+|\b[\w-]+\.(?:csv|tsv|txt|jsonl|pt|zip)\b|\b\d+\.\d+\.\d+\b|`[^`]*`")


def visible_text(at: AppTest) -> list[str]:
    """What a student reads: text elements, metric labels and values, table cells, option and button labels."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
                 "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    for metric in at.metric:
        parts += [str(metric.label), str(metric.value)]
    for value in [*(frame.value for frame in at.dataframe), *(shown_table(table) for table in at.table)]:
        parts += [str(column) for column in value.columns]
        parts += [str(cell) for cell in value.to_numpy().ravel() if cell is not None and cell == cell]
    for kind in ("selectbox", "multiselect", "radio", "select_slider"):
        for widget in getattr(at, kind):
            parts.append(str(widget.label))
            parts += [str(option) for option in widget.options]
    for kind in ("button", "toggle", "checkbox", "expander", "number_input", "slider", "text_input", "text_area"):
        parts += [str(element.label) for element in getattr(at, kind)]
    parts += tooltips(at)
    for chart in at.get("plotly_chart"):
        parts += chart_texts(json.loads(chart.proto.spec))
    return [part for part in parts if part]


def _message(node) -> object | None:
    """The element's own proto message: a container's sits inside its ``type`` oneof (popover, expander...)."""
    proto = getattr(node, "proto", None)
    if proto is None or not hasattr(proto, "DESCRIPTOR"):
        return None
    kind = proto.WhichOneof("type") if "type" in proto.DESCRIPTOR.oneofs_by_name else None
    return getattr(proto, kind) if kind else proto


def tooltips(at: AppTest) -> list[str]:
    """The ``help=`` of every element drawn (widgets, metrics, buttons, popovers...), in the page and sidebar."""
    messages = [_message(node) for node in [*at.main, *at.sidebar]]
    return [message.help for message in messages
            if message is not None and "help" in message.DESCRIPTOR.fields_by_name and message.help]


# Keys of a plotly figure whose string values a student reads: titles, tick and trace texts, legend names,
# hover texts and templates, slider and button labels. Colours, modes and ids are not words.
CHART_TEXT_KEYS = {"text", "name", "ticktext", "hovertext", "hovertemplate", "texttemplate", "label", "title",
                   "customdata"}
PLACEHOLDER = re.compile(r"%\{[^}]*\}|<[^>]+>")  # %{y:.2f} is filled by plotly; <br>, <extra> are markup


def chart_texts(figure: dict) -> list[str]:
    """Every string of ``figure`` a reader meets, markup and plotly's own placeholders taken out."""
    found: list[str] = []

    def strings(value: object) -> None:  # a text, or a list (of lists) of them: a trace's text, customdata
        if isinstance(value, str):
            found.append(html.unescape(PLACEHOLDER.sub(" ", value)).strip())
        elif isinstance(value, list):
            for item in value:
                strings(item)

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in CHART_TEXT_KEYS and not isinstance(item, dict):
                    strings(item)
                elif key != "template":  # plotly's theme: fonts and colours
                    walk(item)  # a title is {"text": ...}
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(figure)
    return found


def chart_problems(at: AppTest, lang: str) -> list[str]:
    """Charts whose numbers (ticks, hovers) plotly would write with the other language's marks."""
    titles = []
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec).get("layout", {})
        if layout.get("separators", PLOTLY_SEPARATORS["en"]) != PLOTLY_SEPARATORS[lang]:
            titles.append(f"separators {layout.get('separators')!r} in {chart_texts(layout)[:1]!r}")
    return titles


def metric_problems(at: AppTest) -> list[str]:
    """Metrics left for the browser to format: it writes them in its own locale, not the app's language."""
    return [f"browser-formatted metric {metric.label!r}" for metric in at.metric if metric.proto.format]


# Texts of the other language that are allowed here because the app means them literally.
IGNORED = {TEXTS["upload.button_help"]["pt"], TEXTS["upload.button_help"]["en"]}


def problems(at: AppTest, lang: str) -> list[str]:
    """Each offending word with the text it stands in; the user's own texts and tokens are theirs to write."""
    data = session(at).dataset.texts
    own = {*data, *(token for text in data for token in text.split())}
    found = []
    for text in visible_text(at):
        if text in IGNORED or text in own or any(text.rstrip("…") in line for line in data):
            continue
        plain = NOT_NUMBERS.sub(" ", text)
        checks = [FIELD_NAMES, LITERALS, *([ENGLISH_VALUES, DOT_DECIMAL] if lang == "pt" else [PORTUGUESE_VALUES])]
        for pattern in checks:
            for match in pattern.finditer(plain):
                # A hover names the user's token ("token: last"): that word is theirs, not an option value.
                if match.group(0) in own or pattern is DOT_DECIMAL and THOUSANDS.fullmatch(match.group(0)):
                    continue
                found.append(f"{match.group(0)!r} in {text[:160]!r}")
    return found + chart_problems(at, lang) + metric_problems(at)


def open_app(lang: str, dataset=None, source: str = "pasted") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if dataset is not None:
        session(at).use_dataset(dataset, source)
    at.run()
    return at


def visit(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def train_tiny_run(at: AppTest, **settings: object) -> None:
    visit(at, "train")
    session(at).update_config(epochs=2, val_fraction=0.2, batch_size=8, device="cpu", **settings)
    at.run()
    at.button(key="train_start").click().run()
    deadline = time.monotonic() + 60
    while session(at).job is None or session(at).job.snapshot().is_active:
        assert time.monotonic() < deadline, "the tiny run did not finish"
        time.sleep(0.2)
        at.run()


def map_states(at: AppTest, lang: str) -> dict[str, list[str]]:
    """The embedding map in 3D, then as t-SNE (drawn once the background job is done) in 3D and 2D."""
    found = {}
    for dims, projection in ((3, "pca"), (3, "tsne"), (2, "tsne")):
        at.segmented_control(key="emb_dims").set_value(dims).run()
        at.segmented_control(key="emb_projection").set_value(projection).run()
        deadline = time.monotonic() + 60
        while not (maps := [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith("emb_map")]):
            assert time.monotonic() < deadline, "the t-SNE map never arrived"
            time.sleep(0.2)
            at.run()
        spec = json.loads(maps[0].proto.spec)
        assert spec["data"][0]["type"] == ("scatter3d" if dims == 3 else "scatter")
        assert ("t-SNE" in json.dumps(spec["layout"])) == (projection == "tsne")
        found[f"embeddings, {dims}D {projection}"] = problems(at, lang)
    return found


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTLAB_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_every_page_with_the_notebook_data_speaks_one_language(data_dir, lang):
    at = open_app(lang)
    found = {page: problems(visit(at, page), lang) for page in PAGES}
    session(at).update_config(batch_size=8)  # off the notebook's settings: the suggestion says why it differs
    found["train, suggestion"] = problems(visit(at, "train"), lang)
    assert {page: issues for page, issues in found.items() if issues} == {}


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_every_page_after_a_labelled_run_speaks_one_language(data_dir, lang):
    at = open_app(lang, load_sample("sentiment"), "sample:sentiment")
    train_tiny_run(at, lr=0.002)
    train_tiny_run(at)  # two stored runs: the Runs page compares them, their legends name the fractional rate
    found = {page: problems(visit(at, page), lang) for page in PAGES}
    found.update(map_states(visit(at, "embeddings"), lang))
    visit(at, "classroom")
    for name in EXPERIMENTS:  # each experiment's chart and conclusion, on the Classroom page visited last
        at.button(key=f"classroom_run_{name}").click().run(timeout=120)
    found["classroom, experiments run"] = problems(at, lang)
    assert {page: issues for page, issues in found.items() if issues} == {}
    assert session(at).job.snapshot().state == "finished"
    assert len(at.get("plotly_chart")) == len(EXPERIMENTS)


def test_decimal_sliders_read_in_portuguese_marks():
    """Every fractional setting and the smoothing are select sliders whose shown value uses a comma."""
    at = visit(open_app("pt"), "train")
    for key in ("cfg_dropout", "cfg_val_fraction", "cfg_weight_decay", "cfg_grad_clip", "train_smoothing_widget"):
        widget = at.select_slider(key=key)
        fractional = [value for value in widget.options if "," in value]
        dotted = [value for value in widget.options if DOT_DECIMAL.search(value) and not THOUSANDS.fullmatch(value)]
        assert fractional and not dotted, (key, dotted)
