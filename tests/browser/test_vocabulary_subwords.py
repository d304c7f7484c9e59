"""The Vocabulary page in Chromium with a lesson link that picks BPE: the notebook's tokenizer beside BPE."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app
from textlab.ui.texts import t

UNKNOWN_SPANS = """() => [...document.querySelectorAll('.token-text')]
    .map(view => view.querySelectorAll('.token-span.unknown').length)"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_a_lesson_link_shows_bpe_beside_the_notebook_tokenizer(page, lang) -> None:
    page.goto(f"/vocabulary?lang={lang}&tokenizer=bpe&vocab_size=60")
    wait_for_app(page)
    sentence = page.get_by_role("textbox", name=t("vocabpage.sentence", lang))
    sentence.fill("textos incríveis <i>")
    sentence.press("Enter")
    wait_for_app(page)
    page.get_by_text(t("tokview.compare", lang)).wait_for()
    # The rerun with the typed sentence may start after the wait above: wait for its text in both views.
    page.wait_for_function("() => [...document.querySelectorAll('.token-text')]"
                           ".filter(view => view.innerText.includes('incríveis')).length === 2")
    notebook_unknown, bpe_unknown = page.evaluate(UNKNOWN_SPANS)
    assert notebook_unknown == 3 and bpe_unknown == 2  # BPE knows every piece but the unseen "<" and ">"
    assert page.evaluate("() => document.querySelectorAll('.token-text i').length") == 0  # shown, never run
    assert page.get_by_text(t("option.tokenizer.bpe", lang)).first.is_visible()
    merge = page.get_by_role("spinbutton", name=t("tokview.merge_number", lang, total=27))
    merge.fill("5")
    merge.press("Enter")
    wait_for_app(page)
    fifth = t("tokview.merge_line", lang, number=5, total=27, left="", right="", token="")[:8]  # "Merge 5 "
    page.get_by_text(fifth).first.wait_for()
    screenshot(page, f"vocabulary-bpe-{lang}")
