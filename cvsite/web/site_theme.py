"""pydata-sphinx-theme set up for a personal site, from the `cv_*` settings."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging, matching

from cvsite import handler_order as order
from cvsite.config import defaults, profiles
from cvsite.rendering import owner_header

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"
THEME = "pydata_sphinx_theme"
logger = logging.getLogger(__name__)


def uses_theme(config: Config) -> bool:
    """Whether the site uses the theme that this package sets up and slims."""
    return config.html_theme == THEME


def contact_icon_links(config: Config) -> list[dict[str, str]]:
    links = []
    if config.cv_email:
        links.append(
            {
                "name": f"E-mail {config.cv_email}",
                "url": f"mailto:{config.cv_email}",
                "icon": "fa-solid fa-envelope",
            }
        )
    if config.cv_homepage:
        links.append({"name": "Homepage", "url": config.cv_homepage, "icon": "fa-solid fa-house"})
    for profile in profiles.profiles(config):
        if profile.image:  # a file under docs/, as the theme's "local" icons are
            links.append(
                {"name": profile.label, "url": profile.url, "icon": profile.image, "type": "local"}
            )
        else:
            links.append({"name": profile.label, "url": profile.url, "icon": profile.icon})
    return links


def apply_defaults(app: Sphinx, config: Config) -> None:
    """Fill theme options the site did not set itself; conf.py can override every one."""
    # The canonical URL, where the site gives none: Read the Docs' own when built there, else
    # the owner's homepage.
    if "html_baseurl" not in defaults.given_settings(app, config):
        if os.environ.get("READTHEDOCS_CANONICAL_URL"):
            config.html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"]
        elif config.cv_homepage:
            config.html_baseurl = config.cv_homepage.rstrip("/") + "/"
    # New lists and dicts, never edits: a setting conf.py leaves out holds Sphinx's default
    # object, which every later build in the same process would see changed.
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    if not uses_theme(config):
        return
    # Our layout and navbar templates are written against this theme's.
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    config.html_theme_options = options = dict(config.html_theme_options)
    options.setdefault("navigation_with_keys", False)
    # Links keep the text they were given: the theme shortens github.com and gitlab.com ones
    # (a bare "https://github.com/" to no text at all).
    options.setdefault("shorten_urls", False)
    options.setdefault("icon_links", contact_icon_links(config))
    options.setdefault("navbar_align", "left")
    # The search is an icon, not a wide field; "persistent": in the phone's header too.
    options.setdefault("navbar_persistent", ["search-button"])
    pdf_link = ["cvsite-pdf-link"] if config.cv_pdf_name else []
    options.setdefault("navbar_end", [*pdf_link, "theme-switcher", "navbar-icon-links"])
    # One level of pages: breadcrumbs would only repeat the title.
    options.setdefault("article_header_start", [])
    # No right-hand sidebar: a page's few sections need no table of contents. The theme's
    # edit button lives there; a site that asks for it gets a sidebar that holds it.
    edit_button = ["edit-this-page"] if options.get("use_edit_page_button") else []
    options.setdefault("secondary_sidebar_items", edit_button)
    options.setdefault("show_prev_next", False)
    options.setdefault("search_bar_text", "Search this site…")
    options.setdefault("footer_start", ["copyright"])
    options.setdefault("footer_center", [])
    options.setdefault("footer_end", [])
    config.html_context = {"default_mode": "auto", **config.html_context}
    warn_of_an_edit_button_with_no_place(options)


def hide_primary_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """html-page-context: no primary sidebar on a page that no pattern of the site's own
    html_sidebars matches (every page, for a site that sets none). A page a pattern matches
    gets what the site asked for, as Sphinx matches it: a catch-all pattern of the engine's
    would match that page twice, which Sphinx reports as a conflict."""
    if not uses_theme(app.config):
        return
    if not any(matching.patmatch(pagename, pattern) for pattern in app.config.html_sidebars):
        context["sidebars"] = []  # what html_sidebars = {"**": []} gives


def placed_templates(options: dict) -> set[str]:
    """The templates the theme options place anywhere (a list, a text, or a list per page)."""
    placed: set[str] = set()
    for value in options.values():
        lists = value.values() if isinstance(value, dict) else [value]
        for items in lists:
            if isinstance(items, str):
                placed.update(item.strip() for item in items.split(","))
            elif isinstance(items, (list, tuple)):
                placed.update(item for item in items if isinstance(item, str))
    return placed


def warn_of_an_edit_button_with_no_place(options: dict) -> None:
    """The theme draws its edit button only where a template list names it."""
    if options.get("use_edit_page_button") and "edit-this-page" not in placed_templates(options):
        logger.warning(
            "html_theme_options: use_edit_page_button is True, but no template list places "
            'the button, so no page would show it; add "edit-this-page" to '
            "secondary_sidebar_items or article_footer_items (or leave those out of conf.py: "
            "cvsite then puts it in the secondary sidebar)",
            type="cvsite",
            subtype="theme",
        )


def require_meta_description(app: Sphinx, doctree: nodes.document) -> None:
    """Each page needs its own description for search engines and link previews; the home
    page's may come from the settings (the name and position), as its title does."""
    for node in doctree.findall(nodes.meta):
        if node.get("name") == "description":
            return
    generated = owner_header.description(app.config)
    if app.env.docname == app.config.root_doc and generated:
        # As MyST writes front matter's html_meta: a meta node first in the document.
        doctree.insert(0, nodes.meta(generated, name="description", content=generated))
        return
    if front_matter_is_malformed(app.env.doc2path(app.env.docname)):
        return  # MyST has said so already, with the line; one message is enough
    if app.config.ogp_enable_meta_description:  # sphinxext-opengraph is one of cvsite's
        return  # the site asked sphinxext-opengraph to describe the page from its text
    logger.warning(
        "page has no meta description; start it with front matter: "
        "'---', 'myst:', '  html_meta:', '    description: One sentence about this page.', '---'",
        location=(app.env.docname, 1),
        type="cvsite",
        subtype="description",
    )


def front_matter_is_malformed(path: Path) -> bool:
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---"):
        return False
    block = text[3:].split("\n---", 1)[0]
    try:
        yaml.safe_load(block)
    except yaml.YAMLError:
        return True
    return False


def setup(app: Sphinx) -> None:
    app.connect("config-inited", apply_defaults)
    # Before the theme's own handlers, which read the page's list of sidebars.
    app.connect("html-page-context", hide_primary_sidebar, priority=order.BEFORE_READERS)
    app.connect("doctree-read", require_meta_description)
