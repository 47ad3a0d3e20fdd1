"""Helpers shared by the tests: where things are, and site builds in temp dirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"


def site_project(tmp_path: Path, content_root: Path = GOOD) -> Path:
    """A project folder: the repository's mkdocs.yml, theme and pages, with `content_root`'s content."""
    project = tmp_path / "project"
    shutil.copytree(content_root, project, dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", project)
    shutil.copytree(REPO / "overrides", project / "overrides", dirs_exist_ok=True)
    for path in (REPO / "docs").iterdir():
        if path.name != "media":
            if path.is_dir():
                shutil.copytree(path, project / "docs" / path.name, dirs_exist_ok=True)
            else:
                shutil.copy(path, project / "docs" / path.name)
    return project


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`, as editors and CI run it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Never -q: quiet mode drops the warnings before --strict can count them.
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False)
