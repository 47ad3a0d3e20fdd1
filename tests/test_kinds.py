"""The registry of kinds: a new kind of content is one registry entry and one page template."""

from __future__ import annotations

from pathlib import Path

import pytest

from pratamedbarn import kinds, pages
from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library
from pratamedbarn.models import Item, Text
from pratamedbarn.pages import build_nav, build_pages, page_sources, site_pages


class Leaflet(Item):
    title: Text
    text: Text


HANDOUT = kinds.Kind("leaflet", "utdelning", "ingen utdelning", Leaflet, folder="utdelningar",
                     how_to_add="skapa utdelningar/{id}.yaml", url_folder="utdelningar",
                     template="leaflet.md.j2", section="Att dela ut")


@pytest.fixture
def with_handouts(content: Path, tmp_path: Path, monkeypatch) -> Path:
    """The fixture content with a kind of its own: the entry, the template and one item."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "leaflet.md.j2").write_text("# {{ leaflet.title }}\n\n{{ leaflet.text }}\n",
                                             encoding="utf-8")
    monkeypatch.setattr(pages, "TEMPLATE_DIRS", [*pages.TEMPLATE_DIRS, str(templates)])
    monkeypatch.setitem(kinds.REGISTRY, HANDOUT.name, HANDOUT)
    (content / "utdelningar").mkdir()
    (content / "utdelningar" / "till-barnet.yaml").write_text(
        "id: till-barnet\ntitle: Till dig som ska prata med oss\ntext: Du får säga nej.\n",
        encoding="utf-8")
    return content


def test_a_new_kind_gets_pages_a_menu_section_and_dates(with_handouts: Path):
    library = load_library(with_handouts)
    assert list(library.items["leaflet"]) == ["till-barnet"]
    listed = site_pages(library)
    markdown = build_pages(library, listed)
    assert markdown["utdelningar/till-barnet.md"].startswith("# Till dig som ska prata med oss")
    assert {"Att dela ut": [{"Till dig som ska prata med oss": "utdelningar/till-barnet.md"}]} \
        in build_nav(listed)
    assert page_sources(listed)["utdelningar/till-barnet.md"] == ["utdelningar/till-barnet.yaml"]
    assert with_handouts / "utdelningar" / "till-barnet.yaml" in library.content_files()


def test_a_new_kind_is_checked_like_the_others(with_handouts: Path):
    (with_handouts / "utdelningar" / "till-barnet.yaml").write_text(
        "id: till-barnen\ntitel: x\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(with_handouts)
    assert "utdelningar/till-barnet.yaml:2: titel: okänt fält" in str(caught.value)


def test_the_browser_learns_the_kinds_of_saved_data_from_the_registry():
    script = kinds.storage_script()
    for kind in kinds.REGISTRY.values():
        if kind.storage:
            assert f'"{kind.storage}": {list(kind.attributes)}'.replace("'", '"') in script
