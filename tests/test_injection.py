"""No text in a content field can put an element or attribute into a page or the study guide
that the templates do not write themselves, and plain-text fields are shown as written.

The texts are put into the Library without validation (`model_copy`), so the pages are
safe on their own; the content check refusing HTML (test_errors.py) is a second guard.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from pydantic import BaseModel

from helpers import GOOD, mkdocs_build, site_project
from pratamedbarn import kinds
from pratamedbarn.kinds import kind
from pratamedbarn.library import load_library
from pratamedbarn.markdown import render
from pratamedbarn.models import RefTo
from pratamedbarn.pages import build_nav, build_pages, site_pages
from pratamedbarn.study_guide import Publication, render_html
from pratamedbarn.version import Version

LIBRARY = load_library(GOOD)

#: Fields whose values are checked to a fixed form (ids, addresses, file paths, choices);
#: every other string in the content is text an editor writes freely.
FORMAL = {"id", "aliases", "theme", "film", "exercise", "checklist", "checklists", "exercises",
          "references", "file", "youtube", "vimeo", "embed", "poster", "captions", "url",
          "embed_hosts", "formats", "kind", "card", "space", "icon"}

#: What the templates and the Markdown subset write. Nothing here runs script.
ALLOWED_TAGS = {
    "a", "abbr", "article", "blockquote", "br", "button", "caption", "cite", "code", "dd",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "img", "input", "label", "li", "main", "nav", "noscript", "ol", "p",
    "pre", "section", "source", "span", "strong", "sup", "summary", "table", "tbody", "td",
    "th", "thead", "time", "tr", "track", "ul", "video",
    # The self-check questions, the self-rating and the certificate's name field.
    "fieldset", "legend", "form",
    # The study guide's own document, and the icons it draws.
    "html", "head", "body", "meta", "title", "footer", "aside", "colgroup", "col", "link",
    "svg", "path",
    # The start page's progress bar a theme.
    "progress",
}
ALLOWED_ATTRIBUTES = {
    "accept", "alt", "class", "colspan", "content", "controls", "datetime", "default",
    "download", "for", "height", "hidden", "href", "id", "kind", "label", "lang", "name",
    "open", "poster", "preload", "rel", "role", "scope", "src", "srclang", "start", "title",
    "type", "width", "charset", "viewbox", "d", "fill", "stroke", "stroke-width",
    "stroke-linejoin",
    # The start page's bars and lazy thumbnails.
    "max", "value", "loading", "decoding",
    # The radio buttons of the self-check and the self-rating, and the certificate's name.
    "disabled", "required", "autocomplete",
}
URL_ATTRIBUTES = {"href", "src", "poster", "data-embed-src"}
SAFE_SCHEMES = {"", "https", "http", "mailto", "data"}

# Arbitrary text, and text made of what HTML and Markdown give meaning to.
FRAGMENTS = [
    "<script>alert(1)</script>", "<b>", "</title>", "<img src=x onerror=alert(1)>", "&", "<",
    ">", "&lt;", "&#60;", "&#58;", "[x](javascript:alert(1))", "[x](JaVa\tscript:alert(1))",
    "![x](javascript:alert(1))", "[r]: javascript:alert(1)\n", "[y][r]", "`", "```", "*", "_",
    "{: onclick=\"alert(1)\" }", "{ #x onclick=alert(1) }", "{", "}", "\n", "\n\n", "    ",
    "!!! note \"x\"\n    ", "??? note", "| a |\n|:--|\n| b |\n", "<div markdown>", "</div>",
    "[^1]", "[^1]: x\n", "*[HTML]: x\n", ": ", "# ", "- ", "1. ", "> ", "\\", "\"", "'", "(c)",
    "<https://x.se>", "<!--", "-->", "<?", "<!DOCTYPE", "text", "Barn < 3 år ",
]
# Python-Markdown's own placeholders for stashed HTML.
PLACEHOLDERS = ["\x02wzxhzdk:0\x03", "\x02klzzwxh:0\x03"]
TEXTS = st.one_of(
    st.text(), st.lists(st.sampled_from(FRAGMENTS + PLACEHOLDERS), max_size=12).map("".join))
# Control characters are no text in HTML: the pages drop them (markdown.py).
PRINTABLE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cc", "Cs"))),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))


def with_text(value, text: str):
    """`value` with every free-text string in it replaced by `text`, without validation."""
    if isinstance(value, BaseModel):
        return value.model_copy(update={
            name: with_text(getattr(value, name), text)
            for name, info in type(value).model_fields.items()
            if name not in FORMAL and not any(isinstance(m, RefTo) for m in info.metadata)})
    if isinstance(value, list):
        return [with_text(item, text) for item in value]
    if isinstance(value, dict):
        return {key: with_text(item, text) for key, item in value.items()}
    return text if isinstance(value, str) else value


def library_with(text: str):
    files = {name: with_text(model, text) for name, model in LIBRARY.files.items()}
    items = {kind.name: with_text(LIBRARY.items[kind.name], text) if kind.folder
             else {item.id: item for item in getattr(files[kind.file], kind.field)}
             for kind in kinds.REGISTRY.values()}
    return dataclasses.replace(LIBRARY, files=files, items=items)


def unsafe(html: str) -> list[str]:
    """Elements and attributes outside the allowlist, and addresses that could run script."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name not in ALLOWED_TAGS:
            found.append(f"<{element.name}>")
        for name, value in element.attrs.items():
            if name not in ALLOWED_ATTRIBUTES and not name.startswith(("data-", "aria-")):
                found.append(f"<{element.name} {name}>")
            if name in URL_ATTRIBUTES and urlsplit(value).scheme.lower() not in SAFE_SCHEMES:
                found.append(f"<{element.name} {name}={value!r}>")
    return found


def nav_titles(nav: list) -> list[str]:
    titles = []
    for entry in nav:
        for title, target in entry.items() if isinstance(entry, dict) else ():
            titles.append(title)
            titles += nav_titles(target) if isinstance(target, list) else []
    return titles


def page_html(markdown: str) -> str:
    """A generated page as MkDocs renders it: front matter off, the rest through Markdown."""
    return render(get_data(markdown)[0])


@settings(max_examples=40, deadline=None)
@given(text=TEXTS)
def test_no_text_in_any_field_adds_an_element_or_attribute(text: str):
    library = library_with(text)
    for path, markdown in build_pages(library).items():
        assert unsafe(page_html(markdown)) == [], path
    guide = render_html(library, Publication("https://exempel.se/", "FoU"), Version(None, None))
    assert unsafe(guide) == [], "studiehandledning"


@settings(max_examples=40, deadline=None)
@given(text=PRINTABLE)
def test_a_plain_text_field_is_shown_as_written(text: str):
    library = library_with(text)
    written = " ".join(text.split())
    film = next(iter(library.films.values()))
    page = BeautifulSoup(page_html(build_pages(library)[kind("film").path(film.id)]), "html.parser")
    assert page.h1.get_text() == written
    # Navigation titles are HTML to MkDocs and Material.
    shown = [BeautifulSoup(title, "html.parser") for title in nav_titles(build_nav(site_pages(library)))]
    assert all(title.find(True) is None for title in shown)
    assert written in [" ".join(title.get_text().split()) for title in shown]


def test_html_in_a_markdown_field_is_shown_as_text():
    checklist = next(iter(LIBRARY.checklists.values()))
    item = checklist.items[0].model_copy(update={"text": "Barn < 3 år & <b>unga</b>"})
    library = dataclasses.replace(LIBRARY, items={**LIBRARY.items, "checklist": {
        **LIBRARY.checklists, checklist.id: checklist.model_copy(
            update={"items": [item, *checklist.items[1:]]})}})
    page = BeautifulSoup(page_html(build_pages(library)[f"checklistor/{checklist.id}.md"]),
                         "html.parser")
    assert page.select_one("label").get_text() == "Barn < 3 år & <b>unga</b>"
    assert page.select("label b") == []


def test_a_javascript_link_or_image_in_markdown_is_only_text():
    html = render("[klicka](javascript:alert(1)) och [här](java&#x09;script&#58;alert(1)) och "
                  "![bild](javascript:alert(1)) och [bra](https://exempel.se/)")
    shown = BeautifulSoup(html, "html.parser")
    assert [link["href"] for link in shown.find_all("a")] == ["https://exempel.se/"]
    assert shown.find("img") is None
    assert shown.get_text() == "klicka och här och bild och bra"


# Text that passes the content check yet means something to Markdown, its attribute lists
# or a browser: built by MkDocs and Material, it must show as written and never act.
TITLE = 'Barn < 3 år & "unga" *inte* {: onclick="pmbEvil()" }'
SUMMARY = 'Se [här](javascript:pmbEvil()) och *detta*{: onclick="pmbEvil()" }.'


def test_a_site_built_from_odd_but_valid_text_shows_it_and_runs_nothing(tmp_path: Path,
                                                                         content: Path):
    videos = content / "videos.yaml"
    text = videos.read_text(encoding="utf-8")
    text = text.replace("title: Hur förbereder jag mig?", f"title: '{TITLE}'", 1)
    text = text.replace("summary: Panelen berättar hur de förbereder sig.",
                        f"summary: '{SUMMARY}'", 1)
    videos.write_text(text, encoding="utf-8")
    result = mkdocs_build(site_project(tmp_path, content), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"

    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        acting = [element for element in soup.find_all(True)
                  if any("pmbEvil" in str(value) for value in element.attrs.values())]
        assert acting == [], page
    film = BeautifulSoup((site / "filmer" / "forbereda-samtalet" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert film.select_one("article h1").get_text() == TITLE
    assert film.title.get_text().startswith(TITLE)
    assert TITLE in [a.get_text(" ", strip=True) for a in film.select("nav.md-nav--primary a")]
    # The summary is Markdown and may format; the title is plain text and may not.
    emphasised = [em.get_text() for em in film.select("article em")]
    assert "detta" in emphasised and "inte" not in emphasised
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert BeautifulSoup(titles["filmer/forbereda-samtalet/"], "html.parser").get_text() == TITLE
