"""Page weight through the real server: what a learner's first visit to a page transfers.

nginx (with the shipped server/nginx/site.conf) logs the bytes it sends for every answer,
headers and gzip included, also those the search worker asks for; a fresh browser profile
opens the page and waits until the network is quiet. No film is played.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.nginx import nginx
from pratamedbarn import kinds
from pratamedbarn.urls import MY_NOTES_PATH, RESEARCH_PATH, STUDY_GUIDE_PATH, page_url

#: The most a first visit may transfer before a film is played (issue: page-weight budget).
BUDGET = 150 * 1024


def page_types(library) -> dict[str, str]:
    """One page of each type: the start page, each kind's first page and list page, and more."""
    types = {"start page": ""}
    for kind in kinds.with_pages():
        first = next(iter(library.items[kind.name]))
        types[f"{kind.label} page"] = page_url(kind.path(first))
        if kind.list_template:
            types[f"{kind.label} list"] = page_url(kind.list_path)
    for name, path in (("Mina anteckningar", MY_NOTES_PATH), ("research", RESEARCH_PATH),
                       ("study guide page", STUDY_GUIDE_PATH)):
        types[name] = page_url(path)
    return types


@pytest.fixture(scope="module")
def logged(site_dir: Path, tmp_path_factory):
    log = tmp_path_factory.mktemp("weight") / "sent.log"
    with nginx(site_dir, log=log) as url:
        yield url, log


def first_visit(browser, url: str, log: Path) -> tuple[int, list[str]]:
    """Bytes sent for a first visit to `url`, and the paths asked for."""
    log.write_text("", encoding="utf-8")
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    context.close()
    lines = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    return sum(int(sent) for sent, _ in lines), [path for _, path in lines]


def test_no_page_type_transfers_more_than_the_budget(browser, logged, shipped_library):
    url, log = logged
    weights = {}
    for name, path in page_types(shipped_library).items():
        sent, asked = first_visit(browser, url + path, log)
        assert not [p for p in asked if p.endswith((".mp4", ".pdf"))], f"{name}: {asked}"
        weights[name] = sent
    heavy = {name: f"{sent / 1024:.0f} kB" for name, sent in weights.items() if sent > BUDGET}
    assert not heavy, f"over {BUDGET // 1024} kB: {heavy}; all: {weights}"
    assert all(sent > 20 * 1024 for sent in weights.values()), weights  # the log counts
