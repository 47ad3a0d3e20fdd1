"""The MkDocs adapter: hands MkDocs what `site_build` makes, and watches the content files.

Every job lives in the core (`site_build`, `pages`, `csp`, `study_guide`); the hooks only
pass MkDocs' objects in and out. `generate.py` builds the same site without this plugin.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from io import BytesIO
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import csp, kinds
from .editions import EDITIONS_DIR, chosen_id
from .errors import ContentError
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .ranges import with_ranges
from .site_build import THEME_PAGE, SiteBuild, printed, write_feed
from .study_guide import Publication, write_pdf
from .urls import SITE_SCRIPT_PARTS


class PrataMedBarnConfig(Config):
    # Where videos.yaml and the content folders are, relative to mkdocs.yml.
    content_dir = config_options.Type(str, default=".")
    # Write studiehandledning.pdf into the site. Off only to time or preview the pages alone.
    study_guide = config_options.Type(bool, default=True)
    # The local edition to build (utgavor/<id>.yaml); empty: PMB_UTGAVA, else the generic course.
    edition = config_options.Type(str, default="")


class PrataMedBarnPlugin(BasePlugin[PrataMedBarnConfig]):
    build: SiteBuild
    #: Page source path → the day its content last changed ("Senast uppdaterad").
    updated: dict[str, date]
    serving = False
    # The script hashes of the theme, read from its page without content before any page.
    _hashes: frozenset[str] = frozenset()
    # `mkdocs serve` lays the PDF out after the build, in one worker: MkDocs answers no
    # request while a build runs, and the layout takes seconds.
    _executor: ThreadPoolExecutor | None = None
    _pending: Future | None = None

    def __init__(self) -> None:
        super().__init__()
        # The last layout of each printed document, file name → (HTML, PDF bytes): `mkdocs
        # serve` rebuilds on every save, and a layout is only worth redoing when its HTML changed.
        self._pdf: dict[str, tuple[str, bytes]] = {}

    def on_startup(self, *, command, dirty) -> None:
        # Having this hook makes MkDocs keep one plugin instance across the rebuilds of
        # `mkdocs serve`; without it every rebuild starts a new one and `_pdf` is lost.
        # `mkdocs serve` also injects an inline live-reload script built pages do not have.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.wait_for_guide()
        if self._executor:
            self._executor.shutdown()

    def on_config(self, config):
        root = Path(config.config_file_path).parent / self.config.content_dir
        try:
            self.build = SiteBuild.load(root, config.site_name, chosen_id(self.config.edition))
        except ContentError as exc:
            raise PluginError(f"Innehållet har {len(exc.problems)} fel:\n{exc}") from None
        config.nav = self.build.nav(config.nav)
        config.site_url = self.build.site_url(config.site_url or "")
        config.extra_css.extend(self.build.stylesheets())
        # Site and study guide share one Markdown dialect (see markdown.py).
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        for name, options in EXTENSION_CONFIGS.items():
            config.mdx_configs.setdefault(name, {}).update(options)
        config.extra.update(self.build.extra(config.site_url or "", serving=self.serving,
                                             nav=config.nav))
        return config

    def on_files(self, files: Files, config) -> Files:
        outside_menu = set(self.build.outside_menu())
        hand_written = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages()
                        if f.abs_src_path and f.src_uri not in self.build.markdown}
        self.updated = self.build.days(hand_written)
        for path, text in {**self.build.markdown, **self.build.generated_files(self.updated)}.items():
            inclusion = InclusionLevel.NOT_IN_NAV if path in outside_menu else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=text, inclusion=inclusion))
        for path, data in self.build.media_files().items():
            files.append(File.generated(config, path, content=data))
        for path in SITE_SCRIPT_PARTS:  # published inside SITE_SCRIPT only
            part = files.get_file_from_path(path)
            if part:
                files.remove(part)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        uri = page.file.src_uri
        for key, value in self.build.meta(uri).items():
            page.meta.setdefault(key, value)
        try:
            return self.build.finished_markdown(uri, markdown, self.updated.get(uri))
        except ContentError as exc:
            raise PluginError(str(exc)) from None

    def on_post_template(self, output, template_name, config):
        # MkDocs writes its static templates (the 404 page) before any page.
        if template_name == THEME_PAGE and not self.serving:
            self._hashes = csp.theme_hashes(output)
            return self._secure(output, THEME_PAGE)
        return output

    def on_post_page(self, output, page, config):
        return output if self.serving else self._secure(output, page.file.src_uri)

    def _secure(self, html: str, name: str) -> str:
        try:
            return csp.secure_page(html, self._hashes, name)
        except csp.PolicyError as exc:
            raise PluginError(str(exc)) from None

    def on_post_build(self, config) -> None:
        site_dir = Path(config.site_dir)
        # After Material's search plugin (listed before ours) has written its index.
        self.build.refine_search(site_dir)
        write_feed(self.build.library, site_dir, config.site_url or "", config.site_name)
        if self.config.study_guide:
            documents = printed(self.build, Publication.from_config(config))
            if self.serving:
                self._lay_out_later(documents, site_dir)
            else:
                self._lay_out(documents, site_dir)

    def _lay_out(self, documents: dict[str, str], site_dir: Path) -> None:
        # A document whose HTML did not change is written from the last layout.
        for name, html in documents.items():
            if self._pdf.get(name, ("", b""))[0] != html:
                buffer = BytesIO()
                write_pdf(html, buffer)
                self._pdf[name] = (html, buffer.getvalue())
            (site_dir / name).write_bytes(self._pdf[name][1])

    def _lay_out_later(self, documents: dict[str, str], site_dir: Path) -> None:
        # One worker; a save that comes while a layout waits its turn replaces it.
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1)
        if self._pending:
            self._pending.cancel()
        self._pending = self._executor.submit(self._lay_out, documents, site_dir)

    def wait_for_guide(self) -> None:
        """Wait until the study guide queued by `mkdocs serve` is written (for tests)."""
        if self._pending:
            self._pending.result()

    def on_serve(self, server, config, builder):
        # Chapter links seek only when the server answers byte ranges (ranges.py).
        server.set_app(with_ranges(server.get_app(), Path(server.root), server.mount_path))
        for path in self.build.library.content_files():
            server.watch(str(path))
        # The folders too, so that a checklist or exercise created while serving shows up.
        root = self.build.library.root
        for folder in [*kinds.folders(), EDITIONS_DIR]:
            if (root / folder).is_dir():  # a project may have no editions
                server.watch(str(root / folder))
        return server
