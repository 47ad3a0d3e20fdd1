"""The one Markdown dialect of the project, shared by the site and the study guide."""

from __future__ import annotations

import functools

import markdown as _markdown

#: Extensions used for every text, on screen and on paper; the plugin adds them to MkDocs.
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.smartsymbols",
]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False},
}


@functools.cache
def _converter() -> _markdown.Markdown:
    # Setting up the extensions costs more than converting a short text, and the pages
    # convert thousands of them: set up once, reset between texts (builds are single-threaded).
    return _markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render(text: str) -> str:
    """Markdown text to HTML, with the project's extensions."""
    return _converter().reset().convert(text)


def render_inline(text: str) -> str:
    """A one-paragraph Markdown text to HTML without the surrounding <p>."""
    html = render(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
