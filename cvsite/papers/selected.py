"""`{selected-publications}`: the entries marked `selected`, newest first, in the lists' style;
on the web each title links to its paper's page.

With no entry marked selected, the list is left out with the heading of the section it is in
(the rest of that section joins the section before it), on the site and in the PDF, and every
build says so in a note at the directive's file:line, with how to mark an entry.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cvsite import handler_order as order
from cvsite.papers.paper_body import render_entry
from cvsite.papers.title_links import link_title, paper_uri
from cvsite.publications.cite_domain import cite_domain, publication_entries
from cvsite.publications.record import Record, newest_first, records_of
from cvsite.publications.rules import read_selected
from cvsite.rendering.bib_style import legend
from cvsite.variants.declared import by_name
from cvsite.variants.selection import chosen_keys

logger = logging.getLogger(__name__)

LIST_CLASS = "cv-publications-selected"
# Where each page has the directive, {docname: [line, ...]}, kept with the environment so that
# every build, also one that reads no page again, gives the note on an empty list.
ENV_ATTRIBUTE = "cvsite_selected_lists"


def depend_on_bib_files(env) -> None:
    """Re-read the page when a .bib file changes, as sphinxcontrib-bibtex does for its lists."""
    for path in cite_domain(env).bibdata.bibfiles:
        env.note_dependency(str(path))


class SelectedPublicationsDirective(SphinxDirective):
    # `:variant: short`: the publications that variant's rules choose (cvsite/variants/).
    option_spec = {"variant": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        depend_on_bib_files(self.env)
        lists = getattr(self.env, ENV_ATTRIBUTE, None)
        if lists is None:
            lists = {}
            setattr(self.env, ENV_ATTRIBUTE, lists)
        lists.setdefault(self.env.docname, []).append(self.lineno)
        records = self.chosen(records_of(publication_entries(self.env).values()))
        records.sort(key=newest_first)
        listing = nodes.bullet_list(classes=["cv-selected"])
        for record in records:
            listing += nodes.list_item("", render_entry(record), paper_key=record.key)
        wrapper = nodes.container(classes=["cv-publications", LIST_CLASS])
        if any(record.equal_contributors for record in records):
            wrapper += legend()
        wrapper += listing
        return [wrapper]

    def chosen(self, records: list[Record]) -> list[Record]:
        """Those marked `selected`, or those the rules of the variant named choose."""
        name = self.options.get("variant")
        if name is None:
            return [r for r in records if r.selected]
        variant = by_name(self.config, name)
        if variant is None or variant.is_full:
            known = ", ".join(self.config.cv_variants) or "none in conf.py"
            raise self.error(f"selected-publications: no variant {name!r} in cv_variants "
                             f"(declared: {known}); name one of them.")  # fmt: skip
        keys = chosen_keys(records, variant.publications)
        return [r for r in records if r.key in keys]


def drop_empty_lists(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, before Sphinx collects the table of contents: an empty selected list goes,
    with its section's heading; the rest of the section joins the section before it."""
    for wrapper in list(doctree.findall(nodes.container)):
        if LIST_CLASS in wrapper["classes"] and not any(wrapper.findall(nodes.list_item)):
            section = wrapper.parent
            section.remove(wrapper)
            if isinstance(section, nodes.section):
                lift_out_of_section(section)


def lift_out_of_section(section: nodes.section) -> None:
    """The section's heading goes; what else it holds joins the end of the section before it
    (or takes its place, when it is the first)."""
    parent = section.parent
    index = parent.index(section)
    content = [child for child in section.children if not isinstance(child, nodes.title)]
    parent.remove(section)
    previous = parent[index - 1] if index else None
    if isinstance(previous, nodes.section):
        while isinstance(previous[-1], nodes.section):  # text goes after its last subsection
            previous = previous[-1]
        previous.extend(content)
    else:
        for offset, child in enumerate(content):
            parent.insert(index + offset, child)


def note_empty_lists(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated (every build, after reading): a note at each selected list left out."""
    lists = getattr(env, ENV_ATTRIBUTE, {})
    # The rule alone, not every entry's record: this runs on every build, a no-op one too.
    entries = publication_entries(env).values()
    if not lists or any(read_selected(entry.fields.get("selected", "")) for entry in entries):
        return []
    for docname, lines in sorted(lists.items()):
        for line in lines:
            logger.info(
                "NOTE: no entry of the .bib files is marked selected, so this selected "
                "publications list is left out, with the heading of its section; mark the "
                "entries to show with selected = {true} in refs.bib",
                location=(docname, line),
            )
    return []


def forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, ENV_ATTRIBUTE, {}).pop(docname, None)


def merge_from_worker(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment):
    """env-merge-info: the lists a `-j` reader process found."""
    found = getattr(other, ENV_ATTRIBUTE, {})
    if found:
        setattr(env, ENV_ATTRIBUTE, {**getattr(env, ENV_ATTRIBUTE, {}), **found})


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
    app.connect("doctree-read", drop_empty_lists, priority=order.BEFORE_READERS)
    app.connect("env-updated", note_empty_lists)
    app.connect("env-purge-doc", forget_page)
    app.connect("env-merge-info", merge_from_worker)
