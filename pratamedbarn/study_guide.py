"""The printed study guide: Library → HTML (Jinja + print CSS) → PDF with WeasyPrint.

The guide is made from the same content as the site: the sessions of study_guide.yaml,
with the films, exercises and checklists they name, rendered with the project's one
Markdown dialect. No MkDocs import here; the plugin and build_study_guide.py call it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import jinja2
import yaml
from markupsafe import Markup

from . import kinds
from .editions import LoadedEdition
from .library import Library, load_library
from .markdown import render_text, render_text_inline
from .publisher import placeholder, sender
from .sessions import Material, SessionView, session_views
from .urls import absolute_url, short_address
from .version import Version, current_version
from .wording import clock, count, formats, hours_minutes

TEMPLATES = Path(__file__).parent / "templates" / "study_guide"


@dataclass(frozen=True)
class Publication:
    """What the guide needs from mkdocs.yml: the published address and who publishes it."""

    site_url: str
    author: str

    @classmethod
    def from_config(cls, config: Mapping) -> Publication:
        """From MkDocs settings: `site_url`, and `site_author` or else `site_name`."""
        return cls(site_url=config.get("site_url") or "",
                   author=config.get("site_author") or config.get("site_name") or "")


def read_publication(mkdocs_yml: Path) -> Publication:
    """The Publication settings of an mkdocs.yml file, read without MkDocs."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold tags such as !!python/name for MkDocs itself; they are not ours.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Publication.from_config(
        yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader) or {})


def extra_materials(library: Library, views: list[SessionView]) -> list[Material]:
    """Films, exercises and checklists that no session uses, for groups that want more."""
    used = {(m.kind, m.item.id) for view in views for m in view.materials}
    extra = []
    for kind in kinds.in_study_guide():
        extra += [Material(kind.name, item) for item in library.items[kind.name].values()
                  if (kind.name, item.id) not in used]
    return extra


@dataclass(frozen=True)
class Sheet:
    """A participant's sheet in the Kopieringsunderlag: an exercise, a checklist or the
    evaluation, starting on a page of its own."""

    anchor: str
    label: str
    title: str
    #: The exercise or checklist; None for the evaluation.
    material: Material | None = None


EVALUATION = Sheet("kopia-utvardering", "Utvärdering", "Utvärdering")


def sheet_of(material: Material) -> Sheet:
    """The Kopieringsunderlag sheet of an exercise or a checklist."""
    return Sheet(f"kopia-{material.anchor}", material.label, material.item.title, material)


def has_notes(material: Material) -> bool:
    """Whether the facilitator's part prints the material: a film always, an exercise when
    it has example answers or a shorter variant. The rest is only on the participants' sheet."""
    if material.kind == "film":
        return True
    return material.kind == "exercise" and bool(material.item.example_answers
                                                 or material.item.short_variant)


def session_sheets(view: SessionView) -> list[Sheet]:
    """What to copy for each participant of a session, in the order the session uses it."""
    sheets = [sheet_of(m) for m in view.copies]
    return sheets + ([EVALUATION] if "utvardering" in view.session.sheets else [])


def all_sheets(views: list[SessionView], extra: list[Material]) -> list[Sheet]:
    """Every sheet of the Kopieringsunderlag once, in the order the guide first uses it."""
    sheets = [sheet_of(m) for view in views for m in view.copies if m.first]
    sheets += [sheet_of(m) for m in extra if m.kind != "film"]
    return sheets + [EVALUATION]


def item_url(site_url: str, material: Material) -> str:
    """The full address of a film's, exercise's or checklist's page on the site."""
    return absolute_url(site_url, kinds.kind(material.kind).path(material.item.id))


def qr_code(url: str) -> Markup:
    """An SVG QR code of `url` as a data URI, crisp at any print size."""
    import segno  # Only the printed documents need it: not imported by a build of the pages.

    return Markup(segno.make(url, error="m", micro=False).svg_data_uri(border=0, dark="#000"))


@functools.cache
def environment() -> jinja2.Environment:
    """The printed documents' Jinja: autoescaping, the Markdown filters, clock and QR code.
    One a process, so its templates are compiled once for every edition and every save."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        autoescape=True, trim_blocks=True, lstrip_blocks=True)
    # Autoescape shows plain-text fields as written; Markdown fields may format, never add HTML.
    env.filters.update(
        md=lambda text: Markup(render_text(text)),
        inline=lambda text: Markup(render_text_inline(text)),
        hm=hours_minutes, clock=clock, formats=formats, short=short_address, qr=qr_code)
    return env


def render_html(library: Library, publication: Publication, version: Version,
                edition: LoadedEdition | None = None) -> str:
    """The whole guide as one HTML document, ready for write_pdf; an `edition`'s sender
    and local routines fill the support boxes and the "Så gör vi hos oss" sheet."""
    views = session_views(library)
    extra = extra_materials(library, views)
    publisher, file = sender(library, edition)
    return environment().get_template("guide.html.j2").render(
        guide=library.study_guide, lib=library, sessions=views, extra=extra,
        sheets=all_sheets(views, extra), session_sheets=session_sheets, sheet_of=sheet_of,
        has_notes=has_notes, publication=publication, version=version,
        url=lambda material: item_url(publication.site_url, material),
        support=publisher.support or placeholder("publisher.support", file),
        routines=[(slot, edition.routine(slot.name) if edition else "")
                  for slot in kinds.LOCAL_SLOTS.values()],
        count=count, REFERENCE_KINDS=kinds.REFERENCE_KINDS)


#: A layout of the Kopieringsunderlag's sheets alone, to count each one's pages.
_SHEETS_ALONE = """
body > :not(#kopieringsunderlag), #kopieringsunderlag > :not(.sheet) { display: none !important; }
"""


#: Where a laid-out document's anchors fell: anchor → page number (from 1).
PageNumbers = dict[str, int]


@dataclass(frozen=True)
class Layout:
    """What a laid-out document tells the layout of the next, similar one (another
    edition's, the next save's): where its anchors fell, and how many pages each sheet of its
    Kopieringsunderlag took alone, with a fingerprint of the sheet's text (anchor →
    (fingerprint, pages))."""

    pages: PageNumbers
    sheets: dict[str, tuple[str, int]]

    def sheet_pages(self, texts: Mapping[str, str]) -> dict[str, int] | None:
        """The sheets' lengths for a document whose sheets have the fingerprints `texts`;
        None when any sheet's text differs, and its length must be measured again."""
        if {anchor: text for anchor, (text, _) in self.sheets.items()} != dict(texts):
            return None
        return {anchor: length for anchor, (_, length) in self.sheets.items()}


def _anchor_pages(document) -> PageNumbers:
    """The page each anchor of a laid-out `document` starts on."""
    first: PageNumbers = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:  # A box split over pages has its anchor on each.
            first.setdefault(anchor, number)
    return first


def _sheet_pages(pages: Mapping[str, int]) -> dict[str, int]:
    """How many pages each sheet of the Kopieringsunderlag takes, by its anchor."""
    return {anchor: pages[f"{anchor}-slut"] - page + 1 for anchor, page in pages.items()
            if anchor.startswith("kopia-") and f"{anchor}-slut" in pages}


#: A sheet of the Kopieringsunderlag in the guide's HTML, from its anchor to its end mark.
_SHEET = re.compile(r'id="(kopia-[^"]+)"(.*?)id="\1-slut"', re.DOTALL)
#: A link to the site, which each edition's sheets print with the edition's own address.
_WEB_LINK = re.compile(r'<a href="https?://[^"]*">[^<]*</a>')


def _sheet_texts(html: str) -> dict[str, str]:
    """A fingerprint of each sheet's text, by its anchor: what its length follows from.
    The links to the site are left out, so that editions share their sheets' lengths (an
    address some letters longer could in principle push a sheet onto a second page: it is
    then laid out long, with its questions on a page of their own, and referred to as such)."""
    return {m[1]: hashlib.sha256(_WEB_LINK.sub("", m[2]).encode()).hexdigest()
            for m in _SHEET.finditer(html)}


def _sheet_layout(pages: Mapping[str, int]) -> str:
    """The styles that follow from the sheets' lengths.

    A sheet longer than a page gets its questions on a page of their own, with room to
    write, rather than a few lines left over; a one-page sheet is referred to as "s. 61",
    a longer one as "s. 61–62". Moving the questions keeps a long sheet long, and every
    sheet starts a page, so the sheets take as many pages in the guide as they did alone.
    (!important: a stylesheet given to WeasyPrint is the user's, which guide.css, the
    author's, would otherwise override.)
    """
    rules = []
    for anchor, length in pages.items():
        if length > 1:
            rules.append(f"#{anchor} .questions-page {{ break-before: page !important; }}\n"
                         f"#{anchor} .questions {{ display: none !important; }}\n"
                         f"#{anchor} .questions-to-write {{ display: block !important; }}")
        else:
            rules.append(f'.pages[data-sheet="{anchor}"] .to {{ display: none !important; }}')
    return "\n".join(rules)


def _document(html: str, css: str = ""):
    # Imported here: WeasyPrint loads Pango at import, which the site's pages never need.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # The stylesheet and the fonts are found relative to the templates folder.
    fonts = FontConfiguration()
    return HTML(string=html, base_url=str(TEMPLATES)).render(
        stylesheets=[CSS(string=css, font_config=fonts)], font_config=fonts,
        pdf_variant="pdf/ua-1", pdf_tags=True)


#: A link to a place in the same document. (An anchor with `&` or `%` in it would be
#: caught escaped and never match: its link keeps target-counter(), and is not checked.)
_INTERNAL_LINK = re.compile(r'href="#([^"]+)"')


def _numbered(html: str, pages: Mapping[str, int]) -> str:
    """`html` with the page of each internal link's target written in (data-page), which
    guide.css prints where it would otherwise ask WeasyPrint for target-counter()."""
    return _INTERNAL_LINK.sub(
        lambda m: f'{m[0]} data-page="{pages[m[1]]}"' if m[1] in pages else m[0], html)


def write_pdf(html: str, target: Path | BinaryIO, like: Layout | None = None) -> Layout:
    """Lay out `html` with the guide's print stylesheet and fonts; write a tagged PDF.
    Returns what the layout of the next, similar document takes as its `like`.

    Alone, two layouts: the Kopieringsunderlag's sheets alone, to count their pages, then
    the whole guide, where target-counter() gives each page reference its number. WeasyPrint
    lays a page out again when a page it refers to moves, which is most pages of the guide.
    (The pocket cards have no sheets: their first layout is of an empty page, a few ms.)

    `like`, the layout of a document that differs in a few words (another edition's, the
    previous save): the sheets keep their lengths unless their text changed, the page numbers
    are written in, and the guide is laid out once. If this document's text moved a page that
    it links to, it is laid out again with the pages it found, and if that moves a page too,
    with target-counter() as above.
    """
    texts = _sheet_texts(html)
    lengths = like.sheet_pages(texts) if like else None
    if lengths is None:
        lengths = _sheet_pages(_anchor_pages(_document(html, _SHEETS_ALONE)))
    rules = _sheet_layout(lengths)
    linked = set(_INTERNAL_LINK.findall(html))
    pages = like.pages if like else None
    for _ in range(2 if pages is not None else 0):
        document = _document(_numbered(html, pages), rules)
        found = _anchor_pages(document)
        if all(found.get(anchor) == pages.get(anchor) for anchor in linked):
            break
        pages = found
    else:
        document = _document(html, rules)
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
    return Layout(_anchor_pages(document),
                  {anchor: (texts.get(anchor, ""), length) for anchor, length in lengths.items()})


def build_study_guide(root: Path, target: Path | BinaryIO, mkdocs_yml: Path,
                      site_url: str | None = None) -> None:
    """Load the content under `root` and write its study guide PDF to `target`.

    `site_url` (the address the QR codes point at) defaults to the one in mkdocs.yml.
    Raises ContentError when the content has problems.
    """
    library = load_library(root)
    publication = read_publication(mkdocs_yml)
    if site_url:
        publication = replace(publication, site_url=site_url)
    write_pdf(render_html(library, publication, current_version(root)), target)
