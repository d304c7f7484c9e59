"""Presentation mode in Chromium: every text it should enlarge is larger, and no label is cut.

Measured on the Batches and Train pages at 1280×800 and 1920×1080, mode off then on: the computed
font size of a metric value, of a chart title (plotly's SVG ``.gtitle``) and of a tick label
(``.xtick text``); and every element that clips its text (overflow or an ellipsis) must show it
whole (its ``scrollWidth`` fits its ``clientWidth``).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app

VIEWPORTS = [(1280, 800), (1920, 1080)]
# The first metric value, chart title and x tick label on the page, in px.
FONT_SIZES = """() => {
  const size = selector => { const element = document.querySelector(selector);
                             return element ? parseFloat(getComputedStyle(element).fontSize) : null; };
  const metric = document.querySelector('[data-testid="stMetricValue"] p')
                 ? '[data-testid="stMetricValue"] p' : '[data-testid="stMetricValue"]';
  return {metric: size(metric), title: size('.gtitle'), tick: size('.xtick text')};
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


def click(page, key: str) -> None:
    page.locator(f".st-key-{key} button:visible").click()


FINISHED = {"en": "Finished", "pt": "Concluído"}


def open_page(page, name: str, present: bool, lang: str = "en") -> None:
    page.goto(f"/{name}?lang={lang}&present={int(present)}")
    wait_for_app(page)
    if name == "train":  # metrics and ticks appear once a run has trained: the notebook's, a second
        click(page, "train_start")
        page.wait_for_selector(f"text={FINISHED[lang]}", timeout=60_000)
        wait_for_app(page)
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
@pytest.mark.parametrize("sized_page", VIEWPORTS, indirect=True, ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("name", ["batches", "train"])
@pytest.mark.parametrize("lang", ["en", "pt"])  # Portuguese labels are longer ("Configurações sugeridas")
def test_presentation_mode_enlarges_text_and_cuts_none(sized_page, name, lang) -> None:
    page, width = sized_page
    sizes = {}
    for present in (False, True):
        open_page(page, name, present, lang)
        sizes[present] = page.evaluate(FONT_SIZES)
        screenshot(page, f"presentation-{name}-{lang}-{width}-{'on' if present else 'off'}")
        assert page.evaluate(CUT_TEXT) == [], f"cut with presentation {'on' if present else 'off'}"
    normal, projected = sizes[False], sizes[True]
    for part in ("metric", "title", "tick"):
        assert normal[part] and projected[part] > normal[part], (part, normal, projected)
