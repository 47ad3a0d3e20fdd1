""""Uppdaterad": pages changed since the learner's last visit are marked, in a real browser.

The days come from the built site's days.js; the last visit is set in localStorage as
updated.js keeps it ({last, since} under the key "visit").
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from checkers import run_axe

KEY = "pratamedbarn:v1:visit"


def page_days(site_dir: Path) -> dict[str, str]:
    """Each page's day of last change, by URL relative to the site root, as the build wrote it."""
    text = (site_dir / "assets/javascripts/days.js").read_text(encoding="utf-8")
    return json.loads(text.split("window.pratamedbarnDays = ", 1)[1].rstrip().rstrip(";"))


def film_cards(page, marked: bool) -> set[str]:
    """The start page's film links (relative URLs) with, or without, the mark."""
    return set(page.eval_on_selector_all(
        "a.pmb-card__link", "(links, marked) => links.filter(a => !!a.querySelector('.pmb-new')"
        " === marked).map(a => a.getAttribute('href'))", marked))


def visited_on(page, base_url, visit_day: date) -> None:
    """Open the start page as a learner whose previous visit ended in the evening of that day."""
    ended = datetime.combine(visit_day, datetime.min.time()).replace(hour=20)
    page.goto(base_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"value": {"last": ended.astimezone(UTC).isoformat(),
                                              "since": None}, "updated": ended.isoformat()})])
    page.reload()


def test_a_page_changed_since_the_last_visit_is_marked(page, base_url, site_dir):
    films = {url: day for url, day in page_days(site_dir).items() if url.startswith("filmer/")}
    # The previous visit ended the day before the newest change.
    visit_day = date.fromisoformat(max(films.values())) - timedelta(days=1)
    changed = {url for url, day in films.items() if day > visit_day.isoformat()}
    visited_on(page, base_url, visit_day)
    assert {href.rstrip("/").split("/")[-1] for href in film_cards(page, marked=True)} == \
        {url.rstrip("/").split("/")[-1] for url in changed}
    assert all(films[f"filmer/{href.rstrip('/').split('/')[-1]}/"] <= visit_day.isoformat()
               for href in film_cards(page, marked=False))
    mark = page.locator("a.pmb-card__link .pmb-new").first
    # Screen readers hear what the mark means; the eye sees the word.
    assert mark.text_content() == "Uppdaterad sedan ditt senaste besök"
    assert mark.locator(".pmb-visually-hidden").text_content() == " sedan ditt senaste besök"
    # The marks stay for the whole visit: on the next page, in the menu.
    film = sorted(changed)[0]
    page.goto(f"{base_url}{film}")
    nav_link = page.locator(f'.md-nav--primary a.md-nav__link[href$="{film.split("/")[-2]}/"]')
    assert nav_link.locator(".pmb-new").count() >= 1
    assert page.foreign_requests == []


def test_the_first_visit_ever_shows_no_marks(page, base_url):
    page.goto(base_url)
    page.reload()
    assert page.locator(".pmb-new").count() == 0
    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))["value"]
    assert saved["since"] is None and saved["last"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_marks_pass_axe_in_both_palettes(browser, base_url, site_dir, scheme):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme)
    page = context.new_page()
    oldest = min(page_days(site_dir).values())
    visited_on(page, base_url, date.fromisoformat(oldest) - timedelta(days=1))
    assert page.locator(".md-nav--primary .pmb-new").count() > 0
    assert page.locator(".pmb-card .pmb-new").count() > 0
    assert run_axe(page) == []
    context.close()
