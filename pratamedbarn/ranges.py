"""Byte ranges for the development server: chapter links seek in a film under `make serve`.

A browser asks for a film in parts (`Range: bytes=…`) and can only jump to a time when the
server answers with those parts (206 Partial Content). Any real web host does; the server of
`mkdocs serve` does not. `with_ranges` wraps its WSGI app (plugin.py, on_serve) and answers
range requests for files in the built site; every other request goes to the app unchanged.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
CHUNK = 256 * 1024


def _chunks(path: Path, start: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as file:
        file.seek(start)
        while length > 0:
            data = file.read(min(CHUNK, length))
            if not data:
                return
            length -= len(data)
            yield data


def with_ranges(app: Callable, root: Path, mount_path: str = "/") -> Callable:
    """`app` (a WSGI app serving the site under `root` at `mount_path`) with byte ranges."""

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        match = _RANGE.fullmatch(environ.get("HTTP_RANGE", "").strip())
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if (not match or not (match[1] or match[2]) or not path.startswith(mount_path)
                or path.endswith(("/", ".html"))):
            return app(environ, start_response)
        relative = posixpath.normpath("/" + path[len(mount_path):]).lstrip("/")
        file = Path(root) / relative
        if not file.is_file():
            return app(environ, start_response)
        size = file.stat().st_size
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:
            start, end = max(size - int(match[2]), 0), size - 1
        if start > end or start >= size:
            start_response("416 Range Not Satisfiable", [("Content-Range", f"bytes */{size}")])
            return [b""]
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        start_response("206 Partial Content", [
            ("Content-Type", kind), ("Content-Length", str(end - start + 1)),
            ("Content-Range", f"bytes {start}-{end}/{size}"), ("Accept-Ranges", "bytes")])
        return _chunks(file, start, end - start + 1)

    return serve
