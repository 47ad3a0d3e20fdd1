"""Publishing: the CI pipelines and the pre-commit hook are valid and call the same make targets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import GOOD, REPO
from pratamedbarn import kinds

BIN = Path(sys.executable).parent
WORKFLOW = REPO / ".github" / "workflows" / "publicera.yml"
GITLAB = REPO / ".gitlab-ci.yml"


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    # The schemas (from SchemaStore) ship inside check-jsonschema: no network needed.
    return subprocess.run([BIN / "check-jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, check=False)


def test_the_github_workflow_is_valid():
    result = check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gitlab_pipeline_is_valid():
    result = check_jsonschema("vendor.gitlab-ci", GITLAB)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_would_catch_a_broken_pipeline(tmp_path: Path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text(encoding="utf-8").replace("  stage: test", "  stge: test"),
                      encoding="utf-8")
    result = check_jsonschema("vendor.gitlab-ci", broken)
    assert result.returncode == 1 and "'stge' was unexpected" in result.stdout


def test_github_tests_then_builds_and_publishes_only_from_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    # The generic course, then every local edition under its own path.
    assert runs[-3:] == ["make test", "make build", "make build-editions"]
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"]
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_tests_then_builds_and_publishes_only_from_the_default_branch():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["test", "deploy"]
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    assert pipeline["test"]["script"] == ["make test"]
    pages = pipeline["pages"]
    assert pages["stage"] == "deploy" and pages["script"] == [
        "make build", "make build-editions", "mv site public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_every_make_target_the_pipelines_and_readme_call_exists():
    called = set()
    for text in (WORKFLOW.read_text(encoding="utf-8"), GITLAB.read_text(encoding="utf-8"),
                 (REPO / "README.md").read_text(encoding="utf-8"),
                 (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")):
        # Commands: in backticks, at the start of a line, or as a YAML step.
        called |= set(re.findall(r"(?:`|^\s*|- |run: |entry: )make ([a-z-]+)", text, re.M))
    assert {"test", "build", "check", "serve"} <= called
    assert called <= make_targets()


def test_the_pre_commit_config_is_valid():
    result = subprocess.run([BIN / "pre-commit", "validate-config", ".pre-commit-config.yaml"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_hook_runs_for_a_change_in_any_content_file():
    hook = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    files = re.compile(hook["repos"][0]["hooks"][0]["files"])
    content = [k.file for k in kinds.REGISTRY.values() if k.file]
    content += [f"{k.folder}/x.yaml" for k in kinds.REGISTRY.values() if k.folder]
    content += ["site.yaml", "docs/om-oss.md", "docs/media/textning/x.vtt"]
    assert [name for name in content if not files.match(name)] == []


def test_the_pre_commit_hook_stops_a_commit_with_a_typo(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(GOOD, repo)
    for name in (".pre-commit-config.yaml", "Makefile"):
        shutil.copy(REPO / name, repo)
    lyssna = repo / "exercises" / "lyssna.yaml"
    lyssna.write_text(lyssna.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    # The Makefile's own venv is this test's Python: no install step in the temporary repo.
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"),
               MAKEFLAGS=f"PY={sys.executable} STAMP=")
    git = ["git", "-c", "user.name=Redaktör", "-c", "user.email=fou@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    result = subprocess.run([BIN / "pre-commit", "run", "--all-files"], cwd=repo, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Kontrollera innehållet (make check)" in result.stdout
    assert "exercises/lyssna.yaml:2: titel: okänt fält" in result.stdout
    lyssna.write_text(lyssna.read_text(encoding="utf-8").replace("titel:", "title:"), encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    result = subprocess.run([BIN / "pre-commit", "run", "--all-files"], cwd=repo, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
