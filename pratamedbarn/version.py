"""The version mark shown in the site footer and the study guide colophon."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .wording import swedish_date


@dataclass(frozen=True)
class Version:
    """The date and short commit of the content a build was made from."""

    day: date | None
    commit: str | None

    def __str__(self) -> str:
        if not self.commit:
            return "version okänd (byggd utanför git)"
        if not self.day:
            return f"version {self.commit}"
        return f"version {self.commit}, {swedish_date(self.day)}"


def current_version(root: Path) -> Version:
    """The last commit of `root`, or an unknown version outside a git checkout.

    CI systems may set PMB_VERSION_COMMIT and PMB_VERSION_DATE (YYYY-MM-DD) for a
    shallow or exported checkout.
    """
    if os.environ.get("PMB_VERSION_COMMIT"):
        day = os.environ.get("PMB_VERSION_DATE")
        return Version(date.fromisoformat(day) if day else None, os.environ["PMB_VERSION_COMMIT"][:7])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs"], cwd=root,
                             capture_output=True, text=True, check=True, timeout=10).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return Version(None, None)
    if len(out) != 2:
        return Version(None, None)
    return Version(date.fromisoformat(out[1]), out[0])
