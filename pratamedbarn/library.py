"""Load every content file into one validated Library, with cross-references checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .captions import check_captions
from .crossrefs import check_crossrefs
from .errors import ContentError, ContentProblem
from .messages import problems_from
from .news import NewsPost, read_news
from .models import (Checklist, Exercise, Film, Reference, References, Site, StudyGuide,
                     Theme, Videos)
from .yamlsource import YamlSource, read_yaml

#: The content files and folders at the root, in the order editors meet them.
SINGLE_FILES = {"videos.yaml": Videos, "references.yaml": References,
                "site.yaml": Site, "study_guide.yaml": StudyGuide}
FOLDERS = {"checklists": Checklist, "exercises": Exercise}
#: A name an editor meant as a YAML file: x.yml, x.YAML, x.yaml.txt, x.yaml~ (group 1: x).
_YAML_LIKE = re.compile(r"(.+?)\.ya?ml\b", re.I)


@dataclass
class Library:
    """All content, validated; lookups by id keep the files' order."""

    root: Path
    videos: Videos
    site: Site
    study_guide: StudyGuide
    references: dict[str, Reference]
    checklists: dict[str, Checklist]
    exercises: dict[str, Exercise]
    #: The parsed YAML of every file, with line numbers, keyed by its path under root.
    sources: dict[str, YamlSource] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: News posts from docs/nyheter/, newest first.
    news: list[NewsPost] = field(default_factory=list)

    @property
    def themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.videos.themes}

    @property
    def films(self) -> dict[str, Film]:
        return {f.id: f for f in self.videos.films}

    def films_in(self, theme_id: str) -> list[Film]:
        return [f for f in self.videos.films if f.theme == theme_id]

    def content_files(self) -> list[Path]:
        """Every file the library was read from: what `mkdocs serve` watches."""
        files = [self.root / name for name in SINGLE_FILES]
        for folder in FOLDERS:
            files += sorted((self.root / folder).glob("*.yaml"))
        return files


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.docs_dir = root / "docs"
        self.problems: list[ContentProblem] = []
        self.notes: list[str] = []
        self.sources: dict[str, YamlSource] = {}

    def parse(self, path: Path, model: type[BaseModel]) -> BaseModel | None:
        name = path.relative_to(self.root).as_posix()
        if not path.is_file():
            self.problems.append(ContentProblem(name, 1, "", "filen saknas. Skapa den."))
            return None
        source, problems = read_yaml(path, name)
        self.problems += problems
        if source is None:
            return None
        self.sources[name] = source
        if not isinstance(source.data, dict):
            self.problems.append(ContentProblem(name, 1, "", (
                "filen ska bestå av fält (nyckel: värde), till exempel 'title: ...'. "
                "Jämför med exempelfilerna.")))
            return None
        try:
            return model.model_validate(source.data, context={"docs_dir": self.docs_dir})
        except ValidationError as exc:
            self.problems += problems_from(exc, source)
            return None

    def folder(self, folder: str, model: type[BaseModel]) -> dict:
        items = {}
        directory = self.root / folder
        if not directory.is_dir():
            self.problems.append(ContentProblem(folder + "/", 1, "", "mappen saknas. Skapa den."))
            return items
        for path in sorted(directory.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yaml":
                yaml_like = _YAML_LIKE.match(path.name)
                if yaml_like:
                    # An editor's work saved as .yml or .YAML would otherwise never be published.
                    self.problems.append(ContentProblem(f"{folder}/{path.name}", 1, "", (
                        "filen läses inte, eftersom namnet inte slutar på .yaml. Döp om den "
                        f"till {yaml_like[1]}.yaml, eller ta bort den om den inte ska vara med.")))
                else:
                    self.notes.append(f"{folder}/{path.name}: inte en .yaml-fil, hoppas över.")
                continue
            item = self.parse(path, model)
            if item is None:
                continue
            if item.id != path.stem:
                name = f"{folder}/{path.name}"
                self.problems.append(ContentProblem(
                    name, self.sources[name].line_of(("id",)), "id",
                    f"id '{item.id}' ska vara samma som filnamnet. Döp om filen till "
                    f"{item.id}.yaml eller ändra id till '{path.stem}'."))
            items[item.id] = item
        return items


def _in_film_order(items: dict, videos: Videos, kind: str) -> dict:
    """Items in the order the films first name them, so lists follow an investigation."""
    first = {}
    for position, film in enumerate(videos.films):
        for item_id in getattr(film, kind):
            first.setdefault(item_id, position)
    return dict(sorted(items.items(), key=lambda kv: (first.get(kv[0], len(videos.films)), kv[0])))


def load_library(root: Path | str) -> Library:
    """Read and check all content under `root`; raise ContentError listing every problem."""
    loader = _Loader(Path(root))
    parsed = {name: loader.parse(loader.root / name, model) for name, model in SINGLE_FILES.items()}
    checklists = loader.folder("checklists", Checklist)
    exercises = loader.folder("exercises", Exercise)
    news, news_problems = read_news(loader.docs_dir)
    loader.problems += news_problems
    if loader.problems or None in parsed.values():
        raise ContentError(loader.problems)
    videos = parsed["videos.yaml"]
    library = Library(
        root=loader.root, videos=videos, site=parsed["site.yaml"],
        study_guide=parsed["study_guide.yaml"],
        references={r.id: r for r in parsed["references.yaml"].references},
        checklists=_in_film_order(checklists, videos, "checklists"),
        exercises=_in_film_order(exercises, videos, "exercises"), sources=loader.sources,
        notes=loader.notes, news=news)
    problems = check_crossrefs(library, loader.sources)
    problems += check_captions(library.films.values(), library.root)
    if problems:
        raise ContentError(problems)
    return library
