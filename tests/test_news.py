"""News: dated Markdown posts in docs/nyheter/, the list page, the Atom feed, the content check."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import REPO, mkdocs_build, site_project
from pratamedbarn.news import read_news

ATOM = "{http://www.w3.org/2005/Atom}"


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_shipped_post_reads_without_problems():
    posts, problems = read_news(REPO / "docs")
    assert problems == []
    assert all(post.title and post.summary for post in posts)


def test_posts_are_listed_newest_first_with_a_feed(tmp_path: Path):
    project = site_project(tmp_path)
    news = project / "docs" / "nyheter"
    (news / "2027-02-01-riktiga-filmer.md").write_text(
        "# Nu finns riktiga filmer\n\nPanelen är inspelad & klar. Se [filmerna](../index.md).\n\nMer text.\n",
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "not included in the" not in result.stderr  # no English noise about the menu
    site = tmp_path / "site"
    index = html(site, "nyheter")
    titles = [h.get_text(strip=True) for h in index.select("article h2")]
    assert titles == ["Nu finns riktiga filmer", "Första nyheten"]
    assert index.select_one(".pmb-news-date time")["datetime"] == "2027-02-01"
    assert index.select_one(".pmb-news-date").get_text(strip=True) == "1 februari 2027"
    assert "Nyheter" in [a.get_text(strip=True) for a in index.select("nav.md-nav a")]
    post = html(site, "nyheter/2027-02-01-riktiga-filmer")
    assert post.select_one(".pmb-news-date").get_text(" ", strip=True) == "Publicerad 1 februari 2027"
    feed_link = index.select_one('.pmb-feed a[type="application/atom+xml"]')
    assert (site / "nyheter" / feed_link["href"]).resolve() == (site / "nyheter" / "feed.xml").resolve()
    # Material's instant navigation takes every <link rel="alternate"> for another
    # language version and fetches a sitemap.xml beside it: a 404 on every page view.
    assert not post.select('link[rel="alternate"]')

    feed = ET.parse(site / "nyheter" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Nu finns riktiga filmer", "Första nyheten"]
    newest = entries[0]
    assert newest.findtext(f"{ATOM}updated") == "2027-02-01T00:00:00Z"
    assert newest.find(f"{ATOM}link").get("href") == (
        "https://pratamedbarn.se/nyheter/2027-02-01-riktiga-filmer/")
    assert "Panelen är inspelad &amp; klar." in newest.findtext(f"{ATOM}summary")
    assert feed.findtext(f"{ATOM}updated") == "2027-02-01T00:00:00Z"


def test_a_site_without_news_has_no_news_page_and_no_feed(tmp_path: Path):
    project = site_project(tmp_path)
    for post in (project / "docs" / "nyheter").glob("*.md"):
        post.unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "nyheter").exists()
    start = html(tmp_path / "site", "")
    assert not start.select('link[type="application/atom+xml"]')


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pratamedbarn", "check", "--root", str(root)],
                          capture_output=True, text=True, check=False)


def test_a_post_named_without_its_date_is_a_content_error(content: Path):
    (content / "docs" / "nyheter" / "ny-film.md").write_text("# Ny film\n", encoding="utf-8")
    (content / "docs" / "nyheter" / "2026-13-01-fel-datum.md").write_text("# X\n", encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("docs/nyheter/2026-13-01-fel-datum.md:1: filnamnet ska vara datum")
    assert lines[1].startswith("docs/nyheter/ny-film.md:1: filnamnet ska vara datum")


def test_a_post_without_a_heading_is_a_content_error(content: Path):
    (content / "docs" / "nyheter" / "2026-12-01-utan-rubrik.md").write_text(
        "\nBara text.\n", encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 1
    assert ("docs/nyheter/2026-12-01-utan-rubrik.md:2: nyheten ska börja med sin rubrik"
            in result.stderr)


def test_read_news_gives_the_date_from_the_file_name(tmp_path: Path):
    (tmp_path / "nyheter").mkdir()
    (tmp_path / "nyheter" / "2026-12-24-jul.md").write_text(
        "# God jul\n\nVi har stängt\növer helgen.\n\n## Mer\n", encoding="utf-8")
    posts, problems = read_news(tmp_path)
    assert problems == []
    assert [(p.day, p.title, p.summary, p.url) for p in posts] == [
        (date(2026, 12, 24), "God jul", "Vi har stängt över helgen.", "nyheter/2026-12-24-jul/")]
