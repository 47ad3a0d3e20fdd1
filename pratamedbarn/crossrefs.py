"""Checks that need all content at once: ids, aliases and references between files."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from .errors import ContentProblem, format_loc
from .yamlsource import YamlSource

KIND_NAMES = {"themes": "tema", "films": "film", "checklists": "checklista",
              "exercises": "övning", "references": "källa", "sessions": "träff"}
NONE_OF = {"themes": "inget tema"}
HOW_TO_ADD = {"themes": "lägg till det under themes i videos.yaml",
              "films": "lägg till den under films i videos.yaml",
              "checklists": "skapa checklists/{id}.yaml",
              "exercises": "skapa exercises/{id}.yaml",
              "references": "lägg till den i references.yaml",
              "sessions": "lägg till den i study_guide.yaml"}


def _items(library) -> Iterator[tuple[str, object, str, tuple]]:
    """Every item with an id: (kind, item, file, loc of the item in that file)."""
    for i, theme in enumerate(library.videos.themes):
        yield "themes", theme, "videos.yaml", ("themes", i)
    for i, film in enumerate(library.videos.films):
        yield "films", film, "videos.yaml", ("films", i)
    for cid, checklist in library.checklists.items():
        yield "checklists", checklist, f"checklists/{cid}.yaml", ()
    for eid, exercise in library.exercises.items():
        yield "exercises", exercise, f"exercises/{eid}.yaml", ()
    for i, reference in enumerate(library.references.values()):
        yield "references", reference, "references.yaml", ("references", i)
    for i, session in enumerate(library.study_guide.sessions):
        yield "sessions", session, "study_guide.yaml", ("sessions", i)


def _links(library) -> Iterator[tuple[str, str, str, tuple]]:
    """Every reference by id: (kind pointed at, id, file, loc of the id)."""
    for i, film in enumerate(library.videos.films):
        yield "themes", film.theme, "videos.yaml", ("films", i, "theme")
        for kind in ("checklists", "exercises", "references"):
            for j, target in enumerate(getattr(film, kind)):
                yield kind, target, "videos.yaml", ("films", i, kind, j)
    for eid, exercise in library.exercises.items():
        for j, target in enumerate(exercise.references):
            yield "references", target, f"exercises/{eid}.yaml", ("references", j)
    for j, target in enumerate(library.site.fact_box.references):
        yield "references", target, "site.yaml", ("fact_box", "references", j)
    for i, session in enumerate(library.study_guide.sessions):
        for j, step in enumerate(session.plan):
            for key, kind in (("film", "films"), ("exercise", "exercises"),
                              ("checklist", "checklists")):
                if getattr(step, key):
                    yield kind, getattr(step, key), "study_guide.yaml", ("sessions", i, "plan", j, key)


def _problem(sources: dict[str, YamlSource], file: str, loc: tuple, message: str) -> ContentProblem:
    return ContentProblem(file, sources[file].line_of(loc), format_loc(loc), message)


def _unique_ids(library, sources) -> list[ContentProblem]:
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for kind, item, file, loc in _items(library):
        names = [(item.id, loc + ("id",))]
        names += [(alias, loc + ("aliases", j)) for j, alias in enumerate(item.aliases)]
        for name, where in names:
            if (kind, name) in seen:
                problems.append(_problem(sources, file, where, (
                    f"id '{name}' används redan ({seen[kind, name]}). Ett id får bara "
                    f"användas en gång, inte heller som gammalt id: välj ett nytt.")))
            else:
                seen[kind, name] = f"{KIND_NAMES[kind]} i {file}"
    return problems


def _unique_within(library, sources) -> list[ContentProblem]:
    problems = []
    for kind, item, file, loc in _items(library):
        for field in ("items", "questions"):
            seen = set()
            for j, part in enumerate(getattr(item, field, [])):
                if part.id in seen:
                    problems.append(_problem(sources, file, loc + (field, j, "id"), (
                        f"id '{part.id}' finns redan i den här filen. Välj ett annat.")))
                seen.add(part.id)
    return problems


def _existing_targets(library, sources) -> list[ContentProblem]:
    known = {(kind, item.id) for kind, item, _, _ in _items(library)}
    problems = []
    for kind, target, file, loc in _links(library):
        if (kind, target) not in known:
            how = HOW_TO_ADD[kind].format(id=target)
            problems.append(_problem(sources, file, loc, (
                f"det finns {NONE_OF.get(kind, 'ingen ' + KIND_NAMES[kind])} med id '{target}'. "
                f"Kontrollera stavningen, eller {how}.")))
    return problems


def _chapters(library, sources) -> list[ContentProblem]:
    problems = []
    for i, film in enumerate(library.videos.films):
        previous = -1
        for j, chapter in enumerate(film.chapters):
            loc = ("films", i, "chapters", j, "time")
            if chapter.time <= previous or chapter.time >= film.duration:
                problems.append(_problem(sources, "videos.yaml", loc, (
                    "kapitlen ska stå i tidsordning och börja innan filmen är slut "
                    f"(filmen är {film.duration} sekunder lång).")))
            previous = chapter.time
    return problems


def _embed_hosts(library, sources) -> list[ContentProblem]:
    # A film from another web site plays only from a host the editors have approved.
    problems = []
    for i, film in enumerate(library.videos.films):
        host = urlsplit(film.source.embed).hostname if film.source.embed else None
        if host and host not in library.videos.embed_hosts:
            problems.append(_problem(sources, "videos.yaml", ("films", i, "source", "embed"), (
                f"{host} finns inte under embed_hosts överst i videos.yaml. Lägg till den där "
                "om filmen ska visas därifrån.")))
    return problems


def _slots_fit_exercises(library, sources) -> list[ContentProblem]:
    # A time-plan step that runs an exercise gives it at least the exercise's minutes,
    # or at least those of its shorter variant.
    problems = []
    for i, session in enumerate(library.study_guide.sessions):
        for j, step in enumerate(session.plan):
            exercise = library.exercises.get(step.exercise) if step.exercise else None
            if exercise is None:
                continue
            short = exercise.short_variant
            needed = min(exercise.minutes, short.minutes) if short else exercise.minutes
            if step.minutes < needed:
                problems.append(_problem(sources, "study_guide.yaml",
                                         ("sessions", i, "plan", j, "minutes"), (
                    f"steget har {step.minutes} minuter men övningen '{exercise.id}' tar "
                    f"{needed} minuter{' i sin kortare variant' if short else ''}. Ge steget "
                    f"minst {needed} minuter, eller skriv en kortare variant (short_variant) "
                    f"i exercises/{exercise.id}.yaml.")))
    return problems


def check_crossrefs(library, sources: dict[str, YamlSource]) -> list[ContentProblem]:
    """All problems that only show when every file is read."""
    return (_unique_ids(library, sources) + _unique_within(library, sources)
            + _existing_targets(library, sources) + _chapters(library, sources)
            + _embed_hosts(library, sources)
            + _slots_fit_exercises(library, sources))
