"""Issue 31: local editions (utgavor/<id>.yaml): their checks, their build and their PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import GOOD, REPO, made_once, run_check, site_project
from pratamedbarn import kinds
from pratamedbarn.editions import EDITION_ENV, EDITIONS_DIR, load_editions
from pratamedbarn.library import load_library
from pratamedbarn.models import Edition
from pratamedbarn.publisher import PRODUCTION_ENV

EXAMPLE = REPO / EDITIONS_DIR / "exempel.yaml"


def build_env(**settings: str) -> dict[str, str]:
    """This environment without an edition or production setting of its own, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if k not in (EDITION_ENV, PRODUCTION_ENV)}
    return env | {"NO_MKDOCS_2_WARNING": "1", **settings}


def build(project: Path, site_dir: Path, edition: str | None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` as `make build UTGAVA=<edition>` runs it."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          capture_output=True, text=True, check=False,
                          env=build_env(**{EDITION_ENV: edition or ""}))


def build_editions(project: Path, out: Path, *args: str,
                   production: bool = False) -> subprocess.CompletedProcess:
    """`python -m pratamedbarn build-editions` of `project`, as `make build-editions` runs it."""
    return subprocess.run([sys.executable, "-m", "pratamedbarn", "build-editions", "--root",
                           str(project), "--out", str(out), *args],
                          capture_output=True, text=True, check=False,
                          env=build_env(**({PRODUCTION_ENV: "1"} if production else {})))


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    """The shipped content built as the example edition, study guide included, the way the
    workflows build every edition."""
    def make(tmp: Path) -> None:
        result = build_editions(REPO, tmp / "site", "exempel")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "example-edition-site", make) / "site" / "exempel"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def with_edition(root: Path, name: str, data: dict, lokalt: list[str] | None = None) -> Path:
    """Write an edition file into the content under `root`; `lokalt` is given to a film."""
    (root / EDITIONS_DIR).mkdir(exist_ok=True)
    (root / EDITIONS_DIR / f"{name}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if lokalt is not None:
        videos = root / "videos.yaml"
        text = videos.read_text(encoding="utf-8")
        videos.write_text(text.replace("    example: true\n", f"    example: true\n"
                                       f"    lokalt: [{', '.join(lokalt)}]\n", 1), encoding="utf-8")
    return root


def line_of(path: Path, start: str) -> int:
    """The number of the first line of `path` that starts with `start` (after its indent)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(start))


def small_edition(**routines: str) -> dict:
    publisher = {**example()["publisher"], "logo": "", "logo_alt": ""}
    return {"site_url": "https://kommun.example/", "publisher": publisher, "routines": routines}


# ---- The example edition and the registry ----

def test_the_example_edition_is_checked_and_never_published(shipped_library):
    editions = load_editions(shipped_library)
    assert editions["exempel"].edition.publish is False
    assert "Exempelkommunen" in editions["exempel"].edition.publisher.name


def test_every_local_routine_is_asked_for_by_some_content(shipped_library):
    asked = kinds.slots_asked_for(shipped_library.entries())
    assert asked == set(kinds.LOCAL_SLOTS)
    for required in ("samrad", "barnahus", "orosanmalan", "stod-personal", "juridik", "tolk"):
        assert required in kinds.LOCAL_SLOTS


def test_an_accent_colour_without_contrast_for_white_text_is_refused():
    data = example()
    with pytest.raises(ValueError, match="kontrasten 3.7:1 mot vit text"):
        Edition.model_validate({**data, "accent": "#6a8f3a"})
    with pytest.raises(ValueError, match="ingen färg"):
        Edition.model_validate({**data, "accent": "grön"})
    assert Edition.model_validate({**data, "accent": "#1D4F6E"}).accent == "#1d4f6e"


# ---- make check ----

def test_check_names_a_routine_no_slot_declares_by_file_and_line(content: Path):
    with_edition(content, "huddinge", small_edition(samrad="Ring Barnahus.", samrd="Fel."),
                 lokalt=["samrad"])
    result = run_check(content)
    assert result.returncode == 1
    line = next(x for x in result.stderr.splitlines() if x.startswith("utgavor/huddinge.yaml:"))
    assert "routines.samrd: 'samrd' är ingen lokal rutin. Menade du 'samrad'?" in line
    assert line.startswith(
        f"utgavor/huddinge.yaml:{line_of(content / EDITIONS_DIR / 'huddinge.yaml', 'samrd:')}:")


def test_check_refuses_a_routine_that_no_content_asks_for(content: Path):
    with_edition(content, "nacka", small_edition(tolk="Tolkförmedlingen."), lokalt=["samrad"])
    result = run_check(content)
    assert result.returncode == 1
    line = line_of(content / EDITIONS_DIR / "nacka.yaml", "tolk:")
    assert (f"utgavor/nacka.yaml:{line}: routines.tolk: ingen film, checklista, övning eller "
            "träff frågar efter rutinen 'tolk'") in result.stderr


def test_check_names_a_lokalt_name_no_slot_declares(content: Path):
    with_edition(content, "nacka", small_edition(), lokalt=["samrad", "barnhus"])
    result = run_check(content)
    assert result.returncode == 1
    line = line_of(content / "videos.yaml", "lokalt:")
    assert (f"videos.yaml:{line}: film 'forbereda-samtalet', lokalt[1]: 'barnhus' är ingen "
            "lokal rutin. Menade du 'barnahus'?") in result.stderr


def test_check_names_a_broken_link_in_a_routine_by_file_and_line(content: Path):
    # As in a checkout: the site's own assets, which the pages for the child link to.
    shutil.copytree(REPO / "docs" / "assets", content / "docs" / "assets", dirs_exist_ok=True)
    with_edition(content, "norr", small_edition(samrad="Se [rutinen](../rutiner/samrad.md)."),
                 lokalt=["samrad"])
    result = run_check(content)
    assert result.returncode == 1
    line = line_of(content / EDITIONS_DIR / "norr.yaml", "samrad:")
    assert result.stderr.startswith(f"{EDITIONS_DIR}/norr.yaml:{line}: routines.samrad: länken "
                                    "'../rutiner/samrad.md' leder till en sida som inte finns")
    assert "1 fel hittades" in result.stderr


def test_check_passes_and_counts_the_editions(content: Path):
    with_edition(content, "nacka", small_edition(samrad="Ring **Barnahus Nacka**."),
                 lokalt=["samrad"])
    result = run_check(content)
    assert result.returncode == 0, result.stderr
    assert "1 lokal utgåva i ordning: nacka." in result.stdout
    # A published edition waits for its logo like the generic site does.
    assert "Varning: utgavor/nacka.yaml:" in result.stdout and "publisher.logo" in result.stdout


# ---- Builds ----

def test_the_production_build_of_an_edition_refuses_an_empty_sender(content: Path, tmp_path: Path):
    data = small_edition(samrad="Ring Barnahus.")
    data["publisher"]["phone"] = ""
    project = site_project(tmp_path, with_edition(content, "nacka", data, lokalt=["samrad"]))
    env = {**os.environ, PRODUCTION_ENV: "1", EDITION_ENV: "nacka"}
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "generate",
                             str(tmp_path / "out"), "--root", str(project)],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "utgavor/nacka.yaml:" in result.stderr and "publisher.phone" in result.stderr
    # The generic site of the same content still builds: its sender is site.yaml's.
    env[EDITION_ENV] = ""
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "generate",
                             str(tmp_path / "out"), "--root", str(project)],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr


def test_an_edition_that_does_not_exist_stops_the_build(tmp_path: Path):
    result = build(site_project(tmp_path), tmp_path / "site", "finns-inte")
    assert result.returncode == 1
    assert "utgåvan 'finns-inte' finns inte" in result.stderr


def test_every_page_of_the_example_edition_names_its_sender(example_site: Path):
    name = example()["publisher"]["name"]
    pages = sorted(example_site.rglob("index.html"))
    assert len(pages) > 50
    for page in pages:
        footer = soup(example_site, page.relative_to(example_site).as_posix()).select_one(
            "footer .pmb-sender")
        if footer is None:  # a "Sidan har flyttat" page carries no footer of its own
            continue
        assert f"Utges av {name}" in footer.get_text(" ", strip=True), page


def test_a_film_page_shows_the_editions_routines_and_the_advice_for_an_empty_one(
        example_site: Path):
    box = soup(example_site, "filmer/nar-barnet-berattar-om-vald/index.html").select_one(
        ".pmb-local")
    assert box.select_one("h2").get_text(strip=True) == "Så gör vi hos oss"
    labels = [h.get_text(strip=True) for h in box.select("h3")]
    assert labels == [kinds.LOCAL_SLOTS[s].label
                      for s in ("orosanmalan", "polisanmalan", "samrad", "barnahus")]
    assert "Barnahus Exempelstad" in box.select_one("strong").get_text()
    # konsultation is empty in the example: the generic advice shows.
    small = soup(example_site, "filmer/prata-med-sma-barn/index.html").select_one(".pmb-local")
    assert kinds.LOCAL_SLOTS["konsultation"].advice in small.get_text(" ", strip=True)


def test_the_example_edition_fills_statement_certificate_address_and_colour(example_site: Path):
    data = example()
    statement = soup(example_site, "tillganglighet/index.html").select_one("article").get_text(" ")
    assert data["publisher"]["name"] in statement and "FYLL I" not in statement
    certificate = soup(example_site, "intyg/index.html").select_one("[data-certificate]")
    assert certificate["data-issuer"] == data["publisher"]["name"]
    start = soup(example_site, "index.html")
    assert start.select_one("link[rel=canonical]")["href"] == data["site_url"]
    sheets = [link["href"] for link in start.select("link[rel=stylesheet]")]
    assert "assets/stylesheets/utgava.css" in sheets
    assert data["accent"] in (example_site / "assets/stylesheets/utgava.css").read_text()


def test_the_example_editions_study_guide_prints_its_routines_and_support(example_site: Path):
    text = subprocess.run(["pdftotext", str(example_site / "studiehandledning.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    data = example()
    assert "Barnahus Exempelstad, telefon 070-174 06 13" in text
    assert f"Stöd för er som deltar: {data['publisher']['support']}" in text
    # The empty slot keeps its question and lines for the group to fill in.
    assert kinds.LOCAL_SLOTS["konsultation"].question in text
    assert "exempelkommunen.example/prata-med-barn" in text


NAMES = {"norr": "Norrby kommun", "soder": "Söderby kommun", "vast": "Västerby kommun"}


def editions_project(tmp_path: Path, study_guide: bool = True, **changes: dict) -> Path:
    """The fixture content with an edition for each of NAMES; `changes` to an edition's
    publisher by its id."""
    project = site_project(tmp_path, study_guide=study_guide)
    for n, (edition_id, name) in enumerate(NAMES.items()):
        data = small_edition(samrad=f"{name}: samråd via Barnahus.")
        data["publisher"] |= {"name": name, **changes.get(edition_id, {})}
        data["site_url"] = f"https://{edition_id}.example/"
        with_edition(project, edition_id, data, lokalt=None if n else ["samrad"])
    return project


def test_editions_built_in_one_run_each_carry_their_own_sender(tmp_path: Path):
    # Two workers: one builds norr and then vast, like norr's; the other soder.
    result = build_editions(editions_project(tmp_path), tmp_path / "site", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == [f"Utgåva {e}" for e in sorted(NAMES)]
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == sorted(NAMES)
    for edition_id, name in NAMES.items():
        site = tmp_path / "site" / edition_id
        footer = soup(site, "index.html").select_one("footer .pmb-sender").get_text(" ", strip=True)
        assert f"Utges av {name}" in footer
        guide = " ".join(subprocess.run(["pdftotext", str(site / "studiehandledning.pdf"), "-"],
                                        capture_output=True, text=True, check=True).stdout.split())
        others = [n for n in NAMES.values() if n != name]
        assert f"{name}: samråd via Barnahus." in guide
        assert not any(other in guide for other in others), edition_id
        assert f"{edition_id}.example" in guide


def test_an_edition_that_fails_in_a_worker_is_named_with_its_reason(tmp_path: Path):
    # Production: every sender complete (the example's logo), but one phone number missing.
    logo = {"logo": "media/utgavor/exempelkommunen.svg", "logo_alt": "Logotyp"}
    project = editions_project(tmp_path, study_guide=False, norr=logo, vast=logo,
                               soder={**logo, "phone": ""})
    shutil.copytree(REPO / "docs" / "media" / "utgavor", project / "docs" / "media" / "utgavor")
    result = build_editions(project, tmp_path / "site", "--jobs", "2", production=True)
    assert result.returncode == 1
    assert "utgavor/soder.yaml:" in result.stderr and "publisher.phone" in result.stderr
    assert result.stderr.splitlines()[-1] == "Utgåvan soder kunde inte byggas (se ovan)."
    assert not (tmp_path / "site" / "soder").exists()
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["norr", "vast"]


def test_build_editions_names_an_edition_that_does_not_exist(tmp_path: Path):
    result = build_editions(site_project(tmp_path), tmp_path / "site", "finns-inte")
    assert result.returncode == 1
    assert "utgåvan 'finns-inte' finns inte" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_generic_build_shows_the_generic_advice(shipped_site: Path):
    box = soup(shipped_site, "filmer/nar-barnet-berattar-om-vald/index.html").select_one(
        ".pmb-local")
    assert kinds.LOCAL_SLOTS["samrad"].advice in box.get_text(" ", strip=True)
    assert not (shipped_site / "assets/stylesheets/utgava.css").exists()
    # The certificate's issuer is site.yaml's sender (its placeholder while it is empty).
    certificate = soup(shipped_site, "intyg/index.html").select_one("[data-certificate]")
    assert certificate["data-issuer"] == (load_library(REPO).site.publisher.name
                                          or "[FYLL I: publisher.name i site.yaml]")


def test_the_fixture_content_without_editions_still_loads():
    assert load_editions(load_library(GOOD)) == {}
    assert not (GOOD / EDITIONS_DIR).exists()


def test_an_edition_may_not_take_the_name_of_a_part_of_the_site(content: Path):
    with_edition(content, "filmer", small_edition())
    result = run_check(content)
    assert result.returncode == 1
    assert "utgavor/filmer.yaml:1: 'filmer' är redan namnet på en del av webbplatsen" \
        in result.stderr


def test_the_workflows_publish_every_edition_but_the_example(content: Path):
    with_edition(content, "nacka", small_edition())
    with_edition(content, "exempel", {**small_edition(), "publish": False})
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "editions", "--root",
                             str(content)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["nacka"]
    github = (REPO / ".github/workflows/publicera.yml").read_text(encoding="utf-8")
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "make build-editions" in github
    assert "make build-editions" in gitlab["pages"]["script"]


def test_the_plugin_option_names_the_edition_too(content: Path, tmp_path: Path):
    from pratamedbarn.generate import is_plugin, read_config, write_config

    project = site_project(tmp_path, with_edition(content, "nacka", small_edition()))
    config = read_config(project / "mkdocs.yml")
    config["plugins"] = [{"pratamedbarn": {"study_guide": False, "edition": "nacka"}}
                         if is_plugin(entry) else entry for entry in config["plugins"]]
    write_config(project / "mkdocs.yml", config)
    result = build(project, tmp_path / "site", None)
    assert result.returncode == 0, result.stderr
    footer = soup(tmp_path / "site", "index.html").select_one("footer .pmb-sender")
    assert example()["publisher"]["name"] in footer.get_text(" ", strip=True)
