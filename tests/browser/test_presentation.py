"""Presentation mode in Chromium: every text it should enlarge is larger, and no label is cut.

Measured on the Data, Vocabulary, Batches and Train pages at 1280×800 and 1920×1080, mode off then
on: the computed font size of a metric value, of the page title and a section heading, of a chart
title (plotly's SVG ``.gtitle``), of a tick label (``.xtick text``) and, with the mode on, of a table
cell; every element that clips its text (overflow or an ellipsis) and every chosen option must show
it whole (its ``scrollWidth`` fits its ``clientWidth``); no label breaks inside a word; and no chart
title runs into its plot, axis titles or legend, or past the chart's edge.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from textlab.i18n import option_label
from textlab.train.config import FIELDS

VIEWPORTS = [(1280, 800), (1920, 1080)]
# The first metric value, chart title, x tick label, page title and section heading on the page, in px.
FONT_SIZES = """() => {
  const size = selector => { const element = document.querySelector(selector);
                             return element ? parseFloat(getComputedStyle(element).fontSize) : null; };
  const metric = document.querySelector('[data-testid="stMetricValue"] p')
                 ? '[data-testid="stMetricValue"] p' : '[data-testid="stMetricValue"]';
  return {metric: size(metric), title: size('.gtitle'), tick: size('.xtick text'),
          heading: size('[data-testid="stMain"] h1'), subheading: size('[data-testid="stMain"] h3')};
}"""
# Text the page clips: an element that hides overflow or ends in an ellipsis, whose text is wider
# than its box. Charts (SVG), tables and code blocks scroll by design and are left out.
CUT_TEXT = """() => {
  const cut = [];
  for (const element of document.querySelector('[data-testid="stMain"]').querySelectorAll('*')) {
    if (!element.textContent.trim()) continue;
    if (element.closest('.js-plotly-plot, [data-testid="stDataFrame"], [data-testid="stTable"], pre, code')) continue;
    const style = getComputedStyle(element);
    const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (clips && element.scrollWidth > element.clientWidth + 1) cut.push(element.textContent.trim().slice(0, 40));
  }
  return cut;
}"""


# Chosen options are the value of an <input>, which textContent does not see.
CUT_CHOICES = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stSelectbox"] input')]
  .filter(input => input.scrollWidth > input.clientWidth + 1).map(input => input.value)"""
# Every option a setting's dropdown offers, measured in its input's font against the room the input gives.
OPTIONS_TOO_WIDE = """labelsByField => {
  const tooWide = [], context = document.createElement('canvas').getContext('2d');
  for (const [name, labels] of Object.entries(labelsByField)) {
    const input = document.querySelector(`[data-testid="stMain"] .st-key-cfg_${name} input`);
    if (!input) continue;
    const style = getComputedStyle(input);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    tooWide.push(...labels.filter(label => context.measureText(label).width > room));
  }
  return tooWide;
}"""
# A word drawn on two lines has two client rectangles: the label broke inside it ("Embaralh-ar").
# Words are split at spaces and hyphens, where a line may break.
SPLIT_WORDS = """() => {
  const split = [];
  const labels = '[data-testid="stWidgetLabel"], [data-testid="stMetricLabel"], button, [data-baseweb="tab"]';
  for (const label of document.querySelector('[data-testid="stMain"]').querySelectorAll(labels)) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-\\u2010\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (range.getClientRects().length > 1) split.push(word[0]);
      }
    }
  }
  return split;
}"""
# A chart's title must keep clear of its plot area, axis titles and legend, and stay inside the chart.
TITLE_CLASHES = """() => {
  const clashes = [];
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
                            && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    const title = chart.querySelector('.gtitle');
    if (!title || !title.textContent.trim()) continue;
    const box = title.getBoundingClientRect(), frame = chart.querySelector('.main-svg').getBoundingClientRect();
    if (box.left < frame.left - 1 || box.right > frame.right + 1) clashes.push(title.textContent + ' | edge');
    for (const other of chart.querySelectorAll('.nsewdrag, .g-xtitle, .g-ytitle, .legend')) {
      if (overlap(box, other.getBoundingClientRect())) {
        clashes.push(title.textContent + ' | ' + other.getAttribute('class'));
      }
    }
  }
  return clashes;
}"""
# A disabled setting's label must not wear an enabled one's colour.
DISABLED_LOOKING_ENABLED = """() => {
  const colour = label => getComputedStyle(label.querySelector('p')).color;
  const labels = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stWidgetLabel"]')];
  const enabled = new Set(labels.filter(label => !label.hasAttribute('disabled')).map(colour));
  return labels.filter(label => label.hasAttribute('disabled') && enabled.has(colour(label)))
               .map(label => label.textContent);
}"""
TABLE_CELL_SIZE = """() => { const cell = document.querySelector('[data-testid="stMain"] [data-testid="stTable"] td');
  return cell ? parseFloat(getComputedStyle(cell).fontSize) : null; }"""
# A table cut to its first rows must show each of them: none hidden below a scroll edge.
HEAD_TABLES_SCROLLING = """() => [...document.querySelectorAll('[class*="st-key-head_table_"] [data-testid="stTable"]')]
  .map(table => ({rows: table.querySelectorAll('tbody tr').length,
                  hidden: table.scrollHeight > table.clientHeight + 1}))"""
BODY_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).fontSize)"


def click(page, key: str) -> None:
    page.locator(f".st-key-{key} button:visible").click()


FINISHED = {"en": "Finished", "pt": "Concluído"}
CHARTED = {"data", "batches", "train"}  # the Vocabulary page draws no chart
OPTION_LABELS = {lang: {name: [option_label(name, value, lang) for value in rule] for name, rule in FIELDS.items()
                        if isinstance(rule, tuple)} for lang in ("en", "pt")}


def open_page(page, name: str, present: bool, lang: str = "en") -> None:
    page.goto(f"/{name}?lang={lang}&present={int(present)}")
    wait_for_app(page)
    if name == "train":  # metrics and ticks appear once a run has trained: the notebook's, a second
        click(page, "train_start")
        page.wait_for_selector(f"text={FINISHED[lang]}", timeout=60_000)
        wait_for_app(page)
    if name in CHARTED:
        page.wait_for_selector(".gtitle")
        page.wait_for_selector(".xtick text")
    page.wait_for_selector("[data-testid='stMetricValue']")
    page.wait_for_timeout(300)


@pytest.fixture
def sized_page(browser, app_url, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US", base_url=app_url)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto("/")  # the entry point first, so the server knows its navigation
    wait_for_app(tab)
    yield tab, width
    context.close()


@pytest.mark.browser
def test_the_cut_text_probe_sees_an_ellipsis(page) -> None:
    # The probe must be able to fail: a label squeezed into an ellipsis is reported.
    page.goto("/?lang=en")
    wait_for_app(page)
    page.evaluate("""() => { const box = document.createElement('div');
        box.style.cssText = 'width: 40px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap';
        box.textContent = 'Padding without bucketing';
        document.querySelector('[data-testid="stMain"]').appendChild(box); }""")
    assert "Padding without bucketing" in page.evaluate(CUT_TEXT)


@pytest.mark.browser
def test_the_split_word_and_title_probes_can_fail(page) -> None:
    open_page(page, "batches", present=False)
    assert page.evaluate(SPLIT_WORDS) == [] and page.evaluate(TITLE_CLASHES) == []
    page.evaluate("""() => { const label = document.createElement('div');
        label.setAttribute('data-testid', 'stWidgetLabel');
        label.style.cssText = 'width: 40px; word-break: break-all';
        label.textContent = 'Embaralhar';
        document.querySelector('[data-testid="stMain"]').appendChild(label);
        document.querySelector('.gtitle').setAttribute('transform', 'translate(0, 150)'); }""")
    assert page.evaluate(SPLIT_WORDS) == ["Embaralhar"]
    assert page.evaluate(TITLE_CLASHES)


@pytest.mark.browser
@pytest.mark.parametrize("sized_page", VIEWPORTS, indirect=True, ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("name", ["data", "vocabulary", "batches", "train"])
@pytest.mark.parametrize("lang", ["en", "pt"])  # Portuguese labels are longer ("Configurações sugeridas")
def test_presentation_mode_enlarges_text_and_cuts_none(sized_page, name, lang) -> None:
    page, width = sized_page
    sizes = {}
    for present in (False, True):
        open_page(page, name, present, lang)
        sizes[present] = page.evaluate(FONT_SIZES)
        screenshot(page, f"presentation-{name}-{lang}-{width}-{'on' if present else 'off'}")
        mode = f"presentation {'on' if present else 'off'}"
        assert page.evaluate(CUT_TEXT) == [], f"cut with {mode}"
        assert page.evaluate(CUT_CHOICES) == [], f"chosen option cut with {mode}"
        assert page.evaluate(SPLIT_WORDS) == [], f"word broken with {mode}"
        assert page.evaluate(TITLE_CLASHES) == [], f"chart title clashes with {mode}"
        assert page.evaluate(OPTIONS_TOO_WIDE, OPTION_LABELS[lang]) == [], f"option cut with {mode}"
        assert page.evaluate(DISABLED_LOOKING_ENABLED) == [], f"disabled setting looks enabled with {mode}"
    normal, projected = sizes[False], sizes[True]
    for part in ("metric", "heading", "subheading", *(("title", "tick") if name in CHARTED else ())):
        assert normal[part] and projected[part] > normal[part], (part, normal, projected)
    # The tables become HTML in this mode (a dataframe's canvas keeps the theme's size), larger than body text.
    assert page.evaluate(TABLE_CELL_SIZE) > page.evaluate(BODY_SIZE) * 1.1


@pytest.mark.browser
@pytest.mark.parametrize("name, rows", [("data", 10), ("vocabulary", 20)])
def test_a_projected_table_of_first_rows_shows_every_one(page, name, rows) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/{name}?lang=pt&present=1&sample=sentiment")
    wait_for_app(page)
    page.locator("[class*='st-key-head_table_'] [data-testid='stTable']").first.scroll_into_view_if_needed()
    screenshot(page, f"presentation-{name}-head-table")
    tables = page.evaluate(HEAD_TABLES_SCROLLING)
    assert {"rows": rows, "hidden": False} in tables and not any(table["hidden"] for table in tables)


EARLY_STOPPED = "sample=sentiment&val_fraction=0.2&lr=0.2&epochs=30&patience=1"
STOPPED_EARLY = {"en": "Stopped early", "pt": "Parada antecipada"}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_projected_embeddings_and_runs_keep_chart_titles_clear(page, lang) -> None:
    # An early-stopped run gives the map its longest title (the kept epoch's weights) and Runs a chart.
    page.goto(f"/train?lang={lang}&present=1&{EARLY_STOPPED}")
    wait_for_app(page)
    click(page, "train_start")
    page.wait_for_selector(f"text={STOPPED_EARLY[lang]}", timeout=120_000)
    for name in ("embeddings", "runs"):
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{name}']").first.click()
        wait_for_app(page)
        page.wait_for_selector(".gtitle", timeout=60_000)
        page.wait_for_timeout(500)
        screenshot(page, f"presentation-{name}-{lang}")
        assert page.evaluate(TITLE_CLASHES) == [], name
        assert page.evaluate(CUT_TEXT) == [], name
        assert not any(table["hidden"] for table in page.evaluate(HEAD_TABLES_SCROLLING)), name
    (runs_table,) = page.evaluate(HEAD_TABLES_SCROLLING)  # the Runs table: every run so far, whole
    assert runs_table["rows"] >= 1 and not runs_table["hidden"]
