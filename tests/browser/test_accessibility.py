"""axe-core finds no WCAG 2.1 A/AA violation on any built page, in the light and the dark palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import built_pages, run_axe

#: Material's palettes: "default" (light) and "slate" (dark), chosen by prefers-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page(browser, base_url, site_dir: Path, scheme: str):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme)
    page = context.new_page()
    found = []
    pages = built_pages(site_dir)
    for path in pages:
        page.goto(base_url + path)
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        assert shown == SCHEMES[scheme], f"{path}: palette {shown!r}, not {SCHEMES[scheme]!r}"
        found += [f"/{path}: {violation}" for violation in run_axe(page)]
    context.close()
    assert len(pages) > 10, pages
    assert not found, f"{len(found)} axe violations ({scheme}):\n" + "\n".join(found)


def test_axe_reports_an_image_without_alt_text(page, broken_url):
    page.goto(broken_url + "trasig/")
    violations = run_axe(page)
    assert any(v.startswith("image-alt ") for v in violations), violations
