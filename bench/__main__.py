"""`make bench`: every benchmark, printed as the Markdown tables of BENCHMARKS.md.

    python -m bench [site] [serve] [guide] [weight] [editions]

With no names, all of them run. The tables are also written to build/bench/results.md.
"""

from __future__ import annotations

import sys
import time

from . import editions, page_weight, serve_loop, site_build, study_guide
from .common import WORK, machine

PARTS = {
    "site": ("Site build", site_build.run),
    "serve": ("Edit loop in mkdocs serve", serve_loop.run),
    "guide": ("Study guide PDF", study_guide.run),
    "weight": ("Page weight", page_weight.run),
    "editions": ("Ten local editions against one", editions.run),
}


def main(names: list[str]) -> None:
    unknown = set(names) - set(PARTS)
    if unknown:
        sys.exit(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    WORK.mkdir(parents=True, exist_ok=True)
    out = [f"Machine: {machine()}", ""]
    print(out[0], flush=True)
    for name in names or PARTS:
        title, run = PARTS[name]
        start = time.perf_counter()
        section = f"### {title}\n\n{run()}\n\n(took {time.perf_counter() - start:.0f} s)\n"
        print(section, flush=True)
        out.append(section)
    (WORK / "results.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
