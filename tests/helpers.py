"""Helpers shared by the tests: where things are, broken content, site builds in temp dirs."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from pratamedbarn.generate import is_plugin, read_config, write_config

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
#: One broken edit a kind of content error (tests/fixtures/bad_cases.yaml).
CASES = yaml.safe_load((FIXTURES / "bad_cases.yaml").read_text(encoding="utf-8"))


def break_content(root: Path, case: dict) -> None:
    """Apply one case of bad_cases.yaml to the content under `root`."""
    path = root / case["file"]
    if case.get("delete"):
        path.unlink()
    elif "copy_to" in case:
        shutil.copy(path, root / case["copy_to"])
    elif "pad_to" in case:
        # A file of the given size: the content as it is, and a long comment after it.
        with path.open("a", encoding="utf-8") as file:
            file.write("#" * (case["pad_to"] - path.stat().st_size) + "\n")
    elif case.get("latin1"):
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    elif "text" in case:
        path.write_text(case["text"], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert case["find"] in text, f"fixture text to replace not found: {case['find']!r}"
        path.write_text(text.replace(case["find"], case["replace"], 1), encoding="utf-8")


def site_project(tmp_path: Path, content_root: Path = GOOD, study_guide: bool = False) -> Path:
    """A project folder: `content_root`'s content and hand-written pages, with the repository's
    settings, theme, styles and scripts. The menu lists `content_root`'s own pages, so no test
    depends on the pages the editors write in docs/.

    The study guide PDF takes seconds to lay out: only a test that opens it asks for it.
    """
    project = tmp_path / "project"
    shutil.copytree(content_root, project, dirs_exist_ok=True)
    shutil.copytree(REPO / "overrides", project / "overrides", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True)
    config = read_config(REPO / "mkdocs.yml")
    config["nav"] = [{_heading(page): page.name} for page in sorted((project / "docs").glob("*.md"))]
    if not study_guide:
        config["plugins"] = [{"pratamedbarn": {"study_guide": False}} if is_plugin(entry) else entry
                             for entry in config["plugins"]]
    write_config(project / "mkdocs.yml", config)
    return project


def _heading(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("# ")


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`, as editors and CI run it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Never -q: quiet mode drops the warnings before --strict can count them.
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False)


def run_check(root: Path) -> subprocess.CompletedProcess:
    """`python -m pratamedbarn check` of the content under `root`, as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "pratamedbarn", "check", "--root", str(root)],
                          capture_output=True, text=True, check=False)


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills once a test run, shared by every pytest-xdist worker.

    Building the shipped site takes seconds, most of them the study guide's layout: the first
    worker to ask builds it while the others wait for it, instead of each building its own.
    Tests only read it. A `make` that fails marks nothing done: the next worker to ask tries
    again, and fails alike.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, which every worker's own folder is in
    folder, done = base / name, base / f"{name}.done"
    with (base / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder
