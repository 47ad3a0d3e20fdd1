"""The site's generated pages: a pure function from the Library to {path: Markdown}.

No MkDocs import here: the plugin in `plugin.py` is the only adapter.
"""

from __future__ import annotations

import posixpath

import jinja2
from markupsafe import escape

from .library import Library
from .markdown import markdown_text, plain, render_text_inline
from .news import FEED_NAME, NEWS_DIR
from .player import aliases_attr, player_html
from .version import swedish_date

FORMAT_NAMES = {"individual": "ensam", "group": "i grupp"}
REFERENCE_KINDS = {"law": "Lagar och konventioner", "research": "Forskning",
                   "guidance": "Vägledning och stöd"}
PDF_NAME = "studiehandledning.pdf"
MY_NOTES_PATH = "mina-anteckningar.md"
NEWS_INDEX = f"{NEWS_DIR}/index.md"


def film_path(film_id: str) -> str:
    return f"filmer/{film_id}.md"


def checklist_path(checklist_id: str) -> str:
    return f"checklistor/{checklist_id}.md"


def exercise_path(exercise_id: str) -> str:
    return f"ovningar/{exercise_id}.md"


def theme_path(theme_id: str) -> str:
    return f"teman/{theme_id}/index.md"


def page_url(path: str) -> str:
    """The URL of a page source path, as MkDocs makes it with directory URLs."""
    if posixpath.basename(path) == "index.md":
        return posixpath.dirname(path) + "/" if "/" in path else ""
    return path[:-3] + "/"


def clock(seconds: int) -> str:
    """Seconds as m:ss (or h:mm:ss), the way a player shows time."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def count(n: int, one: str, many: str) -> str:
    """'1 film', '3 filmer'."""
    return f"{n} {one if n == 1 else many}"


def formats(names: list[str]) -> str:
    """['individual', 'group'] as 'ensam eller i grupp'."""
    return " eller ".join(FORMAT_NAMES[n] for n in names)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pratamedbarn", "templates/pages"),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True, autoescape=False)
    # Content text reaches a page only through `plain`, `md` or `inline` (see markdown.py).
    env.filters.update(plain=plain, md=markdown_text, inline=render_text_inline,
                       clock=clock, formats=formats,
                       swedish_date=swedish_date)
    env.globals.update(film_path=film_path, checklist_path=checklist_path,
                       exercise_path=exercise_path, theme_path=theme_path, count=count,
                       aliases_attr=aliases_attr, page_url=page_url, MY_NOTES_PATH=MY_NOTES_PATH,
                       REFERENCE_KINDS=REFERENCE_KINDS,
                       PDF_NAME=PDF_NAME, NEWS_DIR=NEWS_DIR, FEED_NAME=FEED_NAME)
    return env


class _Renderer:
    def __init__(self, library: Library):
        self.library = library
        self.env = _environment()
        self.pages: dict[str, str] = {}

    def add(self, path: str, template: str, **context) -> None:
        here = posixpath.dirname(path)

        def link(target: str) -> str:
            # Markdown links between source files, which MkDocs checks and rewrites.
            return posixpath.relpath(target, here or ".")

        def url(target: str) -> str:
            # Raw HTML is not rewritten by MkDocs: make it relative to the page's URL.
            return posixpath.relpath(target, page_url(path).rstrip("/") or ".")

        self.pages[path] = self.env.get_template(template).render(
            lib=self.library, link=link, url=url, player=lambda film: player_html(film, url),
            **context)


def build_pages(library: Library) -> dict[str, str]:
    """Every generated page of the site, keyed by its path under docs/."""
    r = _Renderer(library)
    r.add("index.md", "start.md.j2")
    for theme in library.videos.themes:
        r.add(theme_path(theme.id), "theme.md.j2", theme=theme, films=library.films_in(theme.id))
    for film in library.videos.films:
        r.add(film_path(film.id), "film.md.j2", film=film, theme=library.themes[film.theme])
    r.add("checklistor/index.md", "checklists.md.j2")
    for checklist in library.checklists.values():
        r.add(checklist_path(checklist.id), "checklist.md.j2", checklist=checklist,
              films=[f for f in library.videos.films if checklist.id in f.checklists])
    r.add("ovningar/index.md", "exercises.md.j2")
    for exercise in library.exercises.values():
        r.add(exercise_path(exercise.id), "exercise.md.j2", exercise=exercise,
              films=[f for f in library.videos.films if exercise.id in f.exercises])
    r.add("forskning.md", "research.md.j2")
    r.add(MY_NOTES_PATH, "my_notes.md.j2")
    r.add("studiehandledning.md", "study_guide.md.j2")
    if library.news:
        r.add(NEWS_INDEX, "news.md.j2")
    _add_moved_pages(r, library)
    return r.pages


def _add_moved_pages(r: _Renderer, library: Library) -> None:
    # A renamed item keeps its old address alive, so bookmarks and printed links still work.
    for items, path in ((library.films, film_path), (library.checklists, checklist_path),
                        (library.exercises, exercise_path)):
        for item in items.values():
            for alias in item.aliases:
                r.add(path(alias), "moved.md.j2", item=item, target=path(item.id))


def page_sources(library: Library) -> dict[str, list[str]]:
    """The content files (relative to the root) each generated page is made from.

    A page's "Senast uppdaterad" is the newest of its files' dates.
    """
    checklists = [f"checklists/{i}.yaml" for i in library.checklists]
    exercises = [f"exercises/{i}.yaml" for i in library.exercises]
    sources = {"index.md": ["site.yaml", "videos.yaml"],
               "checklistor/index.md": checklists, "ovningar/index.md": exercises,
               "forskning.md": ["references.yaml"], "studiehandledning.md": ["study_guide.yaml"],
               MY_NOTES_PATH: ["videos.yaml", *checklists, *exercises]}
    if library.news:
        sources[NEWS_INDEX] = [f"docs/{post.path}" for post in library.news]
    sources |= {theme_path(t.id): ["videos.yaml"] for t in library.videos.themes}
    sources |= {film_path(f.id): ["videos.yaml"] for f in library.videos.films}
    sources |= {checklist_path(i): [f"checklists/{i}.yaml"] for i in library.checklists}
    sources |= {exercise_path(i): [f"exercises/{i}.yaml"] for i in library.exercises}
    # A "Sidan har flyttat" page is as new as the item it points to.
    for items, path in ((library.films, film_path), (library.checklists, checklist_path),
                        (library.exercises, exercise_path)):
        for item in items.values():
            sources |= {path(alias): sources[path(item.id)] for alias in item.aliases}
    return sources


def build_nav(library: Library) -> list:
    """The generated part of the navigation, in the order of an investigation.

    MkDocs and Material write navigation and page titles into the page as HTML, so the
    titles from the content are escaped.
    """
    nav: list = [{"Start": "index.md"}]
    for theme in library.videos.themes:
        films = [{str(escape(f.title)): film_path(f.id)} for f in library.films_in(theme.id)]
        nav.append({str(escape(theme.title)): [theme_path(theme.id)] + films})
    nav.append({"Checklistor": ["checklistor/index.md"] + [
        {str(escape(c.title)): checklist_path(c.id)} for c in library.checklists.values()]})
    nav.append({"Övningar": ["ovningar/index.md"] + [
        {str(escape(e.title)): exercise_path(e.id)} for e in library.exercises.values()]})
    nav.append({"Mina anteckningar": MY_NOTES_PATH})
    nav.append({"Studiehandledning": "studiehandledning.md"})
    nav.append({"Forskning och lagar": "forskning.md"})
    if library.news:
        nav.append({"Nyheter": NEWS_INDEX})
    return nav
