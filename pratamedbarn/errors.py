"""Content errors: one line each, in Swedish, naming file, line and field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """One problem in one content file, printed as `file:line: field: message`."""

    file: str
    line: int
    field: str
    message: str
    #: Printed before the others: a problem that others follow from (an id used twice).
    first: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found in the run."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(problems, key=lambda p: (not p.first, p.file, p.line, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


def report(error: ContentError) -> list[str]:
    """What a command prints for a failed check: every problem, then what to do."""
    n = len(error.problems)
    return [*map(str, error.problems),
            f"{n} fel hittades. Rätta {'det' if n == 1 else 'dem'} och kör kontrollen igen.",
            "Ändringen kan inte publiceras förrän felen är rättade."]


def format_loc(loc: tuple, data: object = None, labels: Mapping[str, str] | None = None) -> str:
    """Turn a path such as ('steps', 2, 'text') into `steps[2].text`.

    With the file's `data` and the `labels` of its lists (what one item of each list is
    called, `kinds.list_labels()`), an item that has an id is named by it, as the editor
    knows it: ('films', 7, 'summary') becomes `film 'inleda-samtalet', summary`.
    """
    labels = labels or {}
    named: list[str] = []  # finished pieces, such as "träff 'traff-1'"
    path: list[str] = []  # the path since the last named item, such as ["plan", "[2]"]
    node = data
    for i, part in enumerate(loc):
        item = (node[part] if isinstance(node, list) and isinstance(part, int)
                and part < len(node) else None)
        if isinstance(item, dict) and isinstance(item.get("id"), str) and i and loc[i - 1] in labels:
            path.pop()  # the list's own name: the label says it
            named += ["".join(path)] if path else []
            named.append(f"{labels[loc[i - 1]]} '{item['id']}'")
            path = []
        elif isinstance(part, int):
            path.append(f"[{part}]")
        else:
            path.append(f".{part}" if path else str(part))
        node = node.get(part) if isinstance(node, dict) else item
    return ", ".join(named + (["".join(path)] if path else []))


def closest(written: str, known: Iterable[str]) -> str | None:
    """What the editor most likely meant by `written` among `known` ("Menade du ...?"), if any is close."""
    close = difflib.get_close_matches(written, sorted(known), n=1)
    return close[0] if close else None
