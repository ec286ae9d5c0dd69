"""Light pages: what pydata-sphinx-theme loads everywhere, loaded only where it is used.

Measured on the default theme: about 250 KiB in 17 requests per page, most of it Font Awesome
(a 90 KB script and a 112 KB font for eight icons) and Sphinx's search scripts. Here:
- templates/layout.html leaves out the theme's asset macros (Font Awesome's script, and
  theme.css, whose @import of basic.css costs a second round trip) and its search scripts;
- this module links basic.css and the theme's stylesheet the public way (`add_css_file` in
  html-page-context, so Sphinx adds its own checksum to the address), drops Sphinx's search
  and highlight scripts from pages other than the search page, and pygments.css from pages
  without highlighted code;
- after the build, the theme's stylesheet loses Font Awesome's glyph rules and fonts, a
  third of its weight (cvsite.css draws the theme's icons as CSS masks), unless a site's
  `icon_links` shows an icon that only Font Awesome draws (icons.py).
A theme without that stylesheet stops the build with what to do, instead of unstyled pages.
The slimming edits a file the theme wrote, by a pattern of its minified CSS: if a release of
the theme writes it otherwise, nothing is removed (pages are heavier, never broken), and
tests/test_page_weight.py fails first.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from cvsite import handler_order as order
from cvsite.web import icons
from cvsite.web.site_theme import uses_theme

logger = logging.getLogger(__name__)
SEARCH_ONLY_SCRIPTS = ("doctools.js", "sphinx_highlight.js", "searchtools.js", "language_data.js")
# The stylesheet pydata-sphinx-theme's theme.conf names, under _static. Before Sphinx's own
# pygments.css (priority 200), as the theme's asset macros put it.
THEME_STYLESHEET = "styles/pydata-sphinx-theme.css"
PAGE_STYLESHEETS = (("basic.css", 198), (THEME_STYLESHEET, 199))
# A CSS rule whose every selector is a Font Awesome class (.fa, .fa-sun, .fa-solid:before, ...).
FONT_AWESOME_RULE = re.compile(r"(?<=[}])(?:\.fa[\w-]*(?::{1,2}[\w-]+)?\s*,?\s*)+\{[^{}]*\}")
FONT_AWESOME_FONT = re.compile(r"@font-face\{[^{}]*Font Awesome[^{}]*\}")
THEME_FIX = (
    "cvsite links that file in place of the theme's own asset macros; pin the theme of "
    "requirements.txt (pip install -r requirements.txt) or update cvsite/web/page_weight.py"
)


def asset_name(asset: object) -> str:
    """An entry of css_files or script_files: a name, as Sphinx's templating guide adds
    them, or an asset object with its `filename`, as Sphinx's own templates read it."""
    return str(getattr(asset, "filename", asset))


def trim_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """html-page-context, after the theme's handler, which drops its stylesheet from css_files."""
    if not uses_theme(app.config):
        return
    linked = {asset_name(css) for css in context.get("css_files", [])}
    for name, priority in PAGE_STYLESHEETS:
        if f"_static/{name}" not in linked:
            app.add_css_file(name, priority=priority)
    # In place: Sphinx restores both lists before the next page.
    if pagename != "search":
        context["script_files"][:] = [
            script
            for script in context["script_files"]
            if not asset_name(script).endswith(SEARCH_ONLY_SCRIPTS)
        ]
    if 'class="highlight' not in context.get("body", ""):
        context["css_files"][:] = [
            css for css in context["css_files"] if not asset_name(css).endswith("pygments.css")
        ]


def slim_theme_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html" or not uses_theme(app.config):
        return
    path = Path(app.outdir, "_static", THEME_STYLESHEET)
    if not path.is_file():
        logger.error(
            f"the HTML theme {app.config.html_theme!r} wrote no _static/{THEME_STYLESHEET}, "
            f"so every page would be unstyled; {THEME_FIX}.",
            type="cvsite",
            subtype="theme",
        )
        return
    if icons.needs_font_awesome(app.config):
        return  # Font Awesome's rules and fonts draw the site's own icons
    css = path.read_text(encoding="utf-8")
    css = FONT_AWESOME_FONT.sub("", FONT_AWESOME_RULE.sub("", css))
    path.write_text(css, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", trim_page_assets, priority=order.AFTER_THEME)
    app.connect("build-finished", slim_theme_stylesheet)
    app.add_css_file("cvsite.css")
