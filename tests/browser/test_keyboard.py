"""Keyboard alone: skip link, visible focus, film buttons, players, checkboxes and notes."""

from __future__ import annotations

import re

import pytest

from helpers import GOOD
from pratamedbarn.library import load_library

# The fixture content (served as `fixture_url`) has every kind of film, checklist and exercise.
LIBRARY = load_library(GOOD)
#: What a learner works with in the content of a page (Material's own controls are outside).
CONTROLS = ".md-content :is(a[href], button, input, textarea, select, video[controls])"


def _films(kind: str) -> list[str]:
    return [f.id for f in LIBRARY.films.values() if (f.source.kind == "file") == (kind == "own")]


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def _tab_order(page, wanted: list[int], limit: int = 150) -> list[int]:
    """The content controls in the order Tab reaches them (index in document order),
    pressing Tab until all of `wanted` have had the focus or `limit` presses."""
    page.evaluate("""s => document.querySelectorAll(s).forEach(
                         (el, i) => { el.dataset.pmbKey = i; })""", CONTROLS)
    order: list[int] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement?.dataset?.pmbKey")
        if key is not None and int(key) not in order:
            order.append(int(key))
        if set(wanted) <= set(order):
            break
    return order


def _visible_controls(page) -> list[int]:
    return page.evaluate("""s => [...document.querySelectorAll(s)].flatMap((el, i) =>
        el.checkVisibility() && !el.closest('[hidden]') ? [i] : [])""", CONTROLS)


def test_skip_link_is_first_visible_on_focus_and_skips_to_the_content(page, fixture_url):
    film = _films("other")[0]
    page.goto(f"{fixture_url}filmer/{film}/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    box = skip.bounding_box()
    viewport = page.viewport_size
    assert box and box["y"] >= 0 and box["x"] >= 0 and box["width"] > 20
    assert box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"]
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    page.wait_for_function("() => document.querySelector(':target') !== null")
    # The next Tab starts in the content, not in the header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_focus_is_visible_on_links_and_buttons(page, fixture_url):
    page.goto(f"{fixture_url}filmer/{_films('other')[0]}/")
    _tab_to(page, ".md-content a[href]")
    outline = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                                       return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert outline[0] != "none" and outline[1] >= 2, outline
    _tab_to(page, ".pmb-embed__start")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


# Enter and Space each on a film of another host (the first and the last one).
@pytest.mark.parametrize("key, which", [("Enter", 0), ("Space", -1)])
def test_film_button_starts_the_film_with_the_keyboard(page, fixture_url, key, which):
    page.route(re.compile(r"^https://(?!127\.0\.0\.1)"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Film</title>"))
    page.goto(f"{fixture_url}filmer/{_films('other')[which]}/")
    _tab_to(page, ".pmb-embed__start")
    page.keyboard.press(key)
    page.locator(".pmb-embed iframe").wait_for()
    # The focus goes to the film, so the next keys work the player.
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_own_film_and_its_chapters_work_with_the_keyboard(page, fixture_url):
    page.goto(f"{fixture_url}filmer/{_films('own')[0]}/")
    _tab_to(page, "video[controls]")  # the browser's own controls take Space, arrows, F
    _tab_to(page, "a.pmb-chapter")
    page.keyboard.press("Enter")
    # The chapter link does not open the file: the focus goes to the film on the page.
    page.wait_for_function("() => document.activeElement.tagName === 'VIDEO'")
    assert page.url.endswith(f"/filmer/{_films('own')[0]}/")


def test_every_control_in_the_content_is_reached_by_tab_in_order(page, fixture_url):
    """Checklists, exercises (with their notes fields, where there are) and films."""
    paths = [f"checklistor/{next(iter(LIBRARY.checklists))}/",
             f"ovningar/{next(iter(LIBRARY.exercises))}/",
             f"filmer/{_films('own')[0]}/", f"filmer/{_films('other')[0]}/"]
    for path in paths:
        page.goto(fixture_url + path)
        visible = _visible_controls(page)
        order = _tab_order(page, visible)
        assert visible, f"{path}: no controls found"
        assert [key for key in order if key in visible] == visible, path

