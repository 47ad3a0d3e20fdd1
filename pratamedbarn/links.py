"""Check the external links in the content files and hand-written pages: `python -m pratamedbarn links`.

It needs the network, so the build and CI do not run it; editors run it now and then.
It only reports, and never changes a file.
"""

from __future__ import annotations

import re
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentProblem
from .library import content_files

URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`]+")
# Some servers refuse HEAD, or any request without a browser-like name.
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; pratamedbarn-lankkontroll)"}
HEAD_REFUSED = {403, 405, 501}
STATUS_TEXT = {404: "sidan finns inte", 410: "sidan är borttagen", 403: "åtkomst nekas",
               500: "fel på servern", 503: "tjänsten är inte tillgänglig"}


@dataclass(frozen=True)
class Link:
    """One external address, where it is written."""

    file: str
    line: int
    url: str


def _files(root: Path) -> list[Path]:
    files = content_files(root) + sorted((root / "docs").rglob("*.md"))
    return [path for path in files if path.is_file()]


def find_links(root: Path) -> list[Link]:
    """Every http(s) address in the content files and in docs/**/*.md, in file order."""
    links = []
    for path in _files(root):
        name = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path.suffix == ".yaml" and line.lstrip().startswith("#"):
                continue  # comments, such as the schema line for the editor
            links += [Link(name, number, url.rstrip(".,;:!?"))
                      for url in URL.findall(line)]
    return links


def _status(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _why(reason: object) -> str:
    # The system's own words are English: the usual causes in Swedish.
    if isinstance(reason, socket.gaierror):
        return "servern med det namnet finns inte"
    if isinstance(reason, ssl.SSLError):
        return "webbplatsens certifikat godtas inte"
    if isinstance(reason, ConnectionRefusedError):
        return "servern tar inte emot anslutningen"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "servern svarar inte"
    return "anslutningen misslyckades"


def problem_with(url: str, timeout: float = 15) -> str | None:
    """What is wrong with `url`, in Swedish, or None when it answers."""
    try:
        status = _status(url, "HEAD", timeout)
        if status in HEAD_REFUSED:
            status = _status(url, "GET", timeout)
    except TimeoutError:
        return f"svarar inte inom {timeout:g} sekunder. Försök igen senare eller byt adress."
    except (urllib.error.URLError, OSError) as exc:
        return f"går inte att nå ({_why(getattr(exc, 'reason', exc))}). Kontrollera adressen."
    if status >= 400:
        text = STATUS_TEXT.get(status, "fel")
        return f"svarar {status} ({text}). Kontrollera adressen eller byt till en som fungerar."
    return None


def check_links(links: list[Link], timeout: float = 15) -> list[ContentProblem]:
    """Ask every address once (a few at a time); one problem a place a broken address is written."""
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = dict(zip(urls, pool.map(lambda url: problem_with(url, timeout), urls), strict=True))
    return [ContentProblem(link.file, link.line, link.url, problems[link.url])
            for link in links if problems[link.url]]
