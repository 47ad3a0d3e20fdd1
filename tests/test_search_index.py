"""pratamedbarn.search.lead_with_first_section: a film's search entry leads with its summary."""

from __future__ import annotations

import json
from pathlib import Path

from pratamedbarn.search import lead_with_first_section


def test_a_page_with_no_text_of_its_own_takes_its_first_sections():
    docs = [{"location": "filmer/a/", "title": "Fråga?", "text": ""},
            {"location": "filmer/a/#kort-om-filmen", "title": "Kort om filmen",
             "text": "<p>Sammanfattning</p>"},
            {"location": "filmer/a/#rad", "title": "Råd", "text": "<p>Råd</p>"},
            {"location": "om/", "title": "Om", "text": "<p>Om oss</p>"},
            {"location": "om/#mer", "title": "Mer", "text": "<p>Mer</p>"}]
    assert [(d["location"], d["text"]) for d in lead_with_first_section(docs)] == [
        ("filmer/a/", "<p>Sammanfattning</p>"), ("filmer/a/#rad", "<p>Råd</p>"),
        ("om/", "<p>Om oss</p>"), ("om/#mer", "<p>Mer</p>")]


def test_no_film_entry_in_the_built_index_shows_the_download_line(shipped_site: Path):
    index = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    films = [d for d in index["docs"] if d["location"].startswith("filmer/")]
    assert films and not [d["location"] for d in films if "Ladda ner filmen" in d["text"]
                          or "Tema:" in d["text"]]
    assert not [d for d in films if "#kort-om-filmen" in d["location"]]
