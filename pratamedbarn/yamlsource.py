"""Read one YAML file safely and remember the line of every value in it.

The content format needs none of YAML's anchors, aliases and merge keys, nor deep nesting;
they are refused before anything is built, so a hostile file of any size up to MAX_BYTES
is answered in bounded time (a "billion laughs" file would otherwise expand without end,
and libyaml takes time that grows with the square of the nesting depth).
"""

from __future__ import annotations

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

    def line_of(self, loc: tuple) -> int:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Walker:
    """Builds Python data from a composed node tree, noting lines and duplicate keys."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[tuple, int] = {}
        self.problems: list[ContentProblem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: tuple = ()) -> object:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
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
#: The largest content file read. The shipped videos.yaml, the largest, is about 30 kB.
MAX_BYTES = 1024 * 1024
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


def read_yaml(path: Path, name: str) -> tuple[YamlSource | None, list[ContentProblem]]:
    """Read `path` (shown to editors as `name`); never raises for bad content."""
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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [ContentProblem(name, line, "", (
            f"YAML-filen går inte att läsa ({exc.problem or exc.context}). "
            "Kontrollera indrag, kolon och citattecken på raden eller raden före."))]
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        return None, [ContentProblem(name, 1, "", (
            f"YAML-filen går inte att läsa ({exc.__class__.__name__}). "
            "Kontrollera att den är skriven som i exempelfilerna."))]
    return YamlSource(name, data, walker.lines), walker.problems
