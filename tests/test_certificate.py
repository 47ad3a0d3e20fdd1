"""The certificate page's facts from the content: the issuer, the course's length and the
pass mark of the self-checks (site.yaml's `certificate.pass_percent`)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pratamedbarn.library import load_library
from pratamedbarn.pages import build_pages, site_pages
from pratamedbarn.urls import CERTIFICATE_PATH
from pratamedbarn.wording import about_hours


def _certificate(library) -> BeautifulSoup:
    pages = [p for p in site_pages(library) if p.path == CERTIFICATE_PATH]
    return BeautifulSoup(build_pages(library, pages)[CERTIFICATE_PATH], "html.parser")


@pytest.mark.parametrize("minutes, says", [(400, "cirka 6,5 timmar"), (420, "cirka 7 timmar"),
                                           (65, "cirka 1 timme"), (10, "cirka 0,5 timmar")])
def test_a_course_length_reads_to_the_half_hour(minutes, says):
    assert about_hours(minutes) == says


def test_the_certificate_names_the_publisher_the_length_and_the_pass_mark(fixture_library):
    box = _certificate(fixture_library).find(attrs={"data-certificate": True})
    assert box["data-issuer"] == fixture_library.site.publisher.name
    minutes = (sum(f.duration for f in fixture_library.films.values()) / 60
               + sum((e.solo or e).minutes for e in fixture_library.exercises.values()))
    assert box["data-length"] == about_hours(round(minutes))
    assert box["data-pass"] == "75"


def test_an_empty_publisher_shows_what_to_fill_in(shipped_library):
    box = _certificate(shipped_library).find(attrs={"data-certificate": True})
    assert box["data-issuer"] == (shipped_library.site.publisher.name
                                  or "[FYLL I: publisher.name i site.yaml]")


def test_the_pass_mark_is_a_setting_in_site_yaml(content):
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "synonyms:", "certificate:\n  pass_percent: 90\nsynonyms:"), encoding="utf-8")
    page = _certificate(load_library(content))
    assert page.find(attrs={"data-certificate": True})["data-pass"] == "90"
    assert "minst 90 procent rätt" in page.get_text()
