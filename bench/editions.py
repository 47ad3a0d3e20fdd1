"""Ten local editions against one (BENCHMARKS.md §7).

A copy of the shipped project (project.py, at 1×) gets ten editions made from
utgavor/exempel.yaml, each with its own municipality in its sender, address and routines.
Three builds are timed in turn, each in a fresh process into an empty folder:

- **one edition** as `make build UTGAVA=<id>` builds it: `mkdocs build --strict`;
- **ten editions** as `make build-editions` builds them: `python -m pratamedbarn
  build-editions`, the content loaded once and each PDF laid out like the one before, one
  worker a core;
- **ten editions, one worker** (`--jobs 1`): the same in one process, to show what the
  cores add and what the shared load and layout alone save.

Goal (issue 31): ten editions in at most 4× the time of one. Wall-clock time is what the
goal is about (how long CI takes to publish); CPU time is what the machine spends.
"""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path

import yaml

from .common import ENV, REPO, WORK, Runs, Sample, mkdocs, table, timed
from .project import plugin_project

EDITIONS = 10
RUNS = 3
#: Ten editions in at most this many times the wall-clock time of one (issue 31).
GOAL = 4.0


def edition_ids() -> list[str]:
    return [f"kommun-{n:02d}" for n in range(1, EDITIONS + 1)]


def add_editions(project: Path) -> None:
    """Ten editions in `project`/utgavor/, each a municipality of its own."""
    example = yaml.safe_load((REPO / "utgavor" / "exempel.yaml").read_text(encoding="utf-8"))
    (project / "utgavor").mkdir(exist_ok=True)
    shutil.copytree(REPO / "docs" / "media" / "utgavor", project / "docs" / "media" / "utgavor",
                    dirs_exist_ok=True)
    for n, edition_id in enumerate(edition_ids(), start=1):
        edition = copy.deepcopy(example)
        edition.pop("publish", None)
        edition["site_url"] = f"https://{edition_id}.example/prata-med-barn/"
        text = yaml.safe_dump(edition, allow_unicode=True, sort_keys=False)
        text = text.replace("Exempelkommunen", f"Kommun {n}").replace("Exempelstad", f"Stad {n}")
        (project / "utgavor" / f"{edition_id}.yaml").write_text(text, encoding="utf-8")


def one(project: Path, site: Path) -> Sample:
    shutil.rmtree(site, ignore_errors=True)
    return timed(mkdocs("build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(site)), env=dict(ENV, PMB_UTGAVA=edition_ids()[0]))


def ten(project: Path, site: Path, jobs: int | None = None) -> Sample:
    shutil.rmtree(site, ignore_errors=True)
    return timed([sys.executable, "-m", "pratamedbarn", "build-editions", "--root",
                  str(project), "--out", str(site), *(["--jobs", str(jobs)] if jobs else [])])


def run() -> str:
    root = WORK / "editions"
    shutil.rmtree(root, ignore_errors=True)
    project = plugin_project(1, root / "project")
    add_editions(project)
    samples: dict[str, list[Sample]] = {"one": [], "ten": [], "serial": []}
    for _ in range(RUNS):
        samples["one"].append(one(project, root / "site"))
        samples["ten"].append(ten(project, root / "site"))
        samples["serial"].append(ten(project, root / "site", jobs=1))
    rows = [["one edition (`make build UTGAVA=kommun-01`)", *_times(samples["one"]), "1"],
            [f"{EDITIONS} editions (`make build-editions`)", *_times(samples["ten"]),
             _ratio(samples["ten"], samples["one"])],
            [f"{EDITIONS} editions, one worker (`--jobs 1`)", *_times(samples["serial"]),
             _ratio(samples["serial"], samples["one"])]]
    return table(["build", "wall s", "CPU s", f"wall ÷ one edition's, run by run (goal ≤ {GOAL:.0f})"],
                 rows)


def _times(samples: list[Sample]) -> list[str]:
    return [Runs(tuple(s.wall for s in samples)).spread(), Runs(tuple(s.cpu for s in samples)).spread()]


def _ratio(many: list[Sample], one: list[Sample]) -> str:
    return Runs(tuple(m.wall / o.wall for m, o in zip(many, one, strict=True))).spread()


if __name__ == "__main__":
    print(run())
