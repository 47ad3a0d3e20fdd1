"""Captions: every WebVTT file a film names is read, and a bad cue is reported by file and line.

webvtt-py reads the timings and the text; it does not say where in the file a problem is,
so the file is also cut into blocks here (as the WebVTT format does: at empty lines). A file
that webvtt-py reads whole, one cue a block, is checked from that one reading; otherwise each
cue block is handed to webvtt-py on its own, which gives every problem its line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError
from webvtt.models import Caption

from .errors import ContentProblem
from .models import Film

#: Blocks that are not cues: comments, style sheets and regions.
NOT_CUES = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class _Block:
    line: int  # line number of the block's first line, from 1
    lines: list[str]


def _blocks(lines: list[str]) -> Iterator[_Block]:
    """The blocks of a WebVTT file, each with the number of its first line."""
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            yield _Block(start, current)
            current = []
    if current:
        yield _Block(start, current)


def _timing_line(block: _Block) -> int | None:
    """The index in the block of its line with the times, if it has one."""
    return next((i for i, line in enumerate(block.lines[:2]) if "-->" in line), None)


def _read_cue(name: str, block: _Block) -> tuple[list[ContentProblem], Caption | None]:
    """One cue block read on its own: its cue, or the problem that names its line."""
    timing = _timing_line(block)
    if timing is None:
        return [ContentProblem(name, block.line, "", (
            "raden med tider saknas. En textrad skrivs som '00:00:01.000 --> 00:00:04.000' "
            "med texten på raden under, och en tom rad före nästa."))], None
    try:
        cues = list(webvtt.from_buffer(io.StringIO("WEBVTT\n\n" + "\n".join(block.lines))))
    except MalformedCaptionError:
        cues = []
    if len(cues) != 1:
        return [ContentProblem(name, block.line + timing, "", (
            f"tiderna '{block.lines[timing].strip()}' går inte att läsa. Skriv dem som "
            "00:00:01.000 --> 00:00:04.000 (timmar:minuter:sekunder.millisekunder)."))], None
    return [], cues[0]


def _cue_rules(name: str, line: int, cue: Caption, previous_start: int | None
               ) -> list[ContentProblem]:
    """Problems of a cue that was read: its times, its order and its text."""
    start, end = cue.start_time.in_milliseconds(), cue.end_time.in_milliseconds()
    problems = []
    if end <= start:
        problems.append(ContentProblem(name, line, "", (
            f"textraden slutar ({cue.end}) innan den börjar ({cue.start}). Rätta tiderna.")))
    if previous_start is not None and start < previous_start:
        problems.append(ContentProblem(name, line, "", (
            f"textraden börjar ({cue.start}) före raden innan. Lägg textraderna i tidsordning.")))
    if not cue.text.strip():
        problems.append(ContentProblem(name, line, "", (
            "textraden har ingen text. Skriv texten på raden under tiderna.")))
    return problems


def _read_all(text: str, blocks: list[_Block]) -> list[Caption] | None:
    """Every cue of the file from one reading, when each block gave one; else None."""
    try:
        cues = list(webvtt.from_buffer(io.StringIO(text)))
    except MalformedCaptionError:
        return None
    complete = len(cues) == len(blocks) and all(_timing_line(b) is not None for b in blocks)
    return cues if complete else None


def check_webvtt(path: Path, name: str) -> list[ContentProblem]:
    """Every problem of the WebVTT file at `path`, reported as `name:line`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [ContentProblem(name, 1, "", "filen är inte sparad som UTF-8. Spara om den som UTF-8.")]
    lines = text.splitlines()
    if not lines or not lines[0].startswith("WEBVTT"):
        return [ContentProblem(name, 1, "", (
            "en textningsfil ska börja med raden WEBVTT. Kontrollera att det är en WebVTT-fil."))]
    blocks = _cue_blocks(lines)
    cues = _read_all(text, blocks)
    problems: list[ContentProblem] = []
    previous_start = None
    for i, block in enumerate(blocks):
        found, cue = ([], cues[i]) if cues else _read_cue(name, block)
        problems += found
        if cue is not None:
            problems += _cue_rules(name, block.line + _timing_line(block), cue, previous_start)
            previous_start = cue.start_time.in_milliseconds()
    return problems


def _cue_blocks(lines: list[str]) -> list[_Block]:
    # The first block is the WEBVTT header.
    return [b for b in list(_blocks(lines))[1:] if not b.lines[0].startswith(NOT_CUES)]


def check_timing(path: Path, name: str, duration_ms: int) -> list[ContentProblem]:
    """Every problem of the WebVTT file at `path` (check_webvtt) or, when it has none, of its
    cues against a film of `duration_ms`: a cue that ends after the film, or that starts
    before the one above it has ended (two lines on the screen at once)."""
    problems = check_webvtt(path, name)
    if problems:
        return problems
    text = path.read_text(encoding="utf-8-sig")
    blocks = _cue_blocks(text.splitlines())
    cues = _read_all(text, blocks) or [_read_cue(name, block)[1] for block in blocks]
    previous = None
    for block, cue in zip(blocks, cues, strict=True):
        line = block.line + _timing_line(block)
        if cue.end_time.in_milliseconds() > duration_ms:
            problems.append(ContentProblem(name, line, "", (
                f"textraden slutar {cue.end}, efter filmens slut ({_clock(duration_ms)}). "
                "Rätta tiden eller kontrollera att det är rätt film.")))
        if previous and cue.start_time.in_milliseconds() < previous.end_time.in_milliseconds():
            problems.append(ContentProblem(name, line, "", (
                f"textraden börjar {cue.start}, innan raden ovanför har slutat ({previous.end}). "
                "Låt den börja när raden ovanför slutar.")))
        previous = cue
    return problems


def _clock(ms: int) -> str:
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def check_captions(films: Iterable[Film], root: Path) -> list[ContentProblem]:
    """Read the captions file of every film that names one; paths are from `root`."""
    problems = []
    # A file that several films name is read, and its problems told, once.
    for captions in dict.fromkeys(film.captions for film in films if film.captions):
        path = root / "docs" / captions
        problems += check_webvtt(path, path.relative_to(root).as_posix())
    return problems
