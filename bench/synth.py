"""Synthetic content at N times the shipped size, made from the shipped content itself.

Every film, checklist, exercise and study-guide session is copied N-1 times with new ids
(`<id>-kopia-<n>`), so the texts keep their real length and every copy still passes the
content check: copies point at each other's copies, and at the same themes, references
and media files as the originals.

    python -m bench.synth FACTOR OUT [--from ROOT]
"""

from __future__ import annotations

import argparse
import copy
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
#: Content files copied as they are (themes and references do not grow with the content).
UNCHANGED = ["references.yaml", "site.yaml"]


def copy_id(item_id: str, n: int) -> str:
    """The id of copy number `n` (2, 3, ...) of an item; copy 1 is the original."""
    return item_id if n == 1 else f"{item_id}-kopia-{n}"


def _copy_item(item: dict, n: int, title_key: str = "title") -> dict:
    item = copy.deepcopy(item)
    if n > 1:
        item["id"] = copy_id(item["id"], n)
        if item.get("aliases"):
            item["aliases"] = [copy_id(alias, n) for alias in item["aliases"]]
        item[title_key] = f"{item[title_key]} ({n})"
    return item


def _film(film: dict, n: int) -> dict:
    film = _copy_item(film, n)
    for key in ("checklists", "exercises"):
        if key in film:
            film[key] = [copy_id(target, n) for target in film[key]]
    return film


def _session(session: dict, n: int) -> dict:
    session = _copy_item(session, n)
    for step in session["plan"]:
        for key in ("film", "exercise", "checklist"):
            if step.get(key):
                step[key] = copy_id(step[key], n)
    return session


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def generate(factor: int, out: Path, template: Path = REPO) -> Path:
    """Write content `factor` times the size of `template`'s into `out` (docs/ included)."""
    out = Path(out)
    copies = range(1, factor + 1)
    shutil.copytree(template / "docs", out / "docs", dirs_exist_ok=True)
    for name in UNCHANGED:
        shutil.copy(template / name, out / name)

    videos = _read(template / "videos.yaml")
    videos["films"] = [_film(f, n) for n in copies for f in videos["films"]]
    _write(out / "videos.yaml", videos)

    guide = _read(template / "study_guide.yaml")
    guide["sessions"] = [_session(s, n) for n in copies for s in guide["sessions"]]
    _write(out / "study_guide.yaml", guide)

    for folder in ("checklists", "exercises", "handouts", "quizzes"):
        for path in sorted((template / folder).glob("*.yaml")):
            item = _read(path)
            for n in copies:
                _write(out / folder / f"{copy_id(item['id'], n)}.yaml", _film_refs(item, n))
    return out


def _film_refs(item: dict, n: int) -> dict:
    # A page for the child names films, a self-check's answers films and checklists: the
    # copy names those of its own copy.
    item = _copy_item(item, n)
    if "films" in item:
        item["films"] = [copy_id(film, n) for film in item["films"]]
    for question in item.get("questions", []):
        for option in question.get("options", []):
            for key in ("film", "checklist"):
                if option.get(key):
                    option[key] = copy_id(option[key], n)
    return item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times the shipped content")
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--from", dest="template", type=Path, default=REPO,
                        help="the content to copy (default: the repository root)")
    args = parser.parse_args()
    generate(args.factor, args.out, args.template)


if __name__ == "__main__":
    main()
