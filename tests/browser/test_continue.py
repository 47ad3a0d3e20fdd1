"""The start page on a returning visit: "Fortsätt där du slutade", with the film's title, is
the first thing under the heading and in the first screen, on the phone and on the PC."""

from __future__ import annotations

import pytest


@pytest.fixture
def visitor(profile):
    return profile.new_page()


def _continue(page):
    return page.locator(".pmb-continue a")


def _first_under_the_heading(page) -> bool:
    return page.evaluate("""() => document.querySelector('article h1')
        .nextElementSibling.classList.contains('pmb-continue')""")


def test_a_first_visit_has_nothing_to_continue(visitor, base_url):
    visitor.goto(base_url)
    assert not _continue(visitor).is_visible()


def test_a_returning_visit_continues_with_the_next_film_first_thing(visitor, base_url,
                                                                    shipped_library):
    order = [f for t in shipped_library.videos.themes for f in shipped_library.films_in(t.id)]
    seen, following = order[2], order[3]
    visitor.goto(base_url + f"filmer/{seen.id}/")
    visitor.get_by_role("button", name="Jag har sett filmen").click()
    visitor.goto(base_url)
    link = _continue(visitor)
    assert link.is_visible()
    assert " ".join(link.inner_text().split()) == f"Fortsätt där du slutade: {following.title}"
    assert _first_under_the_heading(visitor)
    box = link.bounding_box()
    assert box["y"] + box["height"] <= visitor.viewport_size["height"]
    link.click()
    visitor.wait_for_url(f"**/filmer/{following.id}/")


def test_a_film_started_but_not_seen_is_where_she_left_off(visitor, base_url, shipped_library):
    films = list(shipped_library.films.values())
    visitor.goto(base_url + f"filmer/{films[0].id}/")
    visitor.get_by_role("button", name="Jag har sett filmen").click()
    visitor.goto(base_url + f"filmer/{films[5].id}/")
    visitor.evaluate("""() => { const v = document.querySelector('video');
                                v.muted = true; return v.play().then(() => v.pause()); }""")
    visitor.goto(base_url)
    assert _continue(visitor).inner_text().endswith(films[5].title)
