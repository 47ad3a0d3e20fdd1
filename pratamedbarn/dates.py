"""When each source file last changed: the "Senast uppdaterad" date on every page.

Our own few lines rather than mkdocs-git-revision-date-localized-plugin: most pages are
generated, and their date is that of the YAML file they come from, which the third-party
plugin cannot know; and a build outside a git checkout (tests, an exported folder) must
simply work.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root,
                              capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _committed(top: Path) -> dict[Path, date]:
    """Each file's last commit day, from one walk over the history (newest first)."""
    days: dict[Path, date] = {}
    day = None
    for line in (_git(top, "log", "--format=@%cs", "--name-only") or "").splitlines():
        if line.startswith("@"):
            day = date.fromisoformat(line[1:])
        elif line and day:
            days.setdefault(top / line, day)
    return days


def _uncommitted(top: Path) -> set[Path]:
    """Files with changes not yet committed, or not known to git at all."""
    entries = (_git(top, "status", "--porcelain", "-z", "--untracked-files=all") or "").split("\0")
    return {top / entry[3:] for entry in entries if len(entry) > 3}


def last_changed(root: Path, files: Iterable[Path]) -> dict[Path, date]:
    """The day each file last changed.

    That is its last commit, unless git does not know the file, it has uncommitted changes
    or there is no git checkout at all: then it is the file's modification time, the day
    the editor saved it.
    """
    top_line = _git(root, "rev-parse", "--show-toplevel")
    top = Path(top_line.strip()) if top_line else None
    committed = _committed(top) if top else {}
    uncommitted = _uncommitted(top) if top else set()
    days = {}
    for path in files:
        real = path.resolve()
        if real in committed and real not in uncommitted:
            days[path] = committed[real]
        elif real.is_file():
            days[path] = date.fromtimestamp(real.stat().st_mtime)
    return days
