"""BibTeX's crossref, as DBLP's "BibTeX with crossref" export writes it: each paper names its
@proceedings, whose fields (editors, the full title, publisher, series, volume, year) complete
the paper's (tests/roots/test-crossref, invented people). The lists, the paper pages, Scholar's
tags, the BibTeX offered, the PDF and `make check` all see the inherited fields; a proceedings
read only as a parent is on no page, without a warning."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process, build_once, text_of
from pybtex.database import parse_string
from sphinx.testing.util import SphinxTestApp
from test_bib_check import check_in_process

from cvsite.papers.bibtex_export import entry_source
from cvsite.publications.crossref import inherited, parent_key
from cvsite.publications.keys import anchor_id, slug
from cvsite.publications.record import record_of_entry

ROOT = REPO / "tests" / "roots" / "test-crossref"
PAPER = "DBLP:conf/lattice/OkaforV21"  # no booktitle, no year: both from its parent
SHORT = "DBLP:conf/lattice/VargaO21"  # DBLP's usual child: its own short booktitle and year
PARENT = "DBLP:conf/lattice/2021"  # read only as their parent
EDITED = "DBLP:conf/meshes/2022"  # a parent the owner edited: one of her publications
FULL_TITLE = (
    "Proceedings of the 9th Workshop on Lattice Structures, LATTICE 2021, Virtual Event, "
    "September 6-8, 2021"
)


def copy_root(folder: Path) -> Path:
    source = folder / "src"
    shutil.copytree(ROOT, source)
    return source


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    def build(folder: Path) -> dict:
        result = build_in_process(copy_root(folder), folder / "out")
        return {"returncode": result.returncode, "stdout": result.stdout,
                "stderr": result.stderr, "html": str(result.html)}  # fmt: skip

    return build_once(tmp_path_factory, "crossref", build)[1]


def page(built: dict, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(built["html"], name).read_text(encoding="utf-8"), "html.parser")


def listed(built: dict) -> dict[str, str]:
    index = page(built, "index.html")
    return {li["id"]: text_of(li.p) for li in index.select(".cv-publications li[id]")}


def test_the_build_gives_no_warning_and_says_once_what_the_parent_was_read_as(built):
    assert built["returncode"] == 0 and built["stderr"] == "", built["stderr"]
    reports = [line for line in built["stdout"].splitlines() if "crossref parent" in line]
    assert reports == [
        "refs.bib: 1 entry read only as the crossref parent of others (its fields complete "
        "theirs), not as a publication of yours, so it is on no page: DBLP:conf/lattice/2021 "
        "(parent of 2 entries); a volume you edited is shown as yours when cv_owner or "
        "cv_owner_variants matches one of its editors"
    ]


def test_the_lists_show_the_inherited_fields_and_not_the_parent(built):
    shown = listed(built)
    assert list(shown) == [anchor_id(key) for key in ("DBLP:conf/meshes/Okafor22", EDITED,
                                                      SHORT, PAPER)]  # fmt: skip
    assert shown[anchor_id(PAPER)].startswith(
        "Lattice Sketches in Bounded Memory Tomasz Okafor, Ines Varga. In Rosalind "
        f"Achterberg, Kofi Mensah-Larsen (eds.), {FULL_TITLE}, vol. 12950, pp. 117\u2013130, "
        "Example Press, 2021."
    )
    # Its own booktitle wins; the proceedings' DOI and URL are no paper's: only its own.
    assert shown[anchor_id(SHORT)].startswith(
        "Sparse Lattices for Streaming Graphs Ines Varga, Tomasz Okafor. In Rosalind "
        "Achterberg, Kofi Mensah-Larsen (eds.), LATTICE 2021, vol. 12950, pp. 101\u2013116, "
        "Example Press, 2021. DOI URL"
    )
    assert "DOI" not in shown[anchor_id(PAPER)]
    assert not Path(built["html"], "publications", f"{slug(PARENT)}.html").exists()
    assert Path(built["html"], "publications", f"{slug(EDITED)}.html").exists()


def test_the_paper_page_tags_the_inherited_venue_and_date(built):
    paper = page(built, f"publications/{slug(PAPER)}.html")
    tags = {tag["name"]: tag["content"] for tag in paper.select("meta[name^=citation_]")}
    assert tags["citation_conference_title"] == FULL_TITLE
    assert tags["citation_publication_date"] == "2021"
    assert tags["citation_publisher"] == "Example Press"
    assert "citation_doi" not in tags


def test_the_bibtex_offered_stands_alone_and_reads_back(built):
    paper = page(built, f"publications/{slug(PAPER)}.html")
    source = text_of(paper.select_one("pre")) if paper.select_one("pre") else ""
    assert source.startswith(f"@inproceedings{{{PAPER},"), source
    assert "crossref" not in source and "doi" not in source
    entry = parse_string(source, "bibtex").entries[PAPER]
    assert entry.fields["booktitle"] == (
        "Proceedings of the 9th Workshop on Lattice Structures, {LATTICE} 2021, Virtual Event, "
        "September 6-8, 2021"
    )
    assert entry.fields["year"] == "2021" and entry.fields["volume"] == "12950"
    assert entry.fields["series"] == "Lecture Notes in Invented Science"
    assert [str(p) for p in entry.persons["editor"]] == [
        "Achterberg, Rosalind", "Mensah-Larsen, Kofi"
    ]  # fmt: skip
    assert [str(p) for p in entry.persons["author"]] == ["Okafor, Tomasz", "Varga, Ines"]


def test_make_check_strict_passes_a_dblp_export_with_crossref():
    folder = os.getcwd()
    os.chdir(ROOT)  # make check reads the site's conf.py for the owner
    try:
        result = check_in_process("--strict")
    finally:
        os.chdir(folder)
    assert result.returncode == 0, result.stdout
    assert "0 problems, 0 notes" in result.stdout
    assert "NOTE: refs.bib: 1 entry read only as the crossref parent" in result.stdout


def test_the_pdf_shows_the_inherited_fields(tmp_path):
    app = SphinxTestApp("latex", srcdir=copy_root(tmp_path), builddir=tmp_path / "out",
                        status=io.StringIO(), warning=io.StringIO())  # fmt: skip
    try:
        app.build()
        assert app.warning.getvalue() == ""
        tex = (app.outdir / "pubs.tex").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    assert r"In Rosalind Achterberg, Kofi Mensah\sphinxhyphen{}Larsen (eds.)" in tex
    assert "Proceedings of the 9th Workshop on Lattice Structures" in tex
    assert "Lecture Notes" not in tex  # series is no part of the style


def test_an_edited_parent_shows_again_in_its_children_on_a_rebuild(tmp_path):
    source = copy_root(tmp_path)
    assert build_in_process(source, tmp_path / "out").returncode == 0
    bib = source / "refs.bib"
    bib.write_text(bib.read_text("utf-8").replace("{Example Press},\n  year      = {2021}",
                   "{Other Press},\n  year      = {2021}"), "utf-8")  # fmt: skip
    result = build_in_process(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    index = BeautifulSoup((result.html / "index.html").read_text("utf-8"), "html.parser")
    assert "Other Press, 2021." in text_of(index.find(id=anchor_id(PAPER)).p)


PROCEEDINGS = [
    ("editor", "E"), ("title", "Full Title"), ("series", "S"), ("volume", "7"),
    ("publisher", "P"), ("year", "2021"), ("doi", "10.1/v"), ("url", "https://v"),
    ("timestamp", "t"), ("selected", "true"), ("venue_short", "W'21"), ("crossref", "up"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("child_type", "has", "parent", "taken"),
    [
        # A paper takes the volume's title as its booktitle, and what it lacks but links.
        ("inproceedings", {"author", "title", "pages"}, PROCEEDINGS,
         ["editor", "booktitle", "series", "volume", "publisher", "year", "venue_short"]),
        # Its own fields win, even empty ones; the volume's title is never its title.
        ("inproceedings", {"booktitle", "year", "publisher"}, PROCEEDINGS,
         ["editor", "series", "volume", "venue_short"]),
        # A volume with a booktitle gives that, not its title.
        ("incollection", {"title"}, [("title", "T"), ("booktitle", "B")], ["booktitle"]),
        # Any other type takes fields by name, as BibTeX does: the title too.
        ("article", set(), [("title", "T"), ("journal", "J"), ("pages", "1--2")],
         ["title", "journal"]),
        ("inbook", {"title"}, [("author", "A"), ("title", "Book")], ["author", "booktitle"]),
    ],
)  # fmt: skip
def test_what_a_child_takes_from_its_parent(child_type, has, parent, taken):
    assert [name for name, _ in inherited(child_type, has, parent)] == taken


def test_a_crossref_names_its_parent_as_bibtex_compares_keys():
    assert parent_key(" {DBLP:conf/X/2021} ") == parent_key("dblp:conf/x/2021")


def test_the_whole_bibtex_keeps_crossref_for_a_site_of_its_own():
    """`cvsite import` writes a site's refs.bib whole: its papers still name their volume."""
    data = parse_string(ROOT.joinpath("refs.bib").read_text("utf-8"), "bibtex")
    paper, parent = data.entries[PAPER], data.entries[PARENT]
    assert "crossref = {DBLP:conf/lattice/2021}," in entry_source(
        record_of_entry(paper), citable=False
    )
    citable = entry_source(record_of_entry(paper, parent=parent), citable=True)
    assert "crossref" not in citable and "  year = {2021}," in citable
