"""News ("Nyheter"): dated Markdown files in docs/nyheter/, a list page and an Atom feed.

A post is `docs/nyheter/YYYY-MM-DD-slug.md` that begins with a `# Rubrik` line; its date
is in its name, so an editor never writes it twice. Our own small module rather than
Material's blog plugin: the feed then needs no further plugin, and the list page is an
ordinary generated page like the others (which keeps a later move away from Material cheap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape as _escape
from pathlib import Path

from .errors import ContentProblem
from .markdown import render_inline
from .urls import FEED_NAME, NEWS_DIR
from .wording import swedish_date


def escape(text: str) -> str:
    # XML's escaping of text (&, <, >), as xml.sax.saxutils has it, which imports urllib's
    # whole HTTP client on every build.
    return _escape(text, quote=False)


NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


@dataclass(frozen=True)
class NewsPost:
    """One news post: its date, title and first paragraph."""

    path: str  #: under docs/, such as "nyheter/2026-11-23-webbplatsen-har-oppnat.md"
    day: date
    title: str
    summary: str

    @property
    def url(self) -> str:
        return self.path[:-3] + "/"


def _parse(path: Path, name: str) -> tuple[NewsPost | None, ContentProblem | None]:
    where = f"docs/{name}"
    match = NAME.match(path.name)
    try:
        day = date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        day = None
    if day is None:
        return None, ContentProblem(where, 1, "", (
            "filnamnet ska vara datum och några ord med bindestreck, utan å, ä, ö, "
            "till exempel 2026-11-23-ny-film.md."))
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not lines or not lines[start].startswith("# "):
        return None, ContentProblem(where, start + 1, "", (
            "nyheten ska börja med sin rubrik, en rad som börjar med '# '."))
    paragraph = []
    for line in lines[start + 1:]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    return NewsPost(name, day, lines[start][2:].strip(), " ".join(paragraph)), None


def read_news(docs_dir: Path) -> tuple[list[NewsPost], list[ContentProblem]]:
    """Every post in docs/nyheter/, newest first, and the problems with their files."""
    posts, problems = [], []
    folder = docs_dir / NEWS_DIR
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.name == "index.md":
            problems.append(ContentProblem(f"docs/{NEWS_DIR}/index.md", 1, "", (
                "sidan Nyheter skapas av sig själv. Ta bort filen och skriv nyheten i en "
                "egen fil, till exempel 2026-11-23-ny-film.md.")))
            continue
        post, problem = _parse(path, f"{NEWS_DIR}/{path.name}")
        posts += [post] if post else []
        problems += [problem] if problem else []
    return sorted(posts, key=lambda p: (p.day, p.path), reverse=True), problems


def with_date_line(markdown: str, post: NewsPost) -> str:
    """The post's Markdown with its publication date under its heading."""
    heading, _, rest = markdown.partition("\n")
    line = (f'<p class="pmb-news-date">Publicerad <time datetime="{post.day.isoformat()}">'
            f"{swedish_date(post.day)}</time></p>")
    return f"{heading}\n\n{line}\n{rest}"


def atom_feed(posts: list[NewsPost], site_url: str, site_name: str) -> str:
    """An Atom feed of the posts, with absolute addresses under `site_url`."""
    base = site_url.rstrip("/") + "/"
    feed_url = f"{base}{NEWS_DIR}/{FEED_NAME}"
    updated = f"{posts[0].day.isoformat()}T00:00:00Z" if posts else "1970-01-01T00:00:00Z"
    entries = "".join(
        f"""  <entry>
    <title>{escape(post.title)}</title>
    <link rel="alternate" type="text/html" href="{escape(base + post.url)}"/>
    <id>{escape(base + post.url)}</id>
    <updated>{post.day.isoformat()}T00:00:00Z</updated>
    <summary type="html">{escape(render_inline(post.summary))}</summary>
  </entry>
""" for post in posts)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <title>{escape(site_name)}: nyheter</title>
  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>
  <link rel="alternate" type="text/html" href="{escape(base + NEWS_DIR + '/')}"/>
  <id>{escape(feed_url)}</id>
  <updated>{updated}</updated>
  <author><name>{escape(site_name)}</name></author>
{entries}</feed>
"""
