"""Swedish, actionable messages for pydantic's validation errors."""

from __future__ import annotations

import re

from pydantic import ValidationError

from .errors import ContentProblem
from .yamlsource import YamlSource

_TYPES = {
    "string_type": "ska vara en text",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "list_type": "ska vara en lista (rader som börjar med '- ')",
    "model_type": "ska vara en grupp av fält (nyckel: värde)",
    "dict_type": "ska vara en grupp av fält (nyckel: värde)",
    "model_attributes_type": "ska vara en grupp av fält (nyckel: värde)",
}


#: The start of a message that quotes the piece of text it is about (shortened with "...").
_QUOTED = re.compile(r"'(.+?)(?:\.\.\.)?' ")


def _message(err: dict, written: str) -> str:
    """The Swedish message for one pydantic error; `written` is its line in the file."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if err.get("input", "") is None and kind != "missing":
        # `title:` with nothing after it: YAML reads it as no value, which Python calls None.
        return f"är tomt, men fältet {_TYPES.get(kind, 'ska ha ett värde')}. Fyll i det efter kolonet."
    if kind == "pmb":
        return err["msg"]
    if kind == "missing":
        return "fältet saknas. Lägg till det."
    if kind == "extra_forbidden":
        return "okänt fält. Kontrollera stavningen eller ta bort det."
    if kind == "string_too_short":
        return "får inte vara tomt. Skriv en text."
    if kind == "too_short":
        return "listan får inte vara tom. Lägg till minst en rad."
    if kind == "string_pattern_mismatch":
        return f"'{err['input']}' har fel form. Jämför med exempelfilerna."
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"'{err['input']}' är inte tillåtet. Skriv något av: {expected}."
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(ctx.values()), "")
        word = {"greater_than": "större än", "greater_than_equal": "minst",
                "less_than": "mindre än", "less_than_equal": "högst"}[kind]
        return f"ska vara {word} {limit}."
    if kind == "string_type" and isinstance(err.get("input"), dict):
        # "- Läs fallet: tänk efter" is read as a field named "Läs fallet".
        return (f"ska vara en text, men kolonet gör den till ett fält (raden: {written}). "
                "Sätt citattecken runt hela texten, till exempel \"Läs fallet: tänk efter.\"")
    if kind in _TYPES:
        # True, False and lists are shown as the editor wrote them (yes, [a, b]), not as Python.
        shown = written if isinstance(err.get("input"), bool | dict | list) else err.get("input")
        return f"{_TYPES[kind]}, inte {_show(shown)}."
    # pydantic's own words are English: an error the project has no words for says this.
    return "värdet går inte att använda här. Jämför med exempelfilerna och redaktörshandboken."


def _show(value: object) -> str:
    text = str(value)
    return "'" + (text if len(text) <= 40 else text[:37] + "...") + "'"


def problems_from(exc: ValidationError, source: YamlSource, prefix: tuple = ()) -> list[ContentProblem]:
    """One ContentProblem a pydantic error, placed on the line of its field."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        message = _message(err, source.written(loc))
        # A message that quotes what is wrong ('<b>' är HTML ...) names the line it is on,
        # also inside a text written over several lines.
        quoted = _QUOTED.match(message)
        line = source.line_with(loc, quoted[1]) if quoted else source.line_of(loc)
        problems.append(ContentProblem(source.name, line, source.where(loc), message))
    return problems
