"""The Data, Vocabulary and Batches pages in Chromium: pasted texts become token2idx and padded batches,
and text that looks like HTML or Markdown is shown as typed, never run or formatted."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from tests.conftest import NOTEBOOK_TEXTS

NOTEBOOK_FIRST_BATCH = "tensor([[2, 3, 4, 5, 0],\n        [6, 7, 4, 3, 2]])"
ATTACKS = ('<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>")
PAGES = ("", "data", "vocabulary", "batches", "train", "embeddings", "runs")
# The cells of the page's first table, as its accessible (off-screen) grid holds them.
TABLE_ROWS = """() => [...(document.querySelector("[data-testid='stDataFrame']")?.querySelectorAll('table tr') || [])]
    .map(row => [...row.querySelectorAll('td')].map(cell => cell.innerText))"""
CODE_SHOWN = """expected => [...document.querySelectorAll("[data-testid='stCode'] code")]
    .some(code => code.innerText.trim() === expected)"""
TIMEOUT = 60_000


def open_app(page, name: str, lang: str = "en", present: bool = False) -> None:
    """Open the start page, then ``name`` through the navigation, as a student clicks their way there."""
    page.goto(f"/?lang={lang}&present={int(present)}")
    wait_for_app(page)
    go_to(page, name)


def go_to(page, name: str) -> None:
    """Follow the sidebar link: the session (and the pasted data) stays; a new URL would start afresh."""
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{name}']").first.click()
    wait_for_app(page)


def paste(page, texts: list[str]) -> None:
    """Type the texts into the Data page's text box and apply them."""
    box = page.locator(".st-key-data_text_box textarea")
    box.fill("\n".join(texts))
    page.locator("[data-testid='stButton'] button").first.click()
    wait_for_app(page)


@pytest.mark.browser
def test_pasted_notebook_texts_become_its_token2idx_and_first_batch(page) -> None:
    open_app(page, "data")
    paste(page, ["zebra girafa", "leão"])  # other data first, so the notebook's ids must come from the paste
    paste(page, list(NOTEBOOK_TEXTS))
    screenshot(page, "data-notebook")

    go_to(page, "vocabulary")
    page.wait_for_function(f"() => ({TABLE_ROWS})().some(row => row[0] === '10' && row[1] === 'incrível')",
                           timeout=TIMEOUT)
    rows = [row for row in page.evaluate(TABLE_ROWS) if row]
    assert [row[1] for row in rows] == ["<PAD>", "<UNK>", "exemplo", "de", "texto", "1", "mais", "um", "PyTorch",
                                        "é", "incrível"]
    screenshot(page, "vocabulary-notebook")

    go_to(page, "batches")
    page.locator(".st-key-cfg_shuffle label").first.click()  # the notebook check: shuffle off
    wait_for_app(page)
    page.wait_for_function(CODE_SHOWN, arg=NOTEBOOK_FIRST_BATCH, timeout=TIMEOUT)
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "batches-notebook")


@pytest.mark.browser
def test_html_in_the_texts_is_shown_as_text_and_never_runs(page) -> None:
    open_app(page, "data", lang="pt")
    paste(page, list(ATTACKS))
    for name in PAGES[1:] + PAGES[:1]:
        if name:
            go_to(page, name)
        else:
            page.locator("[data-testid='stSidebarNav'] a").first.click()
            wait_for_app(page)
        assert page.locator("[data-testid='stException']").count() == 0, name
        if name == "vocabulary":
            sentence = page.locator(".st-key-vocab_sentence input")
            sentence.fill(ATTACKS[0])
            sentence.press("Enter")
            wait_for_app(page)
            chips = page.locator(".token-chips")
            page.wait_for_function("() => document.querySelector('.token-chips')?.innerText.includes('<img')",
                                   timeout=TIMEOUT)
            assert chips.locator("img").count() == 0
            screenshot(page, "vocabulary-escaped-pt")
        if name == "batches":
            heatmap = page.locator(".js-plotly-plot").first
            heatmap.scroll_into_view_if_needed()
            box = heatmap.bounding_box()
            page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)  # a hover label
            page.wait_for_timeout(500)
            screenshot(page, "batches-escaped-pt")
        assert page.evaluate("() => window.__xss") is None, f"a script ran on the {name or 'start'} page"
    go_to(page, "data")
    page.wait_for_function(f"attacks => attacks.every(text => ({TABLE_ROWS})().some(row => row.includes(text)))",
                           arg=list(ATTACKS), timeout=TIMEOUT)  # shown literally in the table
    assert page.locator("img[src='x']").count() == 0


MARKDOWN = ("# título *olá* [link](http://example.com) :red[vermelho]", "a_b_c 1. item `code` $x^2$")


@pytest.mark.browser
def test_markdown_in_the_texts_is_shown_as_typed_in_projected_tables(page) -> None:
    # Presentation mode draws the batch as an HTML table, whose cells Streamlit reads as Markdown.
    open_app(page, "data", lang="pt", present=True)
    paste(page, list(MARKDOWN))
    go_to(page, "batches")
    page.locator(".st-key-cfg_shuffle label").first.click()  # both texts in the first batch, in order
    wait_for_app(page)
    table = page.locator("[data-testid='stTable']").first
    table.wait_for(timeout=TIMEOUT)
    shown = table.inner_text()
    assert all(text in shown for text in MARKDOWN), shown
    # No heading, emphasis, code or formula; a bare address still becomes a link to itself (GFM), as typed.
    assert table.locator("h1, em, code, .katex").count() == 0, table.inner_html()
    assert table.locator("a").all_inner_texts() == ["http://example.com"]
    screenshot(page, "batches-markdown-pt")
