"""A page of the built site read back into the import model (cvsite/importers/model.py): its
title, paragraphs, cv-entries and list items, from the doctree Sphinx resolved, so that an
export sees what the build shows (an `{only} html` block is gone, a role is its text).

Text is given back as MyST, the inline markup the page wrote (emphasis, strong, code, links)
rebuilt from the nodes, so that `cvsite import` of the export writes the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes

from cvsite.importers.model import Entry, Item, Section
from cvsite.rendering.cv_entry import cv_entry
from cvsite.rendering.publication_list import publication_list

LISTS = (nodes.bullet_list, nodes.enumerated_list)


@dataclass
class Page:
    docname: str
    section: Section
    headings: list[str] = field(default_factory=list)  # its sub-sections' titles
    has_publications: bool = False


def read_page(docname: str, doctree: nodes.document) -> Page | None:
    """The page's first section (the page's title) and what it holds; None for a page
    without a title."""
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None or not isinstance(top[0], nodes.title):
        return None
    page = Page(docname, Section(top[0].astext().strip()))
    read_body(top, page)
    return page


def read_body(parent: nodes.Element, page: Page) -> None:
    section = page.section
    for child in parent.children:
        if isinstance(child, nodes.title):
            continue
        if isinstance(child, nodes.section):
            page.headings.append(child[0].astext().strip())
            read_body(child, page)
        elif isinstance(child, cv_entry):
            section.entries.append(entry_of(child))
        elif isinstance(child, LISTS):
            section.items += [Item(markdown(item)) for item in child.children]
        elif isinstance(child, nodes.definition_list):
            section.items += definition_items(child)
        elif isinstance(child, nodes.paragraph):
            section.paragraphs.append(markdown(child))
        elif isinstance(child, publication_list) or is_publications(child):
            page.has_publications = True
        elif isinstance(child, nodes.Element) and not isinstance(child, nodes.Invisible):
            read_body(child, page)  # a container, a compound: what it holds


def is_publications(node: nodes.Node) -> bool:
    """A publication list as its directive leaves it (a container of class cv-publications)."""
    return isinstance(node, nodes.Element) and "cv-publications" in node.get("classes", [])


def entry_of(node: cv_entry) -> Entry:
    entry = Entry(node["institution"], node["role"], node["dates"], node["place"])
    for child in node.children:
        if isinstance(child, LISTS):
            entry.bullets += [markdown(item) for item in child.children]
        elif isinstance(child, nodes.paragraph):
            entry.bullets.append(markdown(child))
    return entry


def definition_items(listing: nodes.definition_list) -> list[Item]:
    items = []
    for item in listing.findall(nodes.definition_list_item):
        term = next((markdown(t) for t in item.children if isinstance(t, nodes.term)), "")
        for definition in item.children:
            if isinstance(definition, nodes.definition):
                items.append(Item(markdown(definition), term))
    return items


def markdown(node: nodes.Node) -> str:
    """The node as MyST: inline markup rebuilt, blocks apart by a blank line, a nested list's
    items under their item."""
    if isinstance(node, nodes.Text):
        return str(node).replace("\n", " ")  # a soft line break of the source
    if isinstance(node, nodes.strong):
        return f"**{inline(node)}**"
    if isinstance(node, nodes.emphasis):
        return f"*{inline(node)}*"
    if isinstance(node, nodes.literal):
        return f"`{node.astext()}`"
    if isinstance(node, nodes.math):
        return f"${node.astext()}$"
    if isinstance(node, nodes.reference):
        address = node.get("refuri", "")
        external = address.startswith(("http://", "https://", "mailto:"))
        return f"[{inline(node)}]({address})" if external else inline(node)
    if isinstance(node, LISTS):
        return "\n".join("- " + markdown(item).replace("\n", "\n  ") for item in node.children)
    if isinstance(node, (nodes.list_item, nodes.definition)):
        blocks = [markdown(child) for child in node.children]
        separator = "\n" if any(isinstance(c, LISTS) for c in node.children) else "\n\n"
        return separator.join(block for block in blocks if block)
    if isinstance(node, (nodes.Invisible, nodes.system_message)):
        return ""
    return inline(node)


def inline(node: nodes.Node) -> str:
    return "".join(markdown(child) for child in node.children)


def about_paragraphs(doctree: nodes.document) -> list[str]:
    """The root page's "About" section, as paragraphs of MyST (a list is one of them)."""
    for section in doctree.findall(nodes.section):
        if section[0].astext().strip().casefold() == "about":
            return [
                markdown(child)
                for child in section.children
                if isinstance(child, (nodes.paragraph, *LISTS))
            ]
    return []
