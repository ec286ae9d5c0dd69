"""How entries look: the publication lists' style, the lists, and CV entries."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite.publications import owner_names


def register_bib_style(app: Sphinx, config: Config) -> None:
    from cvsite.rendering import bib_style

    bib_style.register(owner_names.OwnerNames.from_config(config))


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.rendering import cv_entry, publication_list

    app.connect("config-inited", register_bib_style)
    app.add_node(cv_entry.cv_entry, **cv_entry.VISITORS)
    app.add_directive("cv-entry", cv_entry.CVEntryDirective)
    app.connect("config-inited", publication_list.set_bibtex_ids)
    app.add_node(publication_list.publication_list, **publication_list.VISITORS)
    app.add_directive("publication-list", publication_list.PublicationListDirective)
    # Before Sphinx's table-of-contents collector (priority 500) sees the sections.
    app.connect("doctree-read", publication_list.drop_empty_lists, priority=400)
    app.add_post_transform(publication_list.FinishPublicationLists)
    app.add_post_transform(publication_list.AddBibTeXControls)
    app.connect("env-check-consistency", publication_list.check_every_entry_listed)
