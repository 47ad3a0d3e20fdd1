"""Settings of the pratamedbarn plugin in mkdocs.yml."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import REPO, mkdocs_build, site_project
from pratamedbarn.guide_worker import GuideWorker


def test_study_guide_false_builds_the_pages_without_the_pdf(tmp_path: Path):
    project = site_project(tmp_path, study_guide=False)
    assert "study_guide: false" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "studiehandledning" / "index.html").is_file()
    assert not (tmp_path / "site" / "studiehandledning.pdf").exists()


def test_mkdocs_serve_keeps_one_plugin_so_the_pdf_is_laid_out_again_only_on_change():
    # `mkdocs serve` loads the config anew for every rebuild; the plugin must survive it.
    first, second = (load_config(str(REPO / "mkdocs.yml")) for _ in range(2))
    assert first.plugins["pratamedbarn"] is second.plugins["pratamedbarn"]


def test_in_mkdocs_serve_the_pdf_is_laid_out_after_the_build(tmp_path: Path):
    # MkDocs shows no page while it builds: in `mkdocs serve` the PDF follows the build.
    site = tmp_path / "site"
    project = site_project(tmp_path, study_guide=True)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["pratamedbarn"]
    try:
        build(config)
        assert (site / "studiehandledning" / "index.html").is_file()
        assert plugin.guide.wait(timeout=300)
        assert (site / "studiehandledning.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        config.plugins.on_shutdown()
        config.plugins.on_startup(command="build", dirty=False)  # the instance is shared


def _job(root: Path, publication, edition) -> dict[str, bytes]:
    # A layout in the worker process: "first" runs until the test lets it end.
    with (root.parent / "ran.txt").open("a") as log:
        log.write(f"{root.name}\n")
    if root.name == "dies":
        os._exit(1)  # as a worker killed for want of memory
    while root.name in ("first", "endless") and not (root.parent / "release").exists():
        time.sleep(0.05)
    return {"a.pdf": root.name.encode()}


def _wait_for(path: Path) -> None:
    for _ in range(1200):  # a spawned worker imports the project first: seconds on a busy machine
        if path.exists():
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} never appeared")


def test_a_newer_save_replaces_a_layout_that_waits_its_turn(tmp_path: Path):
    worker = GuideWorker(_job)
    sites = {name: tmp_path / f"site-{name}" for name in ("first", "second", "third")}
    for site in sites.values():
        site.mkdir()
    try:
        worker.start(tmp_path / "first", None, sites["first"])
        _wait_for(tmp_path / "ran.txt")  # the first layout runs ...
        worker.start(tmp_path / "second", None, sites["second"])  # ... the second waits its turn
        worker.start(tmp_path / "third", None, sites["third"])  # and is replaced by the third
        assert worker.busy()
        (tmp_path / "release").touch()
        assert worker.wait(timeout=300)
    finally:
        worker.close()
    assert (tmp_path / "ran.txt").read_text().split() == ["first", "third"]
    # The first layout was overtaken while it ran: what it made is not written.
    assert not (sites["first"] / "a.pdf").exists() and not (sites["second"] / "a.pdf").exists()
    assert (sites["third"] / "a.pdf").read_bytes() == b"third"


def test_closing_stops_a_layout_in_the_middle(tmp_path: Path):
    # Ctrl+C on `make serve`: the server must not wait for WeasyPrint to finish.
    worker = GuideWorker(_job)
    worker.start(tmp_path / "endless", None, tmp_path)
    _wait_for(tmp_path / "ran.txt")
    closing = threading.Thread(target=worker.close)
    closing.start()
    closing.join(timeout=120)
    stuck = closing.is_alive()
    (tmp_path / "release").touch()  # lets a worker that was not stopped end the test
    assert not stuck, "close() waited for a layout that never ends"
    assert not (tmp_path / "a.pdf").exists()


def test_a_worker_that_dies_is_replaced_for_the_next_save(tmp_path: Path, capfd):
    worker = GuideWorker(_job)
    try:
        worker.start(tmp_path / "dies", None, tmp_path)
        assert worker.wait(timeout=300)
        assert "Studiehandledningen kunde inte göras" in capfd.readouterr().err
        worker.start(tmp_path / "second", None, tmp_path)
        assert worker.wait(timeout=300)
    finally:
        worker.close()
    assert (tmp_path / "a.pdf").read_bytes() == b"second"
