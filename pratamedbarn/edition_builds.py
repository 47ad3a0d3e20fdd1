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
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .editions import LoadedEdition, load_editions
from .library import Library, load_library
from .study_guide import PageNumbers

#: The plugin's name in mkdocs.yml.
PLUGIN = "pratamedbarn"


@dataclass
class EditionsRun:
    """What the editions of one run share: the content, loaded and checked once, and where
    the last edition's printed documents put their anchors (file name → page numbers)."""

    library: Library
    editions: dict[str, LoadedEdition]
    pages: dict[str, PageNumbers] = field(default_factory=dict)

    def ids(self) -> list[str]:
        """The editions the workflows publish (all but `publish: false`), by name."""
        return [edition_id for edition_id, loaded in self.editions.items()
                if loaded.edition.publish]


def load(root: Path) -> EditionsRun:
    """Load and check the content under `root` and its editions; raises ContentError."""
    library = load_library(root)
    return EditionsRun(library, load_editions(library))


def build_editions(run: EditionsRun, ids: list[str], config_file: Path, out: Path,
                   jobs: int) -> None:
    """Build the editions `ids`, each into `out`/<id>/, in `jobs` worker processes that
    take turns over them. Raises the first edition's failure (mkdocs' Abort, PluginError)."""
    groups = [ids[i::jobs] for i in range(min(jobs, len(ids)))]
    if len(groups) <= 1:
        _build_group(run, ids, config_file, out)
        return
    # Forked: each worker has the content this process loaded, not a load of its own.
    with ProcessPoolExecutor(len(groups), mp_context=multiprocessing.get_context("fork")) as pool:
        for done in [pool.submit(_build_group, run, group, config_file, out) for group in groups]:
            done.result()


def _build_group(run: EditionsRun, ids: list[str], config_file: Path, out: Path) -> None:
    for edition_id in ids:
        # One write a line: the workers share the terminal.
        sys.stdout.write(f"Utgåva {edition_id}\n")
        sys.stdout.flush()
        build_edition(run, edition_id, config_file, out / edition_id)


def build_edition(run: EditionsRun, edition_id: str, config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of one edition into `site_dir`, from the run's content."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    plugin = config.plugins[PLUGIN]
    plugin.config.edition = edition_id
    plugin.run = run
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
