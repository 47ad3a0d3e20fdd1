"""Issue 29's small things, on the phone and the office PC: every Tab stop can be seen,
"Tillbaka till toppen" never covers the text being written, and the search field's
placeholder reads well in the dark palette."""

from __future__ import annotations

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PC = {"viewport": {"width": 1280, "height": 800}}
PAGES = ["filmer/samtal-med-tolk/", "ovningar/forsta-minuten/", ""]

#: Where the focus is, and whether a person can see it: on screen, not see-through, with a
#: ring. A visually hidden option (the palette switch) shows its focus on its label; a film's
#: own controls draw theirs inside the player, so the player must be on screen.
FOCUS = """() => {
    let el = document.activeElement;
    if (el.matches("input.md-option")) el = el.nextElementSibling;  // its label, shown
    const box = el.getBoundingClientRect();
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const style = getComputedStyle(el);
    const ring = el.tagName === 'VIDEO' ||
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none';
    return {what: `${el.tagName}.${el.className} ${(el.getAttribute('aria-label') ||
                   el.textContent).trim().slice(0, 30)}`,
            seen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 &&
                  box.left < innerWidth && box.top < innerHeight &&
                  style.visibility === 'visible' && opacity > 0.5,
            ring};
}"""


#: Wait until the skip link, the search and the menu have run their transitions and the
#: phone's search has let the page scroll again (two seconds at most: a page may animate).
SETTLE = """async () => {
    const end = performance.now() + 2000;
    const busy = () => document.body.hasAttribute('data-md-scrolllock') ||
        document.getAnimations().some(a => a.playState === 'running' &&
                                           a instanceof CSSTransition);
    while (busy() && performance.now() < end)
        await new Promise(done => requestAnimationFrame(done));
}"""


@pytest.mark.parametrize("device", [PHONE, PC], ids=["phone", "pc"])
def test_each_of_the_first_tab_stops_can_be_seen(browser, base_url, device):
    context = browser.new_context(locale="sv-SE", **device)
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(base_url + path)
        for stop in range(1, 13):
            page.keyboard.press("Tab")
            page.wait_for_timeout(150)  # Material reacts to the focus (opens the search) first
            page.evaluate(SETTLE)
            page.wait_for_timeout(100)
            focus = page.evaluate(FOCUS)
            if not (focus["seen"] and focus["ring"]):
                problems.append(f"/{path} stop {stop}: {focus}")
    context.close()
    assert problems == []


SHOWN = """el => !el.hidden && getComputedStyle(el).display !== 'none' &&
    Number(getComputedStyle(el).opacity) > 0"""
TOP_SHOWN = f"() => ({SHOWN})(document.querySelector('.md-top'))"
SCROLL_UP = """async () => {
    const pause = () => new Promise(done => setTimeout(done, 150));
    window.scrollBy(0, 900); await pause();
    window.scrollBy(0, -200); await pause();
    window.scrollBy(0, -200); await pause();
}"""


def test_back_to_top_stays_away_while_the_learner_writes_on_a_phone(browser, base_url):
    context = browser.new_context(locale="sv-SE", **PHONE)
    page = context.new_page()
    page.goto(base_url + "ovningar/forsta-minuten/")
    top = page.locator(".md-top")
    # Scrolling up shows the button (Material's navigation.top) ...
    page.evaluate(SCROLL_UP)
    page.wait_for_function(TOP_SHOWN)
    # ... but not while a note is being written.
    field = page.locator("textarea").nth(1)
    field.tap()
    field.type("Barnet tittade ner")
    page.evaluate(SCROLL_UP)
    page.wait_for_timeout(500)
    assert not top.evaluate(SHOWN)
    field.evaluate("el => el.blur()")
    page.evaluate(SCROLL_UP)
    page.wait_for_function(TOP_SHOWN)
    context.close()


CONTRAST = """() => {
    const input = document.querySelector('.md-search__input');
    const parse = c => c.match(/[\\d.]+/g).map(Number);
    const [r, g, b, a = 1] = parse(getComputedStyle(input, '::placeholder').color);
    let e = input, bg;
    while (e && (bg = parse(getComputedStyle(e).backgroundColor))[3] === 0) e = e.parentElement;
    const lum = ([r, g, b]) => [r, g, b].map(c => (c /= 255) <= 0.03928 ? c / 12.92 :
        ((c + 0.055) / 1.055) ** 2.4).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    const seen = [r, g, b].map((c, i) => a * c + (1 - a) * bg[i]);  // as the screen shows it
    const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
    return {alpha: a, contrast: (hi + 0.05) / (lo + 0.05)};
}"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_search_placeholder_has_enough_contrast_on_a_phone(browser, base_url, scheme):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme, **PHONE)
    page = context.new_page()
    page.goto(base_url)
    page.locator("label[for=__search]").first.tap()
    page.locator(".md-search__input").wait_for()
    found = page.evaluate(CONTRAST)
    # A see-through colour reads differently to each checker (the issue measured 4.06:1
    # where the dark palette's 56 % white was laid on black): the dark one is solid.
    if scheme == "dark":
        assert found["alpha"] == 1
    assert found["contrast"] >= 4.5, found
    context.close()
