"""Issue 19 in a real browser: the menu on every page at every width, search that finds,
buttons that say their state, and a print button on handouts."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from checkers import search
from helpers import REPO
from pratamedbarn.generate import read_config
from pratamedbarn.site_build import SiteBuild
from pratamedbarn.urls import page_url

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
WIDTHS = [1280, 1440, 390]


def _paths(entry) -> list[str]:
    # Every page URL (site-relative, "" for the start page) under one menu entry.
    if isinstance(entry, str):
        return [page_url(entry)]
    if isinstance(entry, list):
        return [p for e in entry for p in _paths(e)]
    (title, value), = entry.items()
    return _paths(value)


def _title(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return SiteBuild.load(REPO)


@pytest.fixture(scope="module")
def sections(build: SiteBuild) -> dict[str, set[str]]:
    """The top-level sections of the menu, each with the pages that count as reaching it."""
    nav = build.nav(read_config(REPO / "mkdocs.yml").get("nav") or [])
    return {_title(entry): set(_paths(entry)) for entry in nav}


@pytest.fixture(scope="module")
def pages(build: SiteBuild) -> list[str]:
    """One page of every template, and the hand-written pages."""
    templates = dict.fromkeys(p.template for p in build.pages if p.in_nav)
    return list(dict.fromkeys(
        [page_url(next(p.path for p in build.pages if p.template == template))
         for template in templates] + ["om-oss/", "tillganglighet/"]))


#: The links a learner can click now: scrolled to (scrolling is not a step), on screen, and
#: not covered by anything (a menu panel on top of another, the open menu over the page).
CLICKABLE_LINKS = """() => Array.from(document.querySelectorAll('a[href]')).filter(a => {
    if (getComputedStyle(a).visibility === 'hidden' || a.closest('[hidden]')) return false;
    if (!a.getClientRects().length) return false;
    a.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = a.getClientRects()[0];
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === a || a.contains(hit));
}).map(a => a.href)"""


TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _reached(page, base_url: str) -> set[str]:
    base = urlsplit(base_url).path
    found = set()
    for href in page.evaluate(CLICKABLE_LINKS):
        parts = urlsplit(href)
        if parts.netloc == urlsplit(base_url).netloc and parts.path.startswith(base):
            found.add(parts.path[len(base):])
    return found


def _missing(sections: dict[str, set[str]], reached: set[str]) -> list[str]:
    return [name for name, paths in sections.items() if not paths & reached]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_top_level_section_is_two_steps_or_fewer_from_every_page(browser, base_url, width,
                                                                       sections, pages):
    """Step one: a link on the page, or the menu button; step two: a link in the open menu."""
    assert len(sections) >= 8 and "Tillgänglighet" in sections and "Checklistor" in sections
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE")
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(base_url + path)
        # Material lays out the sidebars with its scripts, which run before the page's load
        # event: count links once the frames after it are drawn.
        page.evaluate(TWO_FRAMES)
        reached = _reached(page, base_url)
        menu = page.locator("label.md-header__button[for=__drawer]")
        if _missing(sections, reached) and menu.is_visible():
            menu.click()
            page.wait_for_timeout(300)
            reached |= _reached(page, base_url)
        if _missing(sections, reached):
            problems.append(f"{path or '/'} at {width} px: {', '.join(_missing(sections, reached))}")
    context.close()
    assert problems == []


def test_the_start_page_shows_the_menu_on_an_office_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    menu = page.locator(".md-sidebar--primary")
    assert menu.is_visible()
    assert menu.get_by_role("link", name="Tillgänglighet").is_visible()
    context.close()


# ---- Search ----

def _search(page, base_url: str, query: str) -> list[str]:
    search(page, base_url, query)
    results = page.locator(".md-search-result__item > a")
    base = urlsplit(base_url).path
    return [posixpath.normpath(urlsplit(href).path[len(base):]) + "/"
            for href in results.evaluate_all("els => els.map(e => e.href)")]


@pytest.mark.parametrize("case", QUERIES, ids=[case["query"] for case in QUERIES])
def test_a_learners_query_has_the_expected_first_result(page, base_url, case):
    if case["first"] is None:
        pytest.skip(f"{case['query']}: {case['why']}")
    results = _search(page, base_url, case["query"])
    assert results, f"{case['query']} finds nothing"
    assert results[0] == case["first"], results[:3]


def test_results_say_their_kind_and_never_show_fallback_text(page, base_url):
    _search(page, base_url, "tolk")
    first = page.locator(".md-search-result__item > a:first-child").first
    assert first.locator(".md-tag").all_inner_texts() == ["Film"]
    kinds = set(page.locator(".md-search-result__item > a:first-child .md-tag").all_inner_texts())
    assert {"Film", "Checklista", "Övning"} <= kinds
    text = page.locator(".md-search-result").inner_text()
    assert "Din webbläsare kan inte visa filmen" not in text
    assert "Mina anteckningar" not in page.locator(".md-search-result__item h1").all_inner_texts()


# ---- Buttons and print ----

@pytest.mark.parametrize("path", ["checklistor/tolk/", "ovningar/forsta-minuten/"])
def test_a_handout_has_a_print_button_that_prints(page, base_url, path):
    page.goto(base_url + path)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")
    button = page.get_by_role("button", name="Skriv ut")
    assert button.count() == 1
    button.click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert not button.is_visible()
    source = page.locator(".pmb-print-source")
    assert source.is_visible() and source.inner_text().endswith(path)


def test_a_film_page_has_no_print_button(page, base_url):
    page.goto(base_url + "filmer/samtal-med-tolk/")
    assert page.get_by_role("button", name="Skriv ut").count() == 0


BACKGROUND = "el => getComputedStyle(el).backgroundColor"


def test_a_tapped_button_does_not_stay_coloured_on_a_touch_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "filmer/samtal-med-tolk/")
    assert page.evaluate("matchMedia('(hover: hover)').matches") is False
    button = page.get_by_role("button", name="Jag har sett filmen")
    before = button.evaluate(BACKGROUND)
    undo = page.get_by_role("button", name="Sedd ✓")
    button.tap()
    undo.wait_for()
    page.get_by_role("button", name="Ångra: markera filmen som inte sedd").tap()
    button.wait_for()
    page.wait_for_timeout(400)  # Material's colour transition
    # Focused by the tap, and in the primary (not the accent) colour as before the tap.
    assert button.evaluate(BACKGROUND) == before
    assert button.evaluate("el => getComputedStyle(el).outlineStyle") == "none"
    context.close()


def test_the_keyboard_sees_a_focus_ring_on_buttons(page, base_url):
    page.goto(base_url + "filmer/samtal-med-tolk/")
    button = page.get_by_role("button", name="Jag har sett filmen")
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert button.evaluate("el => el === document.activeElement")
    assert button.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


def test_captions_are_larger_on_a_phone(browser, base_url):
    sizes = {}
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + "filmer/samtal-med-tolk/")
        sizes[width] = page.evaluate("""() => [...document.styleSheets].flatMap(s => {
            try { return [...s.cssRules]; } catch (e) { return []; } })
            .filter(r => r.media && matchMedia(r.media.mediaText).matches)
            .flatMap(r => [...r.cssRules]).filter(r => r.selectorText && r.selectorText.includes('::cue'))
            .map(r => r.style.fontSize)""")
        context.close()
    assert sizes[390] == ["1rem"] and sizes[1280] == []


def test_when_the_browser_saves_nothing_the_notice_suggests_saving_to_a_file(browser, base_url):
    context = browser.new_context()
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('nej', 'SecurityError'); };")
    page = context.new_page()
    page.goto(base_url + "checklistor/tolk/")
    notice = page.locator(".pmb-storage-notice")
    notice.wait_for()
    assert "Spara till fil" in notice.inner_text() and "Mina anteckningar" in notice.inner_text()
    context.close()
