"""The Content-Security-Policy of every page: the site itself, and the film hosts in frame-src.

The policy is a <meta> tag in overrides/main.html. The theme writes three small inline
<script> blocks into every page (its storage scope, the palette switch, tabbed content).
They are allowed by their SHA-256 hashes, not by 'unsafe-inline', so no other inline script
and no inline event handler can run. The hashes are taken from the 404 page (overrides/404.html),
which carries no content from the editors and no script of its own; with `extra.scope` set
(see `theme_settings`), the theme writes the same scripts into every page. A page with any
other inline script stops the build.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .library import Library
from .player import host_of

#: Script types a browser runs; other <script> blocks (JSON settings) are data.
_RUNNABLE = {"", "text/javascript", "module", "application/javascript"}
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_OPENING = re.compile(r"<script\b", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
POLICY_TAG = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
#: Directives that are the same in the <meta> policy of every page and in the web server's
#: header (server/nginx/site.conf). Browsers enforce the two policies both; the header adds
#: only what a <meta> policy may not carry (frame-ancestors), so they can never disagree.
SHARED_DIRECTIVES = ["object-src 'none'", "base-uri 'self'", "form-action 'self'"]
HEADER_DIRECTIVES = ["frame-ancestors 'none'", *SHARED_DIRECTIVES]
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
        *SHARED_DIRECTIVES,
    ])


def header_policy() -> str:
    """The Content-Security-Policy header a web server sends with every page."""
    return "; ".join(HEADER_DIRECTIVES)


def theme_settings(site_url: str) -> dict:
    """Theme settings that make the theme's inline scripts the same on every page.

    Material writes the site's base address into its first script, so the script (and its
    hash) would differ with each page's depth; `extra.scope` fixes it to the site's path.
    """
    return {"scope": urlsplit(site_url).path or "/"}


class PolicyError(Exception):
    """A built page the policy cannot be trusted on; the message is for the editor."""


def _inline_scripts(matches: list[re.Match]) -> list[str]:
    """The bodies of the runnable inline scripts among `matches` of _SCRIPT."""
    bodies = []
    for match in matches:
        attrs = match["attrs"]
        kind = _TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.I) or (kind and kind[1].lower() not in _RUNNABLE):
            continue
        bodies.append(match["body"])
    return bodies


@functools.lru_cache(maxsize=64)
def _hash(body: str) -> str:
    # The theme writes the same few scripts into every page.
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_hashes(theme_page: str) -> frozenset[str]:
    """The hash sources of the theme's inline scripts, from a page with no content (404.html)."""
    return frozenset(_hash(body) for body in _inline_scripts(list(_SCRIPT.finditer(theme_page))))


def secure_page(html: str, hashes: Iterable[str], name: str) -> str:
    """`html` with the theme's script hashes in its policy; `name` is the page, for messages.

    Raises PolicyError when the page has an inline script the theme did not write (it came
    from content, and must never run), or when its policy tag is not where the template puts it.
    """
    allowed = set(hashes)
    scripts = list(_SCRIPT.finditer(html))
    # A <script> left open is no match, yet the browser runs it to the page's end.
    unclosed = len(_OPENING.findall(html)) != len(scripts)
    if unclosed or any(_hash(body) not in allowed for body in _inline_scripts(scripts)):
        raise PolicyError(
            f"{name}: sidan har ett skript som inte kommer från webbplatsens tema. Skript får "
            "inte stå i innehållet: ta bort <script> ur texten som sidan görs av.")
    sources = " ".join([HASHES_MARK, *sorted(allowed)])
    marked = f"script-src {HASHES_MARK}"

    def replace(match: re.Match) -> str:
        return match[1] + match[2].replace(marked, f"script-src {sources}", 1) + match[3]

    secured, found = POLICY_TAG.subn(replace, html, count=1)
    if not found or marked not in POLICY_TAG.search(html)[2]:
        raise PolicyError(
            f"{name}: sidan saknar säkerhetspolicyn (Content-Security-Policy) där mallen "
            "overrides/main.html ska skriva den. Kontrollera mallen.")
    return secured
