"""One test a kind of bad input: the message names the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library

from helpers import FIXTURES

CASES = yaml.safe_load((FIXTURES / "bad_cases.yaml").read_text(encoding="utf-8"))


def break_content(root: Path, case: dict) -> None:
    """Apply one case of bad_cases.yaml to the content under `root`."""
    path = root / case["file"]
    if case.get("delete"):
        path.unlink()
    elif "copy_to" in case:
        shutil.copy(path, root / case["copy_to"])
    elif "pad_to" in case:
        # A file of the given size: the content as it is, and a long comment after it.
        with path.open("a", encoding="utf-8") as file:
            file.write("#" * (case["pad_to"] - path.stat().st_size) + "\n")
    elif case.get("latin1"):
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    elif "text" in case:
        path.write_text(case["text"], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert case["find"] in text, f"fixture text to replace not found: {case['find']!r}"
        path.write_text(text.replace(case["find"], case["replace"], 1), encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_content_is_reported_by_file_line_and_field(content: Path, case: dict):
    break_content(content, case)
    with pytest.raises(ContentError) as caught:
        load_library(content)
    lines = str(caught.value).splitlines()
    matching = [line for line in lines if line.startswith(case["expect"])]
    assert matching, f"no line starts with {case['expect']!r} in:\n{caught.value}"
    assert any(case["says"] in line for line in matching), str(caught.value)


def test_all_problems_of_a_run_are_reported_together(content: Path):
    for case in CASES[:3]:
        break_content(content, case)
    with pytest.raises(ContentError) as caught:
        load_library(content)
    files = {problem.file for problem in caught.value.problems}
    assert {c["file"] for c in CASES[:3]} <= files
