"""Load every content file into one validated Library, with cross-references checked."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import kinds
from .captions import check_captions
from .crossrefs import check_crossrefs
from .errors import ContentError, ContentProblem
from .messages import problems_from
from .models import Film, Item, Reference, References, Site, StudyGuide, Theme, Videos, named_ids
from .news import NewsPost, read_news
from .readability import readability_problems
from .yamlsource import YamlSource, read_yaml

#: The content files at the root that hold more than one item, in the order editors meet them.
#: The folders with one file an item come from the registry (`kinds.folders()`).
SINGLE_FILES = {"videos.yaml": Videos, "references.yaml": References,
                "site.yaml": Site, "study_guide.yaml": StudyGuide}
#: A name an editor meant as a YAML file: x.yml, x.YAML, x.yaml.txt, x.yaml~ (group 1: x).
_YAML_LIKE = re.compile(r"(.+?)\.ya?ml\b", re.I)


@dataclass
class Library:
    """All content, validated; lookups by id keep the files' order."""

    root: Path
    #: The parsed single files (videos.yaml, site.yaml …), by name.
    files: dict[str, BaseModel]
    #: Every item of every kind in the registry: kind name → id → item.
    items: dict[str, dict[str, Item]]
    #: The parsed YAML of every file, with line numbers, keyed by its path under root.
    sources: dict[str, YamlSource] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: News posts from docs/nyheter/, newest first.
    news: list[NewsPost] = field(default_factory=list)

    @property
    def videos(self) -> Videos:
        return self.files["videos.yaml"]

    @property
    def site(self) -> Site:
        return self.files["site.yaml"]

    @property
    def study_guide(self) -> StudyGuide:
        return self.files["study_guide.yaml"]

    @property
    def themes(self) -> dict[str, Theme]:
        return self.items["theme"]

    @property
    def films(self) -> dict[str, Film]:
        return self.items["film"]

    @property
    def checklists(self) -> dict:
        return self.items["checklist"]

    @property
    def exercises(self) -> dict:
        return self.items["exercise"]

    @property
    def references(self) -> dict[str, Reference]:
        return self.items["reference"]

    def films_in(self, theme_id: str) -> list[Film]:
        return [f for f in self.videos.films if f.theme == theme_id]

    def films_naming(self, kind: str, item_id: str) -> list[Film]:
        """The films that point at an item (those a checklist's page lists)."""
        return self._films_naming.get((kind, item_id), [])

    @functools.cached_property
    def _films_naming(self) -> dict[tuple[str, str], list[Film]]:
        index: dict[tuple[str, str], list[Film]] = {}
        for film in self.videos.films:
            for key in dict.fromkeys((k, i) for k, i, _ in named_ids(film)):
                index.setdefault(key, []).append(film)
        return index

    def entries(self):
        """Every item with its place: (kind, item, file, loc of the item in that file)."""
        for kind in kinds.REGISTRY.values():
            if kind.folder:
                for item_id, item in self.items[kind.name].items():
                    yield kind, item, kind.source(item_id), ()
            else:
                for i, item in enumerate(getattr(self.files[kind.file], kind.field)):
                    yield kind, item, kind.file, (kind.field, i)

    def named_ids(self):
        """Every id one item gives for another: (kind named, id, file, loc of the id)."""
        for name, model in self.files.items():
            for kind, item_id, loc in named_ids(model):
                yield kind, item_id, name, loc
        for kind in kinds.folders().values():
            for item_id, item in self.items[kind.name].items():
                for target, target_id, loc in named_ids(item):
                    yield target, target_id, kind.source(item_id), loc

    def content_files(self) -> list[Path]:
        """Every file the library was read from: what `mkdocs serve` watches."""
        return content_files(self.root)


def content_files(root: Path) -> list[Path]:
    """The content files under `root`: the single files and every file in the folders."""
    files = [root / name for name in SINGLE_FILES]
    for folder in kinds.folders():
        files += sorted((root / folder).glob("*.yaml"))
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
        source, problems = read_yaml(path, name, kinds.list_labels())
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


def _in_film_order(items: dict, kind: str, videos: Videos) -> dict:
    """Items in the order the films first name them, so lists follow an investigation; an
    item of a theme (a theme's self-check) where the theme's first film is."""
    first, theme_at = {}, {}
    for position, film in enumerate(videos.films):
        theme_at.setdefault(film.theme, position)
        for target, item_id, _ in named_ids(film):
            if target == kind:
                first.setdefault(item_id, position)

    def place(item_id: str, item) -> int:
        if item_id in first:
            return first[item_id]
        return theme_at.get(getattr(item, "theme", None), len(videos.films))

    return dict(sorted(items.items(), key=lambda kv: (place(*kv), kv[0])))


def load_library(root: Path | str) -> Library:
    """Read and check all content under `root`; raise ContentError listing every problem."""
    loader = _Loader(Path(root))
    parsed = {name: loader.parse(loader.root / name, model) for name, model in SINGLE_FILES.items()}
    in_folders = {kind.name: loader.folder(folder, kind.model)
                  for folder, kind in kinds.folders().items()}
    news, news_problems = read_news(loader.docs_dir)
    loader.problems += news_problems
    if loader.problems or None in parsed.values():
        raise ContentError(loader.problems)
    items = {}
    for kind in kinds.REGISTRY.values():
        if kind.folder:
            items[kind.name] = _in_film_order(in_folders[kind.name], kind.name,
                                              parsed["videos.yaml"])
        else:
            items[kind.name] = {i.id: i for i in getattr(parsed[kind.file], kind.field)}
    library = Library(root=loader.root, files=parsed, items=items, sources=loader.sources,
                      notes=loader.notes, news=news)
    problems = check_crossrefs(library, loader.sources)
    problems += check_captions(library.films.values(), library.root)
    problems += readability_problems(loader.sources)
    if problems:
        raise ContentError(problems)
    return library
