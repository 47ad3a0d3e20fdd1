"""What every engine's build of the site shares: the generated pages with their dates, the
menu, the theme settings, and the finishing step over the built site.

Two adapters call it: `plugin.py` inside `mkdocs build` and `mkdocs serve`, and
`generate.py` + `finish_site`, which write plain files that any engine reading Material-style
Markdown (Zensical) builds with no plugin of ours.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import csp, publisher
from .dates import last_changed
from .editions import LoadedEdition, load_editions, pick
from .errors import ContentError, ContentProblem
from .internal_links import link_problems
from .kinds import storage_script
from .library import Library, load_library
from .models import Publisher
from .news import atom_feed, with_date_line
from .pages import DEFAULT_SITE_NAME, Page, build_nav, build_pages, page_meta, site_pages, sitemap
from .pocket_cards import render_cards
from .search import refine_index
from .study_guide import Layout, Publication, render_html, write_pdf
from .thumbnails import thumbnails
from .urls import (
    CARDS_NAME,
    DAYS_SCRIPT,
    EDITION_CSS,
    FEED_NAME,
    NEWS_DIR,
    PDF_NAME,
    SITE_SCRIPT,
    SITE_SCRIPT_PARTS,
    page_url,
)
from .version import Version, current_version
from .wording import swedish_date

#: The page the theme writes with no content: where its inline scripts are read from.
THEME_PAGE = "404.html"
#: The about page: it carries the site's version (for editors; the footer does not).
ABOUT_PAGE = "om-oss.md"


@dataclass
class SiteBuild:
    """The content of one build, ready for an engine."""

    library: Library
    pages: list[Page]
    #: The generated pages' Markdown, keyed by their path under docs/, dates not yet added.
    markdown: dict[str, str]
    version: Version
    #: The local edition this build makes (utgavor/<id>.yaml); None: the generic course.
    edition: LoadedEdition | None = None

    @classmethod
    def load(cls, root: Path, site_name: str = DEFAULT_SITE_NAME,
             edition: str | None = None) -> SiteBuild:
        """Read and check the content under `root` and every edition file; raises ContentError.

        `site_name` is the name mkdocs.yml gives the site (the start page's heading);
        `edition` the id of the edition to build (None: the generic course).
        """
        library = load_library(root)
        return cls.for_edition(library, pick(load_editions(library), edition), site_name)

    @classmethod
    def for_edition(cls, library: Library, edition: LoadedEdition | None,
                    site_name: str = DEFAULT_SITE_NAME) -> SiteBuild:
        """The build of one edition (None: the generic course) of content loaded once."""
        pages = site_pages(library)
        clashes = [ContentProblem(f"docs/{page.path}", 1, "", (
            "sidan har samma adress som en sida som skapas från innehållsfilerna. "
            f"Döp om docs/{page.path} eller ta bort den.")) for page in pages
            if (library.root / "docs" / page.path).is_file()]
        if clashes:
            raise ContentError(clashes)
        publisher.check_for_production(library, edition)
        routines = edition.edition.routines if edition else {}
        sender = publisher.sender(library, edition)
        build = cls(library, pages, build_pages(library, pages, site_name, routines, sender),
                    current_version(library.root), edition)
        build.check_links()
        return build

    def check_links(self) -> None:
        """Raise ContentError for every link to a page, file or anchor of the site that the
        engine's strict build would refuse (internal_links.py)."""
        sources = dict(self.library.sources)
        if self.edition:  # its routines are shown on the pages that ask for them
            sources[self.edition.file] = self.edition.source
        problems = link_problems(self.library.root / "docs", self.markdown,
                                 (SITE_SCRIPT, DAYS_SCRIPT), sources,
                                 lambda uri, markdown: self.finished_markdown(uri, markdown, None))
        if problems:
            raise ContentError(problems)

    @property
    def sender(self) -> tuple[Publisher, str]:
        """Who publishes this build, and the file that says so (see publisher.sender)."""
        return publisher.sender(self.library, self.edition)

    def site_url(self, configured: str) -> str:
        """The published address: the edition's, or mkdocs.yml's (`configured`)."""
        return self.edition.edition.site_url if self.edition else configured

    def stylesheets(self) -> list[str]:
        """Stylesheets the build adds after mkdocs.yml's: the edition's colour, if it has one."""
        return [EDITION_CSS] if self.edition and self.edition.edition.accent else []

    def nav(self, hand_written: list) -> list:
        """The whole menu: the generated pages, then the hand-written ones of mkdocs.yml."""
        return build_nav(self.pages) + list(hand_written or [])

    def extra(self, site_url: str, serving: bool = False, nav: list | None = None) -> dict:
        """The theme's `extra` settings our templates read: the policy, the publisher, the
        footer's list of the site's parts (from the whole menu, `nav`), the scope."""
        policy = csp.policy(csp.frame_hosts(self.library), live_reload=serving)
        return {"content_security_policy": policy, "sitemap": sitemap(nav or []),
                "publisher": publisher.theme_settings(*self.sender),
                **csp.theme_settings(site_url)}

    def outside_menu(self) -> list[str]:
        """Generated pages that are reached by links, not the menu ("Sidan har flyttat")."""
        return [page.path for page in self.pages if not page.in_nav]

    def generated_files(self, days: dict[str, date] | None = None) -> dict[str, str]:
        """Every generated file under docs/ that is not a page: the script of every page, and
        each page's day of last change (`days`, from days(); none before they are known)."""
        files = {SITE_SCRIPT: site_script(self.library.root / "docs", self.edition),
                 DAYS_SCRIPT: days_script(days or {})}
        if self.stylesheets():
            files[EDITION_CSS] = accent_css(self.edition)
        return files

    def media_files(self) -> dict[str, bytes]:
        """Binary files every build adds under docs/: the posters' thumbnails."""
        return thumbnails(self.library)

    def days(self, hand_written: dict[str, Path]) -> dict[str, date]:
        """Each page's "Senast uppdaterad": generated pages by their content files, the
        newest of them; hand-written pages (path under docs/ → file) by their own file."""
        root = self.library.root
        sources = {page.path: [root / name for name in page.sources] for page in self.pages}
        sources |= {uri: [path] for uri, path in hand_written.items() if uri not in sources}
        days = last_changed(root, {p for paths in sources.values() for p in paths})
        return {uri: max(days[p] for p in paths if p in days)
                for uri, paths in sources.items() if any(p in days for p in paths)}

    def meta(self, uri: str) -> dict:
        """The front matter the build gives a page (its kind for search, or no search)."""
        return page_meta(self._by_path.get(uri))

    @functools.cached_property
    def _by_path(self) -> dict[str, Page]:
        # Asked once for every page of the site: a lookup, not a walk over the list.
        return {page.path: page for page in self.pages}

    def finished_markdown(self, uri: str, markdown: str, day: date | None) -> str:
        """A page's Markdown as the engine gets it: the publisher's settings filled in, a news
        post's date, the site's version on the about page, the page's date."""
        sender, file = self.sender
        markdown = publisher.fill(markdown, sender, uri, file)
        post = next((p for p in self.library.news if p.path == uri), None)
        if post:
            markdown = with_date_line(markdown, post)
        if uri == ABOUT_PAGE:
            markdown = (f'{markdown.rstrip()}\n\n<p class="pmb-version">Webbplatsens '
                        f'{self.version}</p>\n')
        return dated(markdown, day) if day else markdown

    def refine_search(self, site_dir: Path) -> None:
        """Synonyms from site.yaml into the built search index (see search.py)."""
        refine_index(site_dir, self.library.site.synonyms)


def site_script(docs: Path, edition: LoadedEdition | None = None) -> str:
    """The one script of every page: the registry's part, then the scripts under `docs`
    that SITE_SCRIPT_PARTS names, each after a line that says where it comes from.

    An edition's id comes first: `storage.js` keeps its learners' data apart from every other
    edition's, as two editions may be served from one host and share the browser's storage.
    """
    parts = [storage_script()]
    if edition:
        parts.append("// The edition this site is (utgavor/<id>.yaml): its own storage keys.\n"
                     f"window.pratamedbarnEdition = {json.dumps(edition.id)};\n")
    parts += [f"// ---- {name} ----\n" + (docs / name).read_text(encoding="utf-8")
              for name in SITE_SCRIPT_PARTS]
    return "\n".join(parts)


def accent_css(edition: LoadedEdition) -> str:
    """The edition's colour for the header and the buttons, in both palettes (its contrast
    with their white text is checked in models.Edition)."""
    colour = edition.edition.accent
    names = ("--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark")
    rules = "".join(f"  {name}: {colour};\n" for name in names)
    return (f"/* Made by the build from {edition.file} (accent). Do not edit. */\n"
            f":root,\n[data-md-color-scheme] {{\n{rules}}}\n")


def days_script(days: dict[str, date]) -> str:
    """The script that tells the browser each page's day of last change, by its URL relative
    to the site root: a file, as the policy allows no inline script."""
    by_url = {page_url(uri): day.isoformat() for uri, day in sorted(days.items())}
    return ("// Made by every build: the day each page last changed. Do not edit.\n"
            f"window.pratamedbarnDays = {json.dumps(by_url, ensure_ascii=False)};\n")


def dated(markdown: str, day: date) -> str:
    """`markdown` with its "Senast uppdaterad" line at the end."""
    return (f'{markdown.rstrip()}\n\n<p class="pmb-updated">Senast uppdaterad '
            f'<time datetime="{day.isoformat()}">{swedish_date(day)}</time></p>\n')


def write_feed(library: Library, site_dir: Path, site_url: str, site_name: str) -> None:
    """The news feed, nyheter/feed.xml, when there is news."""
    if library.news:
        feed = atom_feed(library.news, site_url, site_name)
        (site_dir / NEWS_DIR / FEED_NAME).write_text(feed, encoding="utf-8")


def secure_site(site_dir: Path) -> None:
    """Put the theme's script hashes into the policy of every built page, once each.

    For engines with no hook per page; `plugin.py` does the same per page while MkDocs writes it.
    Raises csp.PolicyError naming the first page that fails.
    """
    hashes = csp.theme_hashes((site_dir / THEME_PAGE).read_text(encoding="utf-8"))
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        path.write_text(csp.secure_page(html, hashes, path.relative_to(site_dir).as_posix()),
                        encoding="utf-8")


def finish_site(build: SiteBuild, site_dir: Path, publication: Publication, site_name: str,
                study_guide: bool = True) -> None:
    """The step after an engine's build of the generated tree: policy, feed, study guide."""
    secure_site(site_dir)
    build.refine_search(site_dir)
    write_feed(build.library, site_dir, publication.site_url, site_name)
    if study_guide:
        write_printed(build, publication, site_dir)


def write_printed(build: SiteBuild, publication: Publication, site_dir: Path,
                  like: dict[str, Layout] | None = None) -> dict[str, Layout]:
    """Lay out the printed documents the site publishes into `site_dir`, each like the same
    document in `like` (by file name; see write_pdf). Returns their layouts, by file name."""
    documents = printed(build.library, build.version, publication, build.edition)
    return {name: write_pdf(html, site_dir / name, (like or {}).get(name))
            for name, html in documents.items()}


def printed(library: Library, version: Version, publication: Publication,
            edition: LoadedEdition | None = None) -> dict[str, str]:
    """The printed documents the site publishes, as HTML for WeasyPrint, by file name:
    an `edition`'s (None: the generic course's)."""
    publication = edition_publication(publication, edition)
    return {PDF_NAME: render_html(library, publication, version, edition),
            CARDS_NAME: render_cards(library, publication, version)}


def edition_publication(publication: Publication, edition: LoadedEdition | None) -> Publication:
    """mkdocs.yml's publication settings, with an `edition`'s address and sender."""
    if not edition:
        return publication
    return Publication(site_url=edition.edition.site_url,
                       author=edition.edition.publisher.name or publication.author)
