"""What search engines and link previews read: robots.txt, OpenGraph defaults, a Person.

The home page carries a schema.org Person built from the `cv_*` settings, and nothing else:
no fact that conf.py does not state.
"""

from __future__ import annotations

import html
import json
import queue
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from . import paper_pages


def apply_defaults(app: Sphinx, config: Config) -> None:
    # sphinxext-opengraph: absolute URLs from the canonical base; the description is ours.
    if "sphinxext.opengraph" in config.extensions:
        if not config.ogp_site_url and config.html_baseurl:
            config.ogp_site_url = config.html_baseurl
        config.ogp_enable_meta_description = False


def person(config: Config) -> dict:
    data: dict = {"@context": "https://schema.org", "@type": "Person", "name": config.cv_owner}
    if config.cv_email:
        data["email"] = f"mailto:{config.cv_email}"
    if config.cv_homepage:
        data["url"] = config.cv_homepage
    if config.cv_affiliation:
        data["affiliation"] = {"@type": "Organization", "name": config.cv_affiliation}
    if config.cv_alumni_of:
        data["alumniOf"] = [
            {"@type": "CollegeOrUniversity", "name": name} for name in config.cv_alumni_of
        ]
    if config.cv_keywords:
        data["knowsAbout"] = list(config.cv_keywords)
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


META_DESCRIPTION = re.compile(r'<meta content="([^"]*)" name="description" */?>')
OG_DESCRIPTION = re.compile(r'<meta property="og:description" content="[^"]*" */?>')


def use_page_description_for_previews(app, pagename, templatename, context, doctree) -> None:
    """Link previews show the page's own description, not its first 200 characters."""
    metatags = context.get("metatags", "")
    description = META_DESCRIPTION.search(metatags)
    if description:
        tag = f'<meta property="og:description" content="{description.group(1)}" />'
        context["metatags"] = OG_DESCRIPTION.sub(lambda _: tag, metatags)


def serial_sitemap_queue(app: Sphinx, config: Config) -> None:
    """config-inited: no multiprocessing Manager for sphinx-sitemap in a serial build.

    sphinx-sitemap starts a Manager (a server process) on every build, so that `-j` writer
    processes can hand it their pages; its authors note that a serial build does not need it
    (their pull request #47). The process costs a serial build 30 ms, and more with a long
    .bib: once it is forked, every page of memory the build then writes is copied. So its
    builder-inited handler is replaced by one that uses a plain queue unless Sphinx runs
    with -j; should sphinx-sitemap rename that handler, its own stays and works as before.
    """
    if "sphinx_sitemap" not in app.extensions:
        return
    import sphinx_sitemap

    for listener in list(app.events.listeners["builder-inited"]):
        if listener.handler is sphinx_sitemap.record_builder_type:
            app.disconnect(listener.id)
            app.connect("builder-inited", record_builder_type, priority=listener.priority)


def record_builder_type(app: Sphinx) -> None:
    """sphinx-sitemap's handler, with a plain queue when no writer process needs a shared one."""
    import sphinx_sitemap

    if app.parallel > 1:
        sphinx_sitemap.record_builder_type(app)
        return
    app.env.is_directory_builder = type(app.builder).__name__ == "DirectoryHTMLBuilder"
    app.sitemap_links = queue.SimpleQueue()


def complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """Before sphinx-sitemap writes sitemap.xml: every page, not only those this build wrote.

    sphinx-sitemap lists the pages written by the current build only (its open issue #13), so
    an incremental build would publish a sitemap of the one page you edited. The paper pages
    have a sitemap of their own (paper_pages.write_sitemap), and their prototype is no page
    at all. The order is made canonical (sorted), so that every build writes the same file.
    The links go into a plain queue: the writers are done, and the shared one of a `-j` build
    costs a round trip per link.
    """
    links = getattr(app, "sitemap_links", None)
    if exception or links is None or app.builder.format != "html":
        return
    entries = {}
    while True:
        try:
            link, last_updated = links.get_nowait()
        except queue.Empty:
            break
        entries[link] = last_updated
    suffix = app.config.html_file_suffix or ".html"
    wanted = [docname + suffix for docname in app.env.found_docs]
    for link in wanted:
        if link not in app.config.sitemap_excludes:
            entries.setdefault(link, None)
    entries.pop(paper_pages.PROTOTYPE_PAGE + ".html", None)
    app.sitemap_links = queue.SimpleQueue()
    for link in sorted(entries):
        app.sitemap_links.put((link, entries[link]))


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    lines = ["User-agent: *", "Allow: /"]
    base = app.config.html_baseurl.rstrip("/")
    if base and "sphinx_sitemap" in app.config.extensions:
        lines.append(f"Sitemap: {base}/{app.config.sitemap_filename}")
    papers = f"{paper_pages.PAGES_FOLDER}/{paper_pages.SITEMAP_FILE}"
    if base and Path(app.outdir, papers).exists():
        lines.append(f"Sitemap: {base}/{papers}")
    Path(app.outdir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
