"""Every page in a real Chromium: accessibility (axe), weight, requests, console, keyboard.

The site is served with gzip from 127.0.0.1, as a CDN would serve it.
"""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, site_pages

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
KIB = 1024
# Content pages, and the search page (which needs Sphinx's search scripts).
BUDGET = {"default": (100 * KIB, 10), "search.html": (110 * KIB, 14)}

# The pages are known before the build: the section pages, search, one per refs.bib entry.
PAGES = sorted(
    [
        "index.html", "education.html", "research-interests.html", "research-experience.html",
        "industry-experience.html", "publications.html", "skills.html", "search.html",
        *(f"publications/{line.split('{', 1)[1].rstrip(',')}.html"
          for line in (REPO / "refs.bib").read_text(encoding="utf-8").splitlines()
          if line.startswith("@")),
    ]
)  # fmt: skip
# Every paper page is one prototype with another entry in it (cvsite/papers/paper_pages.py):
# the costly checks (axe in four modes, the keyboard walk, Lighthouse) take every other page
# and the first and last paper pages; the cheap ones (weight, requests, glyphs) take them all.
PAPER_PAGES = [name for name in PAGES if name.startswith("publications/")]
CHECKED = sorted({*(name for name in PAGES if name not in PAPER_PAGES), PAPER_PAGES[0],
                  PAPER_PAGES[-1]})  # fmt: skip


def test_the_page_list_is_the_built_site(site):
    assert site_pages(site.html) == PAGES


def open_page(browser, url, mode="light", viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, color_scheme=mode)
    # The theme reads the reader's choice from localStorage before painting.
    context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


# The theme's own switch between modes, as its menu's buttons do it, without a new load.
SET_MODE = "mode => document.querySelector(`.theme-change-button[data-mode='${mode}']`).click()"


@pytest.mark.parametrize("name", CHECKED)
def test_axe_finds_no_violation_light_dark_desktop_phone(browser, served_site, name):
    found = []
    context, page = open_page(browser, served_site + name, "dark", DESKTOP)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.add_script_tag(path=str(AXE))
    for mode in ("dark", "light"):
        page.evaluate(SET_MODE, mode)
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        # Colours fade to the new mode (CSS transitions): measure contrast once they have.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        # The phone layout is the same page narrowed: the theme's layout is CSS media queries.
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
            found += [
                f"{mode} {viewport['width']}px {v['id']}: {[n['target'] for n in v['nodes']]}"
                for v in result["violations"]
            ]
    context.close()
    assert found == []


# Font Awesome is not loaded (cvsite/web/icons.py draws the theme's icons as SVG): a shown pseudo-
# element that still asks for its font would be a missing-glyph box.
ICON_FONT_GLYPHS = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getClientRects().length > 0)
  .flatMap(el => ['::before', '::after']
    .filter(where => {
      const style = getComputedStyle(el, where);
      return !['none', 'normal', '""'].includes(style.content)
        && /font awesome/i.test(style.fontFamily);
    })
    .map(where => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + where))"""


@pytest.mark.parametrize("name", PAGES)
def test_no_shown_glyph_asks_for_the_missing_icon_font(browser, served_site, name):
    context, page = open_page(browser, served_site + name)
    glyphs = page.evaluate(ICON_FONT_GLYPHS)
    context.close()
    assert glyphs == []


def transfer_size(url: str) -> int:
    """What a request costs on the wire with gzip: body and headers."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        return len(body) + len(str(response.headers))


@pytest.mark.parametrize("name", PAGES)
def test_weight_requests_and_only_our_own_host(browser, served_site, name):
    context = browser.new_context()
    page = context.new_page()
    requests, failures, errors = [], [], []
    page.on("requestfinished", lambda r: requests.append(r))
    page.on("requestfailed", lambda r: failures.append(r))
    page.on("response", lambda r: r.status >= 400 and failures.append(r))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served_site + name, wait_until="networkidle")
    urls = [r.url for r in requests]
    assert [u for u in urls if not u.startswith(served_site) and not u.startswith("data:")] == []
    assert failures == [] and errors == []
    total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)
    count = len(urls)
    # Lighthouse counts the favicon, which headless Chromium does not always fetch.
    favicon = served_site + "_static/favicon.svg"
    if favicon not in urls:
        total += transfer_size(favicon)
        count += 1
    most_bytes, most_requests = BUDGET.get(name, BUDGET["default"])
    assert total <= most_bytes, f"{total / KIB:.1f} KiB"
    assert count <= most_requests, urls
    context.close()


def test_server_compresses_like_a_cdn(served_site):
    request = urllib.request.Request(
        served_site + "index.html", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert b"<html" in gzip.decompress(response.read())


@pytest.mark.parametrize("name", CHECKED)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_keyboard_reaches_every_control_with_a_visible_focus_ring(
    browser, served_site, name, viewport
):
    context, page = open_page(browser, served_site + name, viewport=viewport)
    focusable = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, summary, input, [tabindex="0"]')]
            .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.disabled)
            .map(el => el.outerHTML.slice(0, 120))"""
    )
    reached = []
    for _ in range(len(focusable) + 5):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const hasRing = el => {
                    const style = getComputedStyle(el);
                    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                        || style.boxShadow !== 'none';
                };
                // The ring is on the control; a text field's may be on its wrapper, drawn
                // with :focus-within (the theme's search field), at most three levels up.
                let el = document.activeElement, ring = false;
                const levels = el.tagName === 'INPUT' ? 4 : 1;
                for (let level = 0; el && level < levels && !ring; level++, el = el.parentElement) {
                    ring = hasRing(el);
                }
                return {html: document.activeElement.outerHTML.slice(0, 120), ring};
            }"""
        )
        if info["html"].startswith("<body"):
            break
        assert info["ring"], f"no visible focus on {info['html']}"
        reached.append(info["html"])
    missing = [html for html in focusable if html not in reached]
    assert missing == []
    context.close()


def test_search_works(browser, served_site):
    context, page = open_page(browser, served_site + "search.html?q=CowClip")
    page.wait_for_selector("#search-results li", timeout=10_000)
    links = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.href)")
    assert any(link.endswith("publications.html") or "zheng2023cowclip" in link for link in links)
    context.close()


def test_theme_switch_works(browser, served_site):
    context, page = open_page(browser, served_site + "index.html")
    page.click(".theme-switch-button")
    page.click(".theme-change-button[data-mode='dark']")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("localStorage.getItem('mode')") == "dark"
    context.close()


def test_navbar_on_a_phone_opens_and_lists_the_sections(browser, served_site):
    context, page = open_page(browser, served_site + "skills.html", viewport=PHONE)
    assert not page.is_visible(".navbar-header-items .nav-link")
    page.click("button.primary-toggle")
    page.wait_for_selector("#pst-primary-sidebar-modal[open]")
    labels = page.eval_on_selector_all(
        "#pst-primary-sidebar-modal .nav-link", "els => els.map(e => e.textContent.trim())"
    )
    assert {"Education", "Publications", "Skills", "CV (PDF)"} <= set(labels)
    context.close()


def test_the_bibtex_download_saves_the_entry_as_its_own_file(browser, served_site):
    context, page = open_page(browser, served_site + "publications/zheng2023cowclip.html")
    shown = page.inner_text(".cv-bibtex-source code")
    with page.expect_download() as saving:
        page.click(".cv-bibtex-source a[download]")
    download = saving.value
    assert download.suggested_filename == "zheng2023cowclip.bib"
    saved = Path(download.path()).read_text(encoding="utf-8")
    assert saved.startswith("@inproceedings{zheng2023cowclip,")
    assert saved.strip() == shown.strip()
    context.close()


# The header's items as a reader sees them: the visible ones, where they are, the sections the
# visible navbar reaches (in the row or in "More"), the labels cut short.
HEADER = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length;
  const header = document.querySelector('.bd-header__inner');
  const items = [...header.querySelectorAll(`.navbar-brand, .sidebar-toggle,
      .navbar-persistent--mobile, .bd-navbar-elements > li, .navbar-header-items__end > *`)]
    .filter(shown)
    .map(el => {
      const {top, bottom, left, right} = el.getBoundingClientRect();
      const name = (el.textContent.trim().split('\\n')[0] || el.className).slice(0, 30);
      return {name, top, bottom, left, right};
    });
  const sections = nav => [...nav.querySelectorAll('a.nav-link')].map(a => a.textContent.trim());
  return {
    items,
    reached: [...header.querySelectorAll('.navbar-header-items nav')]
      .filter(shown).flatMap(sections),
    all: [...document.querySelectorAll('.sidebar-header-items nav')].flatMap(sections),
    cut: [...header.querySelectorAll('.nav-link')].filter(shown)
      .filter(a => a.scrollWidth > a.clientWidth).map(a => a.textContent.trim()),
    row: [...header.querySelectorAll('.bd-navbar-elements > li:not(.dropdown)')]
      .filter(shown).length,
    more: [...header.querySelectorAll('nav .dropdown-toggle')].filter(shown).length > 0,
    search: [...header.querySelectorAll('.search-button')].filter(shown).length,
  };
}"""
# Phones, the theme's narrowest desktop layout, laptops, a wide screen.
NAVBAR_WIDTHS = (320, 390, 960, 1024, 1100, 1280, 1440, 1920)
# Both sites' sections fit in one row from here (from 1,231 and 926 px, as measured): no "More".
ROOM_FOR_ALL = 1440


def header_faults(header: dict, width: int) -> list[str]:
    """What is wrong with the header at this width: a second row, an item out of the window, a
    section cut short or out of reach, no search button (or two)."""
    items, faults = header["items"], []
    # One row: a horizontal line crosses every item.
    if max(item["top"] for item in items) >= min(item["bottom"] for item in items):
        faults.append(f"two rows: {[(i['name'], round(i['top'])) for i in items]}")
    faults += [
        f"{i['name']} out of the window" for i in items if i["left"] < 0 or i["right"] > width
    ]
    faults += [f"{label} cut short" for label in header["cut"]]
    if header["search"] != 1:
        faults.append(f"{header['search']} search buttons")
    if width >= 960 and sorted(header["reached"]) != sorted(header["all"]):
        faults.append(f"the navbar reaches {header['reached']}, not {header['all']}")
    return [f"{width}px: {fault}" for fault in faults]


def test_the_navbar_holds_in_one_row_at_every_width(browser, academic):
    context, page = open_page(browser, (academic.site.html / "index.html").as_uri())
    faults = []
    for width in NAVBAR_WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        header = page.evaluate(HEADER)
        faults += header_faults(header, width)
        if width >= ROOM_FOR_ALL and header["more"]:
            faults.append(f'{width}px: "More", though every section fits')
    context.close()
    assert faults == []


def test_each_variant_s_link_stays_on_one_line_on_a_phone(browser, served_site):
    """The line under the PDF button ("Also: One-page CV (PDF) · ...") wraps between the
    links, never inside a title."""
    context, page = open_page(browser, served_site + "index.html", viewport=PHONE)
    lines = page.eval_on_selector_all(
        ".cv-pdf-variants a",
        "links => links.map(a => new Set([...a.getClientRects()].map(r => r.top)).size)",
    )
    context.close()
    assert lines and lines == [1] * len(lines), lines
