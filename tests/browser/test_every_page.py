"""Every built page of the shipped site, in the light and the dark palette: axe-core finds no
WCAG 2.1 A/AA violation (in the dark palette, of the rules about colour: all else is the
same in both palettes), and no page asks another host for anything, breaks the
Content-Security-Policy or asks for a file the site does not have.

One visit to each page serves all the checks (checkers.tour): loading a page costs about as
much as axe's run on it. The pages are shared out between two tests, so that two workers
can take them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import SCHEMES, TO_DARK, built_pages, tour

SHARES = 2

#: Every element's colours, in document order.
COLOURS = """() => Array.from(document.querySelectorAll("body *"), element => {
    const style = getComputedStyle(element);
    return [element.tagName, style.color, style.backgroundColor, style.borderColor, style.fill,
            style.outlineColor].join(" ");
})"""


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_passes_axe_and_asks_nothing_of_another_host(browser, base_url, site_dir: Path,
                                                                share: int):
    pages = built_pages(site_dir)
    found = tour(browser, base_url, pages[share::SHARES])
    assert len(pages) > 10, pages
    assert found.palette == []
    assert found.axe == [], f"{len(found.axe)} axe violations:\n" + "\n".join(found.axe)
    assert found.asked == []
    assert found.problems == []


@pytest.mark.parametrize("path", ["", "filmer/samtal-med-tolk/", "ovningar/forsta-minuten/"])
def test_a_page_switched_to_dark_has_the_colours_of_a_page_loaded_dark(browser, base_url, path):
    """The tour switches each page to the dark palette rather than loading it again: that
    must give what a browser that prefers dark shows."""
    dark = browser.new_context(locale="sv-SE", color_scheme="dark")
    page = dark.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES["dark"]
    loaded_dark = page.evaluate(COLOURS)
    dark.close()
    light = browser.new_context(locale="sv-SE", color_scheme="light")
    page = light.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES["light"]
    light_colours = page.evaluate(COLOURS)
    assert page.evaluate(TO_DARK, SCHEMES["dark"]) == SCHEMES["dark"]
    switched = page.evaluate(COLOURS)
    light.close()
    assert switched != light_colours
    assert len(switched) == len(loaded_dark) > 100
    assert [pair for pair in zip(switched, loaded_dark, strict=True) if pair[0] != pair[1]] == []
