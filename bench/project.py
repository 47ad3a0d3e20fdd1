"""Two MkDocs projects over the same content: with the pratamedbarn plugin, and a plain baseline.

The baseline is what MkDocs + Material would build without the project's plugin: the very
Markdown that `pages.build_pages` makes, written to docs/ as ordinary pages, with the nav of
`pages.build_nav` and the Markdown extensions of `markdown.EXTENSIONS` written into mkdocs.yml.
Same theme, same overrides, same hand-written pages: the difference in build time is the plugin.

The plugin project has two configurations: mkdocs.yml, the repository's own (the whole site
build, study guide PDF included), and mkdocs-pages.yml, the same with the plugin's
`study_guide: false`, which builds the pages alone, like with like against the baseline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from pratamedbarn.library import load_library
from pratamedbarn.markdown import EXTENSION_CONFIGS, EXTENSIONS
from pratamedbarn.pages import build_nav, build_pages

from . import synth
from .common import REPO

PLUGIN = "pratamedbarn"


class _Tagged:
    """A value with a YAML tag (`!ENV`, `!!python/name:...`), kept as it was written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: _Tagged(node.tag, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


PAGES_ONLY = "mkdocs-pages.yml"


def _read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _write_config(path: Path, config: dict) -> None:
    path.write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _is_plugin(entry) -> bool:
    return entry == PLUGIN or (isinstance(entry, dict) and PLUGIN in entry)


def plugin_project(factor: int, out: Path, template: Path = REPO) -> Path:
    """`factor` times `template`'s content with the repository's mkdocs.yml and theme."""
    synth.generate(factor, out, template)
    shutil.copytree(REPO / "overrides", out / "overrides", dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", out)
    config = _read_config(REPO / "mkdocs.yml")
    for i, entry in enumerate(config["plugins"]):
        if _is_plugin(entry):
            options = dict(entry[PLUGIN] or {}) if isinstance(entry, dict) else {}
            config["plugins"][i] = {PLUGIN: {**options, "study_guide": False}}
    _write_config(out / PAGES_ONLY, config)
    return out


def baseline_project(project: Path, out: Path) -> Path:
    """The same site as `project` builds, made by plain MkDocs + Material from files on disk."""
    library = load_library(project)
    shutil.copytree(project / "docs", out / "docs", dirs_exist_ok=True)
    for path, markdown in build_pages(library).items():
        (out / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (out / "docs" / path).write_text(markdown, encoding="utf-8")
    shutil.copytree(project / "overrides", out / "overrides", dirs_exist_ok=True)

    config = _read_config(project / PAGES_ONLY)
    config["plugins"] = [entry for entry in config["plugins"] if not _is_plugin(entry)]
    config["nav"] = build_nav(library) + list(config.get("nav") or [])
    extensions = list(config.get("markdown_extensions") or [])
    listed = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    for name in (n for n in EXTENSIONS if n not in listed):
        options = EXTENSION_CONFIGS.get(name)
        extensions.append({name: options} if options else name)
    config["markdown_extensions"] = extensions
    _write_config(out / "mkdocs.yml", config)
    return out


def page_count(baseline: Path) -> int:
    """How many pages the site has: every Markdown file of the baseline's docs/."""
    return sum(1 for _ in (baseline / "docs").rglob("*.md"))
