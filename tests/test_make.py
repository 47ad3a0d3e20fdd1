"""The editor's make commands: only Swedish words, exit status 1 on a content error, and a
first run that installs the packages with one line of its own."""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

from helpers import REPO

#: What no editor should read after the Swedish verdict: make's, pip's or Python's words.
ENGLISH = re.compile(r"make(\[\d+\])?:|Error|Traceback|Collecting|Successfully|Requirement")


#: What a make running these tests (`make test`) hands down to a make it starts: without
#: them the make under test is an editor's own, not a sub-make that announces its directory.
PARENT_MAKE = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")

#: The venv running these tests (in a copy of the repository, make test-editor-changes, there
#: is no .venv beside the Makefile). Its install stamp is any file newer than the copies'
#: pyproject.toml (see _repo_copy): make must never install into the venv running the tests.
VENV = (f"VENV={sys.prefix}", f"STAMP={sys.executable}")


def _make(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    # The repository's Makefile run in `cwd`, as `make check` in a copy of the repository.
    env = {k: v for k, v in (env or os.environ).items() if k not in PARENT_MAKE}
    return subprocess.run(["make", "-f", str(REPO / "Makefile"), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, check=False)


def _repo_copy(content: Path) -> Path:
    # pyproject.toml as old as can be: an installed venv is never out of date for it.
    shutil.copy(REPO / "pyproject.toml", content)
    os.utime(content / "pyproject.toml", (0, 0))
    return content


def _break(content: Path) -> None:
    lyssna = content / "exercises" / "lyssna.yaml"
    lyssna.write_text(lyssna.read_text(encoding="utf-8").replace("title:", "titel:"),
                      encoding="utf-8")


def test_a_failing_check_exits_1_in_swedish_every_time(content: Path):
    _break(_repo_copy(content))
    for _ in range(20):
        result = _make(content, "check", *VENV)
        assert result.returncode == 1, result.stdout + result.stderr
        assert not ENGLISH.search(result.stdout + result.stderr), result.stdout + result.stderr
        assert result.stderr.splitlines()[-1] == (
            "Ändringen kan inte publiceras förrän felen är rättade.")


def test_a_passing_check_exits_0(content: Path):
    result = _make(_repo_copy(content), "check", *VENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Ändringen kan publiceras."


def test_make_serve_on_a_taken_port_exits_1_in_swedish(content: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        result = _make(_repo_copy(content), "serve", f"PORT={port}", *VENV)
    assert result.returncode == 1
    assert not ENGLISH.search(result.stdout + result.stderr), result.stdout + result.stderr
    assert result.stderr.startswith(f"Port {port} används redan")


def test_other_targets_keep_make_s_own_words(content: Path):
    # Question mode is for the editor's commands alone: `make build` reports as make does.
    _break(_repo_copy(content))
    result = _make(content, "check", "build", *VENV)
    assert result.returncode == 2
    assert "make: ***" in result.stderr


# A Python that stands in for the first install: `-m venv DIR` makes DIR/bin/python, whose
# pip prints as many lines as the real one (and fails when PIP_FAILS is set), and which
# runs anything else with the real Python. The real install takes minutes from the mirror.
FAKE_PYTHON = """#!/bin/sh
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"
  sed "s|@REAL@|{real}|" "$0.venv" > "$3/bin/python"
  chmod +x "$3/bin/python"
fi
"""
FAKE_VENV_PYTHON = """#!/bin/sh
if [ "$1 $2" = "-m pip" ]; then
  for i in $(seq 200); do echo "Collecting package$i"; done
  [ -z "$PIP_FAILS" ] || { echo "ERROR: No matching distribution found" >&2; exit 1; }
  echo "Successfully installed package1"
  exit 0
fi
exec @REAL@ "$@"
"""


def _fake_python(folder: Path) -> Path:
    folder.mkdir()
    python = folder / "python3"
    python.write_text(FAKE_PYTHON.format(real=sys.executable), encoding="utf-8")
    (folder / "python3.venv").write_text(FAKE_VENV_PYTHON, encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    return python


def test_the_first_check_installs_with_one_swedish_line(content: Path, tmp_path: Path):
    python = _fake_python(tmp_path / "fake")
    args = ["check", f"VENV={tmp_path / 'venv'}", f"PYTHON={python}"]
    first = _make(_repo_copy(content), *args)
    assert first.returncode == 0, first.stdout + first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "Installerar paketen första gången, det tar några minuter ..."
    assert lines[-1] == "Ändringen kan publiceras."
    assert not ENGLISH.search(first.stdout + first.stderr), first.stdout + first.stderr
    assert "Collecting package200" in (content / "build" / "install.log").read_text()
    again = _make(content, *args)
    assert "Installerar" not in again.stdout
    assert again.stdout.splitlines()[-1] == "Ändringen kan publiceras."


def test_a_failed_install_says_where_its_log_is(content: Path, tmp_path: Path):
    python = _fake_python(tmp_path / "fake")
    env = dict(os.environ, PIP_FAILS="1")
    result = _make(_repo_copy(content), "check", f"VENV={tmp_path / 'venv'}",
                   f"PYTHON={python}", env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Installationen misslyckades. Se vad som hände i build/install.log."]
    assert "No matching distribution" in (content / "build" / "install.log").read_text()
    assert not (tmp_path / "venv" / ".installed").exists()
