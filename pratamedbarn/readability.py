"""Plain language, measured: the LIX of every learner-facing text of some length.

A text over the limit is a content error like any other: the content check, the build and
the tests agree on it, and the message says how to make the text plainer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import ContentProblem
from .yamlsource import YamlSource

#: Above this LIX a text counts as hard to read (LIX 40–50: "medelsvår", like news prose).
LIX_LIMIT = 45
#: Fields whose values a learner reads; ids, paths, numbers and citations are left out.
PROSE_FIELDS = {"title", "subtitle", "intro", "summary", "tips", "transcript", "text", "purpose",
                "case", "steps", "welcome", "idea", "how_alone", "how_group",
                "facilitator_intro", "ground_rules", "goal", "preparation", "activity",
                "questions", "key_messages", "pitfalls", "facts", "safety", "next_time",
                "example_answers", "label", "evaluation", "why", "heading",
                "points"}
#: A reference's title is a citation, written as published: only its note is ours.
PROSE_FIELDS_BY_FILE = {"references.yaml": {"note"}}
#: LIX needs a text of some length to mean anything: in a short line, two words such as
#: "vårdnadshavare" and "orosanmälan" alone would push it over the limit.
MIN_WORDS = 15

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence ends at a full stop, colon, question or exclamation mark (and any closing
# quote) followed by a space, as Björnsson counts them for LIX.
_SENTENCE_END = re.compile(r"[.:!?]+[\"”’)]*(?=\s|$)")


def plain(text: str) -> str:
    """Strip the Markdown that would distort word and sentence counts."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|]", " ", text)
    # A list item or a paragraph ends a sentence even without a full stop.
    text = re.sub(r"\n\s*(?:[-+]|\d+\.)\s+", ". ", text)
    return re.sub(r"\n{2,}", ". ", text)


def lix(text: str) -> float:
    """The LIX of a Markdown text: words a sentence, plus the share of words longer than six
    letters in per cent (Björnsson's läsbarhetsindex).

    Our own few lines: the formula is two counts, and textstat, which has it, takes a third
    of a second to import (an English pronunciation dictionary) on every build.
    """
    text = plain(text)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def _prose(node: object, fields: set[str], loc: tuple = (),
           in_prose: bool = False) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _prose(value, fields, loc + (key,), key in fields)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _prose(value, fields, loc + (i,), in_prose)
    elif in_prose and isinstance(node, str) and len(node.split()) >= MIN_WORDS:
        yield loc, node


def readability_problems(sources: dict[str, YamlSource]) -> list[ContentProblem]:
    """One problem for each learner-facing text whose LIX is above LIX_LIMIT."""
    problems = []
    for name, source in sorted(sources.items()):
        fields = PROSE_FIELDS_BY_FILE.get(name, PROSE_FIELDS)
        for loc, text in _prose(source.data, fields):
            score = lix(text)
            if score > LIX_LIMIT:
                problems.append(ContentProblem(name, source.line_of(loc), source.where(loc), (
                    f"texten är svårläst (LIX {score:.1f}, högst {LIX_LIMIT}). "
                    "Skriv kortare meningar och byt långa ord mot kortare.")))
    return problems
