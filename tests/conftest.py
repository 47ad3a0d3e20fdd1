"""Shared fixtures: a fresh copy of the good fixture content, and the fixture site built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import GOOD, mkdocs_build, site_project


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the good fixture content."""
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture content built once into a site folder."""
    tmp = tmp_path_factory.mktemp("fixture-site")
    result = mkdocs_build(site_project(tmp), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"
