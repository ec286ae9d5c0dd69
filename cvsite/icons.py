"""The theme's icons as inline SVG, so that no icon font or script is loaded.

pydata-sphinx-theme writes `<i class="fa-solid fa-sun">` and lets Font Awesome (a 90 KB
script, or a 112 KB font) draw it. After the build we put a small SVG of our own inside each
such element; the `<i>` keeps its classes and attributes, so the theme's CSS and JavaScript
(which show the icon of the current colour mode, for example) work as before.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from sphinx.application import Sphinx

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


def svg(name: str) -> str:
    paint, shapes = ICONS[name]
    return (
        f"<svg class='cv-icon' viewBox='0 0 24 24' {PAINT[paint]} aria-hidden='true' "
        f"focusable='false'>{shapes}</svg>"
    )


def inline_icons(html: str) -> str:
    return EMPTY_ICON.sub(lambda m: m.group(1) + svg(m.group(3)) + m.group(4), html)


def note_build_start(app: Sphinx) -> None:
    app._cvsite_build_started = time.time()


def inline_icons_in_site(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: every page this build wrote (the others were done before)."""
    if exception or app.builder.format != "html":
        return
    # Paper pages are stamped from a prototype whose icons are inline already; a long .bib
    # makes thousands of them, so they are not even looked at.
    from .paper_pages import page_links  # (paper_pages uses this module)

    stamped = set(page_links(app))
    # A page written in the second before the build is looked at again: harmless, as an
    # icon that has its SVG already no longer matches.
    since = app._cvsite_build_started - 1
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
