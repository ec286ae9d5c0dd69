"""The theme's icons as inline SVG, so that no icon font or script is loaded.

pydata-sphinx-theme writes `<i class="fa-solid fa-sun">` and lets Font Awesome (a 90 KB
script, or a 112 KB font) draw it. After the build we put a small SVG of our own inside each
such element; the `<i>` keeps its classes and attributes, so the theme's CSS and JavaScript
(which show the icon of the current colour mode, for example) work as before. An icon we
have no drawing for (a new one of the theme's, or an `icon_links` entry of conf.py) would be
blank without the font, so it stops the build with the page and the fix instead.
"""

from __future__ import annotations

import os
import re
import time
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from cvsite.web.site_theme import uses_theme

logger = logging.getLogger(__name__)

# Our own drawings on a 24 x 24 grid: "stroke" icons are lines, "fill" icons are shapes.
ICONS = {
    "magnifying-glass": ("stroke", "<circle cx='10.5' cy='10.5' r='6.5'/>"
                         "<path d='m15.5 15.5 6 6'/>"),
    "sun": ("stroke", "<circle cx='12' cy='12' r='4.5'/><path d='M12 1.5v3m0 15v3M1.5 12h3m15 0h3"
            "M4.6 4.6l2.1 2.1m10.6 10.6 2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1'/>"),
    "moon": ("fill", "<path d='M20.5 14.6A9 9 0 0 1 9.4 3.5a9 9 0 1 0 11.1 11.1z'/>"),
    "circle-half-stroke": ("fill", "<path d='M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2.5a7.5 "
                           "7.5 0 0 1 0 15z'/>"),
    "envelope": ("stroke", "<rect x='2.5' y='5' width='19' height='14' rx='2'/>"
                 "<path d='m3 6.5 9 7 9-7'/>"),
    "house": ("stroke", "<path d='M2.5 11.5 12 3l9.5 8.5M5.5 9v12h5v-6h3v6h5V9'/>"),
    "bars": ("stroke", "<path d='M3 6h18M3 12h18M3 18h18'/>"),
    "arrow-up": ("stroke", "<path d='M12 21V4m-7 7 7-7 7 7'/>"),
}  # fmt: skip
PAINT = {
    "stroke": "fill='none' stroke='currentColor' stroke-width='2.2' stroke-linecap='round' "
    "stroke-linejoin='round'",
    "fill": "fill='currentColor'",
}
EMPTY_ICON = re.compile(
    r'(<(i|span) class="[^"]*\bfa-(' + "|".join(ICONS) + r')\b[^"]*"[^>]*>)(</\2>)'
)
# An element still empty after inline_icons, with a Font Awesome class: an icon we cannot draw.
UNDRAWN_ICON = re.compile(r'<(i|span) class="([^"]*\bfa-[^"]*)"[^>]*></\1>')
# When each build started, to look only at the pages it wrote.
build_starts: weakref.WeakKeyDictionary[Sphinx, float] = weakref.WeakKeyDictionary()


def svg(name: str) -> str:
    paint, shapes = ICONS[name]
    return (
        f"<svg class='cv-icon' viewBox='0 0 24 24' {PAINT[paint]} aria-hidden='true' "
        f"focusable='false'>{shapes}</svg>"
    )


def inline_icons(html: str) -> str:
    return EMPTY_ICON.sub(lambda m: m.group(1) + svg(m.group(3)) + m.group(4), html)


def undrawn_icons(html: str) -> list[str]:
    """The classes of each icon element that inline_icons left empty."""
    return [match.group(2) for match in UNDRAWN_ICON.finditer(html)]


def note_build_start(app: Sphinx) -> None:
    build_starts[app] = time.time()


def inline_icons_in_site(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: every page this build wrote (the others were done before)."""
    started = build_starts.pop(app, None)
    if exception or app.builder.format != "html" or not uses_theme(app.config):
        return
    # Paper pages are stamped from a prototype whose icons are inline already; a long .bib
    # makes thousands of them, so they are not even looked at.
    stamped = {link for links in app.emit("cvsite-pages-with-icons") for link in links}
    # A page written in the second before the build is looked at again: harmless, as an
    # icon that has its SVG already no longer matches.
    since = (started or 0) - 1
    undrawn: dict[str, set[str]] = {}  # icon classes: the pages that show them
    for folder, _, names in os.walk(app.outdir):
        relative = Path(folder).relative_to(app.outdir).as_posix()
        for name in names:
            link = name if relative == "." else f"{relative}/{name}"
            if not name.endswith(".html") or link in stamped:
                continue
            path = Path(folder, name)
            if path.stat().st_mtime < since:
                continue
            html = path.read_text(encoding="utf-8")
            if "fa-" in html:
                updated = inline_icons(html)
                if updated != html:
                    path.write_text(updated, encoding="utf-8")
                for classes in undrawn_icons(updated):
                    undrawn.setdefault(classes, set()).add(link)
    for classes, links in sorted(undrawn.items()):
        others = f" and {len(links) - 1} other pages" if len(links) > 1 else ""
        logger.error(
            f"the icon '{classes}' (on {min(links)}{others}) has no drawing in cvsite/icons.py, "
            "and Font Awesome is not loaded, so it would show as a blank; add its SVG to ICONS "
            "there, or use one of its icons: " + ", ".join(ICONS),
            type="cvsite",
            subtype="icon",
        )
