"""The engine-neutral build: the whole site as plain Markdown files and a config, no plugin.

`python -m pratamedbarn generate OUT` writes OUT/docs (hand-written and generated pages, with
their dates, assets and media), OUT/overrides and OUT/mkdocs.yml (the repository's settings
with the full menu, the Markdown extensions and the theme settings written in, and without
our plugin). Any engine that reads Material-style Markdown builds it as it is:
`zensical build -f OUT/mkdocs.yml` or `mkdocs build -f OUT/mkdocs.yml`. Then
`python -m pratamedbarn finish SITE` adds what no engine does for us (`site_build.finish_site`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from .editions import chosen_id
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .pages import DEFAULT_SITE_NAME
from .site_build import SiteBuild
from .urls import SITE_SCRIPT_PARTS

PLUGIN = "pratamedbarn"
CONFIG = "mkdocs.yml"


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


def read_config(path: Path) -> dict:
    """An mkdocs.yml as a dict; tags meant for MkDocs are kept, not run."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def site_name(config: dict) -> str:
    """The site's name in an mkdocs.yml (`site_name`), or the project's own."""
    return config.get("site_name") or DEFAULT_SITE_NAME


def write_config(path: Path, config: dict) -> None:
    path.write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def is_plugin(entry) -> bool:
    """Whether a `plugins:` entry of mkdocs.yml is ours."""
    return entry == PLUGIN or (isinstance(entry, dict) and PLUGIN in entry)


def _with_extensions(listed: list) -> list:
    names = {next(iter(e)) if isinstance(e, dict) else e for e in listed}
    extensions = list(listed)
    for name in (n for n in EXTENSIONS if n not in names):
        options = EXTENSION_CONFIGS.get(name)
        extensions.append({name: options} if options else name)
    return extensions


def engine_config(build: SiteBuild, config: dict) -> dict:
    """`config` (an mkdocs.yml) as an engine needs it to build the generated tree alone."""
    config = dict(config)
    config["plugins"] = [entry for entry in config.get("plugins") or [] if not is_plugin(entry)]
    config["nav"] = build.nav(config.get("nav") or [])
    config["site_url"] = build.site_url(config.get("site_url") or "")
    config["extra_css"] = [*(config.get("extra_css") or []), *build.stylesheets()]
    config["markdown_extensions"] = _with_extensions(config.get("markdown_extensions") or [])
    config["extra"] = {**(config.get("extra") or {}),
                       **build.extra(config["site_url"], nav=config["nav"])}
    config["docs_dir"] = "docs"
    outside = "".join(f"/{path}\n" for path in build.outside_menu())
    config["not_in_nav"] = (config.get("not_in_nav") or "") + outside
    config.pop("site_dir", None)
    return config


def split_front_matter(markdown: str) -> tuple[dict, str]:
    """A page's own front matter and the Markdown after it (the engine's split)."""
    match = re.match(r"---\n(.*?\n)?---\n", markdown, re.S)
    if not match:
        return {}, markdown
    return yaml.safe_load(match[1] or "") or {}, markdown[match.end():]


def with_front_matter(body: str, meta: dict) -> str:
    """`body` with `meta` written as its front matter."""
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def _markdown_files(docs: Path) -> dict[str, Path]:
    return {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*.md"))}


def generate(root: Path, out: Path, with_dates: bool = True) -> SiteBuild:
    """Write the site under `root` as a plain tree to `out`; return the build it came from.

    `with_dates` False leaves out "Senast uppdaterad" (the benchmarks' baseline).
    Raises ContentError when the content has problems.
    """
    config = read_config(root / CONFIG)
    build = SiteBuild.load(root, site_name(config), chosen_id())
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / "docs", docs)
    shutil.copytree(root / "overrides", out / "overrides", dirs_exist_ok=True)
    hand_written = _markdown_files(root / "docs")
    days = build.days(hand_written) if with_dates else {}
    texts = {uri: path.read_text(encoding="utf-8") for uri, path in hand_written.items()}
    for uri, markdown in (texts | build.markdown).items():
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        meta, body = split_front_matter(markdown)
        body = build.finished_markdown(uri, body, days.get(uri))
        target.write_text(with_front_matter(body, {**build.meta(uri), **meta}), encoding="utf-8")
    for path, text in build.generated_files(days).items():
        (docs / path).write_text(text, encoding="utf-8")
    for path in SITE_SCRIPT_PARTS:  # published inside SITE_SCRIPT only
        (docs / path).unlink()
    for path, data in build.media_files().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    write_config(out / CONFIG, engine_config(build, config))
    return build
