"""scripts/make_example_films.py on a machine without its programs: Swedish, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import REPO

SCRIPT = REPO / "scripts" / "make_example_films.py"


@pytest.mark.parametrize(("args", "missing"), [
    ([], "espeak-ng och ffmpeg saknas"),
    (["--check"], "espeak-ng saknas"),
])
def test_without_espeak_ng_and_ffmpeg_it_says_what_is_missing(args: list[str], missing: str):
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                            check=False, cwd=REPO, env={"PATH": ""})
    assert result.returncode == 1
    assert missing in result.stderr and "sudo apt-get install" in result.stderr
    # It points to the way that needs neither: an example film's files lent to a new film.
    assert "example: true" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
