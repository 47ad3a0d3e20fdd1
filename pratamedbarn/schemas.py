"""JSON schemas for the content files, made from the pydantic models.

Editors whose YAML plugin reads `# yaml-language-server: $schema=...` (VS Code with the
Red Hat YAML extension, and others) get completion and early warnings while they type.
The schemas are generated, never written by hand: `python -m pratamedbarn schemas`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .kinds import LOCAL_SLOTS
from .models import (
    Checklist,
    Edition,
    Exercise,
    Handout,
    Quiz,
    References,
    Site,
    StudyGuide,
    Videos,
)

SCHEMA_DIR = "schemas"

#: Schema file name → the model of the content file(s) it describes.
SCHEMAS: dict[str, type[BaseModel]] = {
    "videos.schema.json": Videos,
    "checklist.schema.json": Checklist,
    "exercise.schema.json": Exercise,
    "quiz.schema.json": Quiz,
    "handout.schema.json": Handout,
    "references.schema.json": References,
    "site.schema.json": Site,
    "study_guide.schema.json": StudyGuide,
    "edition.schema.json": Edition,
}

#: Which schema each content file uses; folders by their files' glob.
CONTENT_SCHEMAS = {
    "videos.yaml": "videos.schema.json",
    "references.yaml": "references.schema.json",
    "site.yaml": "site.schema.json",
    "study_guide.yaml": "study_guide.schema.json",
    "checklists/*.yaml": "checklist.schema.json",
    "exercises/*.yaml": "exercise.schema.json",
    "quizzes/*.yaml": "quiz.schema.json",
    "handouts/*.yaml": "handout.schema.json",
    "utgavor/*.yaml": "edition.schema.json",
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON schema of `model` as the text of a schema file."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              **model.model_json_schema()}
    if model is Edition:
        # The slot names live in the registry, not the model: the editor's completion lists them.
        schema["properties"]["routines"] = {
            "type": "object", "additionalProperties": False, "default": {},
            "properties": {slot.name: {"type": ["string", "null"], "description": slot.label}
                           for slot in LOCAL_SLOTS.values()}}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def header(content_file: str) -> str:
    """The first line that points a content file (relative to the root) at its schema."""
    for pattern, schema in CONTENT_SCHEMAS.items():
        if Path(content_file).match(pattern):
            up = "../" * content_file.count("/")
            return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema}"
    raise KeyError(content_file)


def stale_schemas(root: Path) -> list[str]:
    """The schema files under `root` that are missing or differ from the models."""
    return [name for name, model in SCHEMAS.items()
            if not (root / SCHEMA_DIR / name).is_file()
            or (root / SCHEMA_DIR / name).read_text(encoding="utf-8") != schema_text(model)]


def write_schemas(root: Path) -> list[str]:
    """Write every schema that is out of date; return the names written."""
    stale = stale_schemas(root)
    (root / SCHEMA_DIR).mkdir(exist_ok=True)
    for name in stale:
        (root / SCHEMA_DIR / name).write_text(schema_text(SCHEMAS[name]), encoding="utf-8")
    return stale
