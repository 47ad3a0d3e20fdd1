"""Two MkDocs projects over the same content: with the pratamedbarn plugin, and a plain baseline.

The baseline is what MkDocs + Material would build without the project's plugin: the tree
that `python -m pratamedbarn generate` writes (the generated Markdown as ordinary pages, the
menu and the Markdown extensions written into mkdocs.yml), without page dates. Same theme,
same overrides, same hand-written pages: the difference in build time is the plugin.

The plugin project has two configurations: mkdocs.yml, the repository's own (the whole site
build, study guide PDF included), and mkdocs-pages.yml, the same with the plugin's
`study_guide: false`, which builds the pages alone, like with like against the baseline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pratamedbarn.generate import PLUGIN, generate, is_plugin, read_config, write_config

from . import synth
from .common import REPO

PAGES_ONLY = "mkdocs-pages.yml"


def plugin_project(factor: int, out: Path, template: Path = REPO) -> Path:
    """`factor` times `template`'s content with the repository's mkdocs.yml and theme."""
    synth.generate(factor, out, template)
    shutil.copytree(REPO / "overrides", out / "overrides", dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", out)
    config = read_config(REPO / "mkdocs.yml")
    for i, entry in enumerate(config["plugins"]):
        if is_plugin(entry):
            options = dict(entry[PLUGIN] or {}) if isinstance(entry, dict) else {}
            config["plugins"][i] = {PLUGIN: {**options, "study_guide": False}}
    write_config(out / PAGES_ONLY, config)
    return out


def baseline_project(project: Path, out: Path) -> Path:
    """The same site as `project` builds, made by plain MkDocs + Material from files on disk."""
    generate(project, out, with_dates=False)
    return out


def page_count(baseline: Path) -> int:
    """How many pages the site has: every Markdown file of the baseline's docs/."""
    return sum(1 for _ in (baseline / "docs").rglob("*.md"))
