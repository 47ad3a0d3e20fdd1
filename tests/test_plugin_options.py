"""Settings of the pratamedbarn plugin in mkdocs.yml."""

from __future__ import annotations

import threading
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import REPO, mkdocs_build, site_project
from pratamedbarn.plugin import PrataMedBarnPlugin


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
    try:
        build(config)
        assert (site / "studiehandledning" / "index.html").is_file()
        config.plugins.on_shutdown()  # waits for the layout
        assert (site / "studiehandledning.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # the instance is shared


def test_a_newer_save_replaces_a_layout_that_waits_its_turn(tmp_path: Path, monkeypatch):
    plugin = PrataMedBarnPlugin()
    started, release, laid_out = threading.Event(), threading.Event(), []

    def slow_layout(html: str, target: Path) -> None:
        started.set()
        release.wait(10)
        laid_out.append(html)

    monkeypatch.setattr(plugin, "_lay_out", slow_layout)
    plugin._lay_out_later("first", tmp_path / "a.pdf")
    assert started.wait(10)  # the first layout runs ...
    plugin._lay_out_later("second", tmp_path / "a.pdf")  # ... the second waits its turn
    plugin._lay_out_later("third", tmp_path / "a.pdf")  # and is replaced by the third
    release.set()
    plugin.wait_for_guide()
    plugin.on_shutdown()
    assert laid_out == ["first", "third"]
