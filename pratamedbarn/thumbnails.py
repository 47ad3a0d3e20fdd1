"""Small film posters for the start page's cards, made from the posters at build time.

A card shows its poster at 320 × 180 CSS pixels or less; the full poster (640 × 360) is four
times the pixels. The thumbnails are WebP, added beside the site's media by every build.

Making them is the slowest thing a build does with the content (a fifth of a second for the
shipped films), so each is kept in `.cache/pratamedbarn/` under the project, named by a hash
of the poster's bytes and the settings below: a changed poster gets a new name, so a kept
thumbnail can never be out of date. Deleting the folder only costs the next build the time.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from io import BytesIO
from pathlib import Path

from .library import Library

#: Where the thumbnails are in the built site (and in the generated docs tree).
THUMBNAIL_DIR = "media/miniatyrer"
SIZE = (320, 180)
QUALITY = 72
#: Where a project keeps the thumbnails it made (ignored by git).
CACHE_DIR = ".cache/pratamedbarn/miniatyrer"


def thumbnail_path(poster: str) -> str:
    """The docs path of a poster's thumbnail: media/miniatyrer/<name>.webp."""
    name = posixpath.splitext(posixpath.basename(poster))[0]
    return f"{THUMBNAIL_DIR}/{name}.webp"


def thumbnails(library: Library) -> dict[str, bytes]:
    """Every film's poster thumbnail, by its path under docs/."""
    docs, cache = library.root / "docs", library.root / CACHE_DIR
    return {thumbnail_path(f.source.poster): _kept(docs / f.source.poster, cache)
            for f in library.films.values()}


def _kept(poster: Path, cache: Path) -> bytes:
    data = poster.read_bytes()
    key = hashlib.sha256(f"{SIZE}/{QUALITY}/".encode() + data).hexdigest()[:32]
    kept = cache / f"{key}.webp"
    if kept.is_file():
        return kept.read_bytes()
    thumbnail = _thumbnail(data)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a build running beside this one never reads half a file.
        part = kept.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(thumbnail)
        part.replace(kept)
    except OSError:
        pass  # A read-only checkout builds all the same, only without keeping them.
    return thumbnail


def _thumbnail(poster: bytes) -> bytes:
    from PIL import Image  # Only when a thumbnail is made: importing Pillow costs a build time.

    try:
        with Image.open(BytesIO(poster)) as image:
            image = image.convert("RGB")
            image.thumbnail(SIZE)
            out = BytesIO()
            image.save(out, "WEBP", quality=QUALITY, method=4)
            return out.getvalue()
    except (OSError, ValueError):  # UnidentifiedImageError is an OSError
        # Not an image Pillow reads (a placeholder file): the card shows the poster as it is.
        return poster
