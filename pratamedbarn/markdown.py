"""The one Markdown dialect of the project, shared by the site and the study guide."""

from __future__ import annotations

import markdown as _markdown

#: Extensions used for every text, on screen and on paper; the plugin adds them to MkDocs.
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.smartsymbols",
]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False},
}


def render(text: str) -> str:
    """Markdown text to HTML, with the project's extensions."""
    return _markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render_inline(text: str) -> str:
    """A one-paragraph Markdown text to HTML without the surrounding <p>."""
    html = render(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
