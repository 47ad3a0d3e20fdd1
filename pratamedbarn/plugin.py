"""The MkDocs adapter: hands MkDocs what `site_build` makes, and watches the content files.

Every job lives in the core (`site_build`, `pages`, `csp`, `study_guide`); the hooks only
pass MkDocs' objects in and out. `generate.py` builds the same site without this plugin.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import csp, kinds
from .edition_builds import EditionsRun
from .editions import EDITIONS_DIR, chosen_id, pick
from .errors import ContentError
from .guide_worker import GuideWorker
from .library import content_files
from .markdown import EXTENSION_CONFIGS, EXTENSIONS
from .preview import with_preview, write_error_page
from .ranges import with_ranges
from .site_build import THEME_PAGE, SiteBuild, write_feed, write_printed
from .study_guide import Publication
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
    #: In `mkdocs serve`, while the content has errors: one line each, shown on every page.
    problems: list[str] | None = None
    #: Set by edition_builds: the content loaded once for many editions' builds.
    run: EditionsRun | None = None

    def __init__(self) -> None:
        super().__init__()
        # `mkdocs serve` lays the printed documents out in a process of its own after each
        # build: MkDocs answers no request while a build runs, and a layout takes seconds.
        self.guide = GuideWorker()

    def on_startup(self, *, command, dirty) -> None:
        # Having this hook makes MkDocs keep one plugin instance across the rebuilds of
        # `mkdocs serve`, with its worker and the state of its error page.
        # `mkdocs serve` also injects an inline live-reload script built pages do not have.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.guide.close()

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent / self.config.content_dir
        self.edition = chosen_id(self.config.edition)
        if self.serving:
            self.guide.outdated()
        try:
            self.build = (SiteBuild.for_edition(self.run.library,
                                                pick(self.run.editions, self.edition),
                                                config.site_name) if self.run else
                          SiteBuild.load(self.root, config.site_name, self.edition))
        except ContentError as exc:
            if not self.serving:
                raise PluginError(f"Innehållet har {len(exc.problems)} fel:\n{exc}") from None
            return self._without_pages(config, [str(problem) for problem in exc.problems])
        self.problems = None
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

    def _without_pages(self, config, problems: list[str]):
        # The preview builds no page and shows the problems on every address (preview.py):
        # a build that raised would leave every request waiting until the file is fixed.
        self.problems = problems
        _say(problems, "Förhandsvisningen visar felen i webbläsaren och laddar om sidan av "
                       "sig själv när du har rättat och sparat filen.")
        config.nav = []
        config.theme.static_templates.clear()  # the theme's pages need the content
        return config

    def on_files(self, files: Files, config) -> Files:
        if self.problems is not None:
            return Files([file for file in files if not file.is_documentation_page()])
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
        if self.problems is not None:
            write_error_page(site_dir, self.problems)
            return
        # After Material's search plugin (listed before ours) has written its index.
        self.build.refine_search(site_dir)
        write_feed(self.build.library, site_dir, config.site_url or "", config.site_name)
        if not self.config.study_guide:
            return
        publication = Publication.from_config(config)
        if self.serving:
            self.guide.start(self.root, publication, site_dir, self.edition)
        elif self.run:
            self.run.layouts = write_printed(self.build, publication, site_dir, self.run.layouts)
        else:
            write_printed(self.build, publication, site_dir)

    def on_serve(self, server, config, builder):
        site_dir = Path(server.root)
        # Chapter links seek only when the server answers byte ranges (ranges.py).
        app = with_ranges(server.get_app(), site_dir, server.mount_path)
        server.set_app(with_preview(app, site_dir, server.mount_path, lambda: self.problems,
                                    self.guide.busy))
        server.builder = self._never_stuck(server.builder, site_dir)
        for path in content_files(self.root):
            server.watch(str(path))
        # The folders too, so that a checklist or exercise created while serving shows up.
        for folder in [*kinds.folders(), EDITIONS_DIR]:
            if (self.root / folder).is_dir():  # a project may have no editions
                server.watch(str(self.root / folder))
        return server

    def _never_stuck(self, builder: Callable[[], None], site_dir: Path) -> Callable[[], None]:
        # A rebuild that raises (a broken link under --strict, say) would leave MkDocs'
        # server answering no page until a build succeeds: show the error page instead.
        def build() -> None:
            try:
                builder()
            except Exception as exc:  # noqa: BLE001 - any failure: the page says so
                self.problems = [f"Webbplatsen kunde inte byggas: {exc} "
                                 "Meddelandena ovanför i terminalen säger var felet är."]
                _say(self.problems, "Förhandsvisningen visar felet i webbläsaren tills det är rättat.")
                write_error_page(site_dir, self.problems)

        return build


def _say(problems: list[str], advice: str) -> None:
    # Printed, not logged: MkDocs' --strict would count a logged error as one more failure.
    print("\n".join([*problems, advice]), file=sys.stderr, flush=True)
