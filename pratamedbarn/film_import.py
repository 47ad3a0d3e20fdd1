"""`make film FIL=inspelning.mov ID=nytt-id`: a recorded film made ready for the site.

With Debian's ffmpeg it writes, under docs/media/:

    filmer/ID.mp4      H.264 + AAC, at most 720 lines, faststart, speech at -16 LUFS
    affischer/ID.webp  the poster, a frame from a chosen second
    textning/ID.vtt    the captions file, when one is given and fits the film

and prints the entry to paste into videos.yaml, with Swedish placeholders for what only the
editor can write. The recording is never changed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .captions import check_timing
from .models import SLUG

#: Loudness for speech heard on office PC speakers and phones: -16 LUFS integrated, peaks at
#: most -1.5 dBTP (EBU R128's loudnorm measure; -23 LUFS is R128's level for broadcast, with
#: headroom a laptop does not have: a film at -23 would need turning up beside any other).
LOUDNESS = "loudnorm=I=-16:TP=-1.5:LRA=11"
#: The size budget: at most 1.5 Mbit/s of video and 96 kbit/s of sound, about 12 MB a minute.
#: A talking panel at 720 lines needs far less most of the time (the quality target, crf 23,
#: decides); the cap holds back the odd busy scene on a phone's data plan.
VIDEO_MAX, VIDEO_BUFFER, AUDIO_RATE = "1500k", "3000k", "96k"
#: Lines of the film: 720p, never enlarged.
HEIGHT = 720
#: The poster's width in pixels: the player is at most about this wide on a page.
POSTER_WIDTH = 960
INSTALL = "sudo apt-get install ffmpeg"


class FilmError(Exception):
    """A problem the editor can fix, said in Swedish."""


@dataclass(frozen=True)
class Recording:
    """What ffprobe says about a file."""

    duration_ms: int
    has_video: bool
    has_audio: bool


def require_ffmpeg() -> None:
    """Raise FilmError, saying how to install it, when ffmpeg or ffprobe is missing."""
    missing = [tool for tool in ("ffmpeg", "ffprobe") if not shutil.which(tool)]
    if missing:
        raise FilmError(f"{' och '.join(missing)} saknas på datorn. Installera det med: {INSTALL}")


def probe(path: Path) -> Recording:
    """Duration and streams of the media file at `path` (ffprobe)."""
    result = _run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                   "-show_streams", str(path)], f"{path} går inte att läsa som en film")
    info = json.loads(result.stdout)
    kinds = {stream.get("codec_type") for stream in info.get("streams", [])}
    seconds = float(info.get("format", {}).get("duration") or 0)
    return Recording(round(seconds * 1000), "video" in kinds, "audio" in kinds)


def encode(source: Path, target: Path) -> None:
    """The web copy of `source`: H.264/AAC MP4 with faststart, 720p, loudness for speech."""
    _run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-map", "0:v:0", "-map", "0:a:0",
          # Even width for H.264; no enlarging of a smaller recording.
          "-vf", f"scale=-2:'min({HEIGHT},ih)'", "-c:v", "libx264", "-preset", "medium",
          "-crf", "23", "-maxrate", VIDEO_MAX, "-bufsize", VIDEO_BUFFER, "-pix_fmt", "yuv420p",
          "-af", LOUDNESS, "-c:a", "aac", "-b:a", AUDIO_RATE, "-ar", "48000",
          # A phone writes where and on what it filmed into the file: none of it is published.
          "-map_metadata", "-1", "-movflags", "+faststart", str(target)],
         "ffmpeg kunde inte koda filmen")


def poster(film: Path, second: float, target: Path) -> None:
    """A WebP poster: the frame of `film` at `second`."""
    _run(["ffmpeg", "-v", "error", "-y", "-ss", f"{second:.3f}", "-i", str(film),
          "-frames:v", "1", "-vf", f"scale={POSTER_WIDTH}:-2", "-c:v", "libwebp",
          "-quality", "70", str(target)], "ffmpeg kunde inte göra affischbilden")


def _run(command: list[str], failure: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or [""])[-1]
        raise FilmError(f"{failure}. ffmpeg sa: {last}")
    return result


def mm_ss(ms: int) -> str:
    """A duration as videos.yaml writes it, "m:ss", to the nearest second."""
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def entry(film_id: str, duration_ms: int, themes: list[str]) -> str:
    """The videos.yaml entry of the new film, with placeholders to replace."""
    return f"""  - id: {film_id}
    title: "SKRIV FRÅGAN SOM FILMEN SVARAR PÅ"
    # Temat, ett av: {", ".join(themes) or "(inga teman än)"}
    theme: VÄLJ-TEMA
    summary: >-
      SKRIV EN KORT SAMMANFATTNING AV SVARET.
    tips:
      - "SKRIV ETT AV PANELENS RÅD."
    duration: "{mm_ss(duration_ms)}"
    source:
      file: media/filmer/{film_id}.mp4
      poster: media/affischer/{film_id}.webp
    captions: media/textning/{film_id}.vtt
    transcript: |-
      SKRIV UT ALLT SOM SÄGS I FILMEN.
"""


def _known(root: Path) -> tuple[list[str], list[str]]:
    """The film ids and theme ids of videos.yaml under `root`, read as plain YAML."""
    try:
        data = yaml.safe_load((root / "videos.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return [], []  # `make check` says what is wrong with the file
    ids = [str(f.get("id")) for f in data.get("films") or [] if isinstance(f, dict)]
    themes = [str(t.get("id")) for t in data.get("themes") or [] if isinstance(t, dict)]
    return ids, themes


def import_film(root: Path, source: Path, film_id: str, second: float | None = None,
                captions: Path | None = None) -> str:
    """Make film `film_id` from the recording `source` under `root`/docs/media; return the
    videos.yaml entry. Raises FilmError, in Swedish, on anything the editor must fix."""
    require_ffmpeg()
    if not film_id or not str(source):
        raise FilmError("skriv vilken inspelning och vilket id filmen ska få, till exempel: "
                        "make film FIL=inspelning.mov ID=arga-barn")
    if not SLUG.match(film_id):
        raise FilmError(f"'{film_id}' är inget giltigt id. Använd bara små bokstäver a–z, siffror "
                        "och bindestreck, till exempel ID=arga-barn.")
    ids, themes = _known(root)
    if film_id in ids:
        raise FilmError(f"det finns redan en film med id '{film_id}' i videos.yaml. Välj ett annat id.")
    if not source.is_file():
        raise FilmError(f"filen {source} finns inte. Skriv sökvägen till inspelningen, "
                        "till exempel FIL=~/Hämtningar/inspelning.mov.")
    recording = probe(source)
    if not (recording.has_video and recording.has_audio):
        raise FilmError(f"{source} har {'inget ljud' if recording.has_video else 'ingen bild'}. "
                        "En film på webbplatsen behöver både bild och ljud.")
    media = root / "docs" / "media"
    if captions:
        _check_captions(captions, recording.duration_ms)
    if second is None:
        second = min(5.0, recording.duration_ms / 2000)  # past a fade-in, inside a short film
    elif not 0 <= second * 1000 < recording.duration_ms:
        raise FilmError(f"sekund {second:g} finns inte i filmen, som är {mm_ss(recording.duration_ms)} "
                        "lång. Välj en sekund inom filmen för affischbilden.")
    for folder in ("filmer", "affischer", "textning"):
        (media / folder).mkdir(parents=True, exist_ok=True)
    film = media / "filmer" / f"{film_id}.mp4"
    encode(source, film)
    poster(film, second, media / "affischer" / f"{film_id}.webp")
    if captions:
        shutil.copyfile(captions, media / "textning" / f"{film_id}.vtt")
    return entry(film_id, probe(film).duration_ms, themes)


def _check_captions(path: Path, duration_ms: int) -> None:
    if not path.is_file():
        raise FilmError(f"textningsfilen {path} finns inte.")
    problems = check_timing(path, path.name, duration_ms)
    if problems:
        raise FilmError("textningen passar inte filmen:\n" + "\n".join(map(str, problems)))


def run(root: Path, source: Path, film_id: str, second: float | None, captions: Path | None) -> int:
    """`python -m pratamedbarn film`: make the film, print what to paste; 1 on a problem."""
    try:
        text = import_film(root, source, film_id, second, captions)
    except FilmError as exc:
        print(f"Filmen gjordes inte: {exc}", file=sys.stderr)
        return 1
    print(f"Klart: docs/media/filmer/{film_id}.mp4 och docs/media/affischer/{film_id}.webp"
          + (f" och docs/media/textning/{film_id}.vtt." if captions else "."))
    print("Klistra in det här under films: i videos.yaml och skriv över texterna med versaler:\n")
    print(text)
    if not captions:
        print(f"Filmen behöver textning: spara den som docs/media/textning/{film_id}.vtt "
              "(WebVTT, på svenska).")
    print("Kör sedan make check.")
    return 0
