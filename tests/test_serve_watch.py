"""`make serve` rebuilds when an editor saves any content file, also one created while it runs."""

from __future__ import annotations

from pathlib import Path

from pratamedbarn.plugin import PrataMedBarnPlugin
from pratamedbarn.site_build import SiteBuild


class _Server:
    def __init__(self):
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_every_content_file_and_the_content_folders(content: Path):
    plugin = PrataMedBarnPlugin()
    plugin.build = SiteBuild.load(content)
    server = plugin.on_serve(_Server(), config=None, builder=None)
    watched = set(server.watched)
    assert {str(content / "videos.yaml"), str(content / "checklists" / "fore-samtalet.yaml")} <= watched
    assert {str(content / "checklists"), str(content / "exercises")} <= watched
