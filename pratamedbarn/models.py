"""Typed models of every kind of content file, checked by pydantic.

Messages raised here are Swedish and say what to do; pydantic's own error
types are translated in `messages.py`.
"""

from __future__ import annotations

import functools
import hashlib
import re
import typing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .colours import AA_TEXT, contrast
from .readability import lix

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("pmb", message)


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise _fail(
            f"'{value}' är inget giltigt id. Använd bara små bokstäver a–z, siffror och "
            "bindestreck, utan å, ä, ö och mellanslag (till exempel 'forsta-minuten').")
    return value


def _https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise _fail(f"adressen '{value}' måste börja med https://. Skriv hela adressen.")
    return value


def _seconds(value: object) -> object:
    # YAML 1.1 reads an unquoted 3:20 as the sexagesimal number 200, which is
    # exactly the seconds we want; a quoted "3:20" or "1:03:20" is parsed here.
    if isinstance(value, str) and re.fullmatch(r"\d+(:[0-5]\d){1,2}", value.strip()):
        total = 0
        for part in value.strip().split(":"):
            total = total * 60 + int(part)
        return total
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"'{value}' är ingen tid. Skriv minuter och sekunder, till exempel 3:20.")
    return value


#: HTML as the HTML standard's tokenizer sees it: a tag, an end tag, a comment or declaration,
#: or a character reference. A < before a space or a digit ("barn < 3 år") is text.
_HTML = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _without_html(instead: str) -> AfterValidator:
    """A validator refusing HTML in a text field; `instead` says what to write."""

    def check(value: str) -> str:
        match = _HTML.search(value)
        if not match:
            return value
        if match[0].startswith("&"):
            raise _fail(f"'{match[0]}' är HTML, och HTML kan inte användas i innehållet. "
                        "Skriv tecknet självt, till exempel & eller ett citattecken.")
        end = value.find(">", match.start())
        piece = value[match.start():end + 1 if end != -1 else len(value)]
        piece = piece if len(piece) <= 40 else piece[:37] + "..."
        raise _fail(f"'{piece}' är HTML, och HTML kan inte användas i innehållet. {instead} "
                    "Vill du skriva tecknet <, sätt ett mellanslag efter det.")

    return AfterValidator(check)


def _media(value: str, info: ValidationInfo) -> str:
    docs_dir = (info.context or {}).get("docs_dir")
    if value.startswith(("/", "\\")) or ".." in Path(value).parts or "://" in value:
        raise _fail(f"'{value}' ska vara en sökväg inne i mappen docs/, till exempel "
                    "media/filmer/film.mp4.")
    if docs_dir is not None and not (Path(docs_dir) / value).is_file():
        raise _fail(f"filen docs/{value} finns inte. Kontrollera namnet eller lägg dit filen.")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: Text shown exactly as written: titles and names.
PlainText = Annotated[Text, _without_html(
    "Skriv bara vanlig text här: den visas precis som den står.")]
#: Text that may use the Markdown subset: emphasis, links and lists (see markdown.py).
MarkdownText = Annotated[Text, _without_html(
    "Skriv *kursiv*, **fetstil**, [länktext](https://adress) eller listor med '- ' i stället.")]
Slug = Annotated[Text, AfterValidator(_slug)]
HttpsUrl = Annotated[Text, AfterValidator(_https)]
# The schema for editors says what may be written: seconds, or "m:ss" / "h:mm:ss".
Seconds = Annotated[int, BeforeValidator(_seconds, json_schema_input_type=(
    Annotated[int, Field(ge=0)] | Annotated[str, StringConstraints(pattern=r"^\d+(:[0-5]\d){1,2}$")])),
    Field(ge=0)]
MediaPath = Annotated[Text, AfterValidator(_media)]
Minutes = Annotated[int, Field(gt=0, le=600)]
IdList = list[Slug]


def _day(value: object) -> object:
    # YAML reads 2026-11-20 as a date. Quoted, or a day that does not exist (2026-11-31,
    # which yamlsource keeps as text), it comes as text.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(f"'{value}' är inget datum. Skriv år-månad-dag, till exempel 2026-11-20.")


def _not_to_come(day: date) -> date:
    if day > date.today():
        raise _fail(f"dagen {day.isoformat()} har inte kommit än. Skriv dagen då granskningen "
                    "gjordes.")
    return day


#: The day of a review, written 2026-11-20: a day that has been.
ReviewDay = Annotated[date, BeforeValidator(_day), AfterValidator(_not_to_come)]


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose ids name items of another kind; `crossrefs` checks they exist."""

    kind: str


def refs(kind: str):
    """A list of ids of items of `kind` (a name in the registry, `kinds.py`)."""
    return Annotated[IdList, RefTo(kind)]


def ref(kind: str, optional: bool = False):
    """One id of an item of `kind`."""
    return Annotated[Slug | None if optional else Slug, RefTo(kind)]


#: The local routines a page asks for (`lokalt: [samrad, barnahus]`): slot names declared
#: in the registry (`kinds.LOCAL_SLOTS`); `crossrefs` checks that each one is declared.
Lokalt = IdList


def named_ids(obj, loc: tuple = ()):
    """Every id that `obj` (a model, or a list of them) gives for another item.

    Yields (kind, id, loc of the id), found through the RefTo marks on the fields.
    """
    if isinstance(obj, BaseModel):
        for name, target in _id_fields(type(obj)):
            value = getattr(obj, name)
            if target is None:
                yield from named_ids(value, loc + (name,))
            elif isinstance(value, list):
                yield from ((target, v, loc + (name, j)) for j, v in enumerate(value))
            elif value:
                yield target, value, loc + (name,)
    elif isinstance(obj, list):
        for j, value in enumerate(obj):
            yield from named_ids(value, loc + (j,))


@functools.cache
def _id_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    # The fields of `model` worth a look, each with the kind its ids name (None: a field
    # that may hold models). A walk into every text field cost a tenth of a build at 10×.
    fields = []
    for name, info in model.model_fields.items():
        target = next((m.kind for m in info.metadata if isinstance(m, RefTo)), None)
        if target is not None or _holds_models(info.annotation):
            fields.append((name, target))
    return tuple(fields)


def _holds_models(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in typing.get_args(annotation))


class Model(BaseModel):
    # Unknown keys are errors, so that a misspelt `titel:` is not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Model):
    """Anything with a stable id; old ids live on in `aliases`."""

    id: Slug
    aliases: IdList = []


class Review(Model):
    """An expert's review of an item (fackgranskning): the day, and the reviewer's role."""

    date: ReviewDay
    #: The reviewer's role, never a name: "legitimerad psykolog vid Barnahus".
    by: PlainText


class Theme(Item):
    title: PlainText
    intro: MarkdownText


class Chapter(Model):
    time: Seconds
    title: PlainText


class Source(Model):
    """Where a film plays from: exactly one of file, youtube, vimeo or embed."""

    file: MediaPath | None = None
    youtube: Annotated[Text, StringConstraints(pattern=r"^[A-Za-z0-9_-]{11}$")] | None = None
    vimeo: Annotated[Text, StringConstraints(pattern=r"^[0-9]{4,12}$")] | None = None
    embed: HttpsUrl | None = None
    poster: MediaPath

    @model_validator(mode="after")
    def _exactly_one(self) -> Source:
        given = [k for k in ("file", "youtube", "vimeo", "embed") if getattr(self, k)]
        if len(given) != 1:
            raise _fail("ange exakt en av file, youtube, vimeo eller embed "
                        f"(nu: {', '.join(given) or 'ingen'}).")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in ("file", "youtube", "vimeo", "embed") if getattr(self, k))


class Film(Item):
    title: PlainText
    theme: ref("theme")
    example: bool = False
    summary: MarkdownText
    tips: Annotated[list[MarkdownText], Field(min_length=1)]
    duration: Seconds
    source: Source
    captions: Annotated[str, AfterValidator(_media)] | None = None
    chapters: list[Chapter] = []
    transcript: MarkdownText
    checklists: refs("checklist") = []
    exercises: refs("exercise") = []
    references: refs("reference") = []
    lokalt: Lokalt = []
    #: The last expert review; None until an expert has reviewed it (`check` counts them).
    reviewed: Review | None = None

    @model_validator(mode="after")
    def _captions_for_own_files(self) -> Film:
        if self.source.file and not self.captions:
            raise _fail("en film som ligger på webbplatsen behöver textning: lägg till "
                        "captions med en WebVTT-fil på svenska.")
        return self


class Videos(Model):
    """videos.yaml: the themes, the films and the hosts films may be embedded from."""

    embed_hosts: list[Annotated[Text, StringConstraints(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]] = []
    themes: Annotated[list[Theme], Field(min_length=1)]
    films: Annotated[list[Film], Field(min_length=1)]


class ChecklistItem(Model):
    id: Slug
    text: MarkdownText


#: A pocket card holds this many points at most (A6, at least 10 pt).
CARD_POINTS = 6


class Checklist(Item):
    title: PlainText
    intro: MarkdownText
    items: Annotated[list[ChecklistItem], Field(min_length=1)]
    #: The items on the checklist's pocket card, by id; without it, the first six.
    card: Annotated[list[Slug], Field(max_length=CARD_POINTS)] = []
    lokalt: Lokalt = []
    #: The last expert review; None until an expert has reviewed it (`check` counts them).
    reviewed: Review | None = None

    @model_validator(mode="after")
    def _card_items_exist(self) -> Checklist:
        unknown = [i for i in self.card if i not in {item.id for item in self.items}]
        if unknown:
            raise _fail(f"card nämner {', '.join(unknown)}, som inte finns under items. "
                        "Skriv id:n för punkter i den här checklistan.")
        return self

    def card_items(self) -> list[ChecklistItem]:
        """The points the pocket card prints."""
        if not self.card:
            return self.items[:CARD_POINTS]
        by_id = {item.id: item for item in self.items}
        return [by_id[i] for i in self.card]


class Question(Model):
    id: Slug
    text: MarkdownText


class ShortVariant(Model):
    """A shorter way to run an exercise, for a time plan with less time."""

    minutes: Minutes
    text: MarkdownText


class Writing(Model):
    """Room to write one task of an exercise: printed in the guide, a notes field on the site."""

    #: The key of the learner's note on the site, like a question's id.
    id: Slug
    #: What to write here: "Dina fem meningar".
    label: PlainText
    #: How the guide prints it: ruled lines, an empty box, numbered lines or a timeline.
    space: Literal["lines", "box", "list", "timeline"] = "lines"
    #: Lines (or numbered lines) to print; for a box, its height in lines.
    rows: Annotated[int, Field(ge=1, le=12)] = 4


class Variant(Model):
    """How an exercise is done alone (`solo`) or in a group (`group`): its own time and steps."""

    minutes: Minutes
    steps: Annotated[list[MarkdownText], Field(min_length=1)]


class Exercise(Item):
    title: PlainText
    formats: Annotated[list[Literal["individual", "group"]], Field(min_length=1)]
    minutes: Minutes
    short_variant: ShortVariant | None = None
    purpose: MarkdownText
    case: MarkdownText | None = None
    steps: Annotated[list[MarkdownText], Field(min_length=1)]
    #: Optional: the exercise written to one learner ("du"), and for a group ("ni").
    #: Without them the page shows `steps` and `minutes`, as before.
    solo: Variant | None = None
    group: Variant | None = None
    questions: Annotated[list[Question], Field(min_length=1)]
    #: Room to write the tasks the steps ask for (the guide prints it after the steps).
    writing: list[Writing] = []
    #: Ways to answer, for the facilitator and for a learner who wants to compare.
    example_answers: list[MarkdownText] = []
    references: refs("reference") = []
    lokalt: Lokalt = []
    #: The last expert review; None until an expert has reviewed it (`check` counts them).
    reviewed: Review | None = None

    @property
    def minutes_in_guide(self) -> int:
        """The minutes of the exercise as the study guide prints it: for a group."""
        return (self.group or self).minutes

    @model_validator(mode="after")
    def _variants_match_formats(self) -> Exercise:
        if self.solo and "individual" not in self.formats:
            raise _fail("övningen har en solo-version men formats saknar individual. "
                        "Lägg till individual i formats eller ta bort solo.")
        if self.group and "group" not in self.formats:
            raise _fail("övningen har en gruppversion men formats saknar group. "
                        "Lägg till group i formats eller ta bort group.")
        return self

    def variants(self) -> list[tuple[str, Variant]]:
        """("solo" | "group", variant) in the order a page shows them: alone first."""
        return [(name, v) for name, v in (("solo", self.solo), ("group", self.group)) if v]


class Reference(Item):
    kind: Literal["law", "research", "guidance"]
    authors: PlainText
    year: Annotated[int, Field(ge=1900, le=2100)]
    title: PlainText
    publisher: PlainText | None = None
    url: HttpsUrl | None = None
    note: MarkdownText | None = None


class References(Model):
    references: Annotated[list[Reference], Field(min_length=1)]


class FactBox(Model):
    title: PlainText
    text: MarkdownText
    references: refs("reference") = []


def _email(value: str) -> str:
    if value and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value, re.I):
        raise _fail(f"'{value}' är ingen e-postadress. Skriv till exempel info@exempel.se.")
    return value


def _channel(value: str) -> str:
    # Where a learner sends feedback: a web form (https://...) or an e-mail address.
    if value and "@" in value and "://" not in value:
        return _email(value)
    return _https(value) if value else value


def _optional_media(value: str, info: ValidationInfo) -> str:
    return _media(value, info) if value else value


#: A setting the publisher fills in; empty ("") until then: `check` warns, a production
#: build (PMB_PRODUCTION=1) stops (see `Publisher.missing`).
Setting = Annotated[str, StringConstraints(strip_whitespace=True), _without_html(
    "Skriv bara vanlig text här: den visas precis som den står.")]


class Publisher(Model):
    """Who publishes the site: the footer of every page and the accessibility statement."""

    name: Setting = ""
    email: Annotated[Setting, AfterValidator(_email)] = ""
    phone: Setting = ""
    responsible: Setting = ""
    feedback: Annotated[Setting, AfterValidator(_channel)] = ""
    logo: Annotated[Setting, AfterValidator(_optional_media)] = ""
    #: What the logo shows, for a screen reader: usually the organisation's name.
    logo_alt: Setting = ""
    #: Where staff get support after hard talks: printed in the study guide.
    support: Setting = ""

    def missing(self) -> list[str]:
        """The settings still empty, as `publisher.name`; the logo's text only with a logo."""
        return [f"publisher.{name}" for name in type(self).model_fields
                if not getattr(self, name) and (name != "logo_alt" or self.logo)]

    def feedback_url(self) -> str:
        """The feedback channel as a link address (mailto: for an e-mail address)."""
        value = self.feedback
        return f"mailto:{value}" if value and "://" not in value else value


#: A group of search words that mean the same to a learner; a page that has one of them
#: is found by every one of them.
SynonymGroup = Annotated[list[Annotated[Text, StringConstraints(to_lower=True)]],
                         Field(min_length=2)]


def _pass_percent(value: int) -> int:
    # Under half right says little when a question has two to five answers.
    if not 50 <= value <= 100:
        raise _fail(f"{value} går inte: skriv hur många procent av frågorna som ska vara rätt, "
                    "ett heltal från 50 till 100, till exempel 75.")
    return value


class CertificateSettings(Model):
    """What the course certificate (Kursintyg) asks of the learner."""

    #: A self-check counts as passed with at least this share of its questions right on the
    #: learner's first answers, in percent.
    pass_percent: Annotated[int, AfterValidator(_pass_percent)] = 75


class Site(Model):
    """site.yaml: the texts of the start page, the publisher, the certificate's pass mark
    and the search words."""

    welcome: MarkdownText
    idea: MarkdownText
    how_alone: MarkdownText
    how_group: MarkdownText
    fact_box: FactBox
    #: "Hur trygg känner du dig?": the statements the learner rates from 1 to 5.
    confidence: Annotated[list[PlainText], Field(min_length=5, max_length=6)]
    publisher: Publisher = Publisher()
    certificate: CertificateSettings = CertificateSettings()
    synonyms: list[SynonymGroup] = []


def _accent(value: str) -> str:
    # The accent colours the header and the primary buttons, with white text on it, in the
    # light and the dark palette alike; on the light page it is also the buttons' text.
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise _fail(f"'{value}' är ingen färg. Skriv den som #rrggbb, till exempel '#1d4f6e', "
                    "med citattecken runt.")
    ratio = contrast(value, "#ffffff")
    if ratio < AA_TEXT:
        raise _fail(f"färgen {value} har kontrasten {ratio:.1f}:1 mot vit text, men texten i "
                    f"sidhuvudet och på knapparna behöver minst {AA_TEXT}:1 i både ljust och "
                    "mörkt läge. Välj en mörkare färg.")
    return value.lower()


def _empty_slot(value: object) -> object:
    # `samrad:` with nothing after it is an empty slot, as is "".
    return "" if value is None else value


#: A local routine: short Markdown with contact details, or empty (the generic advice shows).
RoutineText = Annotated[str, BeforeValidator(_empty_slot), StringConstraints(
    strip_whitespace=True), _without_html(
    "Skriv *kursiv*, **fetstil**, [länktext](https://adress) eller listor med '- ' i stället.")]


class Edition(Model):
    """utgavor/<id>.yaml: one publisher's edition of the course, with its own sender and its
    own local routines; everything else comes from the shared content."""

    #: The edition's published address: its QR codes, links and feed point here.
    site_url: HttpsUrl
    publisher: Publisher
    #: The header's and buttons' colour (#rrggbb), checked for contrast; none: the site's own.
    accent: Annotated[str, AfterValidator(_accent)] | None = None
    #: false: the workflows never publish it (the example edition).
    publish: bool = True
    #: Slot name (kinds.LOCAL_SLOTS) → the routine's text; a slot left out or empty gives
    #: the generic advice. The slot names are checked against the registry in `editions.py`.
    routines: dict[Slug, RoutineText] = {}


class PlanStep(Model):
    minutes: Minutes
    activity: MarkdownText
    #: A break: a session of two hours or more has one.
    pause: bool = False
    #: What the facilitator asks the group after the step, above all after a film.
    questions: list[MarkdownText] = []
    #: Show the group's ground rules (ground_rules) with the step, on the session page and
    #: the big screen: the step where the facilitator goes through them.
    ground_rules: bool = False
    film: ref("film", optional=True) = None
    exercise: ref("exercise", optional=True) = None
    checklist: ref("checklist", optional=True) = None

    @model_validator(mode="after")
    def _at_most_one(self) -> PlanStep:
        given = [k for k in ("film", "exercise", "checklist") if getattr(self, k)]
        if len(given) > 1:
            raise _fail(f"ett steg kan peka på en sak, inte flera (nu: {', '.join(given)}). "
                        "Dela upp det i två steg.")
        return self


#: The pictograms a part of a page for the child may show beside its heading: drawn for the
#: site, one file each in docs/assets/images/ikoner/<name>.svg.
HandoutIcon = Literal["person", "prata", "stopp", "skriva", "framat", "telefon", "hjarta"]


class HandoutPart(Model):
    heading: PlainText
    text: MarkdownText
    #: A picture beside the heading, for a child who reads little (decorative: no alt text).
    icon: HandoutIcon | None = None


class QuizOption(Model):
    """One answer to a self-check question, with why it is or is not the best one."""

    text: MarkdownText
    correct: bool = False
    why: MarkdownText
    #: Where the point is made: a film or a checklist (one of them).
    film: ref("film", optional=True) = None
    checklist: ref("checklist", optional=True) = None

    @property
    def key(self) -> str:
        """What the learner's browser saves for this answer: made from its text, so that the
        answers may change places and a saved choice still means the same answer."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:8]

    @model_validator(mode="after")
    def _one_source(self) -> QuizOption:
        if bool(self.film) == bool(self.checklist):
            raise _fail("ett svar pekar på en film (film:) eller en checklista (checklist:) "
                        "där det står varför, men inte på båda.")
        return self


class QuizQuestion(Model):
    id: Slug
    #: A situation in a talk with a child: "Barnet säger … Vad gör du?"
    text: MarkdownText
    options: Annotated[list[QuizOption], Field(min_length=2, max_length=5)]

    @model_validator(mode="after")
    def _one_best_answer(self) -> QuizQuestion:
        right = sum(option.correct for option in self.options)
        if right != 1:
            raise _fail(f"frågan har {right} rätta svar. Skriv correct: true vid precis ett "
                        "svar, det bästa.")
        if len({option.key for option in self.options}) < len(self.options):
            raise _fail("två svar har samma text. Skriv om det ena eller ta bort det.")
        return self

    @property
    def best(self) -> int:
        """The place of the best answer among the options: 0 for the first."""
        return next(i for i, option in enumerate(self.options) if option.correct)


class Quiz(Item):
    """The self-check questions (Testa dig själv) of one theme."""

    #: The menu's name for it: usually the theme's title.
    title: PlainText
    theme: ref("theme")
    questions: Annotated[list[QuizQuestion], Field(min_length=4, max_length=8)]
    #: The last expert review; None until an expert has reviewed it (`check` counts them).
    reviewed: Review | None = None

    def answer_key(self) -> str:
        """ "question-id:key …", key the best answer's (QuizOption.key): what the scores count."""
        return " ".join(f"{q.id}:{q.options[q.best].key}" for q in self.questions)


#: Easy Swedish (lättläst) for a child: a handout's LIX is at most this.
HANDOUT_LIX = 30


class Handout(Item):
    """A page for the child, in easy Swedish, printed on one A4 page and given at the talk."""

    title: PlainText
    #: Who it is for, as the child reads it: "För dig som är 7 till 12 år".
    audience: PlainText
    parts: Annotated[list[HandoutPart], Field(min_length=1, max_length=8)]
    #: Films whose pages link to it.
    films: refs("film") = []

    @field_validator("parts")
    @classmethod
    def _easy_to_read(cls, parts: list[HandoutPart]) -> list[HandoutPart]:
        value = lix("\n\n".join(f"{p.heading}.\n\n{p.text}" for p in parts))
        if value > HANDOUT_LIX:
            raise _fail(f"texten har LIX {value:.0f}, men en text till barn ska ha högst "
                        f"{HANDOUT_LIX}. Skriv kortare meningar och byt långa ord mot korta.")
        return parts


#: A session this long or longer needs a break in its plan.
BREAK_AFTER_MINUTES = 120


class Session(Item):
    title: PlainText
    minutes: Minutes
    goal: MarkdownText
    preparation: MarkdownText | None = None
    #: What to bring and book: printed as a list under the preparation.
    materials: Annotated[list[PlainText], Field(min_length=1)]
    plan: Annotated[list[PlanStep], Field(min_length=1)]
    #: The facilitator's notes: what the group should leave with, and what often goes wrong.
    key_messages: Annotated[list[MarkdownText], Field(min_length=1)]
    pitfalls: Annotated[list[MarkdownText], Field(min_length=1)]
    #: Facts the facilitator presents (law, research), printed so nobody needs the web.
    facts: MarkdownText | None = None
    facts_references: refs("reference") = []
    #: Care for the group when the topic is heavy (violence, abuse), or the rules of a role play.
    safety: MarkdownText | None = None
    #: Sheets at the back of the guide the session uses: `utvardering` (the evaluation, a copy
    #: for everyone) and `hos-oss` (the local-routines sheet the group fills in).
    sheets: list[Literal["utvardering", "hos-oss"]] = []
    #: The box that ends the session: what to try or prepare before the next one.
    next_time: MarkdownText
    lokalt: Lokalt = []

    @model_validator(mode="after")
    def _plan_fits(self) -> Session:
        total = sum(step.minutes for step in self.plan)
        if total != self.minutes:
            raise _fail(f"tidsplanen blir {total} minuter men träffen är {self.minutes} "
                        "minuter. Ändra minuterna så att de stämmer.")
        if self.minutes >= BREAK_AFTER_MINUTES and not any(s.pause for s in self.plan):
            raise _fail(f"en träff på {self.minutes} minuter behöver en paus. Lägg till ett "
                        "steg med pause: true i tidsplanen.")
        for step in self.plan:
            if step.film and not 2 <= len(step.questions) <= 3:
                raise _fail(f"steget med filmen '{step.film}' behöver 2–3 samtalsfrågor under "
                            "questions, som samtalsledaren ställer efter filmen.")
        return self


class PocketCard(Model):
    """A pocket card of its own, beside the checklists' cards: a heading and a few points."""

    title: PlainText
    points: Annotated[list[MarkdownText], Field(min_length=1, max_length=CARD_POINTS)]


class SafetyNote(Model):
    """One hard moment in a group and what the facilitator does: a heading and the advice."""

    title: PlainText
    text: MarkdownText


class StudyGuide(Model):
    """study_guide.yaml: the printed guide's introduction and its sessions in order."""

    title: PlainText
    subtitle: PlainText | None = None
    facilitator_intro: MarkdownText
    ground_rules: Annotated[list[MarkdownText], Field(min_length=1)]
    #: When the talk gets hard: identifiable clients, an upset participant, role-play.
    safety: Annotated[list[SafetyNote], Field(min_length=1)]
    sessions: Annotated[list[Session], Field(min_length=1)]
    #: Pocket cards beside the checklists': the ground rules of a talk, the first questions.
    pocket_cards: list[PocketCard] = []
    #: The appendix's evaluation form: its questions. (The "Så gör vi hos oss" sheet prints
    #: the registry's local routines, `kinds.LOCAL_SLOTS`, filled from an edition.)
    evaluation: Annotated[list[PlainText], Field(min_length=1)]
