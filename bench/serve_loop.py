"""The editor's loop in `mkdocs serve`: save videos.yaml, wait for the film page to change.

The edit changes the first film's summary, which the site and the study guide both show, so
`make serve` (mkdocs.yml) lays out the PDF again on every save, in a worker process after
the build (see guide_worker.py); mkdocs-pages.yml (the plugin's `study_guide: false`) shows
the loop for the pages alone.

The time runs from the moment the edited videos.yaml is written to the moment the served film
page (polled over HTTP on 127.0.0.1 every 20 ms) contains the new text. It includes MkDocs'
file polling (every 0.5 s), its 0.1 s debounce and the full rebuild that `mkdocs serve` runs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

from .common import ENV, WORK, Runs, mkdocs, table
from .project import PAGES_ONLY, plugin_project

#: Content size → number of edits timed.
SIZES = {1: 5, 10: 3}
POLL = 0.02
TIMEOUT = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while text not in _get(url):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} never showed {text!r}")
        time.sleep(POLL)


def _edit(videos: Path, marker: str) -> None:
    """Put `marker` in the first film's summary, as an editor saving the file would."""
    data = yaml.safe_load(videos.read_text(encoding="utf-8"))
    summary = data["films"][0]["summary"].split(" Ändrad ")[0]
    data["films"][0]["summary"] = f"{summary} Ändrad {marker}."
    videos.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                      encoding="utf-8")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` itself, not of its children (/proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(factor: int, edits: int, config: str = "mkdocs.yml") -> tuple[Runs, float]:
    """Seconds from each of `edits` saves of videos.yaml to the changed page being served,
    and the CPU seconds a save costs the server's own process (the one that builds the
    pages), over the whole loop."""
    project = plugin_project(factor, WORK / f"serve-{factor}x")
    videos = project / "videos.yaml"
    film_id = yaml.safe_load(videos.read_text(encoding="utf-8"))["films"][0]["id"]
    port = _free_port()
    server = subprocess.Popen(
        mkdocs("serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(project / config)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
        # Ctrl+C works as in a terminal, also when this runs in the background (SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    url = f"http://127.0.0.1:{port}/filmer/{film_id}/"
    times = []
    try:
        _wait_for(url, "</html>")
        cpu = _cpu_seconds(server.pid)
        for n in range(edits):
            time.sleep(1)  # let the watcher settle after the previous build
            marker = f"mätning-{n}-{time.time_ns()}"
            _edit(videos, marker)
            start = time.perf_counter()
            _wait_for(url, marker)
            times.append(time.perf_counter() - start)
        time.sleep(1)
        cpu = (_cpu_seconds(server.pid) - cpu) / edits
    finally:
        # SIGINT, as Ctrl+C: the server stops its layout worker on the way out.
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    return Runs(tuple(times)), cpu


def run() -> str:
    rows = []
    for factor, edits in SIZES.items():
        (with_pdf, cpu_with), (pages, cpu_pages) = (measure(factor, edits),
                                                    measure(factor, edits, PAGES_ONLY))
        rows.append([f"{factor}×", with_pdf.spread(), pages.spread(),
                     f"{cpu_with:.2f} / {cpu_pages:.2f}"])
    return table(["content", "save → changed page, `make serve` (with PDF), wall s",
                  "save → changed page, pages only, wall s",
                  "server process CPU s a save, with PDF / pages only"], rows)
