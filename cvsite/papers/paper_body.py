"""A paper page's body: the entry as in the lists, the legend, its BibTeX to copy or download,
and the way back to the list that holds it. Nodes with an HTML rendering; the PDF has no paper
pages, so LaTeX and text skip them."""

from __future__ import annotations

import base64
import functools
import html

from docutils import nodes
from pybtex.plugin import find_plugin
from pybtex.style import FormattedEntry
from sphinx.application import Sphinx

from cvsite.papers.bibtex_export import clean_bibtex
from cvsite.publications.keys import slug
from cvsite.publications.record import Record
from cvsite.rendering.bib_style import STYLE_NAME, legend


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
    container += bibtex_download(source=clean_bibtex(record), file=file)
    if back_href:
        container += paper_back_link(href=back_href)
    return container


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


def setup(app: Sphinx) -> None:
    # The PDF has no paper pages: LaTeX and text skip these nodes.
    app.add_node(
        bibtex_download, html=(visit_bibtex_download_html, None), latex=(skip, None),
        text=(skip, None),
    )  # fmt: skip
    app.add_node(
        paper_back_link, html=(visit_paper_back_link_html, None), latex=(skip, None),
        text=(skip, None),
    )  # fmt: skip
