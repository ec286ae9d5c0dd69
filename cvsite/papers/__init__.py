"""A page per paper, with what Google Scholar and search engines read, and its BibTeX."""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.papers import paper_pages

    app.add_directive("selected-publications", paper_pages.SelectedPublicationsDirective)
    app.add_post_transform(paper_pages.LinkSelectedTitles)
    for node, visitors in paper_pages.VISITORS.items():
        app.add_node(node, **visitors)
    app.connect("html-page-context", paper_pages.add_prototype_placeholders)
    app.connect("html-page-context", paper_pages.start_making_pages)
    app.connect("html-collect-pages", paper_pages.write_pages)
    app.connect("build-finished", paper_pages.stop_making_pages, priority=0)
    app.connect("cvsite-extra-sitemaps", paper_pages.sitemap_path)
