"""Links between the site's own pages, checked as the engine's strict build checks them.

MkDocs (`validation:` in mkdocs.yml, `--strict`) stops the build on a Markdown link to a file
that is not among the site's files, on an absolute or unrecognised link, and on a link to an
anchor the target page does not have. The same rules are applied here to every hand-written
page and to every generated page that content text reaches, so `make check` finds in a second
what the build would refuse after a minute, and says it in Swedish on the line it is written on.
Pages are converted with the extensions the build uses (MkDocs' defaults and markdown.py's),
so headings get the same slugs.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown as _markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .errors import ContentProblem, closest
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .yamlsource import YamlSource

#: The extensions MkDocs always loads before those of mkdocs.yml and the plugin.
ENGINE_EXTENSIONS = ["toc", "tables", "fenced_code"]
#: A Markdown link in content text: inline `](`, or a reference `]:` or `][`.
_CONTENT_LINK = re.compile(r"\]\s*[(:\[]")
_FRONT_MATTER = re.compile(r"\A-{3}\s*\n.*?\n(?:-{3}|\.{3})\s*\n", re.DOTALL)


@dataclass
class _Found:
    """What one page has: its anchors, and its links in the order they are written."""

    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    #: The addresses of links in raw HTML, which the engine neither checks nor rewrites.
    raw_links: list[str] = field(default_factory=list)


class _RawIds(HTMLParser):
    def __init__(self, found: _Found):
        super().__init__()
        self.found = found

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.found.anchors.add(value)
            elif value and name == "href" and tag == "a":
                self.found.raw_links.append(value)


class _RawHtml(Preprocessor):
    """Notes the ids and links of a page's raw HTML, before Markdown sets it aside."""

    def __init__(self, md: _markdown.Markdown, pages: _Pages):
        super().__init__(md)
        self.pages = pages

    def run(self, lines: list[str]) -> list[str]:
        parser = _RawIds(self.pages.found)
        parser.feed("\n".join(lines))
        parser.close()
        return lines


class _Tree(Treeprocessor):
    """Notes every id and every Markdown link of a page, as MkDocs' own processors do."""

    def __init__(self, md: _markdown.Markdown, pages: _Pages):
        super().__init__(md)
        self.pages = pages

    def run(self, root) -> None:
        found = self.pages.found
        for element in root.iter():
            for name in ("id", "name") if element.tag == "a" else ("id",):
                if element.get(name):
                    found.anchors.add(element.get(name))
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key and element.get(key) is not None:
                found.links.append(element.get(key))


class _Pages:
    """Converts pages on demand, once each, with one Markdown instance."""

    def __init__(self, markdown_of: Mapping[str, Callable[[], str]]):
        self.markdown_of = markdown_of
        self._md = _markdown.Markdown(extensions=ENGINE_EXTENSIONS + EXTENSIONS,
                                      extension_configs=EXTENSION_CONFIGS)
        # Where MkDocs puts its own: before raw HTML is stashed, and after every id is set.
        self._md.preprocessors.register(_RawHtml(self._md, self), "pmb_raw_html", 21)
        self._md.treeprocessors.register(_Tree(self._md, self), "pmb_links", 0)
        #: What the page being converted has.
        self.found = _Found()
        self._found: dict[str, _Found] = {}

    def __getitem__(self, uri: str) -> _Found:
        if uri not in self._found:
            self.found = _Found()
            self._md.reset().convert(_FRONT_MATTER.sub("", self.markdown_of[uri]()))
            self._found[uri] = self.found
        return self._found[uri]


def _closest_page(target: str, files: set[str]) -> str | None:
    """The page most like `target` by its name, in `target`'s folder (or in any, when that
    folder has no pages: a misspelt folder)."""
    def stem(path: str) -> str:
        return posixpath.splitext(posixpath.basename(path))[0]

    pages = [f for f in files if f.endswith(".md")]
    among = [f for f in pages if posixpath.dirname(f) == posixpath.dirname(target)] or pages
    by_stem = {stem(f): f for f in sorted(among, reverse=True)}  # the first in order wins a tie
    name = closest(stem(target), by_stem)
    return by_stem[name] if name else None


def _problem(page: str, link: str, files: set[str], pages: _Pages) -> str | None:
    """What is wrong with `link` on `page` (a path under docs/), in Swedish, or None."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or AMP_SUBSTITUTE in link:  # AMP_SUBSTITUTE: an e-mail address
        return None
    path, anchor = unquote(parts.path), parts.fragment
    if link.startswith(("/", "\\")):
        return (f"länken '{link}' börjar med /, och sådana länkar kontrolleras inte och går "
                "sönder om webbplatsen flyttas. Skriv vägen till sidans .md-fil räknat från den "
                "här sidan, till exempel '../filmer/inleda-samtalet.md'.")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if target not in files:
        here = posixpath.dirname(page) or "."
        guess = _closest_page(target, files)
        advice = (f"Menade du '{posixpath.relpath(guess, here)}{'#' + anchor if anchor else ''}'?"
                  if guess else "Kontrollera namnet: en sida som görs från innehållsfilerna "
                  "heter som sitt id, och vägen räknas från mappen där sidan med länken ligger.")
        return f"länken '{link}' leder till en sida som inte finns (docs/{target}). {advice}"
    if anchor and target in pages.markdown_of and anchor not in pages[target].anchors:
        guess = closest(anchor, pages[target].anchors)
        advice = (f"Menade du '#{guess}'?" if guess else
                  "Ankaret är rubrikens text med små bokstäver och bindestreck, utan å, ä och ö.")
        return (f"sidan docs/{target} har ingen rubrik eller plats med ankaret '#{anchor}'. "
                f"{advice}")
    return None


def _raw_problem(link: str) -> str | None:
    """What is wrong with a link to a page's .md file that reaches a page as raw HTML."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return None
    # Such a text (a checklist item, a quiz text, a step of a session) is laid out as HTML
    # before the engine sees the page: a link to a .md file would stay one and lead nowhere.
    return (f"länken '{link}' står i en text där länkar till webbplatsens egna sidor inte "
            "fungerar. Ta bort länken, eller skriv den i en annan text (se Vad du kan skriva "
            "i texterna i redaktörshandboken).")


def _messages(page: str, files: set[str], pages: _Pages, generated: bool) -> Iterator[tuple[str, str | None]]:
    """Each link on `page` with what is wrong with it, or None."""
    for link in pages[page].links:
        yield link, _problem(page, link, files, pages)
    for link in pages[page].raw_links if generated else ():
        yield link, _raw_problem(link)


def _line_in(lines: list[str], link: str) -> int | None:
    return next((n for n, line in enumerate(lines, 1) if link in line), None)


def _field_at(source: YamlSource, line: int, link: str) -> str:
    """The text field whose value holds `link` and starts on or before `line`."""
    best = None
    for loc, start in source.lines.items():
        if start <= line and (best is None or start >= best[1]):
            value = source.data
            for part in loc:
                value = value[part]
            if isinstance(value, str) and link in value:
                best = (loc, start)
    return source.where(best[0]) if best else ""


def _place(page: str, link: str, written: Mapping[str, list[str]],
           sources: Mapping[str, YamlSource]) -> tuple[str, int, str]:
    """Where an editor wrote `link` found on `page`: the page itself when hand-written, else
    a content file, or a news post (whose first paragraph the news page shows)."""
    if page in written:
        return f"docs/{page}", _line_in(written[page], link) or 1, ""
    for name, source in sources.items():
        line = _line_in(source.text, link)
        if line:
            return name, line, _field_at(source, line, link)
    for uri, lines in written.items():
        line = _line_in(lines, link)
        if line and posixpath.dirname(uri) == posixpath.dirname(page):
            return f"docs/{uri}", line, ""
    return f"docs/{page}", 1, ""


def hand_written_pages(docs: Path, generated: Iterable[str]) -> dict[str, Path]:
    """The Markdown pages under `docs` the engine reads, by their path under docs/."""
    pages = {path.relative_to(docs).as_posix(): path for path in sorted(docs.rglob("*.md"))}
    # MkDocs leaves out files and folders whose names start with a dot.
    return {uri: path for uri, path in pages.items() if uri not in set(generated)
            and not any(part.startswith(".") for part in uri.split("/"))}


def link_problems(docs: Path, generated: Mapping[str, str], other_files: Iterable[str],
                  sources: Mapping[str, YamlSource],
                  finish: Callable[[str, str], str]) -> list[ContentProblem]:
    """Every broken link to the site's own pages, files and anchors.

    `generated` is each generated page's Markdown (by its path under docs/), `other_files` the
    other files a build adds, `sources` the content files, `finish` what the build does to a
    page's Markdown before the engine reads it (uri, Markdown → Markdown). Generated pages are
    only read when a content file has a link: their own links are the code's.
    """
    written = {uri: path.read_text(encoding="utf-8")
               for uri, path in hand_written_pages(docs, generated).items()}
    files = ({p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
             | set(generated) | set(other_files))
    pages = _Pages({uri: functools.partial(finish, uri, text)
                    for uri, text in {**generated, **written}.items()})
    to_read = list(written)
    if any(_CONTENT_LINK.search(line) for s in sources.values() for line in s.text
           if not line.lstrip().startswith("#")):
        to_read += list(generated)
    lines = {uri: text.splitlines() for uri, text in written.items()}
    problems = set()
    for page in to_read:
        for link, message in _messages(page, files, pages, page in generated):
            if message:
                file, line, where = _place(page, link, lines, sources)
                if not file.startswith("docs/"):  # content text, shown on several pages
                    message += f" Länken står på sidan docs/{page}."
                problems.add(ContentProblem(file, line, where, message))
    return sorted(problems, key=lambda p: (p.file, p.line, p.message))
