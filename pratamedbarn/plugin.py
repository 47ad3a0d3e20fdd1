"""The MkDocs adapter: adds the generated pages, the navigation, the watched content files
and the study guide PDF."""

from __future__ import annotations

import threading
from datetime import date
from io import BytesIO
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import csp
from .dates import last_changed
from .errors import ContentError
from .library import FOLDERS, Library, load_library
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .news import FEED_NAME, NEWS_DIR, atom_feed, with_date_line
from .pages import PDF_NAME, build_nav, build_pages, page_sources
from .study_guide import Publication, render_html, write_pdf
from .version import Version, current_version, swedish_date


class PrataMedBarnConfig(Config):
    # Where videos.yaml and the content folders are, relative to mkdocs.yml.
    content_dir = config_options.Type(str, default=".")
    # Write studiehandledning.pdf into the site. Off only to time or preview the pages alone.
    study_guide = config_options.Type(bool, default=True)


class PrataMedBarnPlugin(BasePlugin[PrataMedBarnConfig]):
    library: Library
    pages: dict[str, str]
    #: Page source path → the day its content last changed ("Senast uppdaterad").
    updated: dict[str, date]
    version: Version
    # The last guide laid out, as (HTML, PDF bytes): `mkdocs serve` rebuilds on every
    # save, and laying out the PDF again is only worth it when its HTML changed.
    _pdf: tuple[str, bytes] = ("", b"")
    # In `mkdocs serve` the PDF is laid out after the build, in one background thread:
    # MkDocs answers no request until a build is over, and the layout takes seconds.
    serving = False
    _wanted: tuple[str, Path] | None = None  # the newest guide still to lay out
    _worker: threading.Thread | None = None
    _lock = threading.Lock()

    def on_startup(self, *, command, dirty) -> None:
        # Having this hook makes MkDocs keep one plugin instance across the rebuilds of
        # `mkdocs serve`; without it every rebuild starts a new one and `_pdf` is lost.
        # `mkdocs serve` also injects an inline live-reload script built pages do not have.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        worker = self._worker
        if worker:
            worker.join()

    def on_config(self, config):
        root = Path(config.config_file_path).parent / self.config.content_dir
        try:
            self.library = load_library(root)
        except ContentError as exc:
            raise PluginError(f"Innehållet har {len(exc.problems)} fel:\n{exc}") from None
        self.pages = build_pages(self.library, config.site_name)
        # The hand-written pages listed in mkdocs.yml follow the generated ones.
        config.nav = build_nav(self.library) + list(config.nav or [])
        # Site and study guide share one Markdown dialect (see markdown.py).
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        for name, options in EXTENSION_CONFIGS.items():
            config.mdx_configs.setdefault(name, {}).update(options)
        # The footer shows the same version mark as the study guide's colophon.
        self.version = current_version(root)
        config.extra["version"] = str(self.version)
        # The policy overrides/main.html writes; frame-src lists the hosts the films need.
        config.extra["content_security_policy"] = csp.policy(
            csp.frame_hosts(self.library), live_reload=self.serving)
        return config

    def on_files(self, files: Files, config) -> Files:
        for path, markdown in self.pages.items():
            if files.get_file_from_path(path):
                raise PluginError(f"docs/{path} krockar med en sida som skapas från "
                                  "innehållsfilerna. Ta bort eller döp om docs/{path}.")
            files.append(File.generated(config, path, content=markdown))
        self.updated = self._updated(files)
        return files

    def _updated(self, files: Files) -> dict[str, date]:
        # A generated page is as new as the newest content file it is made from;
        # a hand-written page as new as its own Markdown file.
        sources = {path: [self.library.root / name for name in names]
                   for path, names in page_sources(self.library).items()}
        for file in files.documentation_pages():
            if file.src_uri not in sources and file.abs_src_path:
                sources[file.src_uri] = [Path(file.abs_src_path)]
        days = last_changed(self.library.root, {p for paths in sources.values() for p in paths})
        return {uri: max(days[p] for p in paths if p in days)
                for uri, paths in sources.items() if any(p in days for p in paths)}

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.updated:
            page.meta["updated"] = self.updated[page.file.src_uri]
        post = next((p for p in self.library.news if p.path == page.file.src_uri), None)
        return with_date_line(markdown, post) if post else markdown

    def on_env(self, env, config, files):
        env.filters["swedish_date"] = swedish_date
        return env

    def on_post_build(self, config) -> None:
        if not self.serving:
            _hash_inline_scripts(Path(config.site_dir))
        # The study guide is made from the same Library; the study guide page links to it.
        if self.config.study_guide:
            html = render_html(self.library, Publication.from_config(config), self.version)
            target = Path(config.site_dir) / PDF_NAME
            if self.serving:
                self._lay_out_later(html, target)
            else:
                self._lay_out(html, target)
        if self.library.news:
            feed = atom_feed(self.library.news, config.site_url or "", config.site_name)
            (Path(config.site_dir) / NEWS_DIR / FEED_NAME).write_text(feed, encoding="utf-8")

    def _lay_out(self, html: str, target: Path) -> None:
        if html != self._pdf[0]:
            buffer = BytesIO()
            write_pdf(html, buffer)
            self._pdf = (html, buffer.getvalue())
        target.write_bytes(self._pdf[1])

    def _lay_out_later(self, html: str, target: Path) -> None:
        with self._lock:
            self._wanted = (html, target)
            if self._worker is None:
                self._worker = threading.Thread(target=self._lay_out_wanted, daemon=True)
                self._worker.start()

    def _lay_out_wanted(self) -> None:
        # Saves that come while a guide is being laid out leave only the newest to do next.
        while True:
            with self._lock:
                if self._wanted is None:
                    self._worker = None
                    return
                html, target = self._wanted
                self._wanted = None
            self._lay_out(html, target)

    def on_serve(self, server, config, builder):
        for path in self.library.content_files():
            server.watch(str(path))
        # The folders too, so that a checklist or exercise created while serving shows up.
        for folder in FOLDERS:
            server.watch(str(self.library.root / folder))
        return server


def _hash_inline_scripts(site_dir: Path) -> None:
    """Allow Material's inline scripts by hash in the policy of every built page.

    Every page gets the hashes of all pages: instant navigation keeps the first page's
    policy while it swaps the next pages in.
    """
    pages = {path: path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")}
    hashes = set().union(*(csp.inline_script_hashes(html) for html in pages.values()))
    for path, html in pages.items():
        path.write_text(csp.add_script_hashes(html, hashes), encoding="utf-8")
