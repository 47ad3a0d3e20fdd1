"""The site's address scheme: page source paths under docs/ and the URLs they get.

Pages are written as Markdown files (`filmer/inleda-samtalet.md`) and served with
directory URLs (`filmer/inleda-samtalet/`), as MkDocs and Zensical both do. The paths of
content items come from their kind (`kinds.py`); the fixed pages are named here.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

START_PATH = "index.md"
MY_NOTES_PATH = "mina-anteckningar.md"
CONFIDENCE_PATH = "trygghet.md"
CERTIFICATE_PATH = "intyg.md"
STUDY_GUIDE_PATH = "studiehandledning.md"
RESEARCH_PATH = "forskning.md"
NEWS_DIR = "nyheter"
NEWS_INDEX = f"{NEWS_DIR}/index.md"
FEED_NAME = "feed.xml"
PDF_NAME = "studiehandledning.pdf"
#: The pocket cards' file in the built site, next to the study guide.
CARDS_NAME = "fickkort.pdf"
#: The one script every page loads, deferred (mkdocs.yml): the build writes into it the
#: registry's part (which attributes carry which kind's ids), then SITE_SCRIPT_PARTS.
SITE_SCRIPT = "assets/javascripts/site.js"
#: The scripts under docs/ that SITE_SCRIPT joins, in this order: storage.js before
#: progress.js and notes.js, which save through it. They are not published on their own:
#: one request instead of five, none of them before the first paint.
SITE_SCRIPT_PARTS = tuple(f"assets/javascripts/{name}.js"
                          for name in ("pratamedbarn", "storage", "progress", "notes"))
#: The day each page last changed, for the "Uppdaterad" marks (updated.js reads it).
DAYS_SCRIPT = "assets/javascripts/days.js"
#: An edition's colour (`accent:` in utgavor/<id>.yaml), written by the build when it has one.
EDITION_CSS = "assets/stylesheets/utgava.css"


def page_url(path: str) -> str:
    """The URL of a page source path, relative to the site root, with directory URLs."""
    if posixpath.basename(path) == "index.md":
        return posixpath.dirname(path) + "/" if "/" in path else ""
    return path[:-3] + "/"


def absolute_url(site_url: str, path: str) -> str:
    """The full address of the page made from `path` on a site published at `site_url`."""
    return urljoin(site_url, page_url(path))


def short_address(url: str) -> str:
    """An address as a person types it: without https:// and www."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
