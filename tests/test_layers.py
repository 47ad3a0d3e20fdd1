"""The package's modules import each other in layers: no module depends on itself.

A circle (errors → kinds → models → readability → errors, once) hides which module is the
foundation, and holds only while every import inside it stays inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "pratamedbarn"


def imports(path: Path) -> set[str]:
    """The package's modules that `path` imports anywhere in it, functions included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pratamedbarn."):
            found.add(node.module.split(".")[1])
    return {name.split(".")[0] for name in found}


def graph() -> dict[str, set[str]]:
    modules = {p.stem: p for p in PACKAGE.glob("*.py")}
    return {name: imports(path) & modules.keys() for name, path in modules.items()}


def circle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from `start` back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for imported in sorted(edges[module]):
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_no_module_of_the_package_imports_itself_through_others():
    edges = graph()
    circles = [" → ".join(c) for m in sorted(edges) if (c := circle_from(m, edges))]
    assert not circles, circles


def test_the_circle_check_finds_a_circle():
    assert circle_from("errors", {"errors": {"kinds"}, "kinds": {"models"},
                                  "models": {"errors"}}) == ["errors", "kinds", "models", "errors"]


def test_the_core_does_not_reach_into_the_site_pages_module():
    # The study guide and the pocket cards are made from the library and the registry, not
    # from the site's pages.
    edges = graph()
    assert "pages" not in edges["study_guide"] | edges["pocket_cards"] | edges["errors"]
