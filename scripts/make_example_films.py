"""Make the example films (Exempelfilm) for every film in videos.yaml marked `example: true`.

Until the panel is recorded, each film is a title card with the question and a Swedish
text-to-speech narration of the film's transcript (espeak-ng, voice `sv`). For a film with
id ID the script writes, under docs/:

    media/affischer/ID.webp  the title card, also used as the poster
    media/textning/ID.vtt    WebVTT captions, one cue a sentence of the narration
    media/filmer/ID.mp4      H.264 still image + AAC mono, small and web-ready

Each sentence is synthesised on its own so that its length, and so the cue times, are
known exactly. The output is deterministic: running the script again gives the same files.

Usage:
    python scripts/make_example_films.py [--only ID ...]   make the films
    python scripts/make_example_films.py --check           check duration and chapters in videos.yaml
    python scripts/make_example_films.py --posters         draw the posters again
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

from pratamedbarn import generate

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VOICE, SPEED = "sv", 160          # espeak-ng voice and words per minute
RATE = 22050                      # espeak-ng's sample rate
LEAD_IN, SENTENCE_GAP, PARAGRAPH_GAP, TAIL = 0.6, 0.35, 0.8, 1.0   # seconds of silence
SIZE = (640, 360)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass
class Cue:
    start: float
    end: float
    text: str
    paragraph: int


def load_films(only: list[str] | None) -> list[dict]:
    films = yaml.safe_load((ROOT / "videos.yaml").read_text(encoding="utf-8"))["films"]
    chosen = [f for f in films if f.get("example") and (not only or f["id"] in only)]
    missing = set(only or []) - {f["id"] for f in chosen}
    if missing:
        sys.exit(f"Ingen exempelfilm (example: true) i videos.yaml har id: {', '.join(sorted(missing))}")
    return chosen


def missing_tools(needed: list[str]) -> str | None:
    """What to say, in Swedish, when a program the script needs is not installed."""
    missing = [tool for tool in needed if not shutil.which(tool)]
    if not missing:
        return None
    return (f"Exempelfilmerna kan inte göras: {' och '.join(missing)} saknas på datorn. "
            f"Installera med: sudo apt-get install {' '.join(missing)}\n"
            "Du behöver dem inte för att lägga till en film som inte är inspelad än: låna en "
            "exempelfilms affischbild och textningsfil och märk filmen example: true "
            "(se Filmer i REDAKTORSHANDBOK.md).")


def sentences(transcript: str) -> list[tuple[int, str]]:
    """Split the transcript into (paragraph number, sentence) pairs, Markdown removed."""
    result = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", transcript.strip())):
        text = re.sub(r"[*_`#>]", "", " ".join(paragraph.split()))
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if sentence:
                result.append((number, sentence))
    return result


def synthesise(text: str, workdir: Path) -> bytes:
    """Return the raw 16-bit mono PCM frames that espeak-ng speaks for one sentence."""
    out = workdir / "sentence.wav"
    subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-w", str(out), text],
                   check=True)
    with wave.open(str(out), "rb") as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        return w.readframes(w.getnframes())


def silence(seconds: float) -> bytes:
    return b"\0\0" * round(seconds * RATE)


def narrate(film: dict, workdir: Path) -> tuple[Path, list[Cue], float]:
    """Write the whole narration as one WAV file; return it, its cues and its length."""
    pcm, cues, previous = bytearray(silence(LEAD_IN)), [], 0
    for paragraph, text in sentences(film["transcript"]):
        if cues:
            pcm += silence(PARAGRAPH_GAP if paragraph != previous else SENTENCE_GAP)
        start = len(pcm) / 2 / RATE
        pcm += synthesise(text, workdir)
        cues.append(Cue(start, len(pcm) / 2 / RATE, text, paragraph))
        previous = paragraph
    pcm += silence(TAIL)
    path = workdir / "narration.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(RATE)
        w.writeframes(bytes(pcm))
    return path, cues, len(pcm) / 2 / RATE


def timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def caption_lines(text: str, limit: int = 42) -> list[str]:
    """One line if it fits, otherwise lines of about equal length."""
    if len(text) <= limit:
        return [text]
    return textwrap.wrap(text, max(20, len(text) // -(-len(text) // limit) + 6))


def write_captions(cues: list[Cue], path: Path) -> None:
    blocks = ["WEBVTT\nLanguage: sv\n"]
    for number, cue in enumerate(cues, 1):
        lines = "\n".join(caption_lines(cue.text))
        blocks.append(f"{number}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{lines}\n")
    path.write_text("\n".join(blocks), encoding="utf-8")


def site_name() -> str:
    """`site_name` in mkdocs.yml, the name a publisher gives the site."""
    return generate.site_name(generate.read_config(ROOT / "mkdocs.yml"))


def draw_title_card(question: str, path: Path) -> None:
    """A high-contrast card: 'Exempelfilm' label, the question, the site name."""
    image = Image.new("RGB", SIZE, "#111111")
    draw = ImageDraw.Draw(image)
    label_font = ImageFont.truetype(FONT_BOLD, 30)
    draw.rectangle((32, 28, 32 + draw.textlength("EXEMPELFILM", font=label_font) + 28, 78),
                   fill="#ffd400")
    draw.text((46, 34), "EXEMPELFILM", font=label_font, fill="#000000")
    size = 34
    while True:
        font = ImageFont.truetype(FONT_BOLD, size)
        lines = textwrap.wrap(question, width=max(10, int(560 / (size * 0.58))))
        if len(lines) * size * 1.25 <= 170 or size <= 22:
            break
        size -= 2
    y = 130 + (170 - len(lines) * size * 1.25) / 2
    for line in lines:
        draw.text((40, y), line, font=font, fill="#ffffff")
        y += size * 1.25
    # Under the label, not at the bottom: a player's controls cover the card's lowest part.
    small = ImageFont.truetype(FONT, 20)
    draw.text((40, 84), f"{site_name()} · panelen spelas in senare", font=small, fill="#e0e0e0")
    # The poster is part of a film page's first visit (150 kB budget): WebP is half a JPEG's
    # size for a card of flat colour and text.
    image.save(path, "WEBP", quality=60, method=6)


def encode(poster: Path, audio: Path, length: float, out: Path) -> None:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-loop", "1", "-framerate", "2", "-i", str(poster),
         "-i", str(audio), "-map", "0:v", "-map", "1:a", "-t", f"{length:.3f}",
         "-c:v", "libx264", "-tune", "stillimage", "-preset", "slow", "-crf", "30",
         "-pix_fmt", "yuv420p", "-r", "2", "-g", "20", "-threads", "1",
         "-c:a", "aac", "-b:a", "32k", "-ac", "1", "-ar", "22050",
         "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
         "-flags:a", "+bitexact", "-movflags", "+faststart", str(out)],
        check=True)


def mmss(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def chapter_starts(cues: list[Cue]) -> list[str]:
    """Chapter times: 0:00, then the start of each later paragraph, in whole seconds."""
    starts = {}
    for cue in cues:
        starts.setdefault(cue.paragraph, cue.start)
    return ["0:00"] + [mmss(t) for p, t in sorted(starts.items()) if p > 0]


def timings(film: dict, workdir: Path) -> tuple[float, list[str], list[Cue], Path]:
    audio, cues, length = narrate(film, workdir)
    return length, chapter_starts(cues), cues, audio


def make(film: dict) -> tuple[str, list[str]]:
    paths = {kind: DOCS / "media" / kind for kind in ("filmer", "affischer", "textning")}
    for folder in paths.values():
        folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        length, chapters, cues, audio = timings(film, Path(tmp))
        poster = paths["affischer"] / f"{film['id']}.webp"
        draw_title_card(film["title"], poster)
        write_captions(cues, paths["textning"] / f"{film['id']}.vtt")
        encode(poster, audio, length, paths["filmer"] / f"{film['id']}.mp4")
    return mmss(round(length)), chapters


def check(film: dict) -> list[str]:
    """Differences between videos.yaml and the narration's real timing."""
    with tempfile.TemporaryDirectory() as tmp:
        length, chapters, _, _ = timings(film, Path(tmp))
    duration, problems = mmss(round(length)), []
    if mmss(parse(film["duration"])) != duration:
        problems.append(f"duration är {film['duration']}, ska vara \"{duration}\"")
    # A film may leave out chapters at the end (the short closing paragraph).
    written = [mmss(parse(c["time"])) for c in film.get("chapters", [])]
    if not written or written != chapters[:len(written)]:
        problems.append(f"kapitlens tider är {written}, ska vara {chapters}")
    return problems


def parse(value: object) -> int:
    if isinstance(value, int):
        return value
    total = 0
    for part in str(value).split(":"):
        total = total * 60 + int(part)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", metavar="ID", help="only these films")
    parser.add_argument("--check", action="store_true",
                        help="only check duration and chapter times in videos.yaml")
    parser.add_argument("--posters", action="store_true",
                        help="only draw the posters again (media/affischer/ID.webp)")
    args = parser.parse_args()
    # Posters are drawn in Python; the narration needs espeak-ng, the film ffmpeg as well.
    problem = missing_tools([] if args.posters else ["espeak-ng"] if args.check
                            else ["espeak-ng", "ffmpeg"])
    if problem:
        print(problem, file=sys.stderr)
        return 1
    failed = False
    for film in load_films(args.only):
        if args.posters:
            draw_title_card(film["title"], DOCS / "media" / "affischer" / f"{film['id']}.webp")
            continue
        if args.check:
            for problem in check(film):
                failed = True
                print(f"videos.yaml: {film['id']}: {problem}")
            continue
        duration, chapters = make(film)
        print(f"{film['id']}: duration \"{duration}\", kapitel {chapters}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
