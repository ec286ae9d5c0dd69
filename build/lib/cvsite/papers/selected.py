"""`{selected-publications}`: the entries marked `selected`, newest first, in the lists' style;
on the web each title links to its paper's page."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from cvsite.papers.paper_body import render_entry
from cvsite.papers.title_links import link_title, paper_uri
from cvsite.publications.cite_domain import bib_entries, cite_domain
from cvsite.publications.record import newest_first, records_of
from cvsite.rendering.bib_style import legend


def depend_on_bib_files(env) -> None:
    """Re-read the page when a .bib file changes, as sphinxcontrib-bibtex does for its lists."""
    for path in cite_domain(env).bibdata.bibfiles:
        env.note_dependency(str(path))


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


def setup(app: Sphinx) -> None:
    app.add_directive("selected-publications", SelectedPublicationsDirective)
    app.add_post_transform(LinkSelectedTitles)
