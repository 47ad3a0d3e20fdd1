"""The site's sender: the publisher settings in site.yaml, filled into the hand-written pages,
and the check that stops a production build while any of them is empty.

Hand-written pages name a setting as `{{ publisher.email }}`; `fill` writes its value in (an
address as a link), or a visible "[FYLL I: …]" while it is empty. Both engines get the same
text: `SiteBuild.finished_markdown` calls it for every page.
"""

from __future__ import annotations

import os
import re

from .editions import LoadedEdition
from .errors import ContentError, ContentProblem
from .library import Library
from .models import Publisher

#: Set by the publishing workflows (CI on main): every publisher setting must be filled in.
PRODUCTION_ENV = "PMB_PRODUCTION"
SITE_FILE = "site.yaml"
_MARK = re.compile(r"\{\{\s*publisher\.(\w+)\s*\}\}")

#: What each setting is, for the editor reading a warning.
DESCRIPTIONS = {
    "name": "organisationens namn",
    "email": "e-postadress för frågor och tillgänglighet",
    "phone": "telefonnummer",
    "responsible": "vem som ansvarar för webbplatsen, till exempel en roll",
    "feedback": "var man lämnar synpunkter: en e-postadress eller ett formulär (https://)",
    "logo": "logotypen, en bildfil under docs/, till exempel media/logotyp.svg",
    "logo_alt": "vad logotypen visar, oftast organisationens namn",
    "support": "var medarbetare får stöd efter svåra samtal, till exempel företagshälsovården",
}


def production() -> bool:
    """Whether this build is the one that gets published (PMB_PRODUCTION=1)."""
    return os.environ.get(PRODUCTION_ENV, "").strip() not in ("", "0", "false", "no")


def placeholder(setting: str, file: str = SITE_FILE) -> str:
    return f"[FYLL I: {setting} i {file}]"


def sender(library: Library, edition: LoadedEdition | None = None) -> tuple[Publisher, str]:
    """Who publishes this build, and the file that says so: the edition's, or site.yaml's."""
    if edition:
        return edition.edition.publisher, edition.file
    return library.site.publisher, SITE_FILE


def missing_problems(library: Library, edition: LoadedEdition | None = None
                     ) -> list[ContentProblem]:
    """One problem for each empty publisher setting, naming it and what to write."""
    publisher, file = sender(library, edition)
    source = edition.source if edition else library.sources.get(SITE_FILE)
    return [ContentProblem(file, source.line_of(tuple(setting.split("."))) if source else 1,
                           setting, (
        f"fyll i {DESCRIPTIONS[setting.split('.')[1]]}. Webbplatsen publiceras inte förrän "
        "alla uppgifter om utgivaren är ifyllda."))
        for setting in publisher.missing()]


def check_for_production(library: Library, edition: LoadedEdition | None = None) -> None:
    """Raise ContentError naming every empty setting, when this is a production build."""
    if production():
        problems = missing_problems(library, edition)
        if problems:
            raise ContentError(problems)


def _value(publisher: Publisher, name: str, file: str) -> str:
    value = getattr(publisher, name)
    if not value:
        return f"**{placeholder('publisher.' + name, file)}**"
    if name == "email":
        return f"[{value}](mailto:{value})"
    if name == "feedback":
        return f"[{value}]({publisher.feedback_url()})"
    return value


def fill(markdown: str, publisher: Publisher, uri: str, file: str = SITE_FILE) -> str:
    """`markdown` with every `{{ publisher.x }}` replaced; an unknown name is an error.
    `file` is where the publisher is written: an empty setting's placeholder names it."""
    unknown = sorted({m[1] for m in _MARK.finditer(markdown)} - set(DESCRIPTIONS))
    if unknown:
        raise ContentError([ContentProblem(f"docs/{uri}", 1, "", (
            f"{{{{ publisher.{name} }}}} finns inte. Använd en av: "
            + ", ".join(f"publisher.{n}" for n in DESCRIPTIONS) + ".")) for name in unknown])
    return _MARK.sub(lambda m: _value(publisher, m[1], file), markdown)


def theme_settings(publisher: Publisher, file: str = SITE_FILE) -> dict:
    """The publisher as the footer template reads it (`config.extra.publisher`)."""
    return {**publisher.model_dump(), "feedback_url": publisher.feedback_url(),
            "placeholder": placeholder("publisher.name", file)}
