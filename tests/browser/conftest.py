"""Browser fixtures: the shipped site built once, served on 127.0.0.1, and Debian's Chromium.

Every site is served by Debian's nginx with the shipped configuration (server/nginx/site.conf),
as a publisher serves it: compression, cache and security headers, Range requests.
Playwright drives /usr/bin/chromium (Debian's package) through `executable_path`;
it never downloads a browser of its own.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.nginx import free_port, nginx
from checkers import OTHER_HOSTS
from helpers import mkdocs_build, site_project

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services at start-up.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def site_dir(shipped_site: Path) -> Path:
    """The shipped content's site (built once a run, in tests/conftest.py)."""
    return shipped_site


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """The built site served by nginx on a free port of 127.0.0.1."""
    with nginx(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory):
    """The fixture content's site (tests/fixtures/good: items with aliases, a playable film).

    Its site_url is the address it is served on: Material's instant navigation only follows
    links to pages in its sitemap, and compares their port too.
    """
    tmp = tmp_path_factory.mktemp("fixture-url")
    port = free_port()
    project = site_project(tmp)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: http://127.0.0.1:{port}/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    with nginx(tmp / "site", port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty localStorage) for each test."""
    context = browser.new_context(locale="sv-SE")
    yield context
    context.close()


#: The learners of the issues: an office PC (keyboard and mouse) and a phone (touch).
PROFILES = {"pc": {"viewport": {"width": 1280, "height": 800}},
            "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                      "has_touch": True}}


@pytest.fixture(params=sorted(PROFILES))
def profile(browser, request):
    """A fresh browser profile of the office PC or of the phone: the test runs in both.
    `profile.name` says which."""
    context = browser.new_context(locale="sv-SE", **PROFILES[request.param])
    context.name = request.param
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.foreign_requests = []  # requests to any host other than 127.0.0.1

    def record(request):
        if OTHER_HOSTS.match(request.url):
            page.foreign_requests.append(request.url)

    page.on("request", record)
    yield page
    page.close()


#: A page with a known accessibility and markup error: an image without alt text.
BROKEN_PAGE = """# Trasig sida

Den här sidan är trasig med flit: bilden saknar alt-text.

<img src="../media/affischer/tolk.jpg" width="64" height="36">
"""


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory) -> Path:
    """The fixture content built with one extra page, trasig.md, that has an image without alt."""
    tmp = tmp_path_factory.mktemp("broken-site")
    project = site_project(tmp)
    (project / "docs" / "trasig.md").write_text(BROKEN_PAGE, encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="session")
def broken_url(broken_site: Path):
    """The broken site served on 127.0.0.1."""
    with nginx(broken_site) as url:
        yield url
