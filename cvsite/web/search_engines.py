"""What search engines and link previews read: robots.txt, OpenGraph defaults, a Person.

The home page carries a schema.org Person built from the `cv_*` settings, and nothing else:
no fact that conf.py does not state.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite import handler_order as order
from cvsite.config import defaults, profiles
from cvsite.web import sitemap


def apply_defaults(app: Sphinx, config: Config) -> None:
    """sphinxext-opengraph: absolute URLs from the canonical base; the meta description is
    the page's front matter's, not the page's first 200 characters, unless the site asks for
    those (`ogp_enable_meta_description = True`: they then describe a page that gives no
    description of its own, and a page that gives one keeps it, once)."""
    if "sphinxext.opengraph" in app.extensions:  # set up by cvsite itself, or listed in conf.py
        if not config.ogp_site_url and config.html_baseurl:
            config.ogp_site_url = config.html_baseurl
        if "ogp_enable_meta_description" not in defaults.given_settings(app, config):
            config.ogp_enable_meta_description = False


def person(config: Config) -> dict:
    data: dict = {"@context": "https://schema.org", "@type": "Person", "name": config.cv_owner}
    if config.cv_email:
        data["email"] = f"mailto:{config.cv_email}"
    if config.cv_homepage:
        data["url"] = config.cv_homepage
    if config.cv_position:
        data["jobTitle"] = config.cv_position
    if config.cv_affiliation:
        data["affiliation"] = {"@type": "Organization", "name": config.cv_affiliation}
    if config.cv_alumni_of:
        data["alumniOf"] = [
            {"@type": "CollegeOrUniversity", "name": name} for name in config.cv_alumni_of
        ]
    if config.cv_keywords:
        data["knowsAbout"] = list(config.cv_keywords)
    # The owner's pages elsewhere (ORCID, Google Scholar, ...): the same person.
    same_as = [p.url for p in profiles.profiles(config) if not p.url.startswith("mailto:")]
    if same_as:
        data["sameAs"] = same_as
    return data


def describe_search_page(app, pagename, templatename, context, doctree) -> None:
    """Sphinx's search page has no source file, so no front matter: describe it here."""
    if pagename == "search":
        text = html.escape(f"Search the pages and publications of {app.config.cv_owner}.")
        context["metatags"] = context.get("metatags", "") + (
            f'<meta content="{text}" name="description" />\n'
        )


def add_person(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename != app.config.root_doc:
        return
    data = json.dumps(person(app.config), ensure_ascii=False, indent=1).replace("</", "<\\/")
    script = f'<script type="application/ld+json">{data}</script>\n'
    context["metatags"] = context.get("metatags", "") + script


def page_description(doctree: nodes.document | None) -> str | None:
    """The description of the page's front matter (MyST's html_meta makes it a meta node)."""
    if doctree is None:
        return None
    found = (node for node in doctree.findall(nodes.meta) if node.get("name") == "description")
    return next((str(node.get("content", "")) for node in found), None)


def use_page_description_for_previews(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """html-page-context, before sphinxext-opengraph: link previews show the page's own
    description, not its first 200 characters. sphinxext-opengraph takes a page's
    `og:description` field over its own (its per-page override); a page that sets the field
    itself keeps it. The page's metadata is copied, not changed, for this page's context only.
    """
    description = page_description(doctree)
    metadata = context.get("meta") or {}
    if description and "og:description" not in metadata:
        context["meta"] = {**metadata, "og:description": description}


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    lines = ["User-agent: *", "Allow: /"]
    base = app.config.html_baseurl.rstrip("/")
    if address := sitemap.sitemap_address(app):
        lines.append(f"Sitemap: {address}")
    for extra in app.emit(sitemap.EXTRA_SITEMAPS):
        if base and extra and Path(app.outdir, extra).exists():
            lines.append(f"Sitemap: {base}/{extra}")
    Path(app.outdir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    # After site_theme has settled html_baseurl.
    app.connect("config-inited", apply_defaults, priority=order.READ_FINAL_SETTINGS)
    app.connect("html-page-context", add_person)
    app.connect("html-page-context", describe_search_page)
    # Before sphinxext-opengraph writes its tags from the page's metadata.
    app.connect(
        "html-page-context", use_page_description_for_previews, priority=order.BEFORE_READERS
    )
    app.connect("build-finished", write_robots_txt)
