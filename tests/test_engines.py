"""The same site from both engines: MkDocs + Material (the default) and Zensical, which reads
no plugin of ours and builds the tree `python -m pratamedbarn generate` writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, made_once
from pratamedbarn import kinds
from pratamedbarn.library import load_library
from pratamedbarn.urls import PDF_NAME, SITE_SCRIPT, SITE_SCRIPT_PARTS, page_url

ZENSICAL = Path(sys.executable).parent / "zensical"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


def run(*args, cwd: Path = REPO) -> None:
    result = subprocess.run([*map(str, args)], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The shipped content built as `make build-zensical` does."""
    def build(tmp: Path) -> None:
        run(sys.executable, "-m", "pratamedbarn", "generate", tmp / "tree")
        run(ZENSICAL, "build", "--strict", "-f", "mkdocs.yml", cwd=tmp / "tree")
        run(sys.executable, "-m", "pratamedbarn", "finish", tmp / "tree" / "site",
            "--config", tmp / "tree" / "mkdocs.yml")

    return made_once(tmp_path_factory, "zensical", build) / "tree" / "site"


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_engines_make_the_same_pages(shipped_site: Path, zensical_site: Path):
    assert pages(zensical_site) == pages(shipped_site)


def test_every_item_has_its_page_in_the_zensical_build(zensical_site: Path):
    library = load_library(REPO)
    for kind in kinds.with_pages():
        for item in library.items[kind.name].values():
            page = zensical_site / page_url(kind.path(item.id)) / "index.html"
            assert item.title in page.read_text(encoding="utf-8"), page


def test_both_engines_ship_the_same_policy_with_their_themes_hashes(shipped_site: Path,
                                                                    zensical_site: Path):
    def policy(site: Path, page: str) -> str:
        return POLICY.search((site / page).read_text(encoding="utf-8"))[1]

    for page in pages(shipped_site):
        mkdocs, zensical = policy(shipped_site, page), policy(zensical_site, page)
        assert "'sha256-" in mkdocs and "'sha256-" in zensical, page
        without_hashes = [re.sub(r" 'sha256-[^']+'", "", p) for p in (mkdocs, zensical)]
        assert without_hashes[0] == without_hashes[1], page


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_both_engines_publish_the_same_study_guide_and_feed(shipped_site: Path, zensical_site: Path):
    assert pdf_text(zensical_site / PDF_NAME) == pdf_text(shipped_site / PDF_NAME)
    feed = "nyheter/feed.xml"
    assert (zensical_site / feed).read_text(encoding="utf-8") == \
        (shipped_site / feed).read_text(encoding="utf-8")


def test_both_engines_give_every_page_one_deferred_script_of_ours(shipped_site: Path,
                                                                  zensical_site: Path):
    # Nothing of ours may hold up the first paint (make audit), and one request is cheaper
    # than five: the site's scripts come joined, deferred, and not also one by one.
    for site in (shipped_site, zensical_site):
        assert (site / SITE_SCRIPT).is_file()
        assert not [part for part in SITE_SCRIPT_PARTS if (site / part).exists()]
        for html in (site / "index.html", site / "filmer" / "forbereda-samtalet" / "index.html"):
            scripts = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all("script")
            ours = [s for s in scripts if "bundle." not in s.get("src", "bundle.")]
            assert [s["src"].rsplit("/", 1)[-1] for s in ours] == ["site.js"], html
            assert ours[0].has_attr("defer"), html
