"""Every built page of the shipped site, in the light and the dark palette: axe-core finds no
WCAG 2.1 A/AA violation (in the dark palette, of the rules about colour: all else is the
same in both palettes), and no page asks another host for anything, breaks the
Content-Security-Policy or asks for a file the site does not have.

One visit to each page serves both checks (checkers.tour): loading a page costs about as
much as axe's run on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import COLOUR_RULES, SCHEMES, built_pages, tour


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe_and_asks_nothing_of_another_host(browser, base_url, site_dir: Path,
                                                                 scheme: str):
    pages = built_pages(site_dir)
    found = tour(browser, base_url, pages, scheme, None if scheme == "light" else COLOUR_RULES)
    assert len(pages) > 10, pages
    assert found.palette == []
    assert found.axe == [], f"{len(found.axe)} axe violations ({scheme}):\n" + "\n".join(found.axe)
    assert found.asked == []
    assert found.problems == []
