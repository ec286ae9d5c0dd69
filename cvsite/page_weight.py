"""Light pages: what pydata-sphinx-theme loads everywhere, loaded only where it is used.

Measured on the default theme: about 250 KiB in 17 requests per page, most of it Font Awesome
(a 90 KB script and a 112 KB font for eight icons) and Sphinx's search scripts. Here:
- templates/layout.html drops the Font Awesome script and the search scripts from the head;
- this module drops Sphinx's search and highlight scripts from pages other than the search
  page, and pygments.css from pages without highlighted code;
- after the build, the theme's stylesheet loses Font Awesome's glyph rules and fonts
  (cvsite.css draws the icons the header uses as CSS masks).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from sphinx.application import Sphinx

SEARCH_ONLY_SCRIPTS = ("doctools.js", "sphinx_highlight.js", "searchtools.js", "language_data.js")
THEME_STYLESHEET = Path("_static", "styles", "pydata-sphinx-theme.css")
# A CSS rule whose every selector is a Font Awesome class (.fa, .fa-sun, .fa-solid:before, ...).
FONT_AWESOME_RULE = re.compile(r"(?<=[}])(?:\.fa[\w-]*(?::{1,2}[\w-]+)?\s*,?\s*)+\{[^{}]*\}")
FONT_AWESOME_FONT = re.compile(r"@font-face\{[^{}]*Font Awesome[^{}]*\}")


@functools.cache
def theme_digest() -> str:
    """The cache-busting digest pydata-sphinx-theme puts on its own assets."""
    import pydata_sphinx_theme

    macros = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    text = (macros / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    return re.search(r"digest=(\w+)", text).group(1)


def trim_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    context["cvsite_theme_digest"] = theme_digest()
    if pagename != "search":
        context["script_files"] = [
            script
            for script in context.get("script_files", [])
            if not str(script.filename).endswith(SEARCH_ONLY_SCRIPTS)
        ]
    if 'class="highlight' not in context.get("body", ""):
        context["css_files"] = [
            css for css in context.get("css_files", []) if "pygments.css" not in str(css.filename)
        ]


def slim_theme_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    path = Path(app.outdir, THEME_STYLESHEET)
    if path.exists():
        css = path.read_text(encoding="utf-8")
        css = FONT_AWESOME_FONT.sub("", FONT_AWESOME_RULE.sub("", css))
        path.write_text(css, encoding="utf-8")
