"""The MkDocs adapter: adds the generated pages, the navigation and the watched content files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .errors import ContentError
from .library import Library, load_library
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .pages import build_nav, build_pages


class PrataMedBarnConfig(Config):
    # Where videos.yaml and the content folders are, relative to mkdocs.yml.
    content_dir = config_options.Type(str, default=".")


class PrataMedBarnPlugin(BasePlugin[PrataMedBarnConfig]):
    library: Library
    pages: dict[str, str]

    def on_config(self, config):
        root = Path(config.config_file_path).parent / self.config.content_dir
        try:
            self.library = load_library(root)
        except ContentError as exc:
            raise PluginError(f"Innehållet har {len(exc.problems)} fel:\n{exc}") from None
        self.pages = build_pages(self.library)
        # The hand-written pages listed in mkdocs.yml follow the generated ones.
        config.nav = build_nav(self.library) + list(config.nav or [])
        # Site and study guide share one Markdown dialect (see markdown.py).
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        for name, options in EXTENSION_CONFIGS.items():
            config.mdx_configs.setdefault(name, {}).update(options)
        return config

    def on_files(self, files: Files, config) -> Files:
        for path, markdown in self.pages.items():
            if files.get_file_from_path(path):
                raise PluginError(f"docs/{path} krockar med en sida som skapas från "
                                  "innehållsfilerna. Ta bort eller döp om docs/{path}.")
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server, config, builder):
        for path in self.library.content_files():
            server.watch(str(path))
        return server
