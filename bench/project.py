"""Two MkDocs projects over the same content: with the pratamedbarn plugin, and a plain baseline.

The baseline is what MkDocs + Material would build without the project's plugin: the very
Markdown that `pages.build_pages` makes, written to docs/ as ordinary pages, with the nav of
`pages.build_nav` and the Markdown extensions of `markdown.EXTENSIONS` written into mkdocs.yml.
Same theme, same overrides, same hand-written pages: the difference in build time is the plugin.
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


def plugin_project(factor: int, out: Path, template: Path = REPO) -> Path:
    """`factor` times `template`'s content with the repository's mkdocs.yml and theme."""
    synth.generate(factor, out, template)
    shutil.copy(REPO / "mkdocs.yml", out)
    shutil.copytree(REPO / "overrides", out / "overrides", dirs_exist_ok=True)
    return out


def _without_plugin(plugins: list) -> list:
    return [p for p in plugins if p != PLUGIN and not (isinstance(p, dict) and PLUGIN in p)]


def baseline_project(project: Path, out: Path) -> Path:
    """The same site as `project` builds, made by plain MkDocs + Material from files on disk."""
    library = load_library(project)
    shutil.copytree(project / "docs", out / "docs", dirs_exist_ok=True)
    for path, markdown in build_pages(library).items():
        (out / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (out / "docs" / path).write_text(markdown, encoding="utf-8")
    shutil.copytree(project / "overrides", out / "overrides", dirs_exist_ok=True)

    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config["plugins"] = _without_plugin(config.get("plugins", []))
    config["nav"] = build_nav(library) + list(config.get("nav") or [])
    extensions = list(config.get("markdown_extensions") or [])
    listed = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    for name in (n for n in EXTENSIONS if n not in listed):
        options = EXTENSION_CONFIGS.get(name)
        extensions.append({name: options} if options else name)
    config["markdown_extensions"] = extensions
    (out / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def page_count(baseline: Path) -> int:
    """How many pages the site has: every Markdown file of the baseline's docs/."""
    return sum(1 for _ in (baseline / "docs").rglob("*.md"))
