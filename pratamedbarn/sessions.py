"""A session's time plan as a group meets it: clock times, and the films, exercises and
checklists it uses, each shown in full the first time the sessions meet it.

Shared by the printed study guide (study_guide.py) and the session pages of the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import kinds
from .library import Library
from .models import Checklist, Exercise, Film, PlanStep, Session


@dataclass(frozen=True)
class Material:
    """A film, exercise or checklist as the guide shows it, with its anchor in the PDF."""

    kind: str
    item: Film | Exercise | Checklist
    #: False when an earlier session already printed it: then the guide refers back.
    first: bool = True
    #: The questions the session's plan asks the group about it (a film's discussion).
    questions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return kinds.kind(self.kind).heading

    @property
    def anchor(self) -> str:
        return f"{kinds.kind(self.kind).anchor}-{self.item.id}"


@dataclass(frozen=True)
class Slot:
    """One step of a session's time plan, with its clock times from the start."""

    start: int
    end: int
    step: PlanStep
    material: Material | None


@dataclass
class SessionView:
    """A session with its time plan and the materials to print after it."""

    number: int
    session: Session
    slots: list[Slot] = field(default_factory=list)
    materials: list[Material] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"traff-{self.number}"

    @property
    def copies(self) -> list[Material]:
        """The exercises and checklists to copy for every participant."""
        return [m for m in self.materials if m.kind != "film"]

    @property
    def films(self) -> list[Material]:
        return [m for m in self.materials if m.kind == "film"]


def _step_item(library: Library, step: PlanStep) -> tuple[str, object] | None:
    for kind in kinds.in_study_guide():
        item_id = getattr(step, kind.name)
        if item_id:
            return kind.name, library.items[kind.name][item_id]
    return None


def session_views(library: Library) -> list[SessionView]:
    """The sessions in order; each film, exercise and checklist is printed in full once."""
    printed: set[tuple[str, str]] = set()
    views = []
    for number, session in enumerate(library.study_guide.sessions, start=1):
        view = SessionView(number, session)
        in_session: set[tuple[str, str]] = set()
        minute = 0
        for step in session.plan:
            material = None
            found = _step_item(library, step)
            if found:
                key = (found[0], found[1].id)
                material = Material(*found, first=key not in printed,
                                    questions=tuple(step.questions))
                if key not in in_session:
                    view.materials.append(material)
                in_session.add(key)
                printed.add(key)
            view.slots.append(Slot(minute, minute + step.minutes, step, material))
            minute += step.minutes
        views.append(view)
    return views
