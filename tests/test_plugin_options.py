"""Settings of the pratamedbarn plugin in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from helpers import mkdocs_build, site_project


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
