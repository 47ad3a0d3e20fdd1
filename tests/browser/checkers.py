"""The checkers run over built pages: axe-core in the browser, the Nu HTML Checker (vnu) in Java.

Both come pinned from npm (package.json) into node_modules/ (`make checkers`, part of
`make test`); no CDN and no download at test time.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_ALLOWLIST = REPO / "tests" / "vnu_allowlist.yaml"
#: WCAG 2.0 and 2.1, levels A and AA: what the Swedish law asks for (via EN 301 549).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _need(path: Path) -> Path:
    assert path.is_file(), f"{path.relative_to(REPO)} is missing: run `make checkers`"
    return path


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to the site's root."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def run_axe(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the loaded page, one line a rule and element.

    axe is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern: the policy stays on while axe runs.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_need(AXE).read_text(encoding="utf-8"))
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
                   .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                          targets: v.nodes.map(n => n.target.join(" ")),
                          summary: v.nodes.map(n => n.failureSummary)})))""",
        WCAG_TAGS)
    return [f"{v['id']} ({v['help']}): {target} — {summary}"
            for v in violations for target, summary in zip(v["targets"], v["summary"], strict=False)]


def run_vnu(site: Path) -> list[dict]:
    """vnu's errors over every HTML file of `site` (each with `file`, `line`, `message`, `extract`)."""
    result = subprocess.run(
        ["java", "-jar", str(_need(VNU)), "--format", "json", "--errors-only",
         "--skip-non-html", str(site)],
        capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr)["messages"]
    return [{"file": _relative(m.get("url", ""), site),
             "line": m.get("lastLine", 0), "message": m["message"],
             "extract": m.get("extract", "")} for m in messages]


def _relative(url: str, site: Path) -> str:
    path = Path(os.path.normpath(unquote(urlsplit(url).path)))
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else url


def vnu_allowlist() -> list[dict]:
    """The documented vnu errors that come from Material itself (tests/vnu_allowlist.yaml)."""
    entries = yaml.safe_load(VNU_ALLOWLIST.read_text(encoding="utf-8"))
    for entry in entries:
        assert set(entry) == {"message", "extract", "reason"}, entry
    return entries


def allowed_by(error: dict, entries: list[dict]) -> dict | None:
    """The allowlist entry that covers `error`, if any."""
    return next((e for e in entries
                 if e["message"] == error["message"] and e["extract"] in error["extract"]), None)
