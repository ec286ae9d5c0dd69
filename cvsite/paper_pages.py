"""A page per entry of the .bib files, generated: publications/<key>.html (HTML only).

Each page is a MyST file that we write into docs/publications/ before Sphinx reads the
sources (the folder is ours, git-ignored, and rewritten on every build), holding a `{paper}`
directive. The directive renders the entry in our style; `html-page-context` adds the tags
Google Scholar reads (Highwire Press `citation_*`) and a schema.org ScholarlyArticle.

`{selected-publications}` lists the entries marked `selected = {true}`, in the same style.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .bib_style import STYLE_NAME, arxiv_id, entry_year, equal_contributors, legend, person_name
from .bibtex_export import clean_bibtex

PAGES_FOLDER = "publications"
JOURNAL_TYPES = frozenset({"article"})


def slug(key: str) -> str:
    """A file name for a key: DBLP keys hold ':' and '/'."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", key)


def docname_of(key: str) -> str:
    return f"{PAGES_FOLDER}/{slug(key)}"


def bib_entries(env) -> dict[str, Entry]:
    return dict(env.get_domain("cite").bibdata.data.entries)


def depend_on_bib_files(env) -> None:
    """Re-read the page when a .bib file changes, as sphinxcontrib-bibtex does for its lists."""
    for path in env.get_domain("cite").bibdata.bibfiles:
        env.note_dependency(str(path))


def plain(latex: str) -> str:
    return str(Text.from_latex(latex))


def is_selected(entry: Entry) -> bool:
    return entry.fields.get("selected", "").strip().lower() in ("true", "yes", "1")


# Sources ------------------------------------------------------------------------------------


def markdown_text(text: str) -> str:
    """Escape every ASCII punctuation mark, so that a title is shown as written."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def page_source(key: str, entry: Entry) -> str:
    title = plain(entry.fields.get("title", key))
    authors = ", ".join(person_name(p) for p in entry.persons.get("author", []))
    description = f"{title}. {authors}." if authors else f"{title}."
    return (
        "---\norphan: true\nmyst:\n  html_meta:\n"
        f"    description: {json.dumps(description, ensure_ascii=False)}\n---\n\n"
        f"# {markdown_text(title)}\n\n:::{{paper}} {key}\n:::\n"
    )


def write_sources(app: Sphinx) -> None:
    """builder-inited, after sphinxcontrib-bibtex has read the .bib files."""
    folder = Path(app.srcdir, PAGES_FOLDER)
    folder.mkdir(exist_ok=True)
    wanted = {}
    for key, entry in bib_entries(app.env).items():
        wanted[f"{slug(key)}.md"] = page_source(key, entry)
    for name, text in wanted.items():
        path = folder / name
        # Rewrite only what changed, so that Sphinx re-reads only those pages.
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()


# Rendering ----------------------------------------------------------------------------------


def render_entry(entry: Entry) -> nodes.paragraph:
    """The entry as in the publication lists: our style, rendered to docutils nodes."""
    style = find_plugin("pybtex.style.formatting", STYLE_NAME)()
    backend = find_plugin("pybtex.backends", "docutils")()
    return backend.paragraph(style.format_entry("", entry))


def link_title(paragraph: nodes.paragraph, key: str) -> None:
    """Make the entry's title a link to its page."""
    for title in paragraph.findall(nodes.inline):
        if "cv-pub-title" in title["classes"]:
            xref = addnodes.pending_xref(
                "",
                refdomain="std",
                reftype="doc",
                reftarget=f"/{docname_of(key)}",
                refexplicit=True,
                refwarn=True,
            )
            xref += nodes.inline("", "", *title.children)
            title.children = []
            title += xref
            return


class paper_back_link(nodes.General, nodes.Element):
    """ "All publications": to the entry in the list that holds it, found when writing."""


class bibtex_download(nodes.General, nodes.Element):
    """The BibTeX of one entry with a copy button and a .bib download (HTML only)."""


class PaperDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0]
        depend_on_bib_files(self.env)
        entries = bib_entries(self.env)
        if key not in entries:
            raise self.error(f"paper: no entry {key!r} in the .bib files")
        entry = entries[key]
        container = nodes.container(classes=["cv-paper"])
        container += render_entry(entry)
        if equal_contributors(entry):
            container += legend()
        container += bibtex_download(key=key, source=clean_bibtex(entry), file=f"{slug(key)}.bib")
        container += paper_back_link(key=key)
        return [container]


class SelectedPublicationsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        depend_on_bib_files(self.env)
        entries = [e for e in bib_entries(self.env).values() if is_selected(e)]
        style = find_plugin("pybtex.style.formatting", STYLE_NAME)()
        listing = nodes.bullet_list(classes=["cv-selected"])
        for entry in style.sort(entries):
            paragraph = render_entry(entry)
            link_title(paragraph, entry.key)
            listing += nodes.list_item("", paragraph)
        wrapper = nodes.container(classes=["cv-publications", "cv-publications-selected"])
        if any(equal_contributors(entry) for entry in entries):
            wrapper += legend()
        wrapper += listing
        return [wrapper]


def visit_bibtex_download_html(self, node: bibtex_download) -> None:
    source = html.escape(node["source"])
    self.body.append(
        '<section class="cv-bibtex-source" aria-labelledby="bibtex-heading">\n'
        '<h2 id="bibtex-heading">BibTeX</h2>\n'
        f"<pre><code>{source}</code></pre>\n"
        '<p class="cv-bibtex-actions">'
        '<button type="button" class="btn btn-sm cv-copy" '
        "onclick=\"navigator.clipboard.writeText(this.closest('section')"
        ".querySelector('code').innerText).then(() => {this.textContent = 'Copied'})\">"
        "Copy BibTeX</button> "
        f'<a class="btn btn-sm" href="{node["file"]}" download>'
        f"Download {html.escape(node['file'])}</a></p>\n</section>\n"
    )
    raise nodes.SkipNode


def visit_paper_back_link_html(self, node: paper_back_link) -> None:
    citations = self.builder.env.get_domain("cite").citations
    holder = next((c for c in citations if c.key == node["key"]), None)
    if holder is not None:
        list_page = holder.bibliography_key.docname
        href = self.builder.get_relative_uri(self.builder.current_docname, list_page)
        anchor = nodes.make_id(node["key"])
        self.body.append(
            f'<p class="cv-back"><a href="{href}#{anchor}">← All publications</a></p>\n'
        )
    raise nodes.SkipNode


def skip(self, node) -> None:
    raise nodes.SkipNode


VISITORS = {
    bibtex_download: {"html": (visit_bibtex_download_html, None), "latex": (skip, None),
                      "text": (skip, None)},
    paper_back_link: {"html": (visit_paper_back_link_html, None), "latex": (skip, None),
                      "text": (skip, None)},
}  # fmt: skip


# Metadata for Google Scholar and search engines ---------------------------------------------


def highwire_tags(entry: Entry, pdf_url: str | None) -> list[tuple[str, str]]:
    """Google Scholar's inclusion guidelines: one tag per fact, only facts the entry holds."""
    tags = [("citation_title", plain(entry.fields.get("title", "")))]
    tags += [("citation_author", person_name(p)) for p in entry.persons.get("author", [])]
    if entry_year(entry):
        tags.append(("citation_publication_date", entry_year(entry)))
    venue_field = "journal" if entry.type.lower() in JOURNAL_TYPES else "booktitle"
    venue = entry.fields.get(venue_field, "") or entry.fields.get("journaltitle", "")
    if venue:
        tags.append((f"citation_{'journal' if venue_field == 'journal' else 'conference'}_title",
                     plain(venue)))  # fmt: skip
    if entry.fields.get("doi"):
        tags.append(("citation_doi", entry.fields["doi"]))
    if arxiv_id(entry):
        tags.append(("citation_arxiv_id", arxiv_id(entry)))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def scholarly_article(entry: Entry, page_url: str | None) -> dict:
    title = plain(entry.fields.get("title", ""))
    article: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": title,
        "name": title,
        "author": [
            {"@type": "Person", "name": person_name(p)} for p in entry.persons.get("author", [])
        ],
    }
    if entry_year(entry):
        article["datePublished"] = entry_year(entry)
    venue = entry.fields.get("journal") or entry.fields.get("booktitle")
    if venue:
        kind = "Periodical" if entry.type.lower() in JOURNAL_TYPES else "CreativeWork"
        article["isPartOf"] = {"@type": kind, "name": plain(venue)}
    if entry.fields.get("doi"):
        article["identifier"] = f"https://doi.org/{entry.fields['doi']}"
    if arxiv_id(entry):
        article["sameAs"] = f"https://arxiv.org/abs/{arxiv_id(entry)}"
    if page_url:
        article["url"] = page_url
    return article


def add_metadata(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not pagename.startswith(PAGES_FOLDER + "/"):
        return
    entry = next((e for k, e in bib_entries(app.env).items() if docname_of(k) == pagename), None)
    if entry is None:
        return
    pdf = entry.fields.get("pdf", "")
    pdf_url = pdf if pdf.startswith(("https://", "http://")) else None
    lines = [
        f'<meta name="{name}" content="{html.escape(value, quote=True)}">'
        for name, value in highwire_tags(entry, pdf_url)
    ]
    base = app.config.html_baseurl
    page_url = f"{base.rstrip('/')}/{pagename}.html" if base else None
    data = json.dumps(scholarly_article(entry, page_url), ensure_ascii=False, indent=1)
    data = data.replace("</", "<\\/")  # a title holding "</script>" cannot end the script
    lines.append(f'<script type="application/ld+json">{data}</script>')
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def write_bib_files(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    folder = Path(app.outdir, PAGES_FOLDER)
    folder.mkdir(exist_ok=True)
    for key, entry in bib_entries(app.env).items():
        (folder / f"{slug(key)}.bib").write_text(clean_bibtex(entry) + "\n", encoding="utf-8")
