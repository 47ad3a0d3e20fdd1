"""The pages for the child: easy Swedish (LIX at most 30), checked like all content."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO
from pratamedbarn.errors import ContentError
from pratamedbarn.library import Library, load_library
from pratamedbarn.models import HANDOUT_LIX, HandoutIcon
from pratamedbarn.readability import lix

ICONS = REPO / "docs" / "assets" / "images" / "ikoner"


def _text(handout) -> str:
    return "\n\n".join(f"{p.heading}.\n\n{p.text}" for p in handout.parts)


def test_the_shipped_handouts_are_easy_swedish(shipped_library: Library):
    handouts = shipped_library.items["handout"]
    assert len(handouts) >= 2
    for handout in handouts.values():
        assert lix(_text(handout)) <= HANDOUT_LIX, handout.id


def test_the_shipped_handouts_never_promise_secrecy(shipped_library: Library):
    # What the worker cannot keep: the child hears that notes are written, who may read
    # them, and that the worker must tell others when the child is not safe.
    for handout in shipped_library.items["handout"].values():
        text = " ".join(_text(handout).lower().split())
        assert "kan inte lova" in text, handout.id
        assert "läsa" in text and "inte är trygg" in text, handout.id
        assert "stanna mellan oss" not in text and "ingen annan får veta" not in text


def test_a_handout_too_hard_for_a_child_is_a_content_error(content: Path):
    (content / "handouts" / "till-barnet.yaml").write_text(
        "id: till-barnet\ntitle: Till dig\naudience: För dig\nparts:\n"
        "  - heading: Information\n    text: Socialnämndens utredningsverksamhet genomför "
        "systematiska bedömningar avseende vårdnadshavarnas omsorgsförmåga och barnets "
        "behovssituation.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(content)
    line = str(caught.value).splitlines()[0]
    assert line.startswith("handouts/till-barnet.yaml:4: parts:")
    assert f"en text till barn ska ha högst {HANDOUT_LIX}" in line


def test_the_shipped_handouts_say_where_a_child_gets_help_at_any_time(shipped_library: Library):
    for handout in shipped_library.items["handout"].values():
        text = " ".join(_text(handout).split())
        assert "Bris" in text and "116 111" in text and "112" in text, handout.id


def test_a_handout_page_tells_the_worker_never_to_send_it_home(fixture_site: Path):
    page = BeautifulSoup((fixture_site / "till-barnet" / "till-barnet" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    # The advice is for the worker: on screen, above the sheet, never on the child's paper.
    advice = page.select_one(".pmb-handout__print").get_text(" ", strip=True)
    assert "Skicka det aldrig hem" in advice
    assert "Skicka det aldrig hem" not in page.select_one(".pmb-handout").get_text(" ", strip=True)


def test_the_sheet_for_younger_children_has_a_picture_for_every_heading(
        shipped_library: Library):
    younger = shipped_library.items["handout"]["till-dig-7-12-ar"]
    assert all(part.icon for part in younger.parts)


def test_every_pictogram_is_drawn_for_the_site():
    """Each name the content may choose is an SVG file of the site's own: no photo, nothing
    fetched from another host, nothing that runs."""
    from xml.etree import ElementTree

    for name in typing.get_args(HandoutIcon):
        svg = ICONS / f"{name}.svg"
        root = ElementTree.parse(svg).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg", name
        tags = {element.tag.split("}")[-1] for element in root.iter()}
        assert not tags & {"image", "script", "foreignObject", "use"}, name
        assert "href" not in svg.read_text(encoding="utf-8"), name


def test_a_pictogram_is_a_decorative_image_beside_its_heading(fixture_site: Path):
    page = BeautifulSoup((fixture_site / "till-barnet" / "till-barnet" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    heading = page.select_one(".pmb-handout h2")
    icon = heading.find("img")
    # Decorative: screen readers read the heading alone.
    assert icon["alt"] == "" and heading.get_text(strip=True) == "Vem är jag?"
    assert icon["src"] == "../../assets/images/ikoner/person.svg"
    assert (fixture_site / "assets" / "images" / "ikoner" / "person.svg").is_file()
