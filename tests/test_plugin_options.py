"""Settings of the pratamedbarn plugin in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import REPO, mkdocs_build, site_project


def test_study_guide_false_builds_the_pages_without_the_pdf(tmp_path: Path):
    project = site_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - pratamedbarn\n" in text
    config.write_text(text.replace("  - pratamedbarn\n",
                                   "  - pratamedbarn:\n      study_guide: false\n"), encoding="utf-8")
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
    config = load_config(str(site_project(tmp_path) / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        assert (site / "studiehandledning" / "index.html").is_file()
        config.plugins.on_shutdown()  # waits for the layout
        assert (site / "studiehandledning.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # the instance is shared
