"""A variant's PDF: the LaTeX build with `-D cv_variant=NAME`, narrowed to what its rules
select, on the one document Sphinx assembles from the pages (each page in a start_of_file
node): its pages in its order, the entries and items its tags show, the publications its
rules choose. Links into a page it leaves out become plain text.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from cvsite.errors import settings_error
from cvsite.publications.cite_domain import bib_entries
from cvsite.publications.record import records_of
from cvsite.rendering.cv_entry import cv_entry
from cvsite.rendering.publication_list import KEY_ATTRIBUTE, publication_list
from cvsite.variants import selection
from cvsite.variants.declared import Variant, current
from cvsite.variants.tags import item_tags

SELECTED_KEY = "paper_key"  # the key on an item of `selected-publications`


class NarrowToVariant(SphinxPostTransform):
    builders = ("latex",)
    default_priority = 20  # after the references are resolved (10) and the lists finished (7)

    def run(self, **kwargs) -> None:
        variant = current(self.config)
        if variant.is_full:
            return
        left_out = keep_pages(self.document, variant)
        for entry in list(self.document.findall(cv_entry)):
            if not selection.shows_tagged(entry.get("tags", ()), variant):
                entry.parent.remove(entry)
        items: list[nodes.Element] = [*self.document.findall(nodes.list_item)]
        items += self.document.findall(nodes.definition_list_item)
        for item in items:
            if is_tag_filtered(item) and not selection.shows_tagged(item_tags(item), variant):
                item.parent.remove(item)
        if variant.publications.any:
            keep_publications(self.document, variant, self.env)
        unlink(self.document, left_out)
        drop_empty(self.document)


def is_tag_filtered(item: nodes.Element) -> bool:
    """A publication is chosen by the publication rules, and an untagged bullet of an entry
    follows its entry; every other list item by its tags."""
    if item.get(KEY_ATTRIBUTE) or item.get(SELECTED_KEY):
        return False
    parent = item.parent
    while parent is not None and not isinstance(parent, cv_entry):
        parent = parent.parent
    return parent is None or bool(item_tags(item))


def keep_pages(document: nodes.document, variant: Variant) -> set[str]:
    """The variant's pages, in its order; the names of the pages left out. A page it names
    that the PDF does not hold (not in the home page's toctree) stops the build: the PDF
    would not be what the variant says."""
    pages = variant.pages
    if not pages:
        return set()
    files = [f for f in document.findall(addnodes.start_of_file) if f.parent is not None]
    present = [f["docname"] for f in files]
    if missing := [page for page in pages if page not in present]:
        problem = (
            f"cv_variants[{variant.name!r}]['pages'] names {missing}, which the PDF does not "
            f"hold; name pages of the home page's toctree: {', '.join(present)}."
        )
        raise settings_error(Path("conf.py"), [problem])
    left_out = {docname for docname in present if docname not in pages}
    kept = sorted(
        (f for f in files if f["docname"] in pages), key=lambda f: pages.index(f["docname"])
    )
    parent = kept[0].parent
    at = min(parent.index(f) for f in files if f.parent is parent)
    for file in files:
        if file.parent is not None and (file in kept or file["docname"] in left_out):
            file.parent.remove(file)
    for offset, file in enumerate(kept):
        parent.insert(at + offset, file)
    return left_out


def keep_publications(document: nodes.document, variant: Variant, env) -> None:
    records = records_of(bib_entries(env).values())
    chosen = selection.chosen_keys(records, variant.publications)
    for item in list(document.findall(nodes.list_item)):
        key = item.get(KEY_ATTRIBUTE) or item.get(SELECTED_KEY)
        if key and key not in chosen:
            item.parent.remove(item)


def unlink(document: nodes.document, left_out: set[str]) -> None:
    """A link to a page the variant leaves out would point nowhere in the PDF: its text."""
    for reference in list(document.findall(nodes.reference)):
        target = reference.get("refuri", "")
        if target.startswith("%") and target[1:].split("#")[0] in left_out:
            reference.replace_self(nodes.inline("", "", *reference.children))


def drop_empty(document: nodes.document) -> None:
    """Lists left with no item, publication lists with no entry, and sections left with
    nothing but their title."""
    lists = nodes.bullet_list | nodes.enumerated_list | nodes.definition_list
    for listing in list(document.findall(lambda node: isinstance(node, lists))):
        if not listing.children and listing.parent is not None:
            listing.parent.remove(listing)
    for wrapper in list(document.findall(publication_list)):
        if not any(True for _ in wrapper.findall(nodes.list_item)):
            wrapper.parent.remove(wrapper)
    for section in reversed(list(document.findall(nodes.section))):
        if all(isinstance(child, nodes.title | nodes.target) for child in section.children):
            section.parent.remove(section)


def setup(app: Sphinx) -> None:
    app.add_post_transform(NarrowToVariant)
