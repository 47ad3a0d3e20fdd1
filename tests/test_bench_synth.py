"""The benchmark's synthetic content (bench/synth.py) passes the content check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import REPO
from pratamedbarn.library import load_library


def test_double_content_loads_with_every_item_twice(tmp_path: Path):
    subprocess.run([sys.executable, "-m", "bench.synth", "2", str(tmp_path / "synthetic")],
                   cwd=REPO, check=True)
    shipped, double = load_library(REPO), load_library(tmp_path / "synthetic")
    assert len(double.films) == 2 * len(shipped.films)
    assert len(double.checklists) == 2 * len(shipped.checklists)
    assert len(double.exercises) == 2 * len(shipped.exercises)
    assert len(double.study_guide.sessions) == 2 * len(shipped.study_guide.sessions)
    assert double.references.keys() == shipped.references.keys()
