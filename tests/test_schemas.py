"""The JSON schemas for editors: generated from the models, up to date, and true to the content."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpers import GOOD, REPO
from pratamedbarn.schemas import CONTENT_SCHEMAS, SCHEMA_DIR, SCHEMAS, header, stale_schemas


def content_files(root: Path) -> list[tuple[str, str]]:
    """(content file relative to root, schema name) for every content file under root."""
    return [(path.relative_to(root).as_posix(), schema)
            for pattern, schema in CONTENT_SCHEMAS.items() for path in sorted(root.glob(pattern))]


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2): 2026-11-20 is text, not a date."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_the_schemas_in_the_repository_are_up_to_date():
    assert stale_schemas(REPO) == [], "Kör `make schemas` och checka in schemas/."


def test_the_schemas_command_writes_missing_and_changed_schemas(tmp_path: Path):
    (tmp_path / SCHEMA_DIR).mkdir()
    (tmp_path / SCHEMA_DIR / "site.schema.json").write_text("{}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "schemas", "--root", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Skrev schemas/site.schema.json" in result.stdout
    assert sorted(p.name for p in (tmp_path / SCHEMA_DIR).iterdir()) == sorted(SCHEMAS)
    assert stale_schemas(tmp_path) == []


@pytest.mark.parametrize("root", [REPO, GOOD], ids=["repository", "fixture"])
def test_every_content_file_is_valid_against_its_schema(root: Path):
    files = content_files(root)
    assert len(files) >= 6
    for name, schema in files:
        data = yaml.load((root / name).read_text(encoding="utf-8"), Loader=EditorLoader)
        errors = [e.message for e in validator(schema).iter_errors(data)]
        assert errors == [], f"{name}: {errors}"


def test_every_root_content_file_points_at_its_schema_on_the_first_line():
    for name, _ in content_files(REPO):
        first = (REPO / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == header(name), name
        target = (REPO / name).parent / first.split("$schema=")[1]
        assert target.resolve().is_file(), name


def test_the_schema_catches_what_completion_should_warn_about():
    data = yaml.safe_load((GOOD / "exercises" / "lyssna.yaml").read_text(encoding="utf-8"))
    data["titel"] = data.pop("title")
    data["minutes"] = "en halvtimme"
    messages = " ".join(e.message for e in validator("exercise.schema.json").iter_errors(data))
    assert "'titel' was unexpected" in messages
    assert "'title' is a required property" in messages
    assert "'en halvtimme' is not of type 'integer'" in messages
