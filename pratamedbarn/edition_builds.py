"""Many local editions built in one process (`make build-editions`).

The content and every edition file are loaded and checked once. MkDocs then builds each
edition's pages from that one load, and each printed document is laid out with the page
numbers of the same document in the edition before: an edition's sender and routines
seldom move a page, so most editions' PDFs take one layout where a single build takes two
and a half (study_guide.write_pdf). The editions are shared out among one worker process a
core, forked from the process that loaded the content. BENCHMARKS.md §7 measures ten
editions against one.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .editions import LoadedEdition, load_editions
from .library import Library, load_library
from .study_guide import Layout

#: The plugin's name in mkdocs.yml.
PLUGIN = "pratamedbarn"


@dataclass
class EditionsRun:
    """What the editions of one run share: the content, loaded and checked once, and the
    layout of the last edition's printed documents, by file name (study_guide.write_pdf)."""

    library: Library
    editions: dict[str, LoadedEdition]
    layouts: dict[str, Layout] = field(default_factory=dict)

    def ids(self) -> list[str]:
        """The editions the workflows publish (all but `publish: false`), by name."""
        return [edition_id for edition_id, loaded in self.editions.items()
                if loaded.edition.publish]


class EditionFailed(Exception):
    """An edition's build failed; MkDocs has logged why. The message names the edition."""


def load(root: Path) -> EditionsRun:
    """Load and check the content under `root` and its editions; raises ContentError."""
    library = load_library(root)
    return EditionsRun(library, load_editions(library))


def default_jobs() -> int:
    """One worker a core this process may use."""
    if hasattr(os, "sched_getaffinity"):  # Linux; macOS has only the count of cores
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


#: The run this process builds from: set by _adopt, in this process or in a worker it forks
#: (where it comes with the process's memory, never pickled).
_run: EditionsRun | None = None


def _adopt(run: EditionsRun) -> None:
    global _run
    _run = run


def build_editions(run: EditionsRun, ids: list[str], config_file: Path, out: Path,
                   jobs: int) -> None:
    """Build the editions `ids`, each into `out`/<id>/, in `jobs` worker processes that
    take turns over them. Raises EditionFailed for the first edition that fails."""
    _adopt(run)
    groups = [ids[i::jobs] for i in range(min(jobs, len(ids)))]
    if len(groups) <= 1:
        _build_group(ids, config_file, out)
        return
    # Forked, with the run as the workers' initializer's argument: a forked process gets it
    # with the rest of this process's memory, where a task's arguments would be pickled.
    with ProcessPoolExecutor(len(groups), mp_context=multiprocessing.get_context("fork"),
                             initializer=_adopt, initargs=(run,)) as pool:
        for done in [pool.submit(_build_group, group, config_file, out) for group in groups]:
            done.result()


def _build_group(ids: list[str], config_file: Path, out: Path) -> None:
    for edition_id in ids:
        # One write a line: the workers share the terminal.
        sys.stdout.write(f"Utgåva {edition_id}\n")
        sys.stdout.flush()
        # Built beside its folder and moved in when done: a failed build leaves the last one.
        building = out / f".{edition_id}.bygger"
        try:
            build_edition(_run, edition_id, config_file, building)
        except Abort as exc:
            shutil.rmtree(building, ignore_errors=True)
            raise EditionFailed(f"Utgåvan {edition_id} kunde inte byggas (se ovan).") from exc
        shutil.rmtree(out / edition_id, ignore_errors=True)
        building.rename(out / edition_id)


def build_edition(run: EditionsRun, edition_id: str, config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of one edition into `site_dir`, from the run's content.
    Raises mkdocs' Abort when the build fails, after logging why to the `mkdocs` logger."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    plugin = config.plugins[PLUGIN]
    plugin.config.edition = edition_id
    plugin.run = run
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
