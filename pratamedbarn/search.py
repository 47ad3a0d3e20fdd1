"""Search words editors choose: the synonym groups of site.yaml, added to the built index.

Material's search (lunr) turns every term a learner types into a prefix: "våld" finds
"våld", "våldet" and "våldsutsatt". It never stems a prefix term, so a learner's word that is
longer than the page's ("våldet" on a page that says "våld") finds nothing, and it cannot
know that "orosanmälan" means the pages about "anmälan".

Each group in `synonyms:` lists words that mean the same to a learner. A section of a page
that has one of them (or a longer word that starts with it: "tolk" → "tolken") gets all of
them, with the common Swedish endings ("våld" → "våldet", "tonåring" → "tonåringar"), in a
field of its own, `keywords`. Material's search indexes every field its index configuration
names and shows only title, text and tags: the words help a page be found and never show.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search") / "search_index.json"
FIELD = "keywords"
#: Weaker than the words the page itself has (text: 1, title: 1000 in Material): a page that
#: says "sekretess" comes before one that only says "tystnadsplikt".
BOOST = 0.2
_TAGS = re.compile(r"<[^>]+>")


def _pattern(group: list[str]) -> re.Pattern[str]:
    """Any phrase of `group` in a text: each of its words starts a word of the text, and a
    phrase of several words ("små barn") matches those words in a row."""
    phrases = (r"\w*\W+".join(map(re.escape, phrase.lower().split())) for phrase in group)
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + ")")


#: Swedish endings of nouns (definite, plural, genitive) added to a synonym's last word.
ENDINGS = ("en", "et", "n", "t", "s", "ar", "er", "or", "na", "arna", "erna", "orna",
           "ens", "ets", "ns", "arnas", "ernas")


def forms(phrase: str) -> list[str]:
    """`phrase` and its forms with the common endings on its last word."""
    return [phrase] + [phrase + ending for ending in ENDINGS]


def keywords(title: str, text: str, synonyms: list[list[str]]) -> list[str]:
    """The words a section gets: every word of each group it mentions, with their forms."""
    return _keywords(_plain(title, text), [(group, _pattern(group)) for group in synonyms])


def _plain(title: str, text: str) -> str:
    return _TAGS.sub(" ", f"{title} {text}").lower()


def _keywords(text: str, groups: list[tuple[list[str], re.Pattern[str]]]) -> list[str]:
    found: dict[str, None] = {}
    for group, pattern in groups:
        if pattern.search(text):
            found |= dict.fromkeys(form for phrase in group for form in forms(phrase))
    return list(found)


def lead_with_first_section(docs: list[dict]) -> list[dict]:
    """`docs` (Material's index entries, a page's sections after it) where a page whose own
    text is all left out of search (data-search-exclude: a film's theme and download lines)
    takes its first section's text. A result then starts with the page's title and what it
    is about (a film's question and summary), and that section is not listed twice."""
    kept: list[dict] = []
    for doc in docs:
        page = kept[-1] if kept else None
        if (page is not None and "#" not in page["location"] and not page.get("text", "").strip()
                and doc["location"].startswith(page["location"] + "#")):
            page["text"] = doc.get("text", "")
            continue
        kept.append(doc)
    return kept


def refine_index(site_dir: Path, synonyms: list[list[str]]) -> bool:
    """Add the synonyms to the built index of Material's search, and let pages with no text
    of their own lead with their first section's; False if there is no index."""
    path = site_dir / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    index.setdefault("config", {}).setdefault("fields", {}).setdefault(FIELD, {"boost": BOOST})
    groups = [(group, _pattern(group)) for group in synonyms]
    index["docs"] = lead_with_first_section(index.get("docs", []))
    for doc in index["docs"]:
        extra = _keywords(_plain(doc.get("title", ""), doc.get("text", "")), groups)
        if extra:
            doc[FIELD] = " ".join(extra)
        else:
            doc.pop(FIELD, None)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return True
