"""A navbar in one row at every width: the sections that would not fit go into "More".

pydata-sphinx-theme shows its header items from 960 px on (below that, a menu button opens
them) and, where they do not fit, wraps them onto a second row. Its setting
`header_links_before_dropdown` moves every section after the first n into a "More" menu.
As each page is written, this module estimates how wide the bar's items are at the narrowest
width that shows them (the name, the section labels, "CV (PDF)", search, the colour-mode
switch and one icon per `icon_links` entry) and picks the largest n that fits there, so that
the bar holds in one row at every width. Each larger n gets the window width from which it
fits (up to the theme's page width), and templates/navbar-nav.html writes one navbar per n,
each shown in its widths only: a wide screen shows every section that fits. A site's own
`header_links_before_dropdown` wins (and then the theme's navbar is left as it is).

The widths are those of DejaVu Sans (Linux's usual system font), which is wider than the
system fonts of macOS and Windows; each estimate errs on the wide side. static/cvsite.css
keeps the row whole even where an estimate falls short.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

from sphinx import addnodes
from sphinx.application import Sphinx

from cvsite.web.site_theme import uses_theme

OPTION = "header_links_before_dropdown"
# The theme's breakpoint for the header items and its widest page (88 rem), less a classic
# scrollbar and the header's padding (1 rem on each side).
SCROLLBAR = 17
HEADER_PADDING = 2 * 16
NARROWEST_BAR = 960 - SCROLLBAR - HEADER_PADDING
WIDEST_BAR = 88 * 16 - HEADER_PADDING
# The page context's names for the navbar's tiers and the style that shows each.
TIERS = "cvsite_navbar_tiers"
TIER_STYLE = "cvsite_navbar_style"
# The theme's sizes, in px: the gap between the navbar's end items (and between its icons),
# a section link's padding and margins, the "More" button's padding, caret and margins, the
# gap after each template of the bar's start (the name).
GAP = 18
LINK_EXTRA = 16
MORE_EXTRA = 41
NAME_GAP = 8
ICON = 24
# The width of each navbar_end (or navbar_persistent) template; one we do not know gets room
# for a short text link.
TEMPLATE_WIDTHS = {"search-button": ICON, "theme-switcher": 33, "search-button-field": 230}
UNKNOWN_TEMPLATE = 100
PDF_LINK = "cvsite-pdf-link"
PDF_LABEL = "CV (PDF)"
SAFETY = 16


# DejaVu Sans's advance widths in em (rounded up), by character; Latin letters with accents take
# their base letter's, East Asian wide ones 1 em, any other WIDE_EM.
DEJAVU_SANS_EM = {
    char: em
    for em, chars in {
        0.28: "'ijl", 0.3: "IJ", 0.32: " ,.", 0.34: "/:;\\|", 0.36: "f", 0.37: "-",
        0.4: "()[]t", 0.41: "!", 0.42: "r", 0.46: '"', 0.5: "*_`", 0.53: "sz", 0.54: "?",
        0.55: "c", 0.56: "L", 0.58: "Fk", 0.6: "vxy", 0.61: "P", 0.62: "TYaeo",
        0.64: "$0123456789ESbdghnpqu{}", 0.66: "K", 0.69: "ABVXZ", 0.7: "CR", 0.74: "U",
        0.75: "N", 0.76: "H", 0.78: "&DG", 0.79: "OQ", 0.82: "w", 0.84: "#+<=>^~", 0.87: "M",
        0.96: "%", 0.98: "m", 0.99: "W", 1.0: "@",
    }.items()
    for char in chars
}  # fmt: skip
WIDE_EM = 0.8


def char_em(char: str) -> float:
    base = unicodedata.normalize("NFD", char)[:1]
    if base in DEJAVU_SANS_EM:
        return DEJAVU_SANS_EM[base]
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    return WIDE_EM


def text_width(text: str, font_px: float = 16) -> float:
    return sum(char_em(char) for char in " ".join(text.split())) * font_px


def end_width(templates: Iterable[str], icon_count: int) -> float:
    """The navbar's end: its templates side by side, the icon links one icon each."""
    widths: list[float] = []
    for template in templates:
        if template == "navbar-icon-links":
            if icon_count:
                widths.append(icon_count * ICON + (icon_count - 1) * GAP)
        elif template == PDF_LINK:
            widths.append(text_width(PDF_LABEL))
        else:
            widths.append(TEMPLATE_WIDTHS.get(template, UNKNOWN_TEMPLATE))
    return sum(widths) + GAP * max(len(widths) - 1, 0)


def link_widths(labels: list[str]) -> list[float]:
    return [text_width(label) + LINK_EXTRA for label in labels]


def navbar_tiers(labels: list[str], fixed: float, more_label: str) -> list[tuple[int, int]]:
    """(how many sections show before "More", the narrowest window that shows that many): from
    0 px the most that fit the theme's narrowest bar, then each larger number from the window
    whose bar holds it, while the bar still widens (it stops at the theme's page width)."""
    widths = link_widths(labels)
    more = text_width(more_label) + MORE_EXTRA

    def bar(shown: int) -> float:
        return fixed + sum(widths[:shown]) + (more if shown < len(widths) else 0) + SAFETY

    # The theme never makes a "More" of one section: it shows that section in the row instead.
    choices = [shown for shown in range(len(widths) + 1) if shown != len(widths) - 1]
    first = max((shown for shown in choices if bar(shown) <= NARROWEST_BAR), default=0)
    tiers = [(first, 0)]
    for shown in choices:
        if shown > first and bar(shown) <= WIDEST_BAR:
            start = math.ceil(bar(shown) + HEADER_PADDING + SCROLLBAR)
            # All sections without "More" can take less room than fewer with it.
            while tiers[-1][1] >= start:
                tiers.pop()
            tiers.append((shown, start))
    return tiers


def tier_style(tiers: list[tuple[int, int]]) -> str:
    """The rules that show each tier's navbar (templates/navbar-nav.html) in its widths only."""
    rules = []
    for index, (_, start) in enumerate(tiers):
        outside = [f"(max-width: {start - 0.02}px)"] if start else []
        if index + 1 < len(tiers):
            outside.append(f"(min-width: {tiers[index + 1][1]}px)")
        rules.append(f"@media {', '.join(outside)} {{ .cv-navbar-{index} {{ display: none; }} }}")
    return "\n".join(rules)


def section_labels(app: Sphinx, external_links: Iterable[dict]) -> list[str]:
    """The navbar's sections, as the theme lists them: the root page's toctree entries (their
    own title, else the page's), then the theme's external_links."""
    labels = []
    env = app.env
    root = env.tocs.get(app.config.root_doc)
    for toctree in root.findall(addnodes.toctree) if root is not None else []:
        for title, page in toctree["entries"]:
            if title is None:
                title = env.titles[page].astext() if page in env.titles else page
            labels.append(title)
    return labels + [str(link.get("name", "")) for link in external_links]


def brand_width(context: dict) -> float:
    """The name at the bar's start (20 px), and room for a logo image when there is one."""
    logo = context.get("theme_logo") or {}
    image = 64 if logo.get("image_relative", {}).get("light") else 0
    text = logo.get("text") or ("" if image else context.get("docstitle", ""))
    return image + text_width(str(text), 20)


def templates(value: str | list | None) -> list[str]:
    """A theme option's template list, which conf.py may also write as "a, b"."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return [item for item in value or [] if isinstance(item, str)]


def fixed_width(context: dict) -> float:
    """The bar's width besides the sections: its start (the name), the center's other
    templates, its end (search, the PDF link, the colour-mode switch, the icons)."""
    start = [
        brand_width(context) if item == "navbar-logo" else UNKNOWN_TEMPLATE
        for item in templates(context.get("theme_navbar_start"))
    ]
    others = [
        item for item in templates(context.get("theme_navbar_center")) if item != "navbar-nav"
    ]
    end = templates(context.get("theme_navbar_persistent")) + templates(
        context.get("theme_navbar_end")
    )
    return (
        sum(start)
        + NAME_GAP * len(start)
        + (GAP + UNKNOWN_TEMPLATE) * len(others)
        + end_width(end, len(context.get("theme_icon_links") or []))
    )


def fit_the_navbar(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not uses_theme(app.config) or OPTION in app.config.html_theme_options:
        return
    if "navbar-nav" not in templates(context.get("theme_navbar_center")):
        return
    fixed = fixed_width(context)
    labels = section_labels(app, context.get("theme_external_links") or [])
    more = str(context.get("theme_header_dropdown_text") or "More")
    tiers = navbar_tiers(labels, fixed, more)
    context[f"theme_{OPTION}"] = tiers[0][0]
    # Wider windows show more sections: templates/navbar-nav.html writes a navbar for each.
    if len(tiers) > 1:
        context[TIERS] = tiers
        context[TIER_STYLE] = tier_style(tiers)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", fit_the_navbar)
