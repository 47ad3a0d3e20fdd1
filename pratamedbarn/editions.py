"""Local editions: `utgavor/<id>.yaml`, one publisher's sender and local routines each.

The shared content is loaded and checked once (`load_library`); every edition file is then
read and checked against it here, and a build picks one edition (or none: the generic
course) by its id, from the plugin's `edition` option or the environment (PMB_UTGAVA).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import kinds
from .errors import ContentError, ContentProblem
from .library import Library, _Loader
from .models import SLUG, Edition
from .urls import CERTIFICATE_PATH, CONFIDENCE_PATH, MY_NOTES_PATH, RESEARCH_PATH, STUDY_GUIDE_PATH
from .yamlsource import YamlSource

#: The folder of the edition files, under the content root.
EDITIONS_DIR = "utgavor"
#: The environment variable that names the edition a build makes (`make build UTGAVA=<id>`).
EDITION_ENV = "PMB_UTGAVA"


@dataclass(frozen=True)
class LoadedEdition:
    """One checked edition file: its id (the file's name), the model and where it was read."""

    id: str
    edition: Edition
    file: str
    source: YamlSource

    def routine(self, slot: str) -> str:
        """The edition's text for a local routine; "" when it leaves the slot empty."""
        return self.edition.routines.get(slot, "")


def chosen_id(option: str | None = None) -> str | None:
    """The edition a build makes: the plugin's option, else PMB_UTGAVA; None: generic."""
    value = (option or os.environ.get(EDITION_ENV, "")).strip()
    return value or None


def edition_files(root: Path) -> list[Path]:
    """The edition files under `root`, by name."""
    return sorted((root / EDITIONS_DIR).glob("*.yaml"))


def load_editions(library: Library) -> dict[str, LoadedEdition]:
    """Read and check every edition file against the loaded content; raise ContentError
    listing every problem of every file."""
    loader = _Loader(library.root)
    asked = kinds.slots_asked_for(library.entries())
    editions, problems = {}, []
    for path in edition_files(library.root):
        edition = loader.parse(path, Edition)
        name = path.relative_to(library.root).as_posix()
        if not SLUG.match(path.stem):
            problems.append(ContentProblem(name, 1, "", (
                f"'{path.stem}' går inte att använda som utgåvans namn. Döp om filen med bara "
                "små bokstäver a–z, siffror och bindestreck, till exempel huddinge.yaml.")))
        elif path.stem in _site_folders(library.root):
            # `make build-editions` puts an edition in site/<id>/, beside the generic site's.
            problems.append(ContentProblem(name, 1, "", (
                f"'{path.stem}' är redan namnet på en del av webbplatsen (/{path.stem}/). Döp "
                "om filen efter kommunen, till exempel huddinge.yaml.")))
        if edition is None:
            continue
        source = loader.sources[name]
        problems += _slot_problems(edition, name, source, asked)
        editions[path.stem] = LoadedEdition(path.stem, edition, name, source)
    problems = loader.problems + problems
    if problems:
        raise ContentError(problems)
    return editions


def _site_folders(root: Path) -> set[str]:
    """The top-level folders of the generic site, which no edition may be named."""
    pages = (MY_NOTES_PATH, CONFIDENCE_PATH, CERTIFICATE_PATH, STUDY_GUIDE_PATH, RESEARCH_PATH)
    names = {k.url_folder for k in kinds.with_pages()} | {Path(p).stem for p in pages}
    names |= {p.stem for p in (root / "docs").iterdir()} if (root / "docs").is_dir() else set()
    return names | {"search", "assets"}


def _slot_problems(edition: Edition, name: str, source: YamlSource,
                   asked: set[str]) -> list[ContentProblem]:
    problems = []
    for slot, text in edition.routines.items():
        loc = ("routines", slot)
        if slot not in kinds.LOCAL_SLOTS:
            message = kinds.unknown_slot(slot)
        elif slot not in asked and text:  # an empty slot shows nowhere, and harms nothing
            message = (f"ingen film, checklista, övning eller träff frågar efter rutinen "
                       f"'{slot}' (lokalt:), så texten syns inte på webbplatsen. Lägg till "
                       f"lokalt: [{slot}] där rutinen hör hemma, eller ta bort den här.")
        else:
            continue
        problems.append(ContentProblem(name, source.line_of(loc), source.where(loc), message))
    return problems


def pick(editions: dict[str, LoadedEdition], edition_id: str | None) -> LoadedEdition | None:
    """The edition named `edition_id` (None: no edition); ContentError when there is none."""
    if edition_id is None:
        return None
    if edition_id not in editions:
        known = ", ".join(editions) or "inga"
        raise ContentError([ContentProblem(f"{EDITIONS_DIR}/{edition_id}.yaml", 1, "", (
            f"utgåvan '{edition_id}' finns inte (utgåvor som finns: {known}). Kontrollera "
            f"namnet, eller skapa filen {EDITIONS_DIR}/{edition_id}.yaml."))])
    return editions[edition_id]
