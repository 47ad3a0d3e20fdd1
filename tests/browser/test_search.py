"""Issue 29: what a search result shows. A film's entry starts with its question and its
summary, never with the theme line or "Ladda ner filmen (MP4, …)", for the learners' queries
in search_queries.yaml and "inte vill prata"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checkers import search
from helpers import REPO
from pratamedbarn.library import load_library
from pratamedbarn.urls import page_url

QUERIES = [case["query"] for case in yaml.safe_load(
    (Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))]
QUERIES.append("inte vill prata")

#: Each result's page, title and the excerpt under it (Material's first article of a result).
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item > a:first-child')]
    .map(a => ({href: (u => u.pathname.slice(new URL(document.baseURI).pathname.length) +
                          u.hash)(new URL(a.href)),
                title: a.querySelector('h1, h2').innerText,
                excerpt: [...a.querySelectorAll('article > p, article > ul')]
                    .map(p => p.innerText).join(' '),
                marks: [...a.querySelectorAll('mark')].map(m => m.innerText)}))"""


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.sub(r"[*_`]", "", text).split())


@pytest.fixture(scope="module")
def films() -> dict[str, tuple[str, str]]:
    """Each film page's path: its question and the start of its summary, as plain text."""
    library = load_library(REPO)
    return {page_url(f"filmer/{film.id}.md"): (film.title, _plain(film.summary)[:40])
            for film in library.films.values()}


def _search(page, base_url: str, query: str) -> list[dict]:
    """The results of `query` typed into the search box of the start page."""
    search(page, base_url, query)
    return page.evaluate(RESULTS)


@pytest.mark.parametrize("query", QUERIES)
def test_a_films_result_starts_with_its_question_and_summary(page, base_url, films, query):
    results = _search(page, base_url, query)
    assert results, query
    film_results = [r for r in results if r["href"].split("#")[0] in films]
    assert film_results, f"{query}: no film among {[r['title'] for r in results]}"
    # A film found first shows its text. Material leaves out the text of an entry that only
    # a section of the page matched: such an entry shows the question alone.
    if results[0] is film_results[0]:
        assert film_results[0]["excerpt"], (query, film_results[0]["title"])
    for result in film_results:
        path = result["href"].split("#")[0]
        if "#" in result["href"] or not result["excerpt"]:
            continue  # a section of the page, under its own heading; or the question alone
        question, summary = films[path]
        assert result["title"] == question
        assert _plain(result["excerpt"]).startswith(summary), (query, result["excerpt"][:80])
    for result in results:
        assert "Ladda ner filmen" not in result["excerpt"], (query, result["title"])
        # The film pages' download line ("… utan internet") was what "inte" lit up.
        assert "internet" not in [mark.lower() for mark in result["marks"]], (query, result)


def test_inte_vill_prata_finds_the_film_first(page, base_url, films):
    first = _search(page, base_url, "inte vill prata")[0]
    assert first["title"] == "Vad gör jag när barnet inte vill prata?"
