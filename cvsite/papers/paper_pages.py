"""A page per entry of the .bib files: publications/<key>.html (HTML only).

The pages are not Sphinx documents: for a prolific .bib, Sphinx would read, pickle and index
thousands of sources on every build. We render one prototype page through the theme, with
placeholders where a paper's address, title, description, Scholar tags and body go, and stamp
each paper's page from it. The bodies are our docutils nodes, rendered by Sphinx's HTML writer
as any page is. A page is written again only when its digest changes: its entry, the list that
it links back to, the prototype (theme, navbar, settings) or our code. The digests live in the
doctree folder, beside Sphinx's own state. When Sphinx starts writing documents, a forked
process makes the pages meanwhile (cvsite/background.py); otherwise they are made when the
documents are written (html-collect-pages).

`{selected-publications}` lists the entries marked `selected = {true}`, in the same style.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import os
import re
import string
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

from docutils import nodes
from docutils.utils import new_document
from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.style import FormattedEntry
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import ParallelTasks

from cvsite.code_digest import package_digest
from cvsite.papers import scholar_metadata
from cvsite.papers.bibtex_export import clean_bibtex
from cvsite.publications.record import Record, newest_first, record_of, records_of
from cvsite.rendering.bib_style import STYLE_NAME, legend
from cvsite.speed import formatting_cache
from cvsite.speed.background import FileWriter, forking_is_safe
from cvsite.web import sitemap

PAGES_FOLDER = "publications"
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
# A key's characters that stand for themselves in its page's name and its entry's id; any other
# is written as its UTF-8 bytes, each "~" and two hex digits (percent-encoding with "~" for "%",
# which in a file name would need encoding again in the page's address). "~" never stands for
# itself, so no two keys share a name or an id; keys that differ only in case are one key to
# BibTeX and pybtex.
KEPT_IN_NAMES = frozenset(string.ascii_letters + string.digits + "_-.")
KEPT_IN_IDS = KEPT_IN_NAMES - {"-"}  # "-" stands for "_" in the ids of plain keys
# Keys that docutils' make_id turns into distinct ids (it lowers the case, writes "_" as "-"
# and runs and ends of them together), as JabRef, Zotero and Google Scholar write keys.
PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")


def escaped(key: str, kept: frozenset[str]) -> str:
    return "".join(
        char if char in kept else "".join(f"~{byte:02X}" for byte in char.encode()) for char in key
    )


def slug(key: str) -> str:
    """The name of a key's page: the key, unless it holds other characters than letters,
    digits, "_", "-" and "." (DBLP's "DBLP:conf/aaai/X23" is "DBLP~3Aconf~2Faaai~2FX23")."""
    name = escaped(key, KEPT_IN_NAMES)
    return "~2E" + name[1:] if name.startswith(".") else name  # not a hidden file


def anchor_id(key: str) -> str:
    """The HTML id of a key's entry in the lists, linked from its page.

    A plain key keeps the id it has always had, docutils' ("Smith_2020" is "smith-2020"), so
    that links made to it stay. Any other key is escaped as for its page's name, "-" too, which
    gives an id that no other key gets and no plain key's id can be: it holds "~", "_" or "."
    or starts with a digit, which those never do ("smith-2020" is "smith~2D2020").
    """
    return nodes.make_id(key) if PLAIN_KEY.fullmatch(key) else escaped(key, KEPT_IN_IDS)


def page_name(key: str) -> str:
    return f"{PAGES_FOLDER}/{slug(key)}"


def bib_entries(env) -> Mapping[str, Entry]:
    return env.get_domain("cite").bibdata.data.entries


def depend_on_bib_files(env) -> None:
    """Re-read the page when a .bib file changes, as sphinxcontrib-bibtex does for its lists."""
    for path in env.get_domain("cite").bibdata.bibfiles:
        env.note_dependency(str(path))


# Entries as docutils nodes ------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def formatter(style_class: type) -> tuple:
    """One style and one backend per build: making them looks up entry points, which is slow."""
    return style_class(), find_plugin("pybtex.backends", "docutils")()


def render_entry(record: Record) -> nodes.paragraph:
    """The entry as in the publication lists: our style, rendered to docutils nodes."""
    style, backend = formatter(find_plugin("pybtex.style.formatting", STYLE_NAME))
    if record.entry is None:  # a record made without pybtex: nothing cached to look up
        return backend.paragraph(FormattedEntry(record.key, style.format_record(record)))
    return backend.paragraph(style.format_entry("", record.entry))


def paper_uri(from_docname: str, key: str) -> str:
    """The address of an entry's page, relative to a page of the site."""
    return relative_uri(f"{from_docname}.html", f"{page_name(key)}.html")


def link_title(paragraph: nodes.paragraph, uri: str) -> None:
    """Make the entry's title a link (to its page)."""
    for title in paragraph.findall(nodes.inline):
        if "cv-pub-title" in title["classes"]:
            children = list(title.children)
            title.clear()
            title += nodes.reference("", "", *children, refuri=uri, internal=True)
            return


class paper_back_link(nodes.General, nodes.Element):
    """ "All publications": to the entry in the list that holds it."""


class bibtex_download(nodes.General, nodes.Element):
    """The BibTeX of one entry with a copy button and a .bib download (HTML only)."""


def paper_body(record: Record, back_href: str | None) -> nodes.container:
    container = nodes.container(classes=["cv-paper"])
    container += render_entry(record)
    if record.equal_contributors:
        container += legend()
    file = f"{slug(record.key)}.bib"
    if record.entry is not None:
        container += bibtex_download(source=clean_bibtex(record.entry), file=file)
    if back_href:
        container += paper_back_link(href=back_href)
    return container


class SelectedPublicationsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        depend_on_bib_files(self.env)
        records = [r for r in records_of(bib_entries(self.env).values()) if r.selected]
        records.sort(key=newest_first)
        listing = nodes.bullet_list(classes=["cv-selected"])
        for record in records:
            listing += nodes.list_item("", render_entry(record), paper_key=record.key)
        wrapper = nodes.container(classes=["cv-publications", "cv-publications-selected"])
        if any(record.equal_contributors for record in records):
            wrapper += legend()
        wrapper += listing
        return [wrapper]


class LinkSelectedTitles(SphinxPostTransform):
    """On the web only: a selected publication's title links to its page."""

    default_priority = 6
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for item in self.document.findall(nodes.list_item):
            if item.get("paper_key"):
                uri = paper_uri(self.env.docname, item["paper_key"])
                link_title(item.children[0], uri)


def visit_bibtex_download_html(self, node: bibtex_download) -> None:
    """The download carries the file in its link (a data: URL named by `download`): a long
    .bib would otherwise add a file per paper, and creating thousands of files is much of the
    cost of a build."""
    source = html.escape(node["source"])
    encoded = base64.b64encode((node["source"] + "\n").encode("utf-8")).decode("ascii")
    self.body.append(
        '<section class="cv-bibtex-source" aria-labelledby="bibtex-heading">\n'
        '<h2 id="bibtex-heading">BibTeX</h2>\n'
        f"<pre><code>{source}</code></pre>\n"
        '<p class="cv-bibtex-actions">'
        '<button type="button" class="btn btn-sm cv-copy" '
        "onclick=\"navigator.clipboard.writeText(this.closest('section')"
        ".querySelector('code').innerText).then(() => {this.textContent = 'Copied'})\">"
        "Copy BibTeX</button> "
        f'<a class="btn btn-sm" href="data:application/x-bibtex;charset=utf-8;base64,{encoded}" '
        f'download="{html.escape(node["file"], quote=True)}">'
        f"Download {html.escape(node['file'])}</a></p>\n</section>\n"
    )
    raise nodes.SkipNode


def visit_paper_back_link_html(self, node: paper_back_link) -> None:
    href = html.escape(node["href"], quote=True)
    self.body.append(f'<p class="cv-back"><a href="{href}">← All publications</a></p>\n')
    raise nodes.SkipNode


def skip(self, node) -> None:
    raise nodes.SkipNode


VISITORS = {
    bibtex_download: {"html": (visit_bibtex_download_html, None), "latex": (skip, None),
                      "text": (skip, None)},
    paper_back_link: {"html": (visit_paper_back_link_html, None), "latex": (skip, None),
                      "text": (skip, None)},
}  # fmt: skip


# The pages ----------------------------------------------------------------------------------


def list_pages(app: Sphinx) -> dict[str, str]:
    """BibTeX key -> the page of the first list that shows it."""
    pages: dict[str, str] = {}
    for citation in app.env.get_domain("cite").citations:
        pages.setdefault(citation.key, citation.bibliography_key.docname)
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
    app.builder.handle_page(PROTOTYPE_PAGE, context, "page.html", outfilename=target,
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
    bodies = BODY.findall(app.builder.render_partial(holder)["fragment"])
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
    entries = bib_entries(app.env)
    # One digest of everything first: when nothing changed, no entry needs looking at.
    whole = hashlib.sha256(
        f"{prototype}|{code_digest()}|{cache.style}|{list(pages.items())}".encode()
    )
    for name in app.config.bibtex_bibfiles:
        whole.update(Path(app.confdir, name).read_bytes())
    # ... and the folder as we left it (its time changes when a file is added or removed).
    state = {"whole": whole.hexdigest(), "folder": folder.stat().st_mtime_ns}
    state_path = Path(app.doctreedir, STATE_FILE)
    if read_json(state_path) == state:
        return
    links = back_links(pages)
    digests_path = Path(app.doctreedir, DIGESTS_FILE)
    written = read_json(digests_path).get("pages", {})
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
