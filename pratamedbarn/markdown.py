"""The one Markdown dialect of the project, shared by the site and the study guide.

Content fields are text: a plain-text field (a title, a name) is shown exactly as written,
and a Markdown field (a summary, a step) may use emphasis, links and lists but never HTML.
`plain` and `markdown_text` make either safe to put into a page's Markdown; every link or
image address, in content and hand-written pages alike, is checked by `SafeLinks`.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import escape

#: Extensions used for every text, on screen and on paper; the plugin adds them to MkDocs.
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.smartsymbols",
    "pratamedbarn.markdown:SafeLinks",
]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False},
}

#: Address schemes a link or image may use; anything else (javascript:, data:, vbscript:)
#: could run script when clicked.
SAFE_SCHEMES = {"", "https", "http", "mailto", "tel"}
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
#: A field Markdown would give back as it is, in one paragraph: one line that starts with a
#: letter (no list, heading or block), of words and punctuation that no extension reads
#: (no emphasis, link or code; no symbol such as (c), 1/2 or 1st), with the entities
#: `markdown_text` writes. Most fields are such a line, and the pages have hundreds of them:
#: converting one costs a third of a millisecond, this check a microsecond.
#: tests/test_markdown.py checks that both ways give the same HTML.
_PLAIN_LINE = re.compile(
    r"(?!.*\d[^\W\d_])(?!.*\((?:c|r|tm)\))"
    r"[^\W\d_](?: *(?:[^\W_]|[,.;:?!%()”’–—-]|&(?:amp|\#34|\#39|\#123|\#124|\#125);))*\n*",
    re.IGNORECASE)
# Control characters are no text in HTML, and Python-Markdown marks its placeholders for
# stashed HTML with two of them (\x02, \x03): dropped, so content cannot name a placeholder.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _safe_address(value: str) -> bool:
    # Entities in the Markdown source reach the attribute undecoded and the browser decodes
    # them; urlsplit drops tabs, newlines and leading spaces as the browser does.
    try:
        return urlsplit(html.unescape(value)).scheme.lower() in SAFE_SCHEMES
    except ValueError:  # e.g. an unclosed [ in the host: no browser would follow it either
        return False


class _SafeLinksProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in ("href", "src"):
                value = element.get(name)
                if value is not None and not _safe_address(value):
                    del element.attrib[name]
                    # MkDocs expects an address on every <a> and <img>: the text stays, as
                    # a <span>, and an image's text is its alt text.
                    if element.tag == "img":
                        element.text = element.attrib.pop("alt", "")
                    if element.tag in ("a", "img"):
                        element.tag = "span"


class SafeLinks(Extension):
    """Turns a link or image whose address could run script into its text."""

    def extendMarkdown(self, md: _markdown.Markdown) -> None:
        # After the inline patterns (20) and attribute lists (8) have set every address.
        md.treeprocessors.register(_SafeLinksProcessor(md), "pratamedbarn_safe_links", 1)


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
    html_text = render(text).strip()
    if html_text.startswith("<p>") and html_text.endswith("</p>") and html_text.count("<p>") == 1:
        html_text = html_text[3:-4]
    return html_text


def plain(text: str) -> str:
    """A plain-text field as Markdown (or HTML) that shows it exactly, on one line.

    Only ASCII punctuation means anything to HTML, Markdown or its extensions; as numeric
    character references it is text to all of them, in headings, links, tables and
    admonition titles alike.
    """
    text = " ".join(_CONTROL.sub("", text).split())
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m[0])};", text)


def markdown_text(text: str) -> str:
    """A Markdown field as Markdown that may format but never add HTML or attributes.

    HTML is escaped, so it shows as text; braces are what attribute lists ({: onclick=…})
    and fenced-code attributes are written with, and pipes what tables (with their style
    attributes) are made of: none of them is in the subset, so they show as text too.
    """
    text = str(escape(_CONTROL.sub("", text)))
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("|", "&#124;")


def render_text(text: str) -> str:
    """A Markdown field to HTML."""
    safe = markdown_text(text)
    return f"<p>{_line(safe)}</p>" if _PLAIN_LINE.fullmatch(safe) else render(safe)


def render_text_inline(text: str) -> str:
    """A one-paragraph Markdown field to HTML without the surrounding <p>."""
    safe = markdown_text(text)
    return _line(safe) if _PLAIN_LINE.fullmatch(safe) else render_inline(safe)


def _line(plain_line: str) -> str:
    return plain_line.rstrip("\n")
