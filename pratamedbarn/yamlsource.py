"""Read one YAML file safely and remember the line of every value in it."""

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
        self.constructor.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
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


def read_yaml(path: Path, name: str) -> tuple[YamlSource | None, list[ContentProblem]]:
    """Read `path` (shown to editors as `name`); never raises for bad content."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [ContentProblem(name, 1, "", (
            f"filen är inte sparad som UTF-8 (fel vid byte {exc.start}). "
            "Spara den som UTF-8 i din texteditor."))]
    if not text.strip() or all(
            not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [ContentProblem(name, 1, "", "filen är tom. Fyll i den eller ta bort den.")]
    try:
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
