"""Swedish, actionable messages for pydantic's validation errors."""

from __future__ import annotations

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


def _message(err: dict, written: str) -> str:
    """The Swedish message for one pydantic error; `written` is its line in the file."""
    kind, ctx = err["type"], err.get("ctx") or {}
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
        shown = written if isinstance(err.get("input"), dict | list) else err.get("input")
        return f"{_TYPES[kind]}, inte {_show(shown)}."
    return f"ogiltigt värde ({err['msg']}). Jämför med exempelfilerna."


def _show(value: object) -> str:
    text = str(value)
    return "'" + (text if len(text) <= 40 else text[:37] + "...") + "'"


def problems_from(exc: ValidationError, source: YamlSource, prefix: tuple = ()) -> list[ContentProblem]:
    """One ContentProblem a pydantic error, placed on the line of its field."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        problems.append(ContentProblem(source.name, source.line_of(loc), source.where(loc),
                                       _message(err, source.written(loc))))
    return problems
