"""The study guide PDF: `build_study_guide.py` as a whole, and where its time goes.

The split follows the seam in pratamedbarn/study_guide.py: our part is loading the content,
the Jinja templates, the Markdown and the QR codes (`render_html`); WeasyPrint's part is the
layout of that final HTML into a PDF (`write_pdf`, WeasyPrint's import included). Each split
run is a fresh process (`python -m bench.study_guide ROOT`) so no run reuses another's caches.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

from .common import ENV, REPO, WORK, Runs, table, timed
from .project import plugin_project

#: Content size → number of runs.
SIZES = {1: 5, 10: 3}
#: Goal: our part at most this share of the whole.
GOAL = 0.10


def split(root: Path) -> dict[str, float]:
    """CPU seconds of our part and of WeasyPrint's, in this process."""
    start = time.process_time()
    from pratamedbarn.library import load_library
    from pratamedbarn.study_guide import read_publication, render_html, write_pdf
    from pratamedbarn.version import current_version

    html = render_html(load_library(root), read_publication(root / "mkdocs.yml"),
                       current_version(root))
    ours = time.process_time()
    write_pdf(html, BytesIO())
    return {"ours": ours - start, "weasyprint": time.process_time() - ours}


def _split_in_fresh_process(root: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-m", "bench.study_guide", str(root)], cwd=REPO,
                            capture_output=True, text=True, env=ENV, check=True)
    return json.loads(result.stdout)


def measure(factor: int, runs: int) -> list[str]:
    project = plugin_project(factor, WORK / f"guide-{factor}x")
    command = [sys.executable, str(REPO / "build_study_guide.py"), "--root", str(project),
               "-o", str(WORK / f"guide-{factor}x.pdf")]
    whole = [timed(command) for _ in range(runs)]
    parts = [_split_in_fresh_process(project) for _ in range(runs)]
    ours = Runs(tuple(p["ours"] for p in parts))
    weasy = Runs(tuple(p["weasyprint"] for p in parts))
    share = Runs(tuple(p["ours"] / (p["ours"] + p["weasyprint"]) for p in parts))
    verdict = "yes" if share.median <= GOAL else f"**no** ({share.median:.0%})"
    return [f"{factor}×", Runs(tuple(s.cpu for s in whole)).spread(),
            Runs(tuple(s.wall for s in whole)).spread(), ours.spread(), weasy.spread(),
            Runs(tuple(100 * x for x in share.values)).spread(1) + " %",
            f"{weasy.median / ours.median:.1f}", verdict]


def run() -> str:
    rows = [measure(factor, runs) for factor, runs in SIZES.items()]
    return table(["content", "build_study_guide.py, CPU s", "build_study_guide.py, wall s",
                  "ours: load + templates + QR, CPU s", "WeasyPrint layout, CPU s",
                  "our share", "WeasyPrint ÷ ours", f"ours ≤ {GOAL:.0%}?"], rows)


if __name__ == "__main__":
    print(json.dumps(split(Path(sys.argv[1]))))
