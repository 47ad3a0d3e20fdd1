"""The site's generated pages: a pure function from the Library to {path: Markdown}.

`site_pages` lists every page with its template, its sources and its place in the menu;
`build_pages` renders them, `build_nav` makes the menu. No engine import here: `generate.py`
writes the pages as files for any engine, and `plugin.py` hands them to MkDocs.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import escape

from . import kinds
from .library import Library
from .markdown import markdown_text, plain, render_text_inline
from .models import Publisher
from .player import aliases_attr, player_html
from .publisher import SITE_FILE, placeholder
from .sessions import session_views
from .thumbnails import thumbnail_path
from .urls import (
    CARDS_NAME,
    CERTIFICATE_PATH,
    CONFIDENCE_PATH,
    FEED_NAME,
    MY_NOTES_PATH,
    NEWS_DIR,
    NEWS_INDEX,
    PDF_NAME,
    RESEARCH_PATH,
    START_PATH,
    STUDY_GUIDE_PATH,
    page_url,
)
from .wording import (
    about_hours,
    clock,
    count,
    exercise_time,
    formats,
    hours_minutes,
    megabytes,
    swedish_date,
)

#: The site's name when mkdocs.yml gives none.
DEFAULT_SITE_NAME = "Prata med barn"


#: The search label of a page that is no item of a kind: hand-written pages, the start page.
PAGE_LABEL = "Sida"


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, what makes it, and where it sits in the menu."""

    path: str  #: the source path under docs/, such as "filmer/inleda-samtalet.md"
    template: str
    context: dict = field(default_factory=dict, compare=False)
    #: The content files (relative to the root) it is made from: its "Senast uppdaterad".
    sources: tuple[str, ...] = ()
    #: The menu section it sits in; None: the top level.
    section: str | None = None
    #: Its entry in the menu; None in a section: the section's own page.
    title: str | None = None
    in_nav: bool = True
    #: What search results call it: a kind's label ("Film"), or PAGE_LABEL.
    label: str = PAGE_LABEL
    #: Left out of search: pages that list other pages, the learner's own notes.
    searchable: bool = True


def page_meta(page: Page | None) -> dict:
    """The front matter a page gets from the build (None: a hand-written page): its label in
    search results (Material shows a page's `tags` beside each result), or `search: exclude`."""
    if page and not page.searchable:
        return {"search": {"exclude": True}}
    meta: dict = {"tags": [page.label if page else PAGE_LABEL]}
    if page and page.label != PAGE_LABEL:
        # A film, checklist or exercise is what a learner searches for: it comes before a
        # page that only mentions the word (Material's per-page `search: boost`), and the
        # film, where each question starts, before its checklist and exercise.
        meta["search"] = {"boost": FILM_BOOST if page.label == kinds.kind("film").heading
                          else ITEM_BOOST}
    return meta


#: How much more an item page weighs in search than other pages; a film a little more.
ITEM_BOOST = 2
FILM_BOOST = 3


def site_pages(library: Library) -> list[Page]:
    """Every generated page of the site, in the order of the menu."""
    theme, film = kinds.kind("theme"), kinds.kind("film")
    pages = [Page(START_PATH, "start.md.j2", sources=("site.yaml", "videos.yaml"), title="Start")]
    # Films in the order of the themes: "Föregående" and "Nästa film" on each film's page.
    order = [f for t in library.videos.themes for f in library.films_in(t.id)]
    position = {f.id: at for at, f in enumerate(order)}
    # The sessions that show a film, numbered as the study guide numbers them.
    shown_in: dict[str, list] = {}
    for number, session in enumerate(library.study_guide.sessions, start=1):
        for step in session.plan:
            if step.film:
                shown_in.setdefault(step.film, []).append((number, session))
    for t in library.videos.themes:
        films = library.films_in(t.id)
        pages.append(Page(theme.path(t.id), theme.template, {"theme": t, "films": films},
                          ("videos.yaml",), section=t.title, label=theme.heading,
                          searchable=False))
        for f in films:
            at = position[f.id]
            context = {"film": f, "theme": t, "previous": order[at - 1] if at else None,
                       "next": order[at + 1] if at + 1 < len(order) else None,
                       "sessions": shown_in.get(f.id, []),
                       "handouts": [h for h in library.items["handout"].values() if f.id in h.films]}
            # Dated by the film alone: a new link to a session is no news about the film.
            pages.append(Page(film.path(f.id), film.template, context, ("videos.yaml",),
                              section=t.title, title=f.title, label=film.heading))
    for kind in kinds.with_pages():
        if kind.section:
            pages += _section_pages(library, kind)
    notes_sources = [kind.source(i) for kind in kinds.REGISTRY.values() if kind.storage
                     for i in library.items[kind.name]]
    pages += [
        Page(MY_NOTES_PATH, "my_notes.md.j2",
             sources=tuple(dict.fromkeys([*notes_sources, "site.yaml"])),
             title="Mina anteckningar", searchable=False),
        # Reached from Mina anteckningar and the start page, not the menu on every page.
        Page(CONFIDENCE_PATH, "confidence.md.j2", sources=("site.yaml",),
             title="Hur trygg känner du dig?", searchable=False, in_nav=False),
        Page(CERTIFICATE_PATH, "certificate.md.j2", _certificate_context(library),
             sources=tuple(dict.fromkeys([*notes_sources, "site.yaml"])),
             title="Kursintyg", searchable=False, in_nav=False),
        *_study_guide_pages(library),
        Page(RESEARCH_PATH, "research.md.j2", sources=("references.yaml",),
             title="Forskning och lagar"),
    ]
    if library.news:
        pages.append(Page(NEWS_INDEX, "news.md.j2", title="Nyheter", searchable=False,
                          sources=tuple(f"docs/{post.path}" for post in library.news)))
    return pages + _moved_pages(library)


def _certificate_context(library: Library) -> dict:
    # The course's length for a learner alone: every film, and every exercise as she does it.
    minutes = (sum(f.duration for f in library.films.values()) / 60
               + sum((e.solo or e).minutes for e in library.exercises.values()))
    return {"length": about_hours(round(minutes))}


def _study_guide_pages(library: Library) -> list[Page]:
    # The guide's page (with the PDFs), then a page a session for the meeting room. The
    # sessions are reached from the guide's page and their films, not from the menu: every
    # page carries the menu, and most readers are learners on their own.
    session = kinds.kind("session")
    pages = [Page(STUDY_GUIDE_PATH, "study_guide.md.j2", sources=("study_guide.yaml",),
                  title="Studiehandledning", label=session.heading)]
    for view in session_views(library):
        sources = dict.fromkeys(["study_guide.yaml"] + [
            kinds.kind(m.kind).source(m.item.id) for m in view.materials])
        # Left out of search: the page repeats the films', exercises' and checklists' text,
        # which search finds on their own pages (and the index every visitor loads stays small).
        pages.append(Page(session.path(view.session.id), session.template, {"view": view},
                          tuple(sources), in_nav=False, searchable=False,
                          title=f"Träff {view.number}. {view.session.title}",
                          label=session.heading))
    return pages


def _section_pages(library: Library, kind: kinds.Kind) -> list[Page]:
    # A kind with a menu section of its own: its list page, then one page an item.
    items = library.items[kind.name]
    pages = []
    if kind.list_template:
        pages.append(Page(kind.list_path, kind.list_template, {"items": items},
                          tuple(kind.source(i) for i in items), section=kind.section,
                          searchable=False))
    for item in items.values():
        context = {kind.name: item, "films": library.films_naming(kind.name, item.id)}
        pages.append(Page(kind.path(item.id), kind.template, context, (kind.source(item.id),),
                          section=kind.section, title=item.title, label=kind.heading,
                          searchable=kind.searchable, in_nav=kind.items_in_menu))
    return pages


def _moved_pages(library: Library) -> list[Page]:
    # A renamed item keeps its old address alive, so bookmarks and printed links still work.
    pages = []
    for kind in kinds.with_pages():
        for item in library.items[kind.name].values():
            target = kind.path(item.id)
            sources = (kind.source(item.id),)
            pages += [Page(kind.path(alias), "moved.md.j2", {"item": item, "target": target},
                           sources, in_nav=False, searchable=False) for alias in item.aliases]
    return pages


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIRS),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True, autoescape=False,
        # Compiling the templates was a seventh of a build's own work. Jinja's cache (in the
        # user's temporary folder) keeps compiled templates like Python keeps .pyc files, and
        # checks each against its source, so an edited template is compiled again.
        bytecode_cache=jinja2.FileSystemBytecodeCache())
    # Content text reaches a page only through `plain`, `md` or `inline` (see markdown.py).
    env.filters.update(plain=plain, md=markdown_text, inline=render_text_inline,
                       clock=clock, hm=hours_minutes, formats=formats, swedish_date=swedish_date,
                       exercise_time=exercise_time)
    env.globals.update(path=lambda kind, item_id: kinds.kind(kind).path(item_id),
                       list_path=lambda kind: kinds.kind(kind).list_path,
                       thumbnail=thumbnail_path, LOCAL_SLOTS=kinds.LOCAL_SLOTS,
                       count=count, aliases_attr=aliases_attr, page_url=page_url,
                       MY_NOTES_PATH=MY_NOTES_PATH, REFERENCE_KINDS=kinds.REFERENCE_KINDS,
                       PDF_NAME=PDF_NAME, CARDS_NAME=CARDS_NAME,
                       CONFIDENCE_PATH=CONFIDENCE_PATH, CERTIFICATE_PATH=CERTIFICATE_PATH,
                       NEWS_DIR=NEWS_DIR, FEED_NAME=FEED_NAME,
                       RESEARCH_PATH=RESEARCH_PATH, STUDY_GUIDE_PATH=STUDY_GUIDE_PATH)
    return env


#: Where page templates are found; a test may add a folder for a kind of its own.
TEMPLATE_DIRS = [str(Path(__file__).parent / "templates" / "pages")]


def build_pages(library: Library, pages: list[Page] | None = None,
                site_name: str = DEFAULT_SITE_NAME,
                routines: dict[str, str] | None = None,
                sender: tuple[Publisher, str] | None = None) -> dict[str, str]:
    """The Markdown of every generated page (`site_pages`), keyed by its path under docs/.

    `site_name` is `site_name` in mkdocs.yml: a publisher renames the site there.
    `routines` are an edition's local routines (slot → text), for the pages' "Så gör vi
    hos oss" boxes; a slot left out shows the registry's generic advice. `sender` is the
    build's publisher and its file (publisher.sender), the certificate's issuer: site.yaml's,
    unless an edition's is given.
    """
    who, file = sender or (library.site.publisher, SITE_FILE)
    env = _environment()
    env.globals["site_name"] = site_name
    env.globals["routines"] = routines or {}
    env.globals["issuer"] = who.name or placeholder("publisher.name", file)
    out = {}
    for page in site_pages(library) if pages is None else pages:
        out[page.path] = _render(env, library, page)
    return out


# The same few folders and targets come back on every page; relpath asks for the working
# folder on each call.
_relpath = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def _render(env: jinja2.Environment, library: Library, page: Page) -> str:
    here = posixpath.dirname(page.path)

    def link(target: str) -> str:
        # Markdown links between source files, which the engine checks and rewrites.
        return _relpath(target, here or ".")

    def url(target: str) -> str:
        # Raw HTML is not rewritten by the engine: make it relative to the page's URL.
        return _relpath(target, page_url(page.path).rstrip("/") or ".")

    def size(media: str) -> str:
        # A media file's size, for a download link; the content check made sure it exists.
        return megabytes((library.root / "docs" / media).stat().st_size)

    return env.get_template(page.template).render(
        lib=library, link=link, url=url,
        player=lambda film, lazy=False: player_html(film, url, lazy),
        size=size, **page.context)


def page_sources(pages: list[Page]) -> dict[str, list[str]]:
    """The content files (relative to the root) each generated page is made from."""
    return {page.path: list(page.sources) for page in pages}


def build_nav(pages: list[Page]) -> list:
    """The generated part of the navigation, in the order of an investigation.

    MkDocs and Material write navigation and page titles into the page as HTML, so the
    titles from the content are escaped.
    """
    nav: list = []
    sections: dict[str, list] = {}
    for page in pages:
        if not page.in_nav:
            continue
        entry = page.path if page.title is None else {str(escape(page.title)): page.path}
        if page.section is None:
            nav.append(entry)
        elif page.section in sections:
            sections[page.section].append(entry)
        else:
            sections[page.section] = [entry]
            nav.append({str(escape(page.section)): sections[page.section]})
    return nav


def sitemap(nav: list) -> list[dict]:
    """The top-level parts of the menu as {"title", "url"} (site-relative, "" for the start
    page); a section goes to its first page. The footer lists them on every page."""
    def first(entry) -> str | None:
        if isinstance(entry, str):
            return entry
        if isinstance(entry, list):
            return next((p for p in map(first, entry) if p), None)
        value = next(iter(entry.values()))
        return first(value)

    def title(entry) -> str:
        return next(iter(entry)) if isinstance(entry, dict) else entry

    entries = []
    for entry in nav:
        path = first(entry)
        if path and not path.startswith(("http:", "https:")):
            entries.append({"title": title(entry), "url": page_url(path)})
    return entries
