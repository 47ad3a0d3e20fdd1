"""`make serve` rebuilds when an editor saves any content file, also one created while it runs."""

from __future__ import annotations

from pathlib import Path

from pratamedbarn.plugin import PrataMedBarnPlugin


class _Server:
    root, mount_path = "/nowhere", "/"

    def __init__(self):
        self.watched: list[str] = []
        self.app = None
        self.builder = lambda: None

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def get_app(self):
        return self.app

    def set_app(self, app) -> None:
        self.app = app


def test_serve_watches_every_content_file_and_the_content_folders(content: Path):
    plugin = PrataMedBarnPlugin()
    plugin.root = content
    server = plugin.on_serve(_Server(), config=None, builder=None)
    watched = set(server.watched)
    assert {str(content / "videos.yaml"), str(content / "checklists" / "fore-samtalet.yaml")} <= watched
    assert {str(content / "checklists"), str(content / "exercises")} <= watched


def _get(app, path: str, byte_range: str | None = None) -> tuple[str, dict, bytes]:
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    if byte_range:
        environ["HTTP_RANGE"] = byte_range
    result = app(environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):  # as a WSGI server does
        result.close()
    return answer["status"], answer["headers"], body


def test_make_serve_answers_byte_ranges_so_chapter_links_seek(content: Path, tmp_path: Path):
    # The real server of `mkdocs serve`, not started: its WSGI app is called directly.
    from mkdocs.livereload import LiveReloadServer

    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "media" / "film.mp4").write_bytes(bytes(range(256)) * 4)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    server.server_close()  # never listens: only its app is used
    plugin = PrataMedBarnPlugin()
    plugin.root = content
    plugin.on_serve(server, config=None, builder=None)
    app = server.get_app()
    status, headers, body = _get(app, "/media/film.mp4", "bytes=100-199")
    assert status == "206 Partial Content"
    assert headers["Content-Range"] == "bytes 100-199/1024" and headers["Content-Type"] == "video/mp4"
    assert body == (bytes(range(256)) * 4)[100:200]
    status, headers, body = _get(app, "/media/film.mp4", "bytes=1000-")
    assert headers["Content-Range"] == "bytes 1000-1023/1024" and len(body) == 24
    assert _get(app, "/media/film.mp4", "bytes=5000-")[0] == "416 Range Not Satisfiable"
    # Without a range, and for what is not in the site, the server answers as before.
    server._visible_epoch = server._wanted_epoch
    status, headers, body = _get(app, "/media/film.mp4")
    assert status == "200 OK" and len(body) == 1024
    assert _get(app, "/media/../../etc/passwd", "bytes=0-9")[0].startswith("404")
