"""Links to the site's own pages: what `make check` passes, the strict build passes too.

The broken links are bad cases (fixtures/bad_cases.yaml: a news post's link to a film page that
does not exist, a link to a heading a page does not have, links in content text); here their
good twins go through the check and then through `mkdocs build --strict`.
"""

from __future__ import annotations

from pathlib import Path

from helpers import REPO, mkdocs_build, run_check, site_project
from pratamedbarn.generate import read_config
from pratamedbarn.internal_links import ENGINE_EXTENSIONS

POST = "docs/nyheter/2026-01-15-forsta-nyheten.md"
#: The good twin of each bad link case: (file, text, replacement).
GOOD_TWINS = [
    # A news post's link to a film page that exists, to one of its headings ("Kursens råd":
    # the slug drops the å as the build's does), and an e-mail address.
    (POST, "(../filmer/forbereda-samtalet.md)",
     "(../filmer/tolk.md), [råden](../filmer/forbereda-samtalet.md#kursens-rad) och <fou@example.se>"),
    # A link in a content text shown on one page only (a film's advice).
    ("videos.yaml", "      - Tänk ut en bra plats.\n",
     "      - Tänk ut en bra plats, se [övningen](../ovningar/lyssna.md#gor-sa-har).\n"),
    # In a text laid out as HTML (a checklist item), a link to another site.
    ("checklists/fore-samtalet.yaml", "    text: Jag har bokat en lugn plats.\n",
     "    text: Jag har bokat en lugn plats ([tips](https://www.socialstyrelsen.se/)).\n"),
    # A publisher's setting that exists.
    (POST, "Testinnehållets första nyhet,", "Testinnehållets första nyhet ({{ publisher.phone }}),"),
]


def _apply(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_links_the_check_passes_pass_the_strict_build(content: Path, tmp_path: Path):
    for twin in GOOD_TWINS:
        _apply(content, *twin)
    check = run_check(content)
    assert check.returncode == 0, check.stderr
    assert check.stdout.splitlines()[-1] == "Ändringen kan publiceras."
    build = mkdocs_build(site_project(tmp_path, content), tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert 'href="../../ovningar/lyssna/#gor-sa-har"' in (
        tmp_path / "site" / "filmer" / "forbereda-samtalet" / "index.html").read_text(encoding="utf-8")


def test_the_check_reads_headings_with_the_build_s_extensions_alone():
    # The check makes the same heading slugs as the build because it converts pages with the
    # same extensions: MkDocs' own and the plugin's. Any added in mkdocs.yml must be added there.
    assert ENGINE_EXTENSIONS == ["toc", "tables", "fenced_code"]
    assert "markdown_extensions" not in read_config(REPO / "mkdocs.yml")
