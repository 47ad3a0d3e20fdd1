"""Small film posters for the start page's cards, made from the posters at build time.

A card shows its poster at 320 × 180 CSS pixels or less; the full poster (640 × 360) is four
times the pixels. The thumbnails are WebP, written beside the site's media by every build.
"""

from __future__ import annotations

import functools
import posixpath
from io import BytesIO
from pathlib import Path

from PIL import Image  # UnidentifiedImageError is an OSError

from .library import Library

#: Where the thumbnails are in the built site (and in the generated docs tree).
THUMBNAIL_DIR = "media/miniatyrer"
SIZE = (320, 180)


def thumbnail_path(poster: str) -> str:
    """The docs path of a poster's thumbnail: media/miniatyrer/<name>.webp."""
    name = posixpath.splitext(posixpath.basename(poster))[0]
    return f"{THUMBNAIL_DIR}/{name}.webp"


def thumbnails(library: Library) -> dict[str, bytes]:
    """Every film's poster thumbnail, by its path under docs/."""
    docs = library.root / "docs"
    return {thumbnail_path(f.source.poster): _thumbnail(docs / f.source.poster,
                                                         (docs / f.source.poster).stat().st_mtime_ns)
            for f in library.films.values()}


@functools.lru_cache(maxsize=256)
def _thumbnail(poster: Path, mtime_ns: int) -> bytes:
    # Keyed by the file's time too: `mkdocs serve` makes it again when the poster changes.
    try:
        with Image.open(poster) as image:
            image = image.convert("RGB")
            image.thumbnail(SIZE)
            out = BytesIO()
            image.save(out, "WEBP", quality=72, method=4)
            return out.getvalue()
    except (OSError, ValueError):
        # Not an image Pillow reads (a placeholder file): the card shows the poster as it is.
        return poster.read_bytes()
