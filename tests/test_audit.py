"""`make audit`'s gates (bench/audit.py): what a slower machine cannot change is gated
absolutely, performance only against stock Material measured in the same run."""

from __future__ import annotations

import contextlib

from bench import audit
from bench.audit import BUDGETS, PERFORMANCE_BEHIND_STOCK, Run, behind_stock, missed, read_report

GOOD = {"layout shift": 0.0, "kB transferred": 150.0, "requests": 25}


def run(performance: int, accessibility: int = 100, **measures) -> Run:
    return Run({"performance": performance, "accessibility": accessibility,
                "best-practices": 100, "seo": 100},
               {**GOOD, "first paint ms": 1000.0, "blocking ms": 100.0, **measures})


def page(ours: list[Run], stock: list[int]) -> dict[str, dict[str, list[Run]]]:
    return {"film page": {"ours": ours, "stock": [run(score) for score in stock]}}


def test_a_slower_machine_lowers_both_and_passes():
    # A machine half as fast: every score lower, the gap the same.
    assert missed(page([run(80), run(78), run(82)], [82, 80, 83])) == []


def test_performance_further_behind_stock_than_allowed_fails():
    behind = PERFORMANCE_BEHIND_STOCK + 1
    problems = missed(page([run(90 - behind)] * 3, [90] * 3))
    assert problems == [f"film page: performance {behind} points below stock Material's "
                        f"(at most {PERFORMANCE_BEHIND_STOCK})"]


def test_the_gap_is_the_median_of_runs_taken_in_turn():
    # One run of ours caught the machine busy: the median of the pairs ignores it.
    both = page([run(95), run(60), run(96)], [96, 95, 97])["film page"]
    assert behind_stock(both) == 1


def test_accessibility_below_100_fails_whatever_the_machine():
    assert missed(page([run(99, accessibility=96)] * 3, [99] * 3)) == ["film page: accessibility 96 < 100"]


def test_layout_shift_bytes_and_requests_have_budgets():
    over = {"layout shift": BUDGETS["layout shift"] + 0.01,
            "kB transferred": BUDGETS["kB transferred"] + 1, "requests": BUDGETS["requests"] + 1}
    problems = missed(page([run(99, **over)] * 3, [99] * 3))
    assert [p.split(":")[1].split()[0:2] for p in problems] == [
        ["layout", "shift"], ["kB", "transferred"], ["requests", str(BUDGETS["requests"] + 1)]]


def test_a_lighthouse_report_is_read_into_scores_and_measures():
    report = {
        "categories": {c: {"score": s} for c, s in
                       (("performance", 0.97), ("accessibility", 1), ("best-practices", 1), ("seo", 1))},
        "audits": {"cumulative-layout-shift": {"numericValue": 0.02},
                   "total-byte-weight": {"numericValue": 140_500},
                   "network-requests": {"details": {"items": [{}] * 24}},
                   "first-contentful-paint": {"numericValue": 1050.5},
                   "total-blocking-time": {"numericValue": 80}}}
    result = read_report(report)
    assert result.scores == {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert result.measures == {"layout shift": 0.02, "kB transferred": 140.5, "requests": 24,
                               "first paint ms": 1050.5, "blocking ms": 80}


def test_a_page_behind_stock_is_audited_twice_as_many_rounds(monkeypatch, tmp_path):
    behind = PERFORMANCE_BEHIND_STOCK + 1
    scores = {"ours": iter([95 - behind] * 5 + [99] * 5), "stock": iter([95] * 10)}
    monkeypatch.setattr(audit, "pages", lambda: {"film page": "filmer/x/"})
    monkeypatch.setattr(audit, "nginx", lambda site: contextlib.nullcontext(f"http://{site.name}/"))
    monkeypatch.setattr(audit, "lighthouse", lambda url, out: run(next(scores[url.split("/")[2]])))
    results = audit.audit(tmp_path / "ours", tmp_path / "stock", runs=5)["film page"]
    assert len(results["ours"]) == len(results["stock"]) == 10
    # Five rounds too far behind, five rounds 4 ahead: the median of all ten pairs decides.
    assert behind_stock(results) == (behind - 4) / 2 and missed({"film page": results}) == []
