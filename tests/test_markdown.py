"""The shared Markdown dialect: one converter is reused, so nothing may carry over between texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pratamedbarn.markdown import markdown_text, render, render_inline, render_text, render_text_inline


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


# A Markdown field that Markdown would give back as it is skips the converter (markdown.py):
# the short way must give exactly the HTML of the long way, whatever the field holds.
field_like = st.lists(st.sampled_from([
    "Barnet", "säger", "å", "É", " ", "  ", ",", ".", ":", ";", "!", "?", "%", "(", ")", "”",
    "’", "–", "—", "-", "--", "->", "-->", "<", ">", "&", "'", '"', "1", "2", "st", "nd", "th",
    "/", "c", "r", "tm", "C", "*", "_", "`", "[", "]", "#", "+", "=", "~", "^", "|", "{", "}",
    "\\", "\n", "1. ", "- ", "> ", "    ", "!!! ", "&amp;", "&#39;", "\u00a0",
])).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=st.one_of(field_like, st.text(max_size=40)))
def test_a_plain_line_renders_as_the_converter_would(text: str):
    assert render_text_inline(text) == render_inline(markdown_text(text))
    assert render_text(text) == render(markdown_text(text))


@pytest.mark.parametrize("text", [
    "Barnets bästa (artikel 3) gäller", "Se (c) här", "Den 1st", "Hälften 1/2", "Ja & nej",
    "Han sa ”nej”.", "Hon sa 'ja'", "Sida 3 av 4", "Kl. 14:30 – 15:00", "Barnet, 7 år:",
])
def test_examples_of_plain_lines(text: str):
    assert render_text_inline(text) == render_inline(markdown_text(text))
    assert render_text(text) == render(markdown_text(text))


def test_most_fields_of_the_shipped_content_are_plain_lines(shipped_library):
    """Without this the short way would be dead code: most summaries, steps and items are it."""
    from pratamedbarn.markdown import _PLAIN_LINE

    texts = [film.summary for film in shipped_library.films.values()]
    assert sum(bool(_PLAIN_LINE.fullmatch(markdown_text(t))) for t in texts) > len(texts) / 2
