"""The embedding map in Chromium: clicking a point selects its token and lists its neighbours."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_app

MAP = ".st-key-emb_map .js-plotly-plot"
# Page coordinates of the first trace's point whose label is the token: plotly's own axis maps.
POINT = f"""token => {{
  const g = document.querySelector('{MAP}');
  const trace = g._fullData.find(t => t.hovertext && t.hovertext.some(h => h.startsWith(token + ' ')));
  const i = trace.hovertext.findIndex(h => h.startsWith(token + ' '));
  const box = g.querySelector('.nsewdrag').getBoundingClientRect();
  const layout = g._fullLayout;
  return {{x: box.left + layout.xaxis.l2p(trace.x[i]), y: box.top + layout.yaxis.l2p(trace.y[i])}};
}}"""


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "title", "present"), [("en", "Nearest neighbours of “texto”", 0),
                                                         ("pt", "Vizinhos mais próximos de “texto”", 1)])
def test_clicking_a_point_shows_its_neighbours(browser, app_url, lang, title, present) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US", base_url=app_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto("/")
        wait_for_app(page)
        page.goto(f"/embeddings?lang={lang}&present={present}")
        wait_for_app(page)
        page.wait_for_selector(MAP)
        page.locator(MAP).first.scroll_into_view_if_needed()  # a rerun may briefly keep the old chart too
        page.wait_for_timeout(500)
        point = page.evaluate(POINT, "texto")
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(f"text={title}", timeout=30_000)
        wait_for_app(page)
        assert page.locator(".st-key-emb_search input").input_value() == "texto"
        rows = page.locator("[data-testid='stTable']").first.locator("tbody tr")
        neighbours = [rows.nth(index).locator("td, th").first.inner_text().strip() for index in range(rows.count())]
        assert len(neighbours) == 5 and "texto" not in neighbours and "<PAD>" not in neighbours, neighbours
        screenshot(page, f"embeddings-selected-{lang}-present-{present}")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "present"), [("en", 1), ("pt", 0)])
def test_t_sne_map_arrives_without_reloading_the_page(browser, app_url, lang, present) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US", base_url=app_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto("/")
        wait_for_app(page)
        page.goto(f"/embeddings?lang={lang}&present={present}")
        wait_for_app(page)
        page.locator(".st-key-emb_projection button", has_text="t-SNE").click()
        # The fragment polls the background job and reruns the page once the map is ready.
        page.wait_for_function(f"() => {{ const g = document.querySelector('{MAP}');"
                               " return g && g.layout.xaxis.title.text === 't-SNE 1'; }", timeout=60_000)
        wait_for_app(page)
        screenshot(page, f"embeddings-tsne-top-{lang}-present-{present}")
        page.locator(".st-key-emb_search input").fill("texto")
        page.keyboard.press("Enter")
        wait_for_app(page)
        page.wait_for_function(f"() => document.querySelector('{MAP}').data.length > 2")
        page.locator(MAP).first.scroll_into_view_if_needed()  # a rerun may briefly keep the old chart too
        screenshot(page, f"embeddings-tsne-{lang}-present-{present}")
    finally:
        context.close()
