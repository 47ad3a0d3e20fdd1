"""The registry of content kinds: every kind of item with an id is declared here, once.

Loading, cross-reference checks, the site's pages and navigation, the study guide's
addresses, link checking and the browser's storage keys all read this table. Adding a
kind is one entry here and one page template in `templates/pages/` (see the README).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from .models import (
    Checklist,
    Exercise,
    Film,
    Handout,
    Item,
    Quiz,
    Reference,
    Session,
    Theme,
)


@dataclass(frozen=True)
class Kind:
    """One kind of content item with an id."""

    #: The kind's name in code, in the registry and in `RefTo` marks on model fields.
    name: str
    #: Swedish, as an editor or a learner reads it: "checklista".
    label: str
    #: "ingen checklista": how a message says that no such item exists.
    none_label: str
    model: type[Item]
    #: Where an item lives: a folder with one YAML file an item ...
    folder: str | None = None
    #: ... or a list under `field` in one content file.
    file: str | None = None
    field: str | None = None
    #: The Swedish fix when an id names no item: "skapa checklists/{id}.yaml".
    how_to_add: str = ""
    #: The folder of the item pages' URLs (/checklistor/<id>/); None: no page of its own.
    url_folder: str | None = None
    #: The page is <url_folder>/<id>/index.md, the head of a navigation section of its own.
    index_page: bool = False
    #: The template of one item's page, in templates/pages/.
    template: str | None = None
    #: The navigation section its pages sit in, and the template of the section's list page.
    section: str | None = None
    list_template: str | None = None
    #: The prefix of the learner's saved data in the browser, and the HTML attributes
    #: whose values are ids of this kind (the browser moves data saved under an old id).
    storage: str | None = None
    attributes: tuple[str, ...] = ()
    #: The prefix of an item's anchor in the study guide; None: the guide does not print it.
    anchor: str | None = None
    #: False: its pages stay out of the site's search (they are found in the menu).
    searchable: bool = True
    #: False: the menu shows the kind's list page only, which links to every item.
    items_in_menu: bool = True

    def path(self, item_id: str) -> str:
        """The source path of an item's page under docs/."""
        if self.index_page:
            return f"{self.url_folder}/{item_id}/index.md"
        return f"{self.url_folder}/{item_id}.md"

    def source(self, item_id: str) -> str:
        """The content file (relative to the root) an item is written in."""
        return f"{self.folder}/{item_id}.yaml" if self.folder else self.file

    @property
    def heading(self) -> str:
        """The label as it heads a result or a card: "Checklista"."""
        return self.label[:1].upper() + self.label[1:]

    @property
    def list_path(self) -> str:
        return f"{self.url_folder}/index.md"


#: The registry, in the order of the site's navigation. Tests may add a kind to it.
REGISTRY: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("theme", "tema", "inget tema", Theme, file="videos.yaml", field="themes",
         how_to_add="lägg till det under themes i videos.yaml",
         url_folder="teman", index_page=True, template="theme.md.j2"),
    Kind("film", "film", "ingen film", Film, file="videos.yaml", field="films",
         how_to_add="lägg till den under films i videos.yaml",
         url_folder="filmer", template="film.md.j2",
         storage="film", attributes=("data-film", "data-film-link"), anchor="film"),
    Kind("checklist", "checklista", "ingen checklista", Checklist, folder="checklists",
         how_to_add="skapa checklists/{id}.yaml",
         url_folder="checklistor", template="checklist.md.j2",
         section="Checklistor", list_template="checklists.md.j2",
         storage="checklist", attributes=("data-checklist", "data-checklist-progress"),
         anchor="checklista"),
    Kind("exercise", "övning", "ingen övning", Exercise, folder="exercises",
         how_to_add="skapa exercises/{id}.yaml",
         url_folder="ovningar", template="exercise.md.j2",
         section="Övningar", list_template="exercises.md.j2",
         storage="note", attributes=("data-exercise", "data-exercise-notes"), anchor="ovning"),
    Kind("quiz", "självtest", "inget självtest", Quiz, folder="quizzes",
         how_to_add="skapa quizzes/{id}.yaml",
         url_folder="testa-dig-sjalv", template="quiz.md.j2",
         section="Testa dig själv", list_template="quizzes.md.j2",
         storage="quiz", attributes=("data-quiz", "data-quiz-score"),
         # The explanations name the answers: search would give them away. Three pages,
         # one a theme: the list page in the menu is enough.
         searchable=False, items_in_menu=False),
    Kind("handout", "blad till barnet", "inget blad till barnet", Handout, folder="handouts",
         how_to_add="skapa handouts/{id}.yaml",
         url_folder="till-barnet", template="handout.md.j2",
         section="Till barnet", list_template="handouts.md.j2",
         # For the child, not the learner: a learner's search for "små barn" is about films.
         searchable=False),
    Kind("reference", "källa", "ingen källa", Reference, file="references.yaml",
         field="references", how_to_add="lägg till den i references.yaml"),
    # Session pages sit under the study guide page in the menu (pages.site_pages).
    Kind("session", "träff", "ingen träff", Session, file="study_guide.yaml", field="sessions",
         how_to_add="lägg till den i study_guide.yaml",
         url_folder="traffar", template="session.md.j2",
         # The facilitator's place in the meeting-room view.
         storage="session", attributes=("data-session",)),
)}


@dataclass(frozen=True)
class LocalSlot:
    """A local routine an edition fills (`utgavor/<id>.yaml`) and content asks for (`lokalt:`)."""

    name: str
    #: The routine's heading in a page's "Så gör vi hos oss" box and on the printed sheet.
    label: str
    #: What the work group answers on the printed sheet when the edition leaves it empty.
    question: str
    #: What the box says without an edition, or when the edition leaves the slot empty.
    advice: str


#: The local routines, in the order of the printed "Så gör vi hos oss" sheet.
LOCAL_SLOTS: dict[str, LocalSlot] = {slot.name: slot for slot in (
    LocalSlot("orosanmalan", "Orosanmälan och skyddsbedömning",
              "Vem tar emot en orosanmälan, och hur fort gör vi skyddsbedömningen?",
              "Fråga din chef om er rutin för orosanmälningar: vem som tar emot dem och hur "
              "fort skyddsbedömningen ska göras."),
    LocalSlot("polisanmalan", "Polisanmälan",
              "Vem bestämmer om en polisanmälan, och vem kontaktar polisen?",
              "Fråga din chef om er rutin för polisanmälan: vem som bestämmer och vem som "
              "kontaktar polisen."),
    LocalSlot("samrad", "Samråd med polis och åklagare",
              "Hur begär vi samråd, och vem är med?",
              "Fråga din chef om er rutin för samråd med polis och åklagare, och hur ni "
              "begär ett samråd."),
    LocalSlot("barnahus", "Barnahus",
              "Vilket Barnahus samarbetar vi med, och hur når vi det?",
              "Fråga din chef vilket Barnahus ni samarbetar med och hur ni kontaktar det."),
    LocalSlot("konsultation", "Konsultation om samtal med barn",
              "Vem kan vi rådgöra med om samtal med barn?",
              "Fråga din chef vem ni kan rådgöra med om samtal med barn, till exempel med "
              "små barn eller barn med funktionsnedsättning."),
    LocalSlot("tolk", "Tolk",
              "Hur bokar vi en utbildad tolk, också på telefon eller video?",
              "Fråga din chef om er rutin för att boka tolk, också på telefon eller video."),
    LocalSlot("stod-personal", "Stöd till dig efter svåra samtal",
              "Vart vänder vi oss för stöd efter svåra samtal?",
              "Fråga din chef vilket stöd du kan få efter ett svårt samtal, till exempel "
              "handledning eller företagshälsovården."),
    LocalSlot("juridik", "Juridisk rådgivning om sekretess",
              "Vilken jurist frågar vi om sekretess och vad vårdnadshavarna får veta?",
              "Fråga din chef vilken jurist ni frågar om sekretess och om vad vårdnadshavarna "
              "får veta."),
)}


#: The three sorts of reference (a reference's `kind:`) and their headings, in order, on the
#: research page and in the study guide's list of references.
REFERENCE_KINDS = {"law": "Lagar och konventioner", "research": "Forskning",
                   "guidance": "Vägledning och stöd"}
#: Lists inside an item whose entries an editor knows by their id, and what one is called.
PART_LABELS = {"items": "punkt", "questions": "fråga"}


def kind(name: str) -> Kind:
    return REGISTRY[name]


def list_labels() -> dict[str, str]:
    """What one entry of each list in a content file is called, for messages that name an
    entry by its id: `films` → "film", `items` → "punkt"."""
    return {k.field: k.label for k in REGISTRY.values() if k.field} | PART_LABELS


def folders() -> dict[str, Kind]:
    """The content folders with one file an item, and the kind each holds."""
    return {k.folder: k for k in REGISTRY.values() if k.folder}


def with_pages() -> list[Kind]:
    """The kinds whose items have pages of their own."""
    return [k for k in REGISTRY.values() if k.url_folder]


def in_study_guide() -> list[Kind]:
    """The kinds a study guide session can name in its time plan."""
    return [k for k in REGISTRY.values() if k.anchor]


def unknown_slot(name: str) -> str:
    """The message when `name` is no local routine's slot, with the closest one."""
    close = difflib.get_close_matches(name, list(LOCAL_SLOTS), n=1)
    guess = f"Menade du '{close[0]}'? " if close else ""
    return (f"'{name}' är ingen lokal rutin. {guess}Skriv en av: {', '.join(LOCAL_SLOTS)}.")


def slots_asked_for(entries) -> set[str]:
    """The slots that some item asks for in `lokalt:` (`entries`: Library.entries())."""
    return {name for _, item, _, _ in entries for name in getattr(item, "lokalt", [])}


def storage_script() -> str:
    """The browser's part of the registry, as the script `storage.js` reads it."""
    attributes = {k.storage: list(k.attributes) for k in REGISTRY.values() if k.storage}
    return ("// Made from pratamedbarn/kinds.py by every build: the kinds of saved data and\n"
            "// the attributes that carry their ids. Do not edit.\n"
            f"window.pratamedbarnKinds = {json.dumps(attributes)};\n")
