"""`{cv-tags}`: tags on a list item or a definition, for the CV variants, as `:tags:` is on a
cv-entry.

    - {cv-tags}`short, teaching` Guest lecture on optimisers, 2024.

The role leaves a node that no output shows; pdf_variant.py keeps or drops the item it is in.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from cvsite.variants.selection import read_tags


class cv_tags(nodes.Invisible, nodes.Inline, nodes.Element):
    """The tags of the list item it is in (attribute "tags")."""


class TagsRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = cv_tags(tags=read_tags(self.text))
        self.set_source_info(node)
        return [node], []


ITEMS = (nodes.list_item, nodes.definition_list_item)


def item_tags(item: nodes.Element) -> tuple[str, ...]:
    """The tags a list item or a definition list's item carries (its own, not those of the
    lists inside it)."""
    for node in item.findall(cv_tags):
        owner = node.parent
        while owner is not None and not isinstance(owner, ITEMS):
            owner = owner.parent
        if owner is item:
            return tuple(node["tags"])
    return ()


def skip(self, node: cv_tags) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(cv_tags, html=(skip, None), latex=(skip, None), text=(skip, None))
    app.add_role("cv-tags", TagsRole())
