"""CV variants (cvsite/variants/, README "Variants"): each variant that this site and the
second academic declare is built as `make pdf` builds it, and its PDF holds what its rules
select, in its pages' order, and nothing they leave out. The expectations are worked out here
from the sources and the declared rules (cvsite/testing's reading of them), not by the engine's
own selection code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import SITES, built_pdfs
from pypdf import PdfReader

from cvsite.testing.comparable_text import IN_PDF, missing_in_order, pdf_comparable
from cvsite.testing.source_facts import SiteSources
from cvsite.testing.source_pages import CVEntry, TextItem
from cvsite.testing.source_publications import Publication, listed_order

DECLARED = [
    ("reference", "one-page"),
    ("reference", "publications"),
    ("second-academic", "teaching"),
    ("second-academic", "recent"),
    ("second-academic", "two-page"),
]


def pdftotext(pdf: Path) -> str:
    run = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return run.stdout


@pytest.fixture(scope="module", params=DECLARED, ids=lambda case: "-".join(case))
def variant(request, tmp_path_factory) -> tuple[SiteSources, dict, Path]:
    site, name = request.param
    sources = SiteSources(SITES[site])
    rules = sources.settings.cv_variants[name]
    return sources, rules, Path(built_pdfs(tmp_path_factory, site)["variants"][name])


def shown(tags: tuple[str, ...], rules: dict) -> bool:
    wanted = set(rules.get("tags", []))
    if not wanted:
        return True
    return bool(set(tags) & wanted) if tags else rules.get("untagged", True)


def year_of(publication: Publication) -> int:
    digits = publication.year[:4]
    return int(digits) if digits.isdigit() else 9999  # "to appear": the newest


def chosen(sources: SiteSources, kinds: list[str], rules: dict) -> list[Publication]:
    """The publications the variant's rules choose, in the lists' order."""
    given = rules.get("publications", {})
    listed = [p for kind in kinds for p in listed_order(sources.publications, kind)]
    meeting = [
        p
        for p in listed
        if (not given.get("selected") or p.selected)
        and year_of(p) >= given.get("since", 0)
        and (not given.get("kinds") or p.kind in given["kinds"])
    ]
    if given.get("latest"):
        newest = sorted(meeting, key=year_of, reverse=True)[: given["latest"]]
        meeting = [p for p in meeting if p in newest]
    return meeting


def expected_and_left_out(sources: SiteSources, rules: dict):
    pages = {page.docname: page for page in sources.pages}
    order = rules.get("pages") or list(pages)
    expected, left_out = [], []
    for docname, page in pages.items():
        for block in page.blocks_in("latex"):
            keep = docname in order and (
                shown(block.tags, rules) if isinstance(block, CVEntry | TextItem) else True
            )
            if isinstance(block, TextItem) and block.kind != "list item":
                keep = docname in order
            (expected if keep else left_out).append((order.index(docname) if keep else 0, block))
    expected.sort(key=lambda pair: pair[0])  # stable: each page keeps its blocks' order
    return [block for _, block in expected], [block for _, block in left_out]


def test_the_pdf_holds_what_the_rules_select_in_the_variants_order(variant):
    sources, rules, pdf = variant
    expected, _ = expected_and_left_out(sources, rules)
    order = rules.get("pages") or [page.docname for page in sources.pages]
    kinds = [k for d in order for page in sources.pages if page.docname == d
             for k in page.publication_kinds]  # fmt: skip
    blocks = [TextItem("title", p.title, 0) for d in order for p in sources.pages if p.docname == d]
    assert missing_in_order(pdftotext(pdf), blocks, IN_PDF) == [], "the pages, in order"
    assert missing_in_order(pdftotext(pdf), expected, IN_PDF) == []
    publications = [TextItem("entry", p.title, 0) for p in chosen(sources, kinds, rules)]
    assert missing_in_order(pdftotext(pdf), publications, IN_PDF) == []


def text_of(block: CVEntry | TextItem) -> str:
    if isinstance(block, CVEntry):
        return " ".join((block.institution, *block.head, *block.bullets))
    return block.text


def test_the_pdf_holds_nothing_the_rules_leave_out(variant):
    sources, rules, pdf = variant
    text = pdf_comparable(pdftotext(pdf))
    expected, left_out = expected_and_left_out(sources, rules)
    order = rules.get("pages") or [page.docname for page in sources.pages]
    kinds = [k for d in order for page in sources.pages if page.docname == d
             for k in page.publication_kinds]  # fmt: skip
    kept = {p.key for p in chosen(sources, kinds, rules)}
    present = [
        block.role or block.institution if isinstance(block, CVEntry) else block.text
        for block in left_out
        if isinstance(block, CVEntry) or block.kind == "list item"
    ]
    present = [line for line in present if pdf_comparable(line[:60]) in text]
    # A title that a kept entry or item names (a thesis, a talk) is there for that reason.
    named = pdf_comparable(" ".join(map(text_of, expected)))
    present += [
        p.title
        for p in sources.publications
        if p.key not in kept
        and pdf_comparable(p.title) in text
        and pdf_comparable(p.title) not in named
    ]
    assert present == [], f"{pdf} shows what its rules leave out"


def test_a_variant_s_limit_holds_and_it_has_its_own_title(variant):
    sources, rules, pdf = variant
    reader = PdfReader(pdf)
    if rules.get("page_limit"):
        assert len(reader.pages) <= rules["page_limit"]
    assert reader.metadata.title == f"{sources.settings.cv_owner}: {rules['title']}"


def test_the_home_page_links_the_public_variants_and_only_those(academic):
    settings = academic.sources.settings
    public = [(name, rules) for name, rules in settings.cv_variants.items() if rules.get("public")]
    links = academic.site.page("index.html").select("p.cv-pdf-variants a")
    expected = [(f"{settings.cv_pdf_name}-{name}.pdf", f"{rules['title']} (PDF)")
                for name, rules in public]  # fmt: skip
    assert [(a["href"], a.get_text()) for a in links] == expected
    for href, _ in expected:
        assert (academic.site.html / href).is_file()
    for name in set(settings.cv_variants) - {name for name, _ in public}:
        assert not (academic.site.html / f"{settings.cv_pdf_name}-{name}.pdf").exists()
