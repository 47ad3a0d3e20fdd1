"""Hostile and odd content files are answered in bounded time, never by a hang.

Bounded against a reference measured in the same run on the same machine: checking the
shipped content. A slower or busier machine slows both alike, so the test holds on any
machine; CPU time, so that other work on a shared machine counts for neither.
"""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest

from helpers import GOOD, REPO
from pratamedbarn.__main__ import check
from pratamedbarn.yamlsource import MAX_BYTES

#: A file at the limit may take at most this many times as long as the whole shipped content
#: (about 0.14 MB in 40 files). The slowest kind, 4 MB of short list items, each checked by
#: the model, takes about 15 times as long; libyaml on deep nesting (quadratic) or an alias
#: bomb (exponential) would take minutes to hours.
TIMES_THE_SHIPPED_CONTENT = 50


def up_to_limit(head: str, unit: str, tail: str = "") -> str:
    """`head`, then `unit` repeated, then `tail`: just under the size limit in UTF-8."""
    room = MAX_BYTES - len((head + tail).encode("utf-8"))
    return head + unit * (room // len(unit.encode("utf-8"))) + tail


BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)))
STEP = "  - Tänk på ett samtal med ett barn. Vad sa barnet först, och vad svarade du?\n"
# site.yaml of the fixture after its first line, `welcome:`.
SITE_REST = (GOOD / "site.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
#: target file, its text, and the exit code of the check: refused (1) or good content (0).
FILES = {
    # "Billion laughs": nine lists of nine, nine levels deep, after 4 MB of comment.
    "aliases that expand without end": ("checklists/fore-samtalet.yaml",
                                        up_to_limit("", "# kommentar\n", BOMB), 1),
    "lists nested half a million deep": (
        "site.yaml", "welcome: " + "[" * 500_000 + "]" * 500_000, 1),
    "an exercise with 4 MB of steps": ("exercises/lyssna.yaml", up_to_limit(
        "id: lyssna\ntitle: Att lyssna\nformats: [individual]\nminutes: 30\n"
        "purpose: Att öva på att lyssna.\nquestions:\n  - id: forsta\n    text: Vad hörde du?\n"
        "steps:\n", STEP), 0),
    "one text of 4 MB": ("site.yaml", up_to_limit("welcome: ", "Barnet sa nej. ", "\n" + SITE_REST), 0),
}


def cpu_seconds_to_check(root: Path) -> tuple[float, int]:
    """The CPU time `check` takes on `root`, and its exit code."""
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.process_time()
        code = check(root)
        return time.process_time() - start, code


@pytest.fixture(scope="module")
def reference() -> float:
    """CPU seconds to check the shipped content: the fastest of three, after one that warms up."""
    return min(cpu_seconds_to_check(REPO)[0] for _ in range(4))


@pytest.mark.parametrize("target, text, code", FILES.values(), ids=FILES.keys())
def test_a_content_file_up_to_the_limit_is_checked_in_bounded_time(
        content: Path, capsys, reference: float, target: str, text: str, code: int):
    path = content / target
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    elapsed, exit_code = cpu_seconds_to_check(content)
    assert exit_code == code
    assert elapsed < TIMES_THE_SHIPPED_CONTENT * reference, (
        f"{elapsed:.2f} s, {elapsed / reference:.0f} times the shipped content ({reference:.2f} s)")
    assert "Traceback" not in capsys.readouterr().err
