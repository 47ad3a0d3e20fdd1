"""Full `mkdocs build --strict` at 1×, 10× and 50× the shipped content, against a plain baseline.

Each size gets a project with the pratamedbarn plugin and a baseline project (see project.py)
over the same content. Three builds are timed in turn, each fresh into an empty folder:
the pages alone with the plugin (mkdocs-pages.yml), the baseline, and, at the sizes in
WHOLE, the whole site build as `make build` runs it, study guide PDF included.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .common import WORK, Runs, Sample, mkdocs, table, timed
from .project import PAGES_ONLY, baseline_project, page_count, plugin_project

#: Content size (times the shipped content) → number of runs of each build.
SIZES = {1: 5, 10: 3, 50: 3}
#: Sizes at which the whole build (with the PDF) is timed too; the PDF grows with the sessions.
WHOLE = {1}


@dataclass
class SizeResult:
    factor: int
    pages: int
    plugin: list[Sample] = field(default_factory=list)
    baseline: list[Sample] = field(default_factory=list)
    whole: list[Sample] = field(default_factory=list)

    def cpu(self, which: str) -> Runs:
        return Runs(tuple(s.cpu for s in getattr(self, which)))

    def wall(self, which: str) -> Runs:
        return Runs(tuple(s.wall for s in getattr(self, which)))

    def ratios(self) -> Runs:
        """Plugin build over baseline build, run by run (CPU time)."""
        return Runs(tuple(p.cpu / b.cpu for p, b in zip(self.plugin, self.baseline, strict=True)))


def build(config: Path, site: Path) -> Sample:
    shutil.rmtree(site, ignore_errors=True)
    return timed(mkdocs("build", "--strict", "-q", "-f", str(config), "-d", str(site)))


def measure(factor: int, runs: int) -> SizeResult:
    """Build each project `runs` times, taking turns so that a busy moment hits all alike."""
    root = WORK / f"{factor}x"
    shutil.rmtree(root, ignore_errors=True)
    project = plugin_project(factor, root / "plugin")
    baseline = baseline_project(project, root / "baseline")
    result = SizeResult(factor, page_count(baseline))
    for _ in range(runs):
        result.plugin.append(build(project / PAGES_ONLY, root / "site"))
        result.baseline.append(build(baseline / "mkdocs.yml", root / "site"))
        if factor in WHOLE:
            result.whole.append(build(project / "mkdocs.yml", root / "site"))
    return result


def report(results: list[SizeResult]) -> str:
    """The site-build table: CPU seconds as median (min–max, runs), ratios and growth."""
    first = results[0].cpu("plugin").median
    rows = []
    for r in results:
        plugin, baseline = r.cpu("plugin"), r.cpu("baseline")
        rows.append([
            f"{r.factor}×", r.pages, plugin.spread(), baseline.spread(), r.ratios().spread(),
            f"{1000 * plugin.median / r.pages:.1f}", f"{plugin.median / first:.1f}×",
            r.wall("plugin").spread(), r.cpu("whole").spread() if r.whole else "not timed",
        ])
    return table(["content", "pages", "pages with plugin, CPU s", "baseline, CPU s",
                  "overhead (plugin ÷ baseline)", "ms per page", "time vs 1×",
                  "pages with plugin, wall s", "whole build with PDF, CPU s"], rows)


def run() -> str:
    return report([measure(factor, runs) for factor, runs in SIZES.items()])
