"""Checks that need all content at once: ids, aliases and references between files."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from . import kinds
from .errors import ContentProblem, closest
from .yamlsource import YamlSource


def _problem(sources: dict[str, YamlSource], file: str, loc: tuple, message: str) -> ContentProblem:
    return ContentProblem(file, sources[file].line_of(loc), sources[file].where(loc), message)


def _unique_ids(library, sources) -> list[ContentProblem]:
    problems = []
    seen: dict[tuple[str, str], str] = {}  # (kind, id) → where it is first, file:line
    for kind, item, file, loc in library.entries():
        names = [(item.id, loc + ("id",))]
        names += [(alias, loc + ("aliases", j)) for j, alias in enumerate(item.aliases)]
        for name, where in names:
            if (kind.name, name) in seen:
                problems.append(replace(_problem(sources, file, where, (
                    f"id '{name}' används redan i {seen[kind.name, name]}. "
                    "Ett id får bara användas en gång, inte heller som gammalt id: välj ett "
                    "nytt.")), first=True))
            else:
                seen[kind.name, name] = f"{file}:{sources[file].line_of(where)}"
    return problems


def _unique_within(library, sources) -> list[ContentProblem]:
    problems = []
    for _, item, file, loc in library.entries():
        # An exercise's questions and writing spaces share the keys of the notes on the site.
        seen: set[str] = set()
        for field in ("items", "questions", "writing"):
            for j, part in enumerate(getattr(item, field, [])):
                if part.id in seen:
                    problems.append(_problem(sources, file, loc + (field, j, "id"), (
                        f"id '{part.id}' finns redan i den här filen. Välj ett annat.")))
                seen.add(part.id)
    return problems


def _existing_targets(library, sources) -> list[ContentProblem]:
    known: dict[str, set[str]] = {}
    renamed: dict[tuple[str, str], str] = {}
    for kind, item, _, _ in library.entries():
        known.setdefault(kind.name, set()).add(item.id)
        renamed |= {(kind.name, alias): item.id for alias in item.aliases}
    problems = []
    for name, target, file, loc in library.named_ids():
        if target in known.get(name, ()):
            continue
        kind = kinds.kind(name)
        if (name, target) in renamed:
            new = renamed[name, target]
            message = f"'{target}' heter nu '{new}'. Skriv det nya id:t '{new}' här."
        else:
            close = closest(target, known.get(name, ()))
            guess = f"Menade du '{close}'? Annars: " if close else "Kontrollera stavningen, eller "
            message = (f"det finns {kind.none_label} med id '{target}'. "
                       f"{guess}{kind.how_to_add.format(id=target)}.")
        problems.append(_problem(sources, file, loc, message))
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
    # A time-plan step that runs an exercise gives it the minutes the guide prints for it,
    # or those of its shorter variant: the plan and the exercise page must agree.
    problems = []
    for i, session in enumerate(library.study_guide.sessions):
        for j, step in enumerate(session.plan):
            exercise = library.exercises.get(step.exercise) if step.exercise else None
            if exercise is None:
                continue
            allowed = [exercise.minutes_in_guide]
            if exercise.short_variant:
                allowed.append(exercise.short_variant.minutes)
            if step.minutes not in allowed:
                problems.append(_problem(sources, "study_guide.yaml",
                                         ("sessions", i, "plan", j, "minutes"), (
                    f"steget har {step.minutes} minuter men övningen '{exercise.id}' tar "
                    f"{' eller '.join(map(str, allowed))} minuter. Ändra steget så att det "
                    f"stämmer, eller ändra minuterna i exercises/{exercise.id}.yaml.")))
    return problems


def _declared_slots(library, sources) -> list[ContentProblem]:
    # `lokalt:` names local routines: each one must be a slot of the registry.
    problems = []
    for _, item, file, loc in library.entries():
        for j, name in enumerate(getattr(item, "lokalt", [])):
            if name not in kinds.LOCAL_SLOTS:
                problems.append(_problem(sources, file, loc + ("lokalt", j),
                                         kinds.unknown_slot(name)))
    return problems


def check_crossrefs(library, sources: dict[str, YamlSource]) -> list[ContentProblem]:
    """All problems that only show when every file is read.

    An id used twice is reported alone: until each id names one item, every check of what
    points at an id would report knock-ons of it (the item it hides seems to be missing).
    """
    duplicates = _unique_ids(library, sources)
    if duplicates:
        return duplicates
    return (_unique_within(library, sources)
            + _existing_targets(library, sources) + _chapters(library, sources)
            + _embed_hosts(library, sources)
            + _slots_fit_exercises(library, sources) + _declared_slots(library, sources))
