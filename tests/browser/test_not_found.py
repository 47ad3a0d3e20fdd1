"""Issue 29: the page a learner meets at an address that leads nowhere is in Swedish, at any
depth, and leads on to the start page, the films and the search."""

from __future__ import annotations

import pytest

from checkers import run_axe, watch_policy


@pytest.mark.parametrize("path", ["finns-inte", "filmer/finns-inte/", "a/b/c"])
def test_a_missing_page_says_so_in_swedish_and_its_links_work_at_any_depth(page, base_url, path):
    problems = watch_policy(page)
    response = page.goto(base_url + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.title().startswith("Sidan finns inte")
    content = page.locator(".md-content")
    assert content.get_by_role("heading", level=1).inner_text() == "Sidan finns inte"
    assert "Not found" not in content.inner_text()
    assert run_axe(page) == []
    # The policy allows the theme's own scripts on this page as on every other.
    assert [p for p in problems if not p.startswith("404 for")] == []

    themes = content.get_by_role("list").get_by_role("link")
    assert themes.count() >= 3
    for href in themes.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    content.get_by_role("link", name="Gå till startsidan").click()
    page.wait_for_url(base_url)


def test_the_search_on_the_missing_page_searches_the_site(page, base_url):
    page.goto(base_url + "a/b/c")
    page.get_by_role("searchbox", name="Sök på webbplatsen").fill("tolk")
    page.get_by_role("button", name="Sök", exact=True).click()
    page.locator(".md-search-result__meta").filter(has_text="sökresultat").wait_for()
    assert page.locator("input.md-search__input").input_value() == "tolk"
    assert page.locator(".md-search-result__item h1").first.inner_text() == \
        "Hur går ett samtal med tolk till?"
