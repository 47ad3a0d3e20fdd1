"""Command line for editors: `python -m pratamedbarn check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentError
from .library import load_library
from .pages import count
from .readability import readability_warnings


def _summary(library) -> str:
    return (f"Innehållet är i ordning: {count(len(library.films), 'film', 'filmer')} i "
            f"{count(len(library.themes), 'tema', 'teman')}, "
            f"{count(len(library.checklists), 'checklista', 'checklistor')}, "
            f"{count(len(library.exercises), 'övning', 'övningar')}, "
            f"{count(len(library.references), 'källa', 'källor')} och "
            f"{count(len(library.study_guide.sessions), 'träff', 'träffar')}.")


def check(root: Path) -> int:
    """Print every content problem under `root`; return the exit code."""
    try:
        library = load_library(root)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"{count} fel hittades. Rätta dem och kör kontrollen igen.", file=sys.stderr)
        return 1
    for note in library.notes:
        print(f"Obs: {note}")
    for warning in readability_warnings(library.sources):
        print(f"Varning: {warning}")
    print(_summary(library))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pratamedbarn",
                                     description="Kontrollera innehållet i Prata med barn.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="kontrollera alla innehållsfiler")
    check_cmd.add_argument("--root", type=Path, default=Path("."),
                           help="mappen där videos.yaml ligger (standard: den här mappen)")
    args = parser.parse_args(argv)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
