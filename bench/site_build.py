"""Full `mkdocs build --strict` at 1×, 10× and 50× the shipped content, against a plain baseline.

Each size gets a project with the pratamedbarn plugin and a baseline project (see project.py)
over the same content; the two are built in turn, fresh into an empty folder each time.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .common import WORK, Runs, Sample, mkdocs, table, timed
from .project import baseline_project, page_count, plugin_project

#: Content size (times the shipped content) → number of runs of each build.
SIZES = {1: 5, 10: 3, 50: 3}


@dataclass
class SizeResult:
    factor: int
    pages: int
    plugin: list[Sample]
    baseline: list[Sample]

    def cpu(self, which: str) -> Runs:
        return Runs(tuple(s.cpu for s in getattr(self, which)))

    def wall(self, which: str) -> Runs:
        return Runs(tuple(s.wall for s in getattr(self, which)))

    def ratios(self) -> Runs:
        """Plugin build over baseline build, run by run (CPU time)."""
        return Runs(tuple(p.cpu / b.cpu for p, b in zip(self.plugin, self.baseline)))


def build(project: Path, site: Path) -> Sample:
    shutil.rmtree(site, ignore_errors=True)
    return timed(mkdocs("build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(site)))


def measure(factor: int, runs: int) -> SizeResult:
    """Build the plugin project and the baseline `runs` times each, alternating."""
    root = WORK / f"{factor}x"
    shutil.rmtree(root, ignore_errors=True)
    project = plugin_project(factor, root / "plugin")
    baseline = baseline_project(project, root / "baseline")
    result = SizeResult(factor, page_count(baseline), [], [])
    for _ in range(runs):
        result.plugin.append(build(project, root / "site-plugin"))
        result.baseline.append(build(baseline, root / "site-baseline"))
    return result


def report(results: list[SizeResult]) -> str:
    """The site-build table: CPU seconds as median (min–max, runs), ratios and growth."""
    first = results[0].cpu("plugin").median
    rows = []
    for r in results:
        plugin, baseline = r.cpu("plugin"), r.cpu("baseline")
        rows.append([
            f"{r.factor}×", r.pages, plugin.spread(), baseline.spread(),
            r.ratios().spread(), f"{1000 * plugin.median / r.pages:.1f}",
            f"{plugin.median / first:.1f}×", r.wall("plugin").spread(),
        ])
    return table(["content", "pages", "build with plugin, CPU s", "baseline build, CPU s",
                  "overhead (plugin ÷ baseline)", "ms per page", "time vs 1×",
                  "build with plugin, wall s"], rows)


def run() -> str:
    return report([measure(factor, runs) for factor, runs in SIZES.items()])
