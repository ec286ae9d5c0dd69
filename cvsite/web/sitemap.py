"""sitemap.xml: every page of the site, with its canonical address, for search engines.

A few lines of XML, so we write the file ourselves rather than patch sphinx-sitemap, which
lists only the pages the current build wrote (its issue #13) and keeps its queue where
Sphinx is changing things. The settings are the ones sphinx-sitemap users know:
`sitemap_url_scheme`, `sitemap_filename`, `sitemap_excludes` (with wildcards) and the base
address `html_baseurl`. Paper pages have a sitemap of their own (papers/paper_pages.py).
"""

from __future__ import annotations

import fnmatch
import html
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

# In a page's context: the page is not one of the site's (the paper pages' prototype).
UNLISTED = "cvsite_unlisted"
# Builders whose pages are one file per document, which is what a sitemap lists.
SITEMAP_BUILDERS = ("html", "dirhtml")
# Pages without a source (search, genindex, ...) written in the main process, per build.
generated_pages: weakref.WeakKeyDictionary[Sphinx, set[str]] = weakref.WeakKeyDictionary()

# Asked by the web layer (robots.txt lists them), answered by other concerns: sitemaps besides
# sitemap.xml (each handler returns a path relative to the site, or None).
EXTRA_SITEMAPS = "cvsite-extra-sitemaps"


def setup(app: Sphinx) -> None:
    if "sphinx_sitemap" in app.config.extensions:
        raise ExtensionError(
            "conf.py: ERROR: cvsite writes sitemap.xml itself (every page, after any build), "
            "with the same sitemap_* settings; remove 'sphinx_sitemap' from extensions.",
            modname="cvsite",
        )
    app.add_event(EXTRA_SITEMAPS)
    # One language, one version: no /en/latest/ in the addresses, and no search or index page.
    app.add_config_value("sitemap_url_scheme", "{link}", "html", str)
    app.add_config_value("sitemap_filename", "sitemap.xml", "html", str)
    excludes = ["search.html", "genindex.html"]
    app.add_config_value("sitemap_excludes", excludes, "html", (list, tuple))
    app.connect("builder-inited", start_build)
    app.connect("html-page-context", note_generated_page)
    app.connect("build-finished", write_sitemap)


def start_build(app: Sphinx) -> None:
    generated_pages[app] = set()


def note_generated_page(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """Documents are known from the environment; other pages only when they are written.

    Those are written by the main process on every build, also with -j, so none is missed.
    """
    if context.get(UNLISTED):
        return
    if pagename not in app.env.found_docs and app in generated_pages:
        generated_pages[app].add(pagename)


def page_links(app: Sphinx, pagenames) -> list[str]:
    """Each page's address relative to the site root, minus the excluded ones, sorted."""
    excludes = app.config.sitemap_excludes
    links = {app.builder.get_target_uri(name) for name in pagenames}
    return sorted(
        link for link in links if not any(fnmatch.fnmatch(link, pattern) for pattern in excludes)
    )


def page_url(config: Config, base_url: str, link: str) -> str:
    path = config.sitemap_url_scheme.format(
        lang=f"{config.language}/" if config.language else "",
        version=f"{config.version}/" if config.version else "",
        link=link,
    )
    return base_url.rstrip("/") + "/" + path


def sitemap_xml(urls: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<url><loc>{html.escape(url)}</loc></url>\n" for url in urls)
        + "</urlset>\n"
    )


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: every page of the site, not only those this build wrote.

    Rewritten only when its text changes, so that a deploy by modification time skips it.
    """
    pages = generated_pages.pop(app, set())
    if exception or app.builder.name not in SITEMAP_BUILDERS:
        return
    target = Path(app.outdir, app.config.sitemap_filename)
    base_url = app.config.html_baseurl
    if not base_url:  # a sitemap holds absolute addresses only
        target.unlink(missing_ok=True)
        return
    links = page_links(app, set(app.env.found_docs) | pages)
    text = sitemap_xml([page_url(app.config, base_url, link) for link in links])
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def sitemap_address(app: Sphinx) -> str | None:
    """The sitemap's own address, for robots.txt; None when no sitemap is written."""
    if not app.config.html_baseurl or app.builder.name not in SITEMAP_BUILDERS:
        return None
    return app.config.html_baseurl.rstrip("/") + "/" + app.config.sitemap_filename
