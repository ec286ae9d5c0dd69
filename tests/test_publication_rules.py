"""Each rule of reading a .bib entry, in its one function, with a table; the record built from
them; and `make check` applying the same rules as the build."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from cvsite.code_digest import source_digest
from cvsite.publications import rules
from cvsite.publications.bib_check import check
from cvsite.publications.fields import MONTH_ABBREVIATIONS
from cvsite.publications.owner_names import WrittenName, split_dblp_number, written_name
from cvsite.publications.record import (
    Details,
    Source,
    newest_first,
    record_of_entry,
    written_person,
)
from cvsite.web.sitemap import sitemap_xml


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("true", True), ("{true}", True), (" TRUE ", True), ("yes", True), ("Yes", True),
        ("1", True), ("false", False), ("no", False), ("0", False), ("", None),
        ("maybe", None), ("selected", None), ("2", None),
    ],
)  # fmt: skip
def test_selected(written, read):
    assert rules.read_selected(written) is read


@pytest.mark.parametrize(
    ("entry_type", "kind"),
    [
        ("article", "peer-reviewed"), ("InProceedings", "peer-reviewed"),
        ("conference", "peer-reviewed"), ("incollection", "peer-reviewed"),
        ("inbook", "peer-reviewed"), ("book", "peer-reviewed"), ("proceedings", "peer-reviewed"),
        ("misc", "preprints"), ("unpublished", "preprints"), ("online", "preprints"),
        ("phdthesis", "other"), ("techreport", "other"), ("software", "other"),
    ],
)  # fmt: skip
def test_kind(entry_type, kind):
    assert rules.kind_of(entry_type) == kind


@pytest.mark.parametrize(
    ("year", "date", "shown"),
    [
        ("2020", "", "2020"), ("{2020}", "", "2020"), (" In press ", "", "In press"),
        ("", "2020-05-01", "2020"), ("", "2020-4-3", "2020"), ("", "2020/05", "2020"),
        ("", "2027/2028", "2027"), ("2019", "2020-01-01", "2019"), ("", "", ""),
        ("", "spring", "spring"),
    ],
)  # fmt: skip
def test_shown_year(year, date, shown):
    assert rules.shown_year(year, date) == shown


@pytest.mark.parametrize(
    ("shown", "arxiv", "sort_year"),
    [
        ("2020", None, 2020), ("In press", None, 9999), ("to  appear", None, 9999),
        ("2020a", None, 2020), ("ca. 1843", None, 1843), ("", "2303.04947", 2023),
        ("", "2303.04947v2", 2023), ("", "hep-th/9901001", 1999), ("", "math/0211159", 2002),
        ("", None, 0), ("n.d.", None, 0), ("2019", "2303.04947", 2019),
        # five digits or more are no year (a typo of one): last, as make check says
        ("20201", None, 0), ("99999999999999999999", None, 0), ("n.d.", "2303.04947", 2023),
    ],
)  # fmt: skip
def test_sort_year(shown, arxiv, sort_year):
    assert rules.sort_year(shown, arxiv) == sort_year


@pytest.mark.parametrize(
    ("year", "pending"),
    [
        ("In press", True), ("in  press", True), ("To appear", True), ("Submitted", True),
        ("under review", True), ("2020", False), ("press", False), ("", False),
    ],
)  # fmt: skip
def test_pending_year(year, pending):
    assert rules.is_pending(year) is pending


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2020-05-01", ("2020", "05", "01")), ("2020-4-3", ("2020", "04", "03")),
        ("2020/05", ("2020", "05")), ("2020.05", ("2020", "05")), ("2027/2028", ("2027",)),
        ("2020-05/2020-07", ("2020", "05")), ("2030-10-04T00:00:00", ("2030", "10", "04")),
        ("2020-13", ("2020",)), ("12345", ()), ("", ()), ("May 2020", ("2020",)),
    ],
)  # fmt: skip
def test_read_date(date, parts):
    assert rules.read_date(date) == parts


@pytest.mark.parametrize(
    ("year", "month", "date", "arxiv", "parts"),
    [
        ("2020", "sep", "", None, ("2020", "09")), ("2020", "September", "", None, ("2020", "09")),
        ("{2020}", "", "", None, ("2020",)), ("2020", "Smarch", "", None, ("2020",)),
        ("", "", "2020-05-01", None, ("2020", "05", "01")),
        ("", "", "", "2303.04947", ("2023", "03")), ("", "", "", "hep-th/9901001", ("1999", "01")),
        ("In press", "", "", None, ()), ("2019", "", "2020-05", "2303.04947", ("2019",)),
    ],
)  # fmt: skip
def test_publication_date(year, month, date, arxiv, parts):
    assert rules.publication_date(year, month, date, arxiv) == parts


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("jan", "01"), ("Jan.", "01"), ("January", "01"), ("{apr}", "04"), ("1", "01"),
        ("01", "01"), ("12", "12"), ("sept", "09"), ("JAN-MAR", "01"), ("17--23 Jul", "07"),
        ("OCT 26", "10"), ("13", ""), ("0", ""), ("Smarch", ""), ("", ""), ("Juni", ""),
    ],
)  # fmt: skip
def test_month(month, number):
    assert rules.month_number(month) == number


@pytest.mark.parametrize(
    ("eprint", "archive", "identifier"),
    [
        ("2303.04947", "arxiv", "2303.04947"), ("arXiv:2303.04947v2", "arXiv", "2303.04947v2"),
        ("https://arxiv.org/abs/2303.04947", "arxiv", "2303.04947"),
        ("http://export.arxiv.org/pdf/2303.04947.pdf", "arxiv", "2303.04947"),
        ("hep-th/9901001", "arxiv", "hep-th/9901001"),
        ("math.AG/0211159", "arxiv", "math.AG/0211159"),
        ("2303.04947", "biorxiv", None), ("PMC1234567", "arxiv", None),
        ("https://www.biorxiv.org/content/10.1101/2020.01.01", "arxiv", None), ("", "arxiv", None),
    ],
)  # fmt: skip
def test_arxiv_id(eprint, archive, identifier):
    assert rules.arxiv_id(eprint, archive) == identifier


@pytest.mark.parametrize(
    ("identifier", "date"),
    [
        ("2303.04947", ("2023", "03")), ("0704.0001", ("2007", "04")),
        ("hep-th/9901001", ("1999", "01")), ("math/0211159", ("2002", "11")),
        ("2313.00001", ("2023",)), ("not an id", ()),
    ],
)  # fmt: skip
def test_arxiv_date(identifier, date):
    assert rules.arxiv_date(identifier) == date


@pytest.mark.parametrize(
    ("written", "doi"),
    [
        ("10.1000/xyz", "10.1000/xyz"), (" https://doi.org/10.1000/xyz ", "10.1000/xyz"),
        ("http://dx.doi.org/10.1000/xyz", "10.1000/xyz"), ("doi: 10.1000/xyz", "10.1000/xyz"),
        ("DOI:10.1000/xyz", "10.1000/xyz"), ("https://www.doi.org/10.1000/xyz", "10.1000/xyz"),
        ("", ""),
    ],
)  # fmt: skip
def test_doi(written, doi):
    assert rules.bare_doi(written) == doi


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("https://doi.org/10.1000/xyz", "10.1000/xyz"), ("doi:10.1000/xyz", "10.1000/xyz"),
        ("See (doi: 10.1000/xyz).", "10.1000/xyz"), ("10.1000/xyz, 2021", "10.1000/xyz"),
        ("10.1016/0301-0104(82)85090-X", "10.1016/0301-0104(82)85090-X"),
        ('<a href="https://doi.org/10.1000/a_b">', "10.1000/a_b"),
        ("https://doi.org/10.5555/jih.2021.0312", "10.5555/jih.2021.0312"),
        ("10.1000.10/abc", "10.1000.10/abc"), ("10.123/abc", ""), ("v1.10.1000/abc", ""),
        ("https://example.org/paper.pdf", ""), ("", ""),
    ],
)  # fmt: skip
def test_a_doi_in_text(text, doi):
    """A DOI inside a link or a sentence: what the importers keep (RenderCV, academicpages)."""
    assert rules.doi_in(text) == doi


@pytest.mark.parametrize(
    ("written", "address"),
    [
        ("https://example.org/a.pdf", "https://example.org/a.pdf"),
        (" http://example.org ", "http://example.org"), ("paper.pdf", ""), ("", ""),
        ("ftp://example.org/a.pdf", ""),
    ],
)  # fmt: skip
def test_web_address(written, address):
    assert rules.web_address(written) == address


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ada Lovelace", "ada lovelace"), ("Ada  {L}ovelace", "ada lovelace"),
        ("ADA LOVELACE", "ada lovelace"), ("Ada Love-lace", "ada love-lace"),
        ("Straße", "strasse"), ("others", "others"),
    ],
)  # fmt: skip
def test_name_key(name, key):
    assert rules.name_key(name) == key


@pytest.mark.parametrize(
    ("written", "name", "number"),
    [
        ("Wei Wang 0001", "Wei Wang", "0001"), ("Wang, Wei 0002", "Wang, Wei", "0002"),
        ("Ada Lovelace", "Ada Lovelace", ""), ("Louis 14", "Louis 14", ""),
        ("Jan Kowal 12345", "Jan Kowal 12345", ""), ("0001", "0001", ""),
        ("Wei Wang 0001 Jr", "Wei Wang 0001 Jr", ""),
    ],
)  # fmt: skip
def test_dblp_number(written, name, number):
    """DBLP's homonym number: one rule for the owner's name, the record and the export."""
    assert split_dblp_number(written) == (name, number)


@pytest.mark.parametrize(
    ("written", "name", "marks", "number"),
    [
        ("Lovelace*, Ada", "Lovelace, Ada", "*", ""),
        ("Lovelace\\*, Ada", "Lovelace, Ada", "*", ""),  # the mark as LaTeX escapes it
        ("Ada Lovelace$^\\ast$", "Ada Lovelace", "*", ""),
        ("Ada Lovelace\\textsuperscript{*}", "Ada Lovelace", "*", ""),
        ("\\textbf{Ada Lovelace}\\textsuperscript{\\dag}", "Ada Lovelace", "†", ""),
        ("Ada Lovelace\\ddag", "Ada Lovelace", "‡", ""),
        ("**Ada Lovelace**", "Ada Lovelace", "", ""),
        ("Wei Wang* 0001", "Wei Wang", "*", "0001"), ("Ada Lovelace", "Ada Lovelace", "", ""),
    ],
)  # fmt: skip
def test_a_name_without_its_marks(written, name, marks, number):
    assert written_name(written) == WrittenName(name, marks, number)


@pytest.mark.parametrize(
    ("written", "name", "marks", "number"),
    [
        ("Lovelace\\*, Ada", "Ada Lovelace", "*", ""), ("Ada Lovelace\\*", "Ada Lovelace", "*", ""),
        ("Wei Wang 0001", "Wei Wang", "", "0001"), ("Wang, Wei 0002", "Wei Wang", "", "0002"),
        ("Wang, Wei* 0003", "Wei Wang", "*", "0003"), ("de la Fontaine, Jr., Jean",
        "Jean de la Fontaine Jr.", "", ""), ("0001", "0001", "", ""),
    ],
)  # fmt: skip
def test_the_record_reads_a_person(written, name, marks, number):
    person = written_person(written)
    assert person is not None
    assert (person.name, person.marks, person.number) == (name, marks, number)


@pytest.mark.parametrize(
    ("fields", "venue"),
    [
        ({"journal": "J. Eng.", "venue_short": "JE"}, ("JE", "J. Eng.")),
        ({"booktitle": "Proc. X", "abbr": "X"}, ("X", "Proc. X")),
        ({"journal": "J. Eng."}, ("J. Eng.", "J. Eng.")),
        ({"venue_short": " ", "school": "Uni"}, ("Uni", "Uni")),
        ({"howpublished": "Blog"}, ("Blog", "Blog")), ({}, ("", "")),
    ],
)  # fmt: skip
def test_venue(fields, venue):
    assert rules.venue_fields(fields) == venue


@pytest.mark.parametrize(
    ("pages", "shown"),
    [
        ("12--34", "pp.\u00a012\u201334"), ("12-34", "pp.\u00a012\u201334"),
        ("180 \u2013 191", "pp.\u00a0180\u2013191"), ("5\u20149", "pp.\u00a05\u20139"),
        ("1--4, 7", "pp.\u00a01\u20134, 7"), ("7", "p.\u00a07"), ("{e1234}", "p.\u00a0e1234"),
        (" ", ""), ("", ""), ("--", ""), ("{-}", ""),
    ],
)  # fmt: skip
def test_pages(pages, shown):
    assert rules.shown_pages(pages) == shown


@pytest.mark.parametrize(
    ("entry_type", "type_field", "number", "label"),
    [
        ("phdthesis", "", "", "Ph.D. thesis"), ("PhDThesis", "", "", "Ph.D. thesis"),
        ("mastersthesis", "", "", "Master's thesis"), ("thesis", "", "", "Thesis"),
        ("thesis", "phdthesis", "", "Ph.D. thesis"),
        ("thesis", "{mathesis}", "", "Master's thesis"),
        ("phdthesis", "Habilitation thesis", "", "Habilitation thesis"),
        ("techreport", "", "TR-42", "Technical Report TR-42"),
        ("techreport", "", "", "Technical Report"),
        ("report", "techreport", "7", "Technical Report 7"),
        ("techreport", "Working Paper", "7", "Working Paper 7"),
        ("article", "Review", "3", ""), ("inproceedings", "", "", ""),
    ],
)  # fmt: skip
def test_type_label(entry_type, type_field, number, label):
    assert rules.type_label(entry_type, type_field, number) == label


@pytest.mark.parametrize(
    ("edition", "shown"),
    [
        ("2", "2nd edition"), ("1", "1st edition"), ("3", "3rd edition"), ("11", "11th edition"),
        ("12", "12th edition"), ("21", "21st edition"), ("{4}", "4th edition"),
        ("Second", "second edition"), ("2nd", "2nd edition"), ("{Deluxe}", "{Deluxe} edition"),
        ("2nd ed.", "2nd ed."), ("3rd ed", "3rd ed"), ("Revised edition", "Revised edition"),
        ("", ""),
    ],
)  # fmt: skip
def test_edition(edition, shown):
    assert rules.shown_edition(edition) == shown


def test_editors_label():
    assert (rules.editors_label(1), rules.editors_label(2)) == ("(ed.)", "(eds.)")


BIB = r"""
@inproceedings{key2020,
  author = {de la Fontaine, Jr., Jean and Wilhelmina Quist* and \textbf{Ada Lovelace}$^\dagger$
            and Wei Wang 0001 and others},
  editor = {Grace Hopper},
  title = {An {\em Engine}},
  booktitle = {Proceedings of Engines},
  venue_short = {PE},
  volume = {3},
  pages = {12--34},
  publisher = {Example Press},
  year = {2020},
  month = may,
  doi = {https://doi.org/10.1000/xyz},
  url = {https://example.org/paper},
  pdf = {paper.pdf},
  code = {https://example.org/code},
  eprint = {2001.00001},
  archiveprefix = {arXiv},
  award = {Best paper},
  selected = {yes},
  equal_contribution = {Lovelace, Ada},
  Note = {As written}
}
"""


def test_the_record_holds_what_every_consumer_reads():
    entry = parse_string(BIB, "bibtex").entries["key2020"]
    record = record_of_entry(entry, Source("refs.bib", 2))
    jean, quist, ada, wang, others = record.authors
    assert (jean.first, jean.von, jean.last, jean.jr) == (("Jean",), ("de", "la"), ("Fontaine",),
                                                          ("Jr.",))  # fmt: skip
    assert jean.name == "Jean de la Fontaine Jr."
    assert (quist.name, quist.marks) == ("Wilhelmina Quist", "*")
    assert (ada.name, ada.marks) == ("Ada Lovelace", "†")
    assert (wang.name, wang.number) == ("Wei Wang", "0001")
    assert others.is_others
    assert [p.name for p in record.editors] == ["Grace Hopper"]
    # Pages of a paper in proceedings; the publisher of the proceedings, not being its venue.
    assert record.details == Details("", "", "3", "", "pp.\u00a012\u201334", "Example Press")
    assert (record.key, record.type, record.kind) == ("key2020", "inproceedings", "peer-reviewed")
    assert record.title == r"An {\em Engine}"
    assert (record.venue.short, record.venue.full) == ("PE", "Proceedings of Engines")
    assert (record.date.shown, record.date.sort_year) == ("2020", 2020)
    assert record.date.parts == ("2020", "05")
    assert (record.date.month, record.date.day, record.date.pending) == ("05", "", False)
    assert (record.doi, record.arxiv) == ("10.1000/xyz", "2001.00001")
    assert record.links == (
        ("DOI", "https://doi.org/10.1000/xyz"),
        ("URL", "https://example.org/paper"),
        ("Code", "https://example.org/code"),
    )  # the relative pdf points nowhere on the site
    assert (record.award, record.selected) == ("Best paper", True)
    assert record.equal_contributors == {"ada lovelace", "wilhelmina quist"}
    assert record.is_equal_contributor(ada) and not record.is_equal_contributor(jean)
    assert record.field("note") == "As written"
    assert str(record.source) == "refs.bib:2"
    assert record.entry is entry
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.title = "Another"  # type: ignore[misc]
    assert record == record_of_entry(parse_string(BIB, "bibtex").entries["key2020"], record.source)
    assert newest_first(record) == -2020


# `make check` reads the files without pybtex: its notes say what the record makes of a field.
CHECKED = """@misc{{k,
  title = {{T}},
  {name} = {{{value}}}
}}
"""


@pytest.mark.parametrize("value", ["yes", "1", "no", "maybe", "TRUE", "selected"])
def test_make_check_notes_the_selected_values_the_record_reads_as_no(value, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(CHECKED.format(name="selected", value=value), encoding="utf-8")
    noted = any("selected" in p.message for p in check([bib])[1])
    assert noted is (rules.read_selected(value) is None)


@pytest.mark.parametrize("value", ["apr", "JAN-MAR", "17--23 Jul", "Smarch", "OCT 26", "Juni"])
def test_make_check_reads_a_month_as_the_record_does(value, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(CHECKED.format(name="month", value=value), encoding="utf-8")
    notes = [p.message for p in check([bib])[1]]
    number = rules.month_number(value)
    read_as = [re.search(r"read as (\w+)", note) for note in notes]
    if not number:
        assert any("is not a month: ignored" in note for note in notes)
    elif notes:
        months = {found.group(1) for found in read_as if found}
        assert months == {MONTH_ABBREVIATIONS[int(number) - 1]}


@pytest.mark.parametrize(
    ("authors", "equal", "marked"),
    [
        ("Ada Lovelace and Wilhelmina Quist", "Lovelace, Ada", {"Ada Lovelace"}),
        ("Lovelace, Ada and Quist, Wilhelmina", "Ada Lovelace and Wilhelmina Quist",
         {"Ada Lovelace", "Wilhelmina Quist"}),
        ("Ada Lovelace* and Wilhelmina Quist", "Ada Lovelace", {"Ada Lovelace"}),
        (r"\textbf{Ada Lovelace} and Wilhelmina Quist", "ADA  LOVELACE", {"Ada Lovelace"}),
        ("Ada Lovelace and Wilhelmina Quist", "Grace Hopper", set()),
        ("Ada Lovelace and Wilhelmina Quist", "Lovelace, A.", set()),
    ],
)  # fmt: skip
def test_make_check_and_the_record_agree_on_equal_contributors(authors, equal, marked, tmp_path):
    text = f"@article{{k,\n  author = {{{authors}}},\n  title = {{T}},\n  journal = {{J}},\n" \
        f"  year = {{2020}},\n  equal_contribution = {{{equal}}}\n}}\n"  # fmt: skip
    record = record_of_entry(parse_string(text, "bibtex").entries["k"])
    assert {p.name for p in record.authors if record.is_equal_contributor(p)} == marked
    bib = tmp_path / "refs.bib"
    bib.write_text(text, encoding="utf-8")
    noted = [p.message for p in check([bib])[1] if "equal_contribution" in p.message]
    assert bool(noted) is not bool(marked)


def test_the_code_digest_covers_every_module(tmp_path):
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n", encoding="utf-8")
    (package / "sub" / "b.py").write_text("B = 1\n", encoding="utf-8")
    before = source_digest(package)
    assert source_digest(package) == before
    (package / "sub" / "b.py").write_text("B = 2\n", encoding="utf-8")
    assert source_digest(package) != before
    (package / "sub" / "b.py").write_text("B = 1\n", encoding="utf-8")
    (package / "c.py").write_text("", encoding="utf-8")
    assert source_digest(package) != before
    with_c = source_digest(package)
    (package / "notes.txt").write_text("not code", encoding="utf-8")
    assert source_digest(package) == with_c  # only the code


@pytest.mark.sphinx("html", testroot="record")
def test_the_build_reads_selected_and_lines_through_the_record(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    selected = [li.select_one(".cv-pub-title").get_text() for li in soup.select(".cv-selected li")]
    # yes, 1 and TRUE are selected; maybe and no are not; newest first, pending on top.
    assert selected == ["Pending, selected with TRUE", "Selected with one", "Selected with yes"]
    # Names marked as LaTeX escapes the mark (Lovelace\*, Ada): equal contributors, shown
    # with the mark, and offered as BibTeX without it.
    yes = soup.select(".cv-selected li")[-1]
    assert "Ada Lovelace*, Wilhelmina Quist*." in yes.get_text()
    page = Path(app.outdir, "publications", "yes2020.html").read_text(encoding="utf-8")
    assert "author = {Lovelace, Ada and Quist, Wilhelmina}" in page
    # The build reads a normalised copy (a key is given twice), yet names the user's file.
    bib = Path(app.srcdir, "refs.bib")
    line = bib.read_text(encoding="utf-8").splitlines().index("@misc{unlisted,") + 1
    warnings = app.warning.getvalue()
    assert f"{bib}:{line}: WARNING: unlisted: this @misc entry is on no page" in warnings
    assert "cvsite-bib" not in warnings
    # The paper pages' sitemap comes from the one sitemap writer, as the site's does.
    keys = ["maybe2022", "no2023", "one2021", "pending", "unlisted", "yes2020", "yes2020_2"]
    urls = [f"https://example.org/ada/publications/{key}.html" for key in keys]
    written = Path(app.outdir, "publications", "sitemap.xml").read_text(encoding="utf-8")
    assert written == sitemap_xml(urls)
