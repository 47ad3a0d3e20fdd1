"""`make audit`: Lighthouse over our site and stock Material, side by side, with gates that
hold on any machine.

    python -m bench.audit [RUNS]

Builds the shipped site, and the same pages built by stock Material for MkDocs (no settings,
overrides, styles or scripts of ours); serves both with the shipped nginx configuration
(bench/nginx.py) and runs Lighthouse (npm, pinned in package.json) in Debian's Chromium,
mobile profile with simulated throttling, RUNS times a page (default 7), our page and stock's
taking turns. The audit fails unless, on every page:

- accessibility, best practices and SEO have a median of 100 (a slower machine cannot
  change them);
- layout shift, bytes transferred and requests are within BUDGETS (nor these);
- performance is at most PERFORMANCE_BEHIND_STOCK points below stock Material's: the median
  of the differences between runs taken one after the other (a page further behind is
  audited RUNS rounds more, and all its rounds count). A slower or busier machine
  lowers both scores alike, so only the gap is gated; the scores themselves are a report
  (build/bench/audit/results.md, BENCHMARKS.md), with the machine they were measured on.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pratamedbarn import kinds
from pratamedbarn.generate import generate, read_config, write_config
from pratamedbarn.library import load_library
from pratamedbarn.urls import MY_NOTES_PATH, page_url

from .common import REPO, WORK, machine, mkdocs, table, timed
from .nginx import nginx

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
#: Categories whose median must be 100 on every page of ours.
FULL_MARKS = ["accessibility", "best-practices", "seo"]
#: How far our performance may lie below stock Material's, in points (the gate). Measured
#: on a 2-core machine, page by page, over five audits: 0 to 6 behind, the most on the film
#: page and on the pages whose scripts fill in the learner's work; one run's score moves by
#: up to 10 points, stock's too. With RUNS pairs a page 4 behind still passes nearly always;
#: the six files that held up the first paint before issue 26 cost 6 to 9.
PERFORMANCE_BEHIND_STOCK = 7
#: The goal, reported but not gated: as fast as stock Material, give or take a point.
PERFORMANCE_GOAL = 1
#: The most each page of ours may have (the median of its runs). Layout shift: none on any
#: page, as on stock Material's; 0.02 leaves room for a flicker of the browser's own player
#: controls, and catches what a script that fills the page in after the first paint
#: shifts (0.05 for the "Skriv ut" button once). Bytes: the page-weight goal of BENCHMARKS.md
#: §4, the start page's lazy thumbnails included. Requests: room for a few more films.
BUDGETS = {"layout shift": 0.02, "kB transferred": 250.0, "requests": 40}
RUNS = 7
AUDIT = WORK / "audit"


@dataclass(frozen=True)
class Run:
    """What one Lighthouse run of one page found."""

    scores: dict[str, int]
    #: BUDGETS' measures, and first contentful paint and total blocking time (ms) for the report.
    measures: dict[str, float]


def pages() -> dict[str, str]:
    """The audited pages by name: the start page and one page of each kind a learner uses."""
    library = load_library(REPO)
    first = {name: next(iter(library.items[name])) for name in ("film", "checklist", "exercise")}
    paths = {f"{name} page": kinds.kind(name).path(item_id) for name, item_id in first.items()}
    return {"start page": "", **{name: page_url(path) for name, path in paths.items()},
            "Mina anteckningar": page_url(MY_NOTES_PATH)}


def lighthouse(url: str, out: Path) -> Run:
    """One Lighthouse run (mobile, simulated throttling) of `url`, its report kept in `out`."""
    flags = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
             "--disable-component-update --disable-sync --no-first-run")
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}",
                    "--output=json", f"--output-path={out}", "--quiet",
                    f"--only-categories={','.join(CATEGORIES)}"],
                   check=True, capture_output=True, timeout=300)
    return read_report(json.loads(out.read_text(encoding="utf-8")))


def read_report(report: dict) -> Run:
    """The scores and measures of one Lighthouse JSON report."""
    audits = report["audits"]
    return Run(
        scores={name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES},
        measures={
            "layout shift": audits["cumulative-layout-shift"]["numericValue"],
            "kB transferred": audits["total-byte-weight"]["numericValue"] / 1000,
            "requests": len(audits["network-requests"]["details"]["items"]),
            "first paint ms": audits["first-contentful-paint"]["numericValue"],
            "blocking ms": audits["total-blocking-time"]["numericValue"],
        })


def audit(ours: Path, stock: Path, runs: int) -> dict[str, dict[str, list[Run]]]:
    """Every page of both sites `runs` times: page → "ours"/"stock" → runs.

    The two take turns, each going first in every other round, so a machine that gets
    busier or quieter during the audit weighs on both alike. A page whose performance lies
    further behind stock's than the gate allows is audited `runs` rounds more, and all its
    rounds count: one score moves by up to 10 points from run to run on a 2-core machine,
    for stock Material as for ours, and a real gap stays a gap in twice the rounds.
    """
    results: dict[str, dict[str, list[Run]]] = {}
    with nginx(ours) as our_url, nginx(stock) as stock_url:
        urls = {"ours": our_url, "stock": stock_url}
        for name, path in pages().items():
            results[name] = {"ours": [], "stock": []}
            _rounds(results[name], urls, path, range(runs))
            if behind_stock(results[name]) > PERFORMANCE_BEHIND_STOCK:
                _rounds(results[name], urls, path, range(runs, 2 * runs))
            print(f"{name}: performance {_scores(results[name], 'performance')}", flush=True)
    return results


def _rounds(both: dict[str, list[Run]], urls: dict[str, str], path: str, rounds: range) -> None:
    stem = path.replace("/", "_") or "start"
    for i in rounds:
        for label in ("ours", "stock") if i % 2 == 0 else ("stock", "ours"):
            both[label].append(lighthouse(urls[label] + path, AUDIT / f"{label}-{stem}-{i}.json"))


def _scores(both: dict[str, list[Run]], category: str) -> str:
    return ", ".join(f"{label} {[run.scores[category] for run in runs]}" for label, runs in both.items())


def build_site() -> Path:
    site = AUDIT / "site"
    shutil.rmtree(site, ignore_errors=True)
    timed(mkdocs("build", "--strict", "-q", "-d", str(site)))
    return site


def build_stock() -> Path:
    """The same Markdown, menu and hand-written pages built by stock Material for MkDocs."""
    tree = AUDIT / "stock"
    shutil.rmtree(tree, ignore_errors=True)
    generate(REPO, tree, with_dates=False)
    config = read_config(tree / "mkdocs.yml")
    config["theme"] = {"name": "material", "language": "sv"}
    for key in ("extra_css", "extra_javascript", "extra"):
        config.pop(key, None)
    write_config(tree / "mkdocs.yml", config)
    timed(mkdocs("build", "-q", "-f", str(tree / "mkdocs.yml"), "-d", str(tree / "site")))
    return tree / "site"


def median(values: list[float]) -> float:
    return statistics.median(values)


def behind_stock(both: dict[str, list[Run]]) -> float:
    """How many points our performance lies below stock's: the median of the differences
    between the runs that took turns (positive: we are slower)."""
    pairs = zip(both["stock"], both["ours"], strict=True)
    return median([stock.scores["performance"] - ours.scores["performance"] for stock, ours in pairs])


def missed(results: dict[str, dict[str, list[Run]]]) -> list[str]:
    """Every gate a page of ours misses, in words."""
    problems = []
    for name, both in results.items():
        ours = both["ours"]
        problems += [f"{name}: {c} {median([r.scores[c] for r in ours]):g} < 100"
                     for c in FULL_MARKS if median([r.scores[c] for r in ours]) < 100]
        problems += [f"{name}: {m} {median([r.measures[m] for r in ours]):g} > {limit:g}"
                     for m, limit in BUDGETS.items() if median([r.measures[m] for r in ours]) > limit]
        gap = behind_stock(both)
        if gap > PERFORMANCE_BEHIND_STOCK:
            problems.append(f"{name}: performance {gap:g} points below stock Material's "
                            f"(at most {PERFORMANCE_BEHIND_STOCK})")
    return problems


def _spread(values: list[float], digits: int = 0) -> str:
    return f"{median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def report(results: dict[str, dict[str, list[Run]]]) -> str:
    """The table for BENCHMARKS.md: both sites' performance, the gap, and our other figures."""
    rows = []
    for name, both in results.items():
        ours, stock = both["ours"], both["stock"]
        gap = behind_stock(both)
        rows.append([
            name,
            _spread([r.scores["performance"] for r in ours]),
            _spread([r.scores["performance"] for r in stock]),
            f"{-gap:+g}" + (" (goal met)" if gap <= PERFORMANCE_GOAL else ""),
            " / ".join(f"{median([r.scores[c] for r in ours]):g}" for c in FULL_MARKS),
            _spread([r.measures["first paint ms"] for r in ours]) + " / "
            + _spread([r.measures["first paint ms"] for r in stock]),
            _spread([r.measures["blocking ms"] for r in ours]) + " / "
            + _spread([r.measures["blocking ms"] for r in stock]),
            f"{median([r.measures['layout shift'] for r in ours]):.3f}",
            f"{median([r.measures['kB transferred'] for r in ours]):.0f}",
            f"{median([r.measures['requests'] for r in ours]):g}",
        ])
    return table(["page", "performance, ours", "stock Material", "ours − stock (paired median)",
                  "accessibility / best practices / SEO", "first paint ms, ours / stock",
                  "blocking ms, ours / stock", "layout shift", "kB", "requests"], rows)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else RUNS
    AUDIT.mkdir(parents=True, exist_ok=True)
    results = audit(build_site(), build_stock(), runs)
    text = (f"Lighthouse {runs} runs a page, ours and stock Material taking turns, mobile profile; "
            f"median (lowest–highest). Machine: {machine()}; load average after the audit "
            f"{os.getloadavg()[0]:.1f}.\n\n{report(results)}")
    print(text)
    (AUDIT / "results.md").write_text(text + "\n", encoding="utf-8")
    problems = missed(results)
    for problem in problems:
        print(f"Budget missed: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
