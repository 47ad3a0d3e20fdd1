"""`python -m pratamedbarn check` as an editor runs it."""

from __future__ import annotations

from pathlib import Path

from helpers import GOOD, run_check


def test_good_content_prints_a_summary_and_exits_0():
    result = run_check(GOOD)
    assert result.returncode == 0, result.stderr
    assert "4 filmer i 2 teman" in result.stdout
    assert "1 träff och 1 blad till barnet." in result.stdout
    assert result.stdout.splitlines()[-1] == "Ändringen kan publiceras."


def test_broken_content_prints_one_line_a_problem_and_exits_1(content: Path):
    path = content / "exercises" / "lyssna.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "exercises/lyssna.yaml:2: titel: okänt fält. Kontrollera stavningen eller ta bort det." in lines
    assert lines[-2:] == ["2 fel hittades. Rätta dem och kör kontrollen igen.",
                          "Ändringen kan inte publiceras förrän felen är rättade."]


def test_one_error_is_spoken_of_in_the_singular(content: Path):
    path = content / "exercises" / "lyssna.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 30", "minutes: trettio"),
                    encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 1
    assert "1 fel hittades. Rätta det och kör kontrollen igen." in result.stderr.splitlines()
