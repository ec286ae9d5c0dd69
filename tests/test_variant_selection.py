"""A variant's rules (cvsite/variants/selection.py) on a table of invented entries: tags, and
each publication rule alone and together; and how a variant's PDF keeps its pages and items
(pdf_variant.py), on documents made here."""

from __future__ import annotations

import pytest
from docutils import nodes
from docutils.utils import new_document
from pybtex.database import parse_string
from sphinx import addnodes
from sphinx.errors import SphinxError

from cvsite.publications.record import record_of_entry
from cvsite.variants import pdf_variant
from cvsite.variants.declared import PublicationRules, Variant
from cvsite.variants.selection import chosen_keys, read_tags, shows_tagged
from cvsite.variants.tags import cv_tags as tags_node
from cvsite.variants.tags import item_tags

BIB = """
@article{old2015, author = {Ida Quill}, title = {Old}, journal = {J. Ex.}, year = {2015},
  keywords = {graphs; colouring}}
@inproceedings{mid2020, author = {Ida Quill}, title = {Mid}, booktitle = {Conf}, year = {2020},
  selected = {true}, keywords = {Vision}}
@misc{pre2023, author = {Ida Quill}, title = {Pre}, year = {2023}, keywords = {vision, graphs}}
@article{new2024, author = {Ida Quill}, title = {New}, journal = {J. Ex.}, year = {2024},
  selected = {yes}}
@article{soon, author = {Ida Quill}, title = {Soon}, journal = {J. Ex.}, year = {to appear}}
"""
RECORDS = [record_of_entry(entry) for entry in parse_string(BIB, "bibtex").entries.values()]


@pytest.mark.parametrize(
    ("rules", "keys"),
    [
        (PublicationRules(), {"old2015", "mid2020", "pre2023", "new2024", "soon"}),
        (PublicationRules(selected=True), {"mid2020", "new2024"}),
        (PublicationRules(since=2021), {"pre2023", "new2024", "soon"}),  # "to appear": newest
        (PublicationRules(kinds=("preprints",)), {"pre2023"}),
        (PublicationRules(keywords=("vision",)), {"mid2020", "pre2023"}),  # any case, , or ;
        (PublicationRules(latest=2), {"soon", "new2024"}),
        (PublicationRules(kinds=("peer-reviewed",), latest=2), {"soon", "new2024"}),
        (PublicationRules(keywords=("graphs",), since=2016), {"pre2023"}),
    ],
)
def test_the_publication_rules_choose(rules, keys):
    assert chosen_keys(RECORDS, rules) == keys


@pytest.mark.parametrize(
    ("tags", "variant_tags", "untagged", "shown"),
    [
        ((), (), True, True),  # no tag rule: everything
        (("short",), (), True, True),
        (("short",), ("short",), True, True),
        (("teaching",), ("short",), True, False),
        ((), ("short",), True, True),  # untagged: kept by default
        ((), ("short",), False, False),
        (("teaching", "short"), ("Short",), False, True),  # any shared tag, any case
    ],
)
def test_tags_show_an_entry_or_not(tags, variant_tags, untagged, shown):
    variant = Variant("v", "V", tags=variant_tags, untagged=untagged)
    assert shows_tagged(tags, variant) is shown


def test_tags_are_read_in_lower_case_by_comma_or_semicolon():
    assert read_tags(" Short, teaching;grant ") == ("short", "teaching", "grant")
    assert read_tags("") == ()


def document_of(*docnames: str) -> nodes.document:
    """A document as Sphinx assembles the PDF's: each page in a start_of_file node."""
    document = new_document("index")
    wrapper = nodes.compound()
    for docname in docnames:
        page = addnodes.start_of_file(docname=docname)
        page += nodes.section("", nodes.title("", docname))
        wrapper += page
    document += wrapper
    return document


def test_a_variant_keeps_its_pages_in_its_order():
    document = document_of("education", "experience", "publications")
    variant = Variant("short", "Short", pages=("publications", "education"))
    assert pdf_variant.keep_pages(document, variant) == {"experience"}
    kept = [page["docname"] for page in document.findall(addnodes.start_of_file)]
    assert kept == ["publications", "education"]


def test_a_page_the_pdf_does_not_hold_stops_the_build():
    variant = Variant("short", "Short", pages=("education", "index"))
    with pytest.raises(SphinxError) as stopped:
        pdf_variant.keep_pages(document_of("education", "experience"), variant)
    assert "cv_variants['short']['pages'] names ['index'], which the PDF does not hold" in str(
        stopped.value
    )


def test_a_definition_s_tags_choose_it_as_a_list_item_s_do():
    listing = nodes.definition_list()
    for term, tags in (("2023", "short"), ("2022", "")):
        definition = nodes.paragraph("", f"Prize of {term}")
        if tags:
            definition += tags_node(tags=(tags,))
        listing += nodes.definition_list_item(
            "", nodes.term("", term), nodes.definition("", definition)
        )
    first, second = listing.children
    assert item_tags(first) == ("short",) and item_tags(second) == ()
    assert pdf_variant.is_tag_filtered(first) and pdf_variant.is_tag_filtered(second)
