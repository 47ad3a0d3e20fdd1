"""The Content-Security-Policy of every page: the site itself, and the film hosts in frame-src.

The policy is a <meta> tag in overrides/main.html. Material for MkDocs writes small inline
<script> blocks into every page (its settings and the palette switch); they are allowed by
their SHA-256 hashes, computed from the built pages (`add_script_hashes`), rather than by
'unsafe-inline', so that no other inline script and no inline event handler can run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from .library import Library
from .player import host_of

#: Script types a browser runs; other <script> blocks (JSON settings) are data.
_RUNNABLE = {"", "text/javascript", "module", "application/javascript"}
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
#: Where the hashes go in the policy the template writes.
HASHES_MARK = "'self'"


def frame_hosts(library: Library) -> list[str]:
    """The hosts films may be embedded from: those of the films, and videos.yaml's embed_hosts."""
    hosts = {host_of(film) for film in library.films.values() if not film.source.file}
    return sorted(hosts | set(library.videos.embed_hosts))


def policy(frames: Iterable[str], live_reload: bool = False) -> str:
    """The policy for the site; `live_reload` lets `mkdocs serve` inject its reload script."""
    frame_src = " ".join(["'self'", *(f"https://{host}" for host in frames)])
    script_src = "'self' 'unsafe-inline'" if live_reload else "'self'"
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are SVG data: URLs in its CSS
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        f"frame-src {frame_src}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def inline_script_hashes(html: str) -> set[str]:
    """CSP hash sources ('sha256-…') of the runnable inline scripts in `html`."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs = match["attrs"]
        kind = _TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.I) or (kind and kind[1].lower() not in _RUNNABLE):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def add_script_hashes(html: str, hashes: Iterable[str]) -> str:
    """`html` with `hashes` added to script-src of its policy <meta> tag."""
    allowed = " ".join([HASHES_MARK, *sorted(hashes)])

    def replace(match: re.Match) -> str:
        content = match[2].replace(f"script-src {HASHES_MARK}", f"script-src {allowed}", 1)
        return match[1] + content + match[3]

    return _META.sub(replace, html, count=1)
