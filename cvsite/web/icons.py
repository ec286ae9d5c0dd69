"""The theme's icons, drawn by our stylesheet; Font Awesome only for icons we do not draw.

pydata-sphinx-theme writes `<i class="fa-solid fa-sun">` and lets Font Awesome (a 90 KB
script, or a 112 KB font and about 20 KB of CSS) draw it. static/cvsite.css draws every icon
that the theme's own templates use (search, colour modes, menu, home, e-mail, ...) as a CSS
mask in the text colour, on the very element the theme writes, so the theme's CSS and
JavaScript (which show the icon of the current colour mode, for example) work as before and no
page is edited after the build. The icons of `cv_profiles` (ORCID, GitHub, ...) are drawn the
same way, under Font Awesome's brand names, so an `icon_links` entry that names one (as the
theme's documentation does) needs no Font Awesome either. Any other Font Awesome icon of
`icon_links` or `cv_profiles` (`fa-brands fa-python`, ...) is drawn by Font Awesome's own CSS
and font, which the theme's stylesheet carries: page_weight.py keeps them in that stylesheet
for such a site only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sphinx.config import Config

from cvsite.config import profiles

FONT_AWESOME_CLASS = re.compile(r"(?<![\w-])fa-([\w-]+)")
# The icons with a mask in static/cvsite.css (tests/test_page_weight.py checks both ways, and
# that the theme's templates use no other): the theme's own, and those of cv_profiles' kinds
# (config/profiles.py), under Font Awesome's names.
DRAWN = frozenset(
    {
        "angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "envelope",
        "file-lines", "house", "list", "magnifying-glass", "moon", "outdent", "pencil", "sun",
    }
    | {name for _, icon in profiles.KNOWN.values() for name in FONT_AWESOME_CLASS.findall(icon)}
    - {"brands"}
)  # fmt: skip


def is_drawn(classes: str) -> bool:
    """Whether an icon's classes ("fa-solid fa-house fa-lg") name an icon we draw."""
    return any(name in DRAWN for name in FONT_AWESOME_CLASS.findall(classes))


def font_awesome_icons(config: Config) -> list[str]:
    """The classes of each Font Awesome icon of the theme's `icon_links` (its default type),
    and of the profiles that the home page's header shows."""
    links = (config.html_theme_options or {}).get("icon_links") or []
    return [
        str(link.get("icon", ""))
        for link in links
        if isinstance(link, dict) and link.get("type", "fontawesome") == "fontawesome"
    ] + [profile.icon for profile in profiles.profiles(config) if profile.icon]


def undrawn(icons: Iterable[str]) -> list[str]:
    return [classes for classes in icons if not is_drawn(classes)]


def needs_font_awesome(config: Config) -> bool:
    """Whether the site shows an icon that only Font Awesome's CSS and font can draw."""
    return bool(undrawn(font_awesome_icons(config)))
