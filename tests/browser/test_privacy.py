"""Privacy: no page asks another host for anything until the learner starts a film, and then
only that film's host; the Content-Security-Policy lets nothing else in.

Requests to other hosts never reach the network: they are answered by a local stub.
Every page of the shipped site is visited in test_every_page.py; these tests start films.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from checkers import stub_other_hosts, watch_policy
from helpers import GOOD
from pratamedbarn.csp import frame_hosts
from pratamedbarn.library import load_library
from pratamedbarn.player import host_of

# The films on other hosts come from the fixture content (served as `fixture_url`),
# which has one of each kind: YouTube, Vimeo and an embed host.
OTHER_HOST_FILMS = [f for f in load_library(GOOD).films.values() if not f.source.file]
def test_instant_navigation_keeps_to_the_policy(page, fixture_url):
    # The fixture site: its site_url is where it is served, so instant navigation is on.
    problems = watch_policy(page)
    page.goto(fixture_url + "teman/under-samtalet/")
    page.locator(".md-content a[href*='filmer/']").first.click()
    page.wait_for_url(re.compile(r"/filmer/[a-z0-9-]+/$"))
    page.wait_for_load_state("networkidle")
    assert page.locator(".md-content h1").count() == 1
    assert problems == []
    assert page.foreign_requests == []


@pytest.mark.parametrize("film", OTHER_HOST_FILMS, ids=[f.id for f in OTHER_HOST_FILMS])
def test_starting_a_film_asks_only_its_own_host(browser, fixture_url, film):
    context = browser.new_context(locale="sv-SE")
    asked = stub_other_hosts(context)
    page = context.new_page()
    page.goto(f"{fixture_url}filmer/{film.id}/", wait_until="networkidle")
    assert asked == [], "requests before the learner started the film"
    page.get_by_role("button", name=re.compile("^Starta filmen")).click()
    frame = page.locator(".pmb-embed iframe")
    frame.wait_for()
    page.wait_for_load_state("networkidle")
    assert frame.get_attribute("src").startswith(f"https://{host_of(film)}/")
    page.frame_locator(".pmb-embed iframe").get_by_text("Filmen (testsvar)").wait_for()
    context.close()
    assert asked and {urlsplit(url).hostname for url in asked} == {host_of(film)}


def _policy(html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(html, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy meta tag"
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}


def test_every_page_has_a_policy_with_only_the_film_hosts(site_dir: Path, shipped_library):
    expected = ["'self'", *(f"https://{host}" for host in frame_hosts(shipped_library))]
    for path in site_dir.rglob("*.html"):
        policy = _policy(path.read_text(encoding="utf-8"))
        assert policy["default-src"] == ["'self'"], path
        assert sorted(policy["frame-src"]) == sorted(expected), path
        assert "'unsafe-inline'" not in policy["script-src"], path
        assert "'unsafe-eval'" not in policy["script-src"], path
    films = shipped_library.films.values()
    assert {host_of(f) for f in films if not f.source.file} <= set(frame_hosts(shipped_library))


def test_no_inline_event_handlers(site_dir: Path):
    handlers = [f"{path.relative_to(site_dir)}: <{tag.name} {name}=…>"
                for path in site_dir.rglob("*.html")
                for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all()
                for name in tag.attrs if name.lower().startswith("on")]
    assert handlers == []


def test_policy_blocks_an_inline_event_handler(page, base_url):
    page.goto(base_url)
    page.evaluate("""document.body.insertAdjacentHTML("beforeend",
        '<button id="pmb-test" onclick="window.pmbRan = true">x</button>')""")
    page.click("#pmb-test")
    assert page.evaluate("window.pmbRan === undefined")
