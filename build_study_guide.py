#!/usr/bin/env python3
"""Write the printed study guide (studiehandledning) as a PDF.

    python build_study_guide.py                       # → build/studiehandledning.pdf
    python build_study_guide.py -o handledning.pdf --base-url https://exempel.se/prata/

The work is done in pratamedbarn.study_guide; `mkdocs build` also writes the PDF into site/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pratamedbarn.errors import ContentError, report
from pratamedbarn.study_guide import build_study_guide
from pratamedbarn.urls import PDF_NAME

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriv studiehandledningen som PDF.")
    parser.add_argument("-o", "--output", type=Path, default=Path("build") / PDF_NAME,
                        help=f"PDF-filen som skrivs (standard: build/{PDF_NAME})")
    parser.add_argument("--base-url", metavar="URL",
                        help="webbplatsens adress, som QR-koderna pekar på "
                             "(standard: site_url i mkdocs.yml)")
    parser.add_argument("--root", type=Path, default=HERE,
                        help="mappen där innehållet och mkdocs.yml ligger (standard: den här mappen)")
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        build_study_guide(args.root, args.output, args.root / "mkdocs.yml", args.base_url)
    except ContentError as exc:
        print("\n".join(report(exc)), file=sys.stderr)
        return 1
    print(f"Skrev {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
