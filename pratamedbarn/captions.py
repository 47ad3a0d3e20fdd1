"""Captions: every WebVTT file a film names is read, and a bad cue is reported by file and line.

webvtt-py reads the timings and the text; it does not say where in the file a problem is,
so the file is cut into blocks here (as the WebVTT format does: at empty lines) and each cue
block is handed to webvtt-py on its own, which gives every problem its line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError

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


def _check_cue(name: str, block: _Block, previous_start: int | None
               ) -> tuple[list[ContentProblem], int | None]:
    """Problems of one cue block, and the cue's start time (None if unreadable)."""
    timing = next((i for i, line in enumerate(block.lines[:2]) if "-->" in line), None)
    if timing is None:
        return [ContentProblem(name, block.line, "", (
            "raden med tider saknas. En textrad skrivs som '00:00:01.000 --> 00:00:04.000' "
            "med texten på raden under, och en tom rad före nästa."))], None
    line = block.line + timing
    try:
        cues = list(webvtt.from_buffer(io.StringIO("WEBVTT\n\n" + "\n".join(block.lines))))
    except MalformedCaptionError:
        cues = []
    if len(cues) != 1:
        return [ContentProblem(name, line, "", (
            f"tiderna '{block.lines[timing].strip()}' går inte att läsa. Skriv dem som "
            "00:00:01.000 --> 00:00:04.000 (timmar:minuter:sekunder.millisekunder)."))], None
    cue = cues[0]
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
    return problems, start


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
    problems: list[ContentProblem] = []
    previous_start = None
    for block in list(_blocks(lines))[1:]:  # the first block is the WEBVTT header
        if block.lines[0].startswith(NOT_CUES):
            continue
        found, start = _check_cue(name, block, previous_start)
        problems += found
        previous_start = start if start is not None else previous_start
    return problems


def check_captions(films: Iterable[Film], root: Path) -> list[ContentProblem]:
    """Read the captions file of every film that names one; paths are from `root`."""
    problems = []
    for film in films:
        if film.captions:
            path = root / "docs" / film.captions
            problems += check_webvtt(path, path.relative_to(root).as_posix())
    return problems
