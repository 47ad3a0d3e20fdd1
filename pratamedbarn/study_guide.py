"""The printed study guide: Library → HTML (Jinja + print CSS) → PDF with WeasyPrint.

The guide is made from the same content as the site: the sessions of study_guide.yaml,
with the films, exercises and checklists they name, rendered with the project's one
Markdown dialect. No MkDocs import here; the plugin and build_study_guide.py call it.
"""

from __future__ import annotations

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


def item_url(site_url: str, material: Material) -> str:
    """The full address of a film's, exercise's or checklist's page on the site."""
    return absolute_url(site_url, kinds.kind(material.kind).path(material.item.id))


def qr_code(url: str) -> Markup:
    """An SVG QR code of `url` as a data URI, crisp at any print size."""
    import segno  # Only the printed documents need it: not imported by a build of the pages.

    return Markup(segno.make(url, error="m", micro=False).svg_data_uri(border=0, dark="#000"))


def environment() -> jinja2.Environment:
    """The printed documents' Jinja: autoescaping, the Markdown filters, clock and QR code."""
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
    """The whole guide as one HTML document, ready for WeasyPrint; an `edition`'s sender
    and local routines fill the support boxes and the "Så gör vi hos oss" sheet."""
    views = session_views(library)
    publisher, file = sender(library, edition)
    return environment().get_template("guide.html.j2").render(
        guide=library.study_guide, lib=library, sessions=views,
        extra=extra_materials(library, views), publication=publication, version=version,
        url=lambda material: item_url(publication.site_url, material),
        support=publisher.support or placeholder("publisher.support", file),
        routines=[(slot, edition.routine(slot.name) if edition else "")
                  for slot in kinds.LOCAL_SLOTS.values()],
        count=count, REFERENCE_KINDS=kinds.REFERENCE_KINDS)


def write_pdf(html: str, target: Path | BinaryIO) -> None:
    """Lay out `html` with the guide's print stylesheet and fonts; write a tagged PDF."""
    # Imported here: WeasyPrint loads Pango at import, which the site's pages never need.
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    # The stylesheet and the fonts are found relative to the templates folder.
    HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
        target, font_config=FontConfiguration(), pdf_variant="pdf/ua-1", pdf_tags=True)


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
