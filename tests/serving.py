"""`mkdocs serve` run as `make serve` runs it, for the tests of the preview."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from bench.nginx import free_port

#: Seconds a request may take before it counts as hanging. Generous: a busy machine is slow,
#: and a request that waits for a fixed file waits for ever.
REQUEST_TIMEOUT = 60
#: Seconds to wait for a rebuild after a save to show.
REBUILD = 300
EMPTY_TITLE = ("title: Före samtalet", "title:")


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve --strict` of `project`, as `make serve` runs it, in a session of its own
    (as a terminal: Ctrl+C reaches every process of it)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}",
         "-f", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        # Ctrl+C works as in a terminal, also when the tests run in the background (where
        # a shell starts them with SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield f"http://127.0.0.1:{port}/", server
    finally:
        with suppress(ProcessLookupError):  # the server and whatever of its session is left
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        server.stderr.close()


def get(url: str) -> str:
    """The page at `url`; a request that takes over REQUEST_TIMEOUT seconds fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")


def wait_for(url: str, text: str) -> str:
    """The page at `url` once it contains `text` (the server may still be starting)."""
    deadline = time.monotonic() + REBUILD
    while time.monotonic() < deadline:
        try:
            page = get(url)
        except urllib.error.URLError as error:
            assert "timed out" not in str(error), f"{url} hung"
            page = ""
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}; last: {page[:300]!r}")


def edit(path: Path, find: str, replace: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
