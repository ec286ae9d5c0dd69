"""On the web, each entry's title links to its paper's page; in the lists, a collapsed "BibTeX"
control shows the entry's clean BibTeX below it."""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from cvsite.papers.bibtex_export import clean_bibtex
from cvsite.publications.cite_domain import bib_entries
from cvsite.publications.keys import page_name
from cvsite.publications.record import Record, record_of
from cvsite.rendering.publication_list import KEY_ATTRIBUTE, publication_list


def paper_uri(from_docname: str, key: str) -> str:
    """The address of an entry's page, relative to a page of the site."""
    return relative_uri(f"{from_docname}.html", f"{page_name(key)}.html")


def link_title(paragraph: nodes.Node, uri: str) -> None:
    """Make the entry's title a link (to its page)."""
    assert isinstance(paragraph, nodes.Element)  # the entry's paragraph
    for title in paragraph.findall(nodes.inline):
        if "cv-pub-title" in title["classes"]:
            children = list(title.children)
            title.clear()
            title += nodes.reference("", "", *children, refuri=uri, internal=True)
            return


class AddBibTeXControls(SphinxPostTransform):
    """On the web only: the title links to the entry's page; a "BibTeX" control below."""

    default_priority = 6  # after sphinxcontrib-bibtex (5), while ids still match its citations
    formats = ("html",)

    def run(self, **kwargs) -> None:
        entries = bib_entries(self.env)
        for wrapper in self.document.findall(publication_list):
            for item in wrapper.findall(nodes.list_item):
                key = item.get(KEY_ATTRIBUTE)
                if key in entries:
                    link_title(item.children[0], paper_uri(self.env.docname, key))
                    item += bibtex_details(record_of(entries[key]))


def bibtex_details(record: Record) -> nodes.raw:
    """A collapsed "BibTeX" control holding the entry's clean BibTeX (HTML only).

    Kept out of the search index ("no-search"): the entry's text is indexed already, and
    field names such as "booktitle" would match every entry.
    """
    source = html.escape(clean_bibtex(record))
    return nodes.raw(
        "",
        f'<details class="cv-bibtex"><summary>BibTeX</summary><pre>{source}</pre></details>\n',
        format="html",
        classes=["no-search"],
    )


def setup(app: Sphinx) -> None:
    app.add_post_transform(AddBibTeXControls)
