"""Report the LIX readability score of every learner-facing text in the content files.

Usage: python scripts/check_readability.py [--max 45]
Exits with status 1 if any text is above the limit.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Keys whose values are ids, paths or numbers, never prose.
SKIP_KEYS = {"id", "aliases", "theme", "source", "captions", "duration", "time", "minutes",
             "checklists", "exercises", "references", "film", "exercise", "checklist",
             "formats", "embed_hosts", "url", "year", "kind", "authors", "publisher", "example"}
SKIP_FILES = {"references.yaml"}


def plain(text: str) -> str:
    """Strip the Markdown marks that would distort word and sentence counts."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|]", " ", text)
    # A list item or a heading ends a sentence even without a full stop.
    text = re.sub(r"\n\s*(?:[-+]|\d+\.)\s+", ". ", text)
    return re.sub(r"\n{2,}", ". ", text)


def lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÅÄÖåäöÉéÜü0-9]+(?:[-'][A-Za-zÅÄÖåäöÉéÜü0-9]+)*", text)
    if not words:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text.strip() + " ")))
    long_words = sum(1 for w in words if len(w.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def texts(node, path: str):
    """Yield (path, text) for every prose string in a loaded YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIP_KEYS:
                yield from texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, f"{path}[{i}]")
    elif isinstance(node, str) and len(node.split()) >= 4:
        yield path, node


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=float, default=45.0)
    parser.add_argument("--all", action="store_true", help="print every score")
    args = parser.parse_args()
    files = sorted(ROOT.glob("*.yaml")) + sorted(ROOT.glob("checklists/*.yaml")) \
        + sorted(ROOT.glob("exercises/*.yaml"))
    worst, failed = 0.0, 0
    for file in files:
        if file.name in SKIP_FILES:
            continue
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for where, text in texts(data, file.relative_to(ROOT).as_posix()):
            score = lix(plain(text))
            worst = max(worst, score)
            if score > args.max or args.all:
                failed += score > args.max
                print(f"{score:5.1f}  {where}: {text[:70]!r}")
    print(f"highest LIX {worst:.1f}; {failed} text(s) above {args.max:g}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
