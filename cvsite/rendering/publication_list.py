"""The `publication-list` directive: a numbered sphinxcontrib-bibtex list of one kind of entry.

    :::{publication-list} peer-reviewed
    :::

Kinds split refs.bib by entry type, so that every entry lands in exactly one list; `other`
catches the types that fit neither, and its section disappears when it would be empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinxcontrib.bibtex.directives import BibliographyDirective, BibliographyKey

from cvsite import handler_order as order
from cvsite.publications.cite_domain import cite_domain, publication_entries
from cvsite.publications.fields import KINDS
from cvsite.publications.keys import anchor_id
from cvsite.publications.record import parents_only, records_of
from cvsite.rendering.bib_style import STYLE_NAME, legend

logger = logging.getLogger(__name__)

KEY_ATTRIBUTE = "cvsite_key"  # on each entry's node: the BibTeX key it shows


def filter_expression(kind: str, left_out: Iterable[str] = ()) -> str:
    """sphinxcontrib-bibtex's filter for one kind: the entry types of fields.KINDS (which
    rules.kind_of reads too, so that the lists and the records agree), without the keys
    `left_out` (the entries read only as crossref parents, record.is_parent_only)."""
    types = KINDS[kind]
    if types is None:
        known = sorted(set().union(*(t for t in KINDS.values() if t is not None)))
        expression = f"type not in {quoted_set(known)}"
    else:
        expression = f"type in {quoted_set(sorted(types))}"
    # The filter compares keys in lower case; repr quotes any key as a Python string.
    keys = sorted({key.lower() for key in left_out})
    return f"{expression} and key not in {{{', '.join(map(repr, keys))}}}" if keys else expression


def quoted_set(items: list[str]) -> str:
    return "{" + ", ".join(f'"{item}"' for item in items) + "}"


class publication_list(nodes.General, nodes.Element):
    """Wraps one bibliography, so that the legend and empty-list rules can find it."""


class PublicationListDirective(BibliographyDirective):
    required_arguments = 1
    optional_arguments = 0
    option_spec = {}
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in KINDS:
            raise self.error(
                f"publication-list: unknown kind {kind!r}; use one of {', '.join(KINDS)}."
            )
        # Our fixed choices for the underlying sphinxcontrib-bibtex `bibliography`.
        self.arguments = []
        self.options = {
            "list": "enumerated",
            "style": STYLE_NAME,
            "filter": filter_expression(kind, parents_only()),
        }
        wrapper = publication_list(kind=kind)
        self.set_source_info(wrapper)
        made = super().run()
        wrapper += made
        # Each entry's node carries its key, for its id and its links (see FinishPublicationLists).
        domain = cite_domain(self.env)
        [*_, bibliography_node] = made  # sphinxcontrib-bibtex's list, after its targets
        assert isinstance(bibliography_node, nodes.Element)
        list_id = bibliography_node["ids"][0]
        bibliography = domain.bibliographies[BibliographyKey(self.env.docname, list_id)]
        for key, node in bibliography.citation_nodes.items():
            node[KEY_ATTRIBUTE] = key
        return [wrapper]


def set_bibtex_ids(app: Sphinx, config: Config) -> None:
    """An id for each list, which sphinxcontrib-bibtex needs to find it.

    Entries keep the ids docutils makes (unique, whatever the key holds) until
    FinishPublicationLists names them after their keys: sphinxcontrib-bibtex's own
    `bibtex_cite_id` would put each key through docutils' make_id, which gives `smith:2020`
    and `smith_2020`, or `Tèst` and `Tést`, one id.
    """
    if not config.bibtex_bibliography_id:
        config.bibtex_bibliography_id = "publication-list-{bibliography_count}"


def drop_empty_lists(app: Sphinx, doctree: nodes.document) -> None:
    """Remove a list (and its section, if nothing else is in it) that no entry of refs.bib fits.

    Runs before Sphinx collects the table of contents, so no heading is left pointing at
    nothing.
    """
    wrappers = list(doctree.findall(publication_list))
    if not wrappers:  # most pages, and every paper page
        return
    present = {record.kind for record in records_of(publication_entries(app.env).values())}
    for wrapper in wrappers:
        if wrapper["kind"] in present:
            continue
        section = wrapper.parent
        siblings = [child for child in section.children if child is not wrapper]
        if isinstance(section, nodes.section) and all(
            isinstance(child, nodes.title) for child in siblings
        ):
            section.parent.remove(section)
        else:
            section.remove(wrapper)


class FinishPublicationLists(SphinxPostTransform):
    """Name each entry's anchor after its key, and add the equal-contribution legend.

    sphinxcontrib-bibtex gives every list an id for every entry of refs.bib, so its ids
    must differ per list; an entry is shown in one list per page, so an id made from the key
    alone (keys.anchor_id: distinct for distinct keys) is unique once the lists are
    filled. The legend goes once above each list that holds a mark.
    """

    default_priority = 7  # after sphinxcontrib-bibtex fills the lists (5) and AddBibTeXControls

    def run(self, **kwargs) -> None:
        for wrapper in self.document.findall(publication_list):
            for item in wrapper.findall(nodes.list_item):
                if KEY_ATTRIBUTE in item:
                    item["ids"] = [anchor_id(item[KEY_ATTRIBUTE])]
            marked = any("cv-equal" in node["classes"] for node in wrapper.findall(nodes.inline))
            if marked:
                wrapper.insert(0, legend())


def visit_publication_list_html(self, node: publication_list) -> None:
    self.body.append(f'<div class="cv-publications cv-publications-{node["kind"]}">\n')


def depart_publication_list_html(self, node: publication_list) -> None:
    self.body.append("</div>\n")


def visit_passthrough(self, node: publication_list) -> None:
    pass


def check_every_entry_listed(app: Sphinx, env: BuildEnvironment) -> None:
    """Every entry of the .bib files is shown on some page: nothing is dropped silently."""
    domain = cite_domain(env)
    # citation.key carries a bibliography's :keyprefix:; the entry's key is refs.bib's.
    shown = {citation.entry.key for citation in domain.citations}
    publications = publication_entries(env)  # not the entries read as crossref parents only
    if shown.issuperset(publications):
        return  # the usual case
    for record in records_of(publications.values()):
        if record.key not in shown:
            # Where the user wrote it, also when the build reads a normalised copy.
            source = record.source
            where = f"{Path(app.confdir, source.file)}:{source.line}" if source else None
            logger.warning(
                f"{record.key}: this @{record.type} entry is on no page; add\n"
                f":::{{publication-list}} {record.kind}\n:::\nto docs/publications.md.",
                location=where,
                type="cvsite",
                subtype="unlisted",
            )


def setup(app: Sphinx) -> None:
    app.connect("config-inited", set_bibtex_ids)
    app.add_node(
        publication_list,
        html=(visit_publication_list_html, depart_publication_list_html),
        latex=(visit_passthrough, visit_passthrough),
        text=(visit_passthrough, visit_passthrough),
    )
    app.add_directive("publication-list", PublicationListDirective)
    # Before Sphinx's table-of-contents collector sees the sections.
    app.connect("doctree-read", drop_empty_lists, priority=order.BEFORE_READERS)
    app.add_post_transform(FinishPublicationLists)
    app.connect("env-check-consistency", check_every_entry_listed)
