"""A page per entry of the .bib files: publications/<key>.html (HTML only).

The pages are not Sphinx documents: for a prolific .bib, Sphinx would read, pickle and index
thousands of sources on every build. We render one prototype page through the theme, with
placeholders where a paper's address, title, description, Scholar tags and body go, and stamp
each paper's page from it. The bodies are our docutils nodes, rendered by Sphinx's HTML writer
as any page is. A page is written again only when its digest changes: its entry, the list that
it links back to, the prototype (theme, navbar, settings) or our code. The digests live in the
doctree folder, beside Sphinx's own state. When Sphinx starts writing documents, a forked
process makes the pages meanwhile (cvsite/speed/background.py); otherwise they are made when the
documents are written (html-collect-pages).

`{selected-publications}` lists the entries marked `selected = {true}`, in the same style.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import cast

from docutils import nodes
from docutils.utils import new_document
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import ParallelTasks

from cvsite import handler_order as order
from cvsite.code_digest import package_digest
from cvsite.papers import scholar_metadata
from cvsite.papers.paper_body import paper_body
from cvsite.publications.cite_domain import cite_domain, publication_entries
from cvsite.publications.keys import PAGES_FOLDER, anchor_id, page_name, slug
from cvsite.publications.record import record_of, records_of
from cvsite.speed import formatting_cache, strict_rebuilds
from cvsite.speed.background import FileWriter, forking_is_safe
from cvsite.web import sitemap

# Where the prototype holds each paper's own text; each is replaced in one pass.
PLACEHOLDERS = {
    "slug": "cvsite-paper-slug",
    "title": "CVSITE-PAPER-TITLE",
    "description": "CVSITE-PAPER-DESCRIPTION",
    "meta": "<!--cvsite-paper-meta-->",
    "body": "<!--cvsite-paper-body-->",
}
PLACEHOLDER_PATTERN = re.compile("(" + "|".join(re.escape(p) for p in PLACEHOLDERS.values()) + ")")
PROTOTYPE_PAGE = f"{PAGES_FOLDER}/{PLACEHOLDERS['slug']}"
BODY = re.compile(r"<!--cvsite-body-start-->\n?(.*?)<!--cvsite-body-end-->", re.S)
DIGESTS_FILE = "cvsite-paper-pages.json"  # each page's digest
STATE_FILE = "cvsite-paper-pages-state.json"  # the digest of everything, the folder's time
BODIES_PER_PASS = 250
SITEMAP_FILE = "sitemap.xml"  # in PAGES_FOLDER
# The forked process that makes each build's pages, from its first document written until
# html-collect-pages (None once joined: documents written after that start nothing).
page_makers: weakref.WeakKeyDictionary[Sphinx, ParallelTasks | None] = weakref.WeakKeyDictionary()


# Entries as docutils nodes ------------------------------------------------------------------


# The pages ----------------------------------------------------------------------------------


def list_pages(app: Sphinx) -> dict[str, str]:
    """BibTeX key -> the page of the first list that shows it."""
    pages: dict[str, str] = {}
    for citation in cite_domain(app.env).citations:
        pages.setdefault(citation.entry.key, citation.bibliography_key.docname)
    return pages


def back_links(pages: Mapping[str, str]) -> dict[str, str]:
    """BibTeX key -> its place in the first list that shows it, relative to its paper page."""
    hrefs = {
        page: relative_uri(f"{PROTOTYPE_PAGE}.html", f"{page}.html") for page in set(pages.values())
    }
    return {key: f"{hrefs[page]}#{anchor_id(key)}" for key, page in pages.items()}


def add_prototype_placeholders(app: Sphinx, pagename: str, templatename, context, doctree):
    """html-page-context: the prototype's description and tags are placeholders."""
    if pagename == PROTOTYPE_PAGE:
        description = f'<meta content="{PLACEHOLDERS["description"]}" name="description" />\n'
        context["metatags"] = context.get("metatags", "") + description + PLACEHOLDERS["meta"]


def render_prototype(app: Sphinx) -> str:
    """One page through the theme and every extension, with placeholders for a paper's text."""
    title, body = PLACEHOLDERS["title"], PLACEHOLDERS["body"]
    # sphinxext-opengraph reads a doctree; the placeholders stand in for the page's text.
    doctree = new_document(PROTOTYPE_PAGE)
    section = nodes.section(ids=["paper"])
    section += nodes.title(title, title)
    section += nodes.paragraph(PLACEHOLDERS["description"], PLACEHOLDERS["description"])
    doctree += section
    context = {
        "title": title,
        "body": f'<section id="paper">\n<h1>{title}</h1>\n{body}\n</section>\n',
        "meta": {},
        "metatags": "",
        sitemap.UNLISTED: True,
    }
    target = Path(app.doctreedir, "cvsite-paper-prototype.html")
    builder = cast(StandaloneHTMLBuilder, app.builder)  # make_pages runs for HTML builds only
    builder.handle_page(PROTOTYPE_PAGE, context, "page.html", outfilename=target,
                            event_arg=doctree)  # fmt: skip
    prototype = target.read_text(encoding="utf-8")
    target.unlink()
    return prototype


def render_bodies(app: Sphinx, entries: list[Entry], links: dict[str, str]) -> list[str]:
    """The bodies of many pages in one pass of Sphinx's HTML writer (a pass per page is slow)."""
    holder = nodes.container()
    for record in records_of(entries):
        holder += nodes.raw("", "<!--cvsite-body-start-->", format="html")
        holder += paper_body(record, links.get(record.key))
        holder += nodes.raw("", "<!--cvsite-body-end-->", format="html")
    builder = cast(StandaloneHTMLBuilder, app.builder)
    bodies = BODY.findall(builder.render_partial(holder)["fragment"])
    if len(bodies) != len(entries):  # only if an entry's text held our markers
        raise RuntimeError(f"paper pages: {len(entries)} bodies rendered, {len(bodies)} found")
    return bodies


def page_url(base_url: str, key: str) -> str | None:
    """A paper page's canonical address, from the site's (none without html_baseurl)."""
    return f"{base_url.rstrip('/')}/{page_name(key)}.html" if base_url else None


def stamp(prototype: list[str], entry: Entry, body: str, base_url: str) -> str:
    """One paper's page: the prototype's pieces (split at the placeholders), filled in."""
    record = record_of(entry)
    values = {
        PLACEHOLDERS["slug"]: slug(record.key),
        PLACEHOLDERS["title"]: html.escape(
            scholar_metadata.plain(record.title).strip() or record.key
        ),
        PLACEHOLDERS["description"]: html.escape(scholar_metadata.description(record)),
        PLACEHOLDERS["meta"]: scholar_metadata.metatags(record, page_url(base_url, record.key)),
        PLACEHOLDERS["body"]: body,
    }
    return "".join(values.get(piece, piece) for piece in prototype)


def code_digest() -> str:
    """Changes with the code that makes a page's body and tags (an upgrade rewrites pages)."""
    return package_digest()


def start_making_pages(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """html-page-context, for the first document Sphinx writes: make the paper pages meanwhile.

    They need Sphinx's writing set up (the theme's context) and nothing that the documents
    still to be written change, so a forked process (Sphinx's ParallelTasks, which brings its
    logs and errors back at the join) makes them while Sphinx writes the documents.
    """
    if doctree is None or app in page_makers or not forking_is_safe():
        return  # (the index and search pages come last: nothing left to overlap with)
    tasks = page_makers[app] = ParallelTasks(1)  # before the fork: the helper starts no other
    tasks.add_task(functools.partial(make_pages, app))


def write_pages(app: Sphinx) -> Iterator:
    """html-collect-pages: the paper pages are made, or (when no document was written, or
    forking is unsafe) make them now."""
    if app.builder.format == "html":
        tasks = page_makers.get(app)
        page_makers[app] = None  # pages Sphinx writes after this start nothing
        if tasks is None:
            make_pages(app)
        else:
            tasks.join()
    return iter(())


def stop_making_pages(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, first: a build that failed before html-collect-pages ends the forked
    process it started; the next build of the same app may start one again."""
    tasks = page_makers.pop(app, None)
    if tasks is not None:
        tasks.terminate()


def make_pages(app: Sphinx) -> None:
    """Write the pages whose digest changed; remove those of gone entries."""
    folder = Path(app.outdir, PAGES_FOLDER)
    folder.mkdir(exist_ok=True)
    prototype = render_prototype(app)
    pages = list_pages(app)
    cache = formatting_cache.cache_of(app.env)
    assert cache is not None  # attached at builder-inited, before any page is written
    entries = publication_entries(app.env)  # crossref parents only have no page
    # One digest of everything first: when nothing changed, no entry needs looking at.
    whole = hashlib.sha256(
        f"{prototype}|{code_digest()}|{cache.style}|{list(pages.items())}".encode()
    )
    for name in app.config.bibtex_bibfiles:
        whole.update(Path(app.confdir, name).read_bytes())
    # ... and the folder as we left it (its time changes when a file is added or removed).
    state = {"whole": whole.hexdigest(), "folder": folder.stat().st_mtime_ns}
    state_path = Path(app.doctreedir, STATE_FILE)
    # After a build that warned, whose pages `make html` threw away, every page is made again.
    remake_all = strict_rebuilds.remakes_everything(app)
    if not remake_all and read_json(state_path) == state:
        return
    links = back_links(pages)
    digests_path = Path(app.doctreedir, DIGESTS_FILE)
    written = {} if remake_all else read_json(digests_path).get("pages", {})
    base = hashlib.sha256(f"{prototype}|{code_digest()}".encode()).hexdigest()
    present = set(os.listdir(folder))
    for name in present:
        if name.endswith(".bib"):  # beside each page in versions before the data: download
            (folder / name).unlink()
    digests, stale = {}, []
    for key, entry in entries.items():
        name = slug(key)
        page_digest = f"{base}|{cache.digest(entry)}|{links.get(key)}"
        digests[name] = hashlib.sha256(page_digest.encode()).hexdigest()
        if written.get(name) != digests[name] or f"{name}.html" not in present:
            stale.append(entry)
    pieces = PLACEHOLDER_PATTERN.split(prototype)
    with FileWriter(folder) as writer:
        # Bodies are rendered a chunk at a time, so the helper writes one chunk's files
        # while the next chunk is rendered.
        for start in range(0, len(stale), BODIES_PER_PASS):
            chunk = stale[start : start + BODIES_PER_PASS]
            for entry, body in zip(chunk, render_bodies(app, chunk, links), strict=True):
                name = slug(entry.key)
                writer.write(f"{name}.html", stamp(pieces, entry, body, app.config.html_baseurl))
    for gone in set(written) - set(digests):
        (folder / f"{gone}.html").unlink(missing_ok=True)
    write_sitemap(folder, app.config.html_baseurl, entries)
    digests_path.write_text(json.dumps({"pages": digests}, indent=0, sort_keys=True), "utf-8")
    state["folder"] = folder.stat().st_mtime_ns
    state_path.write_text(json.dumps(state), encoding="utf-8")


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_sitemap(folder: Path, base_url: str, keys) -> None:
    """publications/sitemap.xml: the paper pages, for search engines (robots.txt names it).

    A sitemap of their own, written only when pages change: sphinx-sitemap rewrites
    sitemap.xml on every build, which would cost a long .bib time on every rebuild.
    """
    target = folder / SITEMAP_FILE
    if not base_url:  # no absolute addresses to list
        target.unlink(missing_ok=True)
        return
    locations = sorted(url for key in keys if (url := page_url(base_url, key)))
    target.write_text(sitemap.sitemap_xml(locations), encoding="utf-8")


def sitemap_path(app: Sphinx) -> str:
    """cvsite-extra-sitemaps: the paper pages' own sitemap, for robots.txt."""
    return f"{PAGES_FOLDER}/{SITEMAP_FILE}"


def setup(app: Sphinx) -> None:
    # Before sphinxext-opengraph, which adds a description of its own to a page that has none
    # when the site sets ogp_enable_meta_description.
    app.connect("html-page-context", add_prototype_placeholders, priority=order.BEFORE_READERS)
    app.connect("html-page-context", start_making_pages)
    app.connect("html-collect-pages", write_pages)
    app.connect("build-finished", stop_making_pages, priority=order.BUILD_STATE)
    app.connect(sitemap.EXTRA_SITEMAPS, sitemap_path)
