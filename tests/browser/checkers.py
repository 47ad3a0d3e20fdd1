"""The checkers run over built pages: axe-core in the browser, the Nu HTML Checker (vnu) in Java.

Both come pinned from npm (package.json) into node_modules/ (`make checkers`, part of
`make test`); no CDN and no download at test time. Beside them, the steps several browser
tests share: watching a page's policy, a search.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
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


@functools.cache
def _axe_source() -> str:
    return _need(AXE).read_text(encoding="utf-8")


def run_axe(page, rules: list[str] | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the loaded page, one line a rule and element;
    only those of `rules` (axe's rule ids) when given.

    axe is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern: the policy stays on while axe runs.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """only => axe.run(document, {runOnly: only, resultTypes: ["violations"]})
                   .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                          targets: v.nodes.map(n => n.target.join(" ")),
                          summary: v.nodes.map(n => n.failureSummary)})))""",
        {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS})
    return [f"{v['id']} ({v['help']}): {target} — {summary}"
            for v in violations for target, summary in zip(v["targets"], v["summary"], strict=False)]


#: Material's palettes: "default" (light) and "slate" (dark), chosen by prefers-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}
#: The WCAG 2.1 AA rules of axe whose outcome depends on colours: all that a second palette
#: can change, as the pages' structure, names and languages are the same in both.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
STUB = "<!doctype html><html lang='sv'><title>Film</title><p>Filmen (testsvar)</p></html>"

#: Switch the loaded page to the dark palette as Material's palette script does on a dark
#: load (the input of that palette checked, its colours on <body>), then end the colour
#: transitions the switch starts, again until none is left: an element whose colour is
#: inherited starts its own transition when its parent's ends. The result has the computed
#: colours of the page loaded dark (checked on every page of the site when this was written).
TO_DARK = """scheme => {
    const input = document.querySelector(`input[data-md-color-scheme="${scheme}"]`);
    input.checked = true;
    for (const [key, value] of Object.entries(input.dataset))
        if (key.startsWith("mdColor") && key !== "mdColorMedia") document.body.dataset[key] = value;
    for (let round = 0; round < 20; round++) {
        const running = document.getAnimations().filter(a => a instanceof CSSTransition);
        if (!running.length) break;
        running.forEach(animation => animation.finish());
    }
    return document.body.dataset.mdColorScheme;
}"""


#: Any address on another host than 127.0.0.1. A pattern the browser's side matches itself:
#: routing every request through Python would cost more than loading the page.
OTHER_HOSTS = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


def stub_other_hosts(context) -> list[str]:
    """Answer every request to a host other than 127.0.0.1 locally; return the list of them."""
    asked: list[str] = []

    def handle(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=STUB)

    context.route(OTHER_HOSTS, handle)
    return asked


def watch_policy(page) -> list[str]:
    """Collect the page's Content-Security-Policy violations and script errors."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # A request the site itself cannot answer is a broken page, or a request it need not make.
    page.on("response", lambda r: problems.append(f"{r.status} for {r.url}")
            if r.status >= 400 else None)
    return problems


def search(page, base_url: str, query: str) -> None:
    """Type `query` into the start page's search box and wait until its results are drawn."""
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    # The whole query at once, then one key (Material searches on keyup): typed letter by
    # letter, the results of "se" could be the ones read, on a busy machine.
    box.fill(query)
    box.press("End")
    # "Inga sökresultat" may show while the index loads; the count comes with the list.
    page.locator(".md-search-result__meta").filter(
        has_text=re.compile(r"^\d+ sökresultat")).wait_for()
    page.locator(".md-search-result__item").first.wait_for()


@dataclass
class Tour:
    """What one visit to every page found, each line starting with the page's path."""

    #: Pages not shown in the palette they were asked for.
    palette: list[str] = field(default_factory=list)
    #: axe's WCAG 2.1 A/AA violations, in the light palette and (colour rules) the dark one.
    axe: list[str] = field(default_factory=list)
    #: Requests to any host other than 127.0.0.1 (answered by a local stub).
    asked: list[str] = field(default_factory=list)
    #: Policy violations, script errors and requests the site could not answer.
    problems: list[str] = field(default_factory=list)


def tour(browser, base_url: str, pages: list[str]) -> Tour:
    """Visit every page of `pages` once, as a browser that prefers the light palette: run
    axe's WCAG 2.1 A/AA rules, switch the page to the dark palette and run the colour rules.

    One visit serves the accessibility and the privacy tests, and both palettes: a page
    load costs about as much as axe's run on it, and the tests visit every page of the site.
    """
    context = browser.new_context(locale="sv-SE", color_scheme="light")
    found = Tour(asked=stub_other_hosts(context))
    page = context.new_page()
    problems = watch_policy(page)
    for path in pages:
        seen = len(problems)
        page.goto(base_url + path)
        _check_palette(found, path, page.evaluate("document.body.dataset.mdColorScheme"), "light")
        found.axe += [f"/{path}: {violation}" for violation in run_axe(page)]
        _check_palette(found, path, page.evaluate(TO_DARK, SCHEMES["dark"]), "dark")
        found.axe += [f"/{path} (dark): {violation}" for violation in run_axe(page, COLOUR_RULES)]
        found.problems += [f"/{path}: {problem}" for problem in problems[seen:]]
    context.close()
    return found


def _check_palette(found: Tour, path: str, shown: str, scheme: str) -> None:
    if shown != SCHEMES[scheme]:
        found.palette.append(f"/{path}: palette {shown!r}, not {SCHEMES[scheme]!r}")


def run_vnu(site: Path, only: list[str] | None = None) -> list[dict]:
    """vnu's errors over every HTML file of `site`, or only the files `only` names (relative
    to `site`); each error with `file`, `line`, `message`, `extract`."""
    targets = [site / name for name in only] if only else [site]
    result = subprocess.run(
        ["java", "-jar", str(_need(VNU)), "--format", "json", "--errors-only",
         "--skip-non-html", *map(str, targets)],
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
