"""Shared fixtures: a fresh copy of the good fixture content, and the fixture site and the
shipped site, each built once a run (by one worker, for all of them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import GOOD, REPO, made_once, mkdocs_build, site_project
from pratamedbarn.library import Library, load_library


def pytest_collection_modifyitems(items):
    # Everything under tests/browser/ drives Chromium: `make test-fast` leaves it out.
    for item in items:
        if "browser" in Path(item.fspath).parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the good fixture content."""
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture content built once into a site folder, with its study guide PDF
    (the link checks follow the site's link to it)."""
    def build(tmp: Path) -> None:
        result = mkdocs_build(site_project(tmp, study_guide=True), tmp / "site")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "fixture-site", build) / "site"


@pytest.fixture(scope="session")
def shipped_library() -> Library:
    """The shipped content, loaded once: broken content fails the tests that use it."""
    return load_library(REPO)


@pytest.fixture(scope="session")
def fixture_library() -> Library:
    """The good fixture content (tests/fixtures/good), loaded once."""
    return load_library(GOOD)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped content, built once with `mkdocs build --strict`, study guide included."""
    def build(tmp: Path) -> None:
        result = mkdocs_build(REPO, tmp / "site")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "shipped-site", build) / "site"
