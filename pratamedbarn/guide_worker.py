"""The printed documents for `mkdocs serve`, laid out in a process of its own.

WeasyPrint takes seconds and holds Python's interpreter lock while it works: in a thread of
the server's process it slowed every page build down (BENCHMARKS.md §2). Here one worker
process reads the content, renders the documents and lays them out; the page build only
hands it the content folder. The newest save wins: a layout that waits its turn is dropped
when a newer one comes, and the result of one that is overtaken while it runs is thrown away.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from io import BytesIO
from pathlib import Path

from .editions import load_editions, pick
from .errors import ContentError
from .library import load_library
from .site_build import printed
from .study_guide import Layout, Publication, write_pdf
from .version import current_version

#: In the worker: the last layout of each document, file name → (HTML, PDF bytes, layout). A
#: save that does not change a document's HTML costs no layout, and one that changes a few
#: words is laid out once, like the last (study_guide.write_pdf).
_laid_out: dict[str, tuple[str, bytes, Layout]] = {}


def _start_worker(server: int) -> None:
    # Ctrl+C reaches every process of the terminal: the server stops the worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The page build comes first: the layout gets the CPU time the build leaves.
    os.nice(10)
    # A server killed outright (SIGTERM, SIGKILL) cannot stop its worker: it ends itself.
    threading.Thread(target=_end_with, args=(server,), daemon=True).start()


def _end_with(server: int) -> None:
    while os.getppid() == server:
        time.sleep(0.5)
    os._exit(0)


def lay_out(root: Path, publication: Publication, edition: str | None = None) -> dict[str, bytes]:
    """In the worker: the printed documents of the content under `root`, as PDF bytes by name,
    for the local edition named `edition` (None: the generic course)."""
    try:
        library = load_library(root)
        chosen = pick(load_editions(library), edition)
    except ContentError:
        return {}  # saved again since the build, and broken: the next build shows where
    documents = printed(library, current_version(root), publication, chosen)
    for name, html in documents.items():
        last = _laid_out.get(name)
        if not last or last[0] != html:
            buffer = BytesIO()
            layout = write_pdf(html, buffer, like=last[2] if last else None)
            _laid_out[name] = (html, buffer.getvalue(), layout)
    return {name: _laid_out[name][1] for name in documents}


class GuideWorker:
    """One worker process that lays out the printed documents after each build of the preview."""

    def __init__(self, job: Callable[[Path, Publication, str | None], dict[str, bytes]] = lay_out
                 ) -> None:
        self._job = job
        self._executor: ProcessPoolExecutor | None = None
        self._running: Future | None = None
        # The newest layout asked for while another runs. Only one job is ever handed to the
        # executor: it queues one more than it runs, and a queued job can no longer be cancelled.
        self._next: tuple[Path, Publication, str | None, Path, int] | None = None
        self._generation = 0  # one a build: only the newest build's documents are written
        self._busy = False  # a layout is asked for and its documents are not written yet
        self._closed = False
        self._changed = threading.Condition()

    def outdated(self) -> None:
        """A build starts: it empties the site folder, and what is being laid out is old."""
        with self._changed:
            self._generation += 1
            self._next = None

    def start(self, root: Path, publication: Publication, site_dir: Path,
              edition: str | None = None) -> None:
        """Lay out the documents of the content under `root` and write them into `site_dir`:
        those of the local edition named `edition` (None: the generic course)."""
        with self._changed:
            self._generation += 1
            self._busy, self._closed = True, False
            self._next = (root, publication, edition, site_dir, self._generation)
            if self._running is None or self._running.done():
                self._submit_next()

    def _submit_next(self) -> None:
        root, publication, edition, site_dir, generation = self._next
        self._next = None
        if self._executor is None:
            # spawn: a fork of the server would copy its threads' locks mid-use.
            self._executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(os.getpid(),))
        self._running = self._executor.submit(self._job, root, publication, edition)
        self._running.add_done_callback(partial(self._finished, generation, site_dir))

    def _finished(self, generation: int, site_dir: Path, future: Future) -> None:
        with self._changed:
            if self._closed:
                return  # a layout cut short writes nothing and says nothing
            if isinstance(future.exception(), BrokenProcessPool):
                # The worker died (out of memory, killed): the next layout gets a new one.
                self._executor.shutdown(wait=False)
                self._executor = None
            if generation == self._generation:
                self._write(future, site_dir)
                self._busy = False
                self._changed.notify_all()
            if self._next:
                self._submit_next()

    @staticmethod
    def _write(future: Future, site_dir: Path) -> None:
        error = future.exception()
        if error:
            print(f"Studiehandledningen kunde inte göras: {error}", file=sys.stderr)
            return
        for name, data in future.result().items():
            (site_dir / name).write_bytes(data)

    def busy(self) -> bool:
        """Whether the documents of the newest build are still being made."""
        with self._changed:
            return self._busy

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the newest build's documents are written (for tests and benchmarks)."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._busy, timeout)

    def close(self) -> None:
        """Stop the worker at once, also in the middle of a layout: the server is closing."""
        with self._changed:
            executor, self._executor = self._executor, None
            self._next, self._busy, self._closed = None, False, True
            self._changed.notify_all()
        if executor is None:
            return
        # ProcessPoolExecutor has no public way to stop a running job before Python 3.14
        # (terminate_workers); shutdown alone would wait for the layout to finish.
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
