"""'Senast uppdaterad' from git history (or the file's own date outside git) and the version mark."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import mkdocs_build, site_project
from pratamedbarn.dates import last_changed
from pratamedbarn.library import load_library
from pratamedbarn.pages import build_pages, page_sources, site_pages


def git(root: Path, *args: str, day: str = "2024-03-05") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{day}T12:00:00+01:00",
               GIT_COMMITTER_DATE=f"{day}T12:00:00+01:00")
    return subprocess.run(["git", "-c", "user.name=Redaktör", "-c", "user.email=fou@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=root, env=env,
                          capture_output=True, text=True, check=True).stdout


def set_mtime(path: Path, day: date) -> None:
    stamp = datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (stamp, stamp))


def updated(site: Path, page: str) -> str:
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return html.select_one(".pmb-updated").get_text(" ", strip=True)


def test_every_generated_page_names_the_files_it_comes_from(content: Path):
    library = load_library(content)
    sources = page_sources(site_pages(library))
    assert sorted(sources) == sorted(build_pages(library))
    for names in sources.values():
        assert names and all((content / name).is_file() for name in names)


def test_committed_files_have_their_last_commit_day(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", day="2024-03-05")
    (tmp_path / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "second", day="2025-01-31")
    days = last_changed(tmp_path, [tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert days == {tmp_path / "a.yaml": date(2024, 3, 5), tmp_path / "b.yaml": date(2025, 1, 31)}


def test_uncommitted_and_unknown_files_have_the_day_they_were_saved(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    (tmp_path / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text("n: 1\n", encoding="utf-8")
    set_mtime(tmp_path / "a.yaml", date(2026, 2, 1))
    set_mtime(tmp_path / "new.yaml", date(2026, 2, 2))
    days = last_changed(tmp_path, [tmp_path / "a.yaml", tmp_path / "new.yaml"])
    assert days == {tmp_path / "a.yaml": date(2026, 2, 1), tmp_path / "new.yaml": date(2026, 2, 2)}


def test_outside_git_the_files_own_day_is_used(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    set_mtime(tmp_path / "a.yaml", date(2023, 12, 24))
    assert last_changed(tmp_path, [tmp_path / "a.yaml", tmp_path / "gone.yaml"]) == {
        tmp_path / "a.yaml": date(2023, 12, 24)}


def test_pages_show_the_day_of_the_file_they_come_from_and_the_version(tmp_path: Path):
    project = site_project(tmp_path)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Innehåll", day="2024-03-05")
    checklist = project / "checklists" / "fore-samtalet.yaml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace("Bocka av", "Kryssa"),
                         encoding="utf-8")
    git(project, "commit", "-qam", "Ny ingress", day="2025-10-01")
    commit = git(project, "log", "-1", "--format=%h").strip()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert updated(site, "checklistor/fore-samtalet/index.html") == "Senast uppdaterad 1 oktober 2025"
    assert updated(site, "checklistor/under-samtalet/index.html") == "Senast uppdaterad 5 mars 2024"
    assert updated(site, "checklistor/index.html") == "Senast uppdaterad 1 oktober 2025"
    assert updated(site, "filmer/tolk/index.html") == "Senast uppdaterad 5 mars 2024"
    assert updated(site, "om-oss/index.html") == "Senast uppdaterad 5 mars 2024"
    time = BeautifulSoup((site / "filmer/tolk/index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one(".pmb-updated time")
    assert time["datetime"] == "2024-03-05"
    # The version is for editors: on the about page, not in every learner's footer.
    about = BeautifulSoup((site / "om-oss/index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one("article .pmb-version").get_text(strip=True) == (
        f"Webbplatsens version {commit}, 1 oktober 2025")
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert start.select_one(".pmb-version") is None
    assert commit not in start.select_one("footer").get_text()


def test_a_build_outside_git_dates_pages_by_their_files(tmp_path: Path):
    project = site_project(tmp_path)
    set_mtime(project / "videos.yaml", date(2022, 6, 6))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert updated(site, "filmer/tolk/index.html") == "Senast uppdaterad 6 juni 2022"
    about = BeautifulSoup((site / "om-oss/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "version okänd" in about.select_one(".pmb-version").get_text()
