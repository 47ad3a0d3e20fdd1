"""axe-core finds the violations it should; test_every_page.py runs it on every built page."""

from __future__ import annotations

from checkers import run_axe


def test_axe_reports_an_image_without_alt_text(page, broken_url):
    page.goto(broken_url + "trasig/")
    violations = run_axe(page)
    assert any(v.startswith("image-alt ") for v in violations), violations
