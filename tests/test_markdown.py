"""The shared Markdown dialect: one converter is reused, so nothing may carry over between texts."""

from __future__ import annotations

from pratamedbarn.markdown import render, render_inline


def test_abbreviations_do_not_leak_into_the_next_text():
    assert "<abbr" in render("BBIC\n\n*[BBIC]: Barns behov i centrum")
    assert "<abbr" not in render("BBIC")


def test_footnotes_are_numbered_from_one_in_every_text():
    first = render("Ett.[^a]\n\n[^a]: Fotnot.")
    second = render("Två.[^b]\n\n[^b]: Annan fotnot.")
    assert 'id="fn:a"' in first and 'id="fn:b"' in second
    assert "Fotnot." not in second


def test_inline_text_has_no_paragraph():
    assert render_inline("*Påhittat fall.*") == "<em>Påhittat fall.</em>"
