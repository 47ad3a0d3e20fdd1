"""Read one YAML file safely and remember the line of every value in it.

The content format needs none of YAML's anchors, aliases and merge keys, nor deep nesting;
they are refused before anything is built, so a hostile file of any size up to MAX_BYTES
is answered in bounded time (a "billion laughs" file would otherwise expand without end,
and libyaml takes time that grows with the square of the nesting depth).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentProblem, format_loc


@dataclass
class YamlSource:
    """The data of one YAML file and the line on which each path in it starts."""

    name: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    #: The file's lines as the editor wrote them, for messages that quote them.
    text: list[str] = field(default_factory=list)
    #: What one item of each list is called, to name items in messages (kinds.list_labels).
    labels: Mapping[str, str] = field(default_factory=dict)
    #: The last line of each text, where it runs over several lines (after `>-` or `|`).
    ends: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def line_with(self, loc: tuple, piece: str) -> int:
        """The line inside the text at `loc` on which `piece` is written; else `loc`'s line."""
        start = self.line_of(loc)
        end = min(self.ends.get(tuple(loc), start), len(self.text))
        return next((n for n in range(start, end + 1) if piece in self.text[n - 1]), start)

    def where(self, loc: tuple) -> str:
        """`loc` as a message names it: items by their id (see errors.format_loc)."""
        return format_loc(loc, self.data, self.labels)

    def written(self, loc: tuple) -> str:
        """The line `loc` starts on, as the editor wrote it."""
        line = self.line_of(loc)
        return self.text[line - 1].strip() if 0 < line <= len(self.text) else ""


class _Walker:
    """Builds Python data from a composed node tree, noting lines and duplicate keys."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[tuple, int] = {}
        self.ends: dict[tuple, int] = {}
        self.problems: list[ContentProblem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: tuple = ()) -> object:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        # A text over several lines ends where the next line starts (column 0) or inside its last.
        last = node.end_mark.line + (1 if node.end_mark.column else 0)
        if last > node.start_mark.line + 1:
            self.ends[loc] = last
        if node.tag == TIMESTAMP_TAG:
            try:
                return self.constructor.construct_object(node, deep=True)
            except ValueError:
                # 2026-11-31 looks like a date to YAML but is none: kept as text, the model
                # says so on its line, where YAML would only refuse the whole file.
                return node.value
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                self.problems.append(ContentProblem(
                    self.name, key_node.start_mark.line + 1, format_loc(loc),
                    "sammanslagning med '<<' kan inte användas i innehållsfiler. Skriv ut "
                    "fälten på varje ställe där de behövs."))
                continue
            key = self.constructor.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in result:
                self.problems.append(ContentProblem(
                    self.name, line, format_loc(loc + (key,)),
                    "fältet finns två gånger. Ta bort det ena."))
            self.lines[loc + (key,)] = line
            result[key] = self.build(value_node, loc + (key,))
            self.lines[loc + (key,)] = line
        return result


# libyaml's parser (when PyYAML has it) is about ten times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: The largest content file read. The shipped videos.yaml, the largest, is about 40 kB;
#: at 50 times the shipped content (the benchmarks' largest size) it is about 2 MB.
MAX_BYTES = 4 * 1024 * 1024
#: How deep lists and fields may lie inside each other; the content format needs six.
MAX_DEPTH = 20


def _refused_structure(text: str, name: str) -> ContentProblem | None:
    """The first anchor, alias or too deep nesting in `text`, read as a stream of events.

    The events come one at a time, so the read stops at the first one refused.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            return ContentProblem(name, line, "", (
                f"'{sign}{event.anchor}' läses som ett YAML-ankare eller alias, och sådana kan "
                "inte användas i innehållsfiler. Skriv ut texten på varje ställe där den "
                "behövs. Börjar en text med * eller &, sätt den inom citattecken."))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return ContentProblem(name, line, "", (
                    f"filen har fler än {MAX_DEPTH} nivåer av listor och fält inuti varandra. "
                    "Kontrollera indragen och hakparenteserna; jämför med exempelfilerna."))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


#: What the YAML parser says (in English), and what an editor should do about it.
_FIXES = [
    ("mapping values are not allowed",
     "ett kolon i en text gör att raden läses som ett nytt fält. Sätt citattecken runt hela "
     "texten, till exempel \"Tänk på det här: barnet bestämmer.\""),
    ("expected ',' or ']'", "en hakparentes [ stängs aldrig. Skriv ] i slutet av listan."),
    ("expected ',' or '}'", "en klammerparentes { stängs aldrig. Skriv } i slutet."),
    ("did not find expected key",
     "indraget stämmer inte med raderna ovanför. Gör indraget lika stort som på fälten "
     "bredvid, med mellanslag."),
    ("did not find expected '-' indicator",
     "en rad i en lista har fel indrag. Börja varje rad i listan med '- ' lika långt in."),
    ("end of stream",
     "ett citattecken stängs aldrig. Kontrollera att varje text som börjar med \" också slutar "
     "med \"."),
]


#: A line that is a field name and its value without the colon between: `  - id forsta-orden`.
_WITHOUT_COLON = re.compile(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s+(\S.*)")


def _missing_colon(line: str) -> str:
    written = _WITHOUT_COLON.fullmatch(line)
    example = (f"Skriv \"{written[1]}: {written[2].strip()}\". " if written
               else "Skriv \"namn: värde\". ")
    return (f"raden saknar kolon efter fältnamnet. {example}Är raden en fortsättning på texten "
            "ovanför, dra in den lika långt som texten.")


def _syntax_problem(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """The line an editor should look at for a YAML syntax error, and what to do there."""
    def at(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    said = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    if "could not find expected ':'" in said and exc.context_mark:
        # The parser notices a line without its colon only on a line after it.
        line = exc.context_mark.line + 1
        return line, _missing_colon(at(line))
    if "mapping values are not allowed" in said and mark and ": " not in at(line)[:mark.column]:
        # `- id forsta-orden` then `text: ...`: the colon found belongs to the next field,
        # and the line without a colon is the one above it.
        above = next((n for n in range(line - 1, 0, -1)
                      if at(n).strip() and not at(n).lstrip().startswith("#")), line)
        return above, _missing_colon(at(above))
    if "\t" in at(line):
        return line, "raden har en tabb. Byt tabben mot mellanslag: YAML räknar indrag i mellanslag."
    return line, next((fix for found, fix in _FIXES if found in said),
                      "kontrollera indrag, kolon och citattecken på raden och raden före. "
                      "Jämför med en fil som fungerar.")


def read_yaml(path: Path, name: str, labels: Mapping[str, str] | None = None,
              ) -> tuple[YamlSource | None, list[ContentProblem]]:
    """Read `path` (shown to editors as `name`); never raises for bad content.

    `labels` (kinds.list_labels) lets messages name an item of a list by its id.
    """
    # Read no more than the limit, whatever the file system says about the file's size.
    with path.open("rb") as file:
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return None, [ContentProblem(name, 1, "", (
            f"filen är större än {MAX_BYTES // (1024 * 1024)} MB och läses inte. Är det rätt "
            "fil? Filmer och bilder ska ligga i docs/media/, inte bland innehållsfilerna."))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [ContentProblem(name, 1, "", (
            f"filen är inte sparad som UTF-8 (fel vid byte {exc.start}). "
            "Spara den som UTF-8 i din texteditor."))]
    if not text.strip() or all(
            not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [ContentProblem(name, 1, "", "filen är tom. Fyll i den eller ta bort den.")]
    try:
        refused = _refused_structure(text, name)
        if refused:
            return None, [refused]
        node = yaml.compose(text, Loader=_LOADER)
        walker = _Walker(name)
        data = walker.build(node)
    except yaml.MarkedYAMLError as exc:
        line, fix = _syntax_problem(exc, text.splitlines())
        return None, [ContentProblem(name, line, "", f"YAML-filen går inte att läsa: {fix}")]
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None, [ContentProblem(name, 1, "", (
            "YAML-filen går inte att läsa. Kontrollera att den är skriven som i exempelfilerna."))]
    return (YamlSource(name, data, walker.lines, text.splitlines(), labels or {}, walker.ends),
            walker.problems)
