"""One test a kind of bad input: the message names the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CASES, break_content
from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library


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
