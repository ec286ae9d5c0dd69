"""Quirks of real .bib exports, each reproduced in a fixture of tests/bib_quirks/ (the catalogue is
its README.md): every fixture is built as a site of its own, as `make html` builds one.

A fixture's header says whose file it is and what must happen:

    % owner: <cv_owner>
    % expect: builds | reports | stops
    % lines: <the lines a report or a stop must name>

builds   the site shows every entry once, with its title and its page, the owner in bold, and the
         strict check reports nothing;
reports  the site still builds and shows every entry pybtex can read, and `python -m
         cvsite.cli.check_command` names each listed line;
stops    the build fails with a message naming each listed line, without a traceback.

What the site must show is worked out from the .bib with pybtex alone, not with cvsite's code.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process, build_once, text_of
from pybtex import errors as pybtex_errors
from pybtex.database import Entry, Person, parse_string

from cvsite.cli import check_command, make_pdf

QUIRKS = REPO / "tests" / "bib_quirks"
ROOT = REPO / "tests" / "roots" / "test-bib-quirk"
EXPECTATIONS = ("builds", "reports", "stops")


@dataclass(frozen=True)
class Fixture:
    path: Path
    owner: str
    expect: str
    lines: tuple[int, ...]

    @property
    def name(self) -> str:
        return self.path.name

    def __str__(self) -> str:
        return self.path.stem


def read_fixture(path: Path) -> Fixture:
    header = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("%"):
            break
        name, colon, value = line.lstrip("% ").partition(":")
        if colon and name in ("owner", "expect", "lines"):
            header[name] = value.strip()
    lines = tuple(int(number) for number in header.get("lines", "").split())
    return Fixture(path, header.get("owner", ""), header.get("expect", ""), lines)


FIXTURES = [read_fixture(path) for path in sorted(QUIRKS.glob("*.bib"))]


def fixtures(expect: str) -> list[Fixture]:
    return [fixture for fixture in FIXTURES if fixture.expect == expect]


# -- What the .bib holds, read by pybtex alone ---------------------------------------------------


def parsed_entries(fixture: Fixture) -> list[tuple[str, Entry]]:
    """The papers with a title in the file, as (key, entry)."""
    return [(key, entry) for key, entry in all_parsed_entries(fixture) if title_of(entry)]


def untitled_keys(fixture: Fixture) -> list[str]:
    """The keys of the entries without a title (a dataset, software): shown with their key.
    Not what pybtex makes of an entry commented out with '%' (a comment for the site)."""
    text = fixture.path.read_text(encoding="utf-8-sig")
    written = set(re.findall(r"(?m)^[ \t]*@\w+\s*[{(]\s*([^\s,]+)", text))
    return [
        key for key, entry in all_parsed_entries(fixture) if key in written and not title_of(entry)
    ]


def title_of(entry: Entry) -> str:
    return entry.fields.get("title", "").strip()


def all_parsed_entries(fixture: Fixture) -> list[tuple[str, Entry]]:
    """The entries in the file, as (key, entry). A file that builds must parse strictly.
    Otherwise pybtex reads each entry on its own, as far as it can (so two entries of one key
    are two papers)."""
    text = fixture.path.read_text(encoding="utf-8-sig")
    builds = fixture.expect == "builds"
    strict = pybtex_errors.strict
    pybtex_errors.strict = builds
    papers = []
    try:
        for chunk in [text] if builds else re.split(r"(?m)^(?=[ \t]*@)", text):
            with contextlib.redirect_stderr(io.StringIO()):  # pybtex prints what it skipped
                papers += parse_string(chunk, "bibtex").entries.items()
    finally:
        pybtex_errors.strict = strict
    return papers


def squash(text: str) -> str:
    """Letters and digits only, without accents or case: how a reader compares two spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed.casefold() if char.isalnum())


def shown_words(latex: str) -> str:
    """The text a title or name must show, squashed: markup of LaTeX and HTML is not shown."""
    text = re.sub(r"\\href\s*\{[^{}]*\}", "", latex)  # the link target of \href{url}{text}
    text = re.sub(r"\\[A-Za-z]+|\\.", "", text)  # command names and escapes, not their arguments
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return squash(text)


def reading_order(person: Person) -> str:
    parts = (person.first_names, person.middle_names, person.prelast_names, person.last_names)
    return " ".join(name for part in parts for name in part)


def owner_key(owner: str) -> str:
    # pybtex reads "First Last Jr." as the surname "Jr.": a suffix is not what tells the owner.
    person = Person(re.sub(r"[\s,]+(Jr\.?|Sr\.?|II|III|IV)$", "", owner))
    return squash(" ".join(person.prelast_names + person.last_names))


def is_owner(person: Person, owner: str) -> bool:
    """The owner in any spelling of a fixture: the surname appears in the name, in either order."""
    key = owner_key(owner)
    family_first = " ".join(person.last_names + person.first_names + person.middle_names)
    return any(key in shown_words(form) for form in (reading_order(person), family_first))


# -- The built site ------------------------------------------------------------------------------


@dataclass
class Site:
    html: Path
    returncode: int
    log: str

    def index(self) -> BeautifulSoup:
        return BeautifulSoup((self.html / "index.html").read_text(encoding="utf-8"), "html.parser")


def build_site(fixture: Fixture, folder: Path) -> dict:
    """The fixture built as the only .bib of a tiny site in folder, with the options `make
    html` uses, in this process: a Sphinx application of its own on a fresh copy of the
    project, so that nothing of one fixture's build (its owner, its files) is another's."""
    source = folder / "source"
    shutil.copytree(ROOT, source)
    shutil.copy2(fixture.path, source / fixture.name)
    built = build_in_process(
        source, folder / "build", cv_owner=fixture.owner, bibtex_bibfiles=[fixture.name]
    )
    return {"returncode": built.returncode, "log": built.stdout + built.stderr}


def site_in(folder: Path, outcome: dict) -> Site:
    return Site(folder / "build" / "html", outcome["returncode"], outcome["log"])


def site_of(fixture: Fixture, workdir: pytest.TempPathFactory) -> Site:
    """The fixture's site, built once per test run: the pytest-xdist workers share it (the
    later calls read what the first build wrote)."""
    name = f"bib-quirk-{fixture.path.stem}-{squash(fixture.owner)}"
    return site_in(*build_once(workdir, name, lambda folder: build_site(fixture, folder)))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> pytest.TempPathFactory:
    """Where the sites are built (build_once's folder of the run, shared by the workers)."""
    return tmp_path_factory


@dataclass
class Checked:
    returncode: int
    stdout: str
    stderr: str = ""


@functools.cache
def bib_check(fixture: Fixture) -> Checked:
    """`python -m cvsite.cli.check_command <fixture>` (`make check`), run in this process."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        returncode = check_command.main([str(fixture.path)])
    return Checked(returncode, output.getvalue())


def lines_named(output: str, fixture: Fixture) -> set[int]:
    """The line numbers that messages give as <file>:<line>."""
    return {int(number) for number in re.findall(rf"{re.escape(fixture.name)}:(\d+)", output)}


def items_by_title(soup: BeautifulSoup, entries: list[tuple[str, Entry]]) -> list[list]:
    """Each entry's list items, found by the title they show (keys may be rewritten as ids)."""
    titles = [
        (li, squash(text_of(li.select_one(".cv-pub-title"))))
        for li in soup.select(".cv-publications li[id]")
    ]
    return [
        [li for li, shown in titles if shown == shown_words(entry.fields["title"])]
        for _, entry in entries
    ]


def the_item(found: list[list], index: int, key: str):
    items = found[index]
    assert len(items) == 1, f"{key}: shown {len(items)} times with its title as written"
    return items[0]


def assert_every_entry_shown_once(site: Site, fixture: Fixture) -> None:
    assert site.returncode == 0, site.log
    entries = parsed_entries(fixture)
    soup = site.index()
    items = soup.select(".cv-publications li[id]")
    found = items_by_title(soup, entries)
    missing = [key for (key, _), lis in zip(entries, found, strict=True) if len(lis) != 1]
    assert not missing, f"not shown exactly once, with its title as written: {missing}"
    untitled = untitled_keys(fixture)
    shown_keys = [text_of(li.select_one(".cv-pub-title")) for li in items]
    assert [key for key in untitled if shown_keys.count(key) != 1] == [], shown_keys
    assert len(items) == len(entries) + len(untitled)
    ids = [li["id"] for li in items]
    assert all(ids) and len(set(ids)) == len(ids), ids


def assert_every_entry_has_its_page(site: Site, fixture: Fixture) -> None:
    assert site.returncode == 0, site.log
    entries = parsed_entries(fixture)
    pages = set()
    found = items_by_title(site.index(), entries)
    for index, (key, entry) in enumerate(entries):
        link = the_item(found, index, key).select_one(".cv-pub-title a[href]")
        assert link is not None, f"{key}: its title links to no page"
        page = (site.html / link["href"]).resolve()
        assert page.parent == (site.html / "publications").resolve() and page.is_file(), key
        title = squash(text_of(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")))
        assert shown_words(entry.fields["title"]) in title, f"{key}: title not on its page"
        pages.add(page)
    assert len(pages) == len(entries), "two entries share a page"


def assert_owner_in_bold(site: Site, fixture: Fixture) -> None:
    """The owner, wherever pybtex finds the owner's surname, is in bold, and nobody else is."""
    assert site.returncode == 0, site.log
    entries = parsed_entries(fixture)
    key = owner_key(fixture.owner)
    with_owner = 0
    found = items_by_title(site.index(), entries)
    for index, (entry_key, entry) in enumerate(entries):
        li = the_item(found, index, entry_key)
        persons = entry.persons.get("author", [])
        owners = [person for person in persons if is_owner(person, fixture.owner)]
        bold = [squash(text_of(strong)) for strong in li.p.find_all("strong")]
        if owners:
            with_owner += 1
            assert any(key in text for text in bold), f"{entry_key}: the owner is not in bold"
        for person in persons:
            if person in owners or str(person) == "others":
                continue
            surname = squash(" ".join(person.last_names))
            assert surname and not any(surname in text for text in bold), (
                f"{entry_key}: {person} is in bold but is not the owner"
            )
    # A fixture that builds has the owner in a form pybtex reads; one that reports may not.
    assert with_owner or fixture.expect != "builds", "the fixture has no entry with its owner"


# -- Every fixture is what its header says -------------------------------------------------------


def test_every_fixture_has_an_owner_an_expectation_and_its_lines():
    assert len(FIXTURES) >= 30
    for fixture in FIXTURES:
        text = fixture.path.read_text(encoding="utf-8-sig")
        assert text.startswith("%"), f"{fixture}: the first line is not a '%' comment"
        assert fixture.owner and fixture.expect in EXPECTATIONS, fixture
        assert bool(fixture.lines) == (fixture.expect != "builds"), fixture
        assert "@" not in "".join(line for line in text.splitlines() if line.startswith("% ")), (
            f"{fixture}: an '@' in a comment starts an entry for BibTeX"
        )


def test_the_catalogue_names_every_fixture():
    catalogue = (QUIRKS / "README.md").read_text(encoding="utf-8")
    assert [f.name for f in FIXTURES if f.name not in catalogue] == []


@pytest.mark.parametrize(
    "fixture", [f for f in fixtures("builds") if f.name.startswith("names-")], ids=str
)
def test_names_fixtures_spell_the_owner_in_every_entry(fixture):
    for key, entry in parsed_entries(fixture):
        assert any(is_owner(p, fixture.owner) for p in entry.persons.get("author", [])), key


# -- builds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", fixtures("builds"), ids=str)
def test_builds_and_shows_every_entry_once(fixture, workdir):
    site = site_of(fixture, workdir)
    assert_every_entry_shown_once(site, fixture)
    assert not re.search(r"WARNING|ERROR", site.log), site.log


@pytest.mark.parametrize("fixture", fixtures("builds"), ids=str)
def test_builds_a_page_for_every_entry(fixture, workdir):
    assert_every_entry_has_its_page(site_of(fixture, workdir), fixture)


@pytest.mark.parametrize("fixture", fixtures("builds"), ids=str)
def test_builds_with_the_owner_in_bold(fixture, workdir):
    assert_owner_in_bold(site_of(fixture, workdir), fixture)


@pytest.mark.parametrize("fixture", fixtures("builds"), ids=str)
def test_builds_without_a_report_from_the_strict_check(fixture):
    result = bib_check(fixture)
    assert lines_named(result.stdout + result.stderr, fixture) == set(), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


def test_builds_in_one_process_show_each_its_own_owner(tmp_path):
    """The fixtures are built in the test process, and cvsite keeps state between builds (the
    registered pybtex style with its owner, caches of names and formatted entries): the same
    file built for a co-author bolds the co-author, and not the owner of the build before."""
    fixture = read_fixture(QUIRKS / "syntax-case-and-spacing.bib")
    co_author = Fixture(fixture.path, "Tobiah Halloran", fixture.expect, fixture.lines)
    for owner, other in ((fixture, co_author), (co_author, fixture)):
        folder = tmp_path / squash(owner.owner)
        site = site_in(folder, build_site(owner, folder))
        assert_owner_in_bold(site, owner)
        bold = squash(" ".join(text_of(b) for b in site.index().select(".cv-publications strong")))
        assert owner_key(owner.owner) in bold and owner_key(other.owner) not in bold


# What some fixtures must show beyond their entries and the owner.
def links(li) -> list[str]:
    return [a["href"] for a in li.select("p > a.reference.external")]


def test_doi_links_resolve_however_the_doi_is_written(workdir):
    fixture = read_fixture(QUIRKS / "fields-doi-forms.bib")
    soup = site_of(fixture, workdir).index()
    dois = sorted(href for li in soup.select(".cv-publications li[id]") for href in links(li))
    assert dois == [f"https://doi.org/10.1000/quirk.doi.000{n}" for n in (1, 2, 3, 4)]


def paper_page(site: Site, li) -> BeautifulSoup:
    page = site.html / li.select_one(".cv-pub-title a[href]")["href"]
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_scholar_reads_the_bare_doi_however_the_doi_is_written(workdir):
    site = site_of(read_fixture(QUIRKS / "fields-doi-forms.bib"), workdir)
    dois = sorted(
        paper_page(site, li).find("meta", attrs={"name": "citation_doi"})["content"]
        for li in site.index().select(".cv-publications li[id]")
    )
    assert dois == [f"10.1000/quirk.doi.000{n}" for n in (1, 2, 3, 4)]


def title_markup(name: str, workdir: pytest.TempPathFactory) -> dict[str, str]:
    """Each title of a fixture as HTML, by the title's plain text."""
    site = site_of(read_fixture(QUIRKS / name), workdir)
    assert site.returncode == 0, site.log
    titles = [li.select_one(".cv-pub-title a") for li in site.index().select("li[id]")]
    return {text_of(title): title.decode_contents().strip() for title in titles}


def test_latex_styles_and_math_in_titles_are_rendered(workdir):
    titles = title_markup("titles-latex.bib", workdir)
    assert titles["Threads at √s = 13 and Knots of Order k2"].endswith("k<sup>2</sup>")
    geometry = "On the Geometry of k-Ply Yarn and Loom-Local Weaving"
    assert "<em>k</em>-Ply Yarn and <em>Loom-Local</em> Weaving" in titles[geometry]
    assert "Lecture Notes on Imaginary Looms" in titles  # \href's text, not its address


def test_html_tags_and_entities_in_titles_are_rendered(workdir):
    titles = title_markup("titles-html.bib", workdir)
    assert titles["The geometry of discrete L-looms"].endswith("<em>L</em>-looms")
    assert titles["Spinning in d0-yarns"].endswith("d<sub>0</sub>-yarns")
    assert titles["Looms & Spindles in Practice"] == "Looms &amp; Spindles in Practice"


def test_a_name_in_mkbibbold_is_the_owner_in_reading_order(workdir):
    site = site_of(read_fixture(QUIRKS / "names-marks.bib"), workdir)
    item = site.index().select_one("li[id='vostokova2030mkbibbold']")
    assert "Tobiah Halloran, Mirela Vostokova." in text_of(item.p)
    assert text_of(item.p.strong) == "Mirela Vostokova"


def test_only_arxiv_identifiers_link_to_arxiv(workdir):
    fixture = read_fixture(QUIRKS / "fields-eprint-forms.bib")
    soup = site_of(fixture, workdir).index()
    arxiv = [h for li in soup.select("li[id]") for h in links(li) if "arxiv.org" in h]
    assert "https://arxiv.org/abs/quant-ph/4399001" in arxiv
    new_or_old_id = re.compile(r"https://arxiv\.org/abs/(\d{4}\.\d{4,5}|[a-z.-]+/\d{7})")
    assert all(new_or_old_id.fullmatch(href) for href in arxiv), arxiv


@pytest.mark.parametrize(
    ("name", "not_shown"),
    [
        ("titles-latex.bib", ("\\", "$", "https://example.org/notes.pdf")),
        ("titles-braces.bib", ("{", "}")),
        ("titles-html.bib", ("<i>", "</sub>", "&amp;")),
        ("names-marks.bib", ("\\", "$")),
        ("names-dblp-numbers.bib", ("0003",)),
        ("syntax-header-comments.bib", ("jabref", "BibDesk")),
        ("names-groups-and-others.bib", ("{", "}")),
    ],
)
def test_markup_of_the_file_is_not_shown(name, not_shown, workdir):
    site = site_of(read_fixture(QUIRKS / name), workdir)
    assert site.returncode == 0, site.log
    for li in site.index().select(".cv-publications li[id]"):
        shown = text_of(li.p)
        assert not [text for text in not_shown if text in shown], shown


def test_and_others_and_groups_are_shown_as_a_reader_expects(workdir):
    site = site_of(read_fixture(QUIRKS / "names-groups-and-others.bib"), workdir)
    shown = text_of(site.index().select_one(".cv-publications"))
    assert "Imaginary Loom Collaboration" in shown
    assert "Anselm Perrault, et al." in shown


def test_string_macros_and_concatenation_are_expanded(workdir):
    site = site_of(read_fixture(QUIRKS / "syntax-macros-concatenation.bib"), workdir)
    shown = text_of(site.index().select_one(".cv-publications"))
    assert "Annals of Invented Mechanics 2030" in shown
    assert "Proceedings of the Symposium on Unbuilt Machines 2029" in shown


def test_a_status_for_a_year_is_shown_as_written(workdir):
    site = site_of(read_fixture(QUIRKS / "dates-year-pending.bib"), workdir)
    shown = text_of(site.index().select_one(".cv-publications"))
    assert "Journal of Fictional Textiles In press" in shown
    assert "Annals of Invented Mechanics Forthcoming" in shown


# -- reports --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", fixtures("reports"), ids=str)
def test_reports_name_the_line(fixture):
    result = bib_check(fixture)
    output = result.stdout + result.stderr
    assert set(fixture.lines) <= lines_named(output, fixture), output
    assert "Traceback" not in output


@pytest.mark.parametrize("fixture", fixtures("reports"), ids=str)
def test_reports_still_build_every_readable_entry(fixture, workdir):
    site = site_of(fixture, workdir)
    assert_every_entry_shown_once(site, fixture)
    assert_every_entry_has_its_page(site, fixture)
    assert_owner_in_bold(site, fixture)


def bold_and_shown(name: str, workdir: pytest.TempPathFactory) -> list[tuple[str, list[str]]]:
    """Each entry's text and its bold names, in the order of the lists."""
    site = site_of(read_fixture(QUIRKS / name), workdir)
    assert site.returncode == 0, site.log
    return [
        (text_of(li.p), [text_of(b) for b in li.p.find_all("strong")])
        for li in site.index().select(".cv-publications li[id]")
    ]


def test_names_that_pybtex_misreads_are_shown_as_meant(workdir):
    # A stray comma would make "M." a suffix, and the extended format one odd name.
    commas = bold_and_shown("names-stray-commas.bib", workdir)
    assert "T. Halloran, M. Vostokova, A. Perrault." in commas[0][0]
    assert commas[0][1][0] == "M. Vostokova"
    assert commas[1][1][0] == "Mirela Vostokova*"
    extended = bold_and_shown("names-biblatex-extended.bib", workdir)
    assert "Tobiah Halloran, Pieter van den Hoek." in extended[0][0]
    assert extended[0][1] == ["Pieter van den Hoek"]


def test_a_date_range_or_time_is_read_as_its_start(workdir):
    site = site_of(read_fixture(QUIRKS / "dates-biblatex.bib"), workdir)
    dates = sorted(
        paper_page(site, li).find("meta", attrs={"name": "citation_publication_date"})["content"]
        for li in site.index().select(".cv-publications li[id]")
    )
    assert dates == ["2027", "2029/04", "2030/10/04"]


def test_marks_after_names_are_no_second_spelling_for_the_check(tmp_path):
    """`Charles Babbage*` is Charles Babbage with a mark: one spelling, and a name that
    equal_contribution may give without its mark."""
    bib = tmp_path / "marks.bib"
    bib.write_text(
        "@article{a1843, author = {Charles Babbage* and Ada Lovelace*}, title = {One},\n"
        "  journal = {J}, year = {1843}, equal_contribution = {Charles Babbage and Ada Lovelace}}\n"
        "@article{b1844, author = {Charles Babbage and Ada Lovelace}, title = {Two},\n"
        "  journal = {J}, year = {1844},\n"
        "  equal_contribution = {Charles Babbage* and Ada Lovelace}}\n",
        encoding="utf-8",
    )
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        returncode = check_command.main(["--strict", str(bib)])
    assert returncode == 0, output.getvalue()
    assert (
        output.getvalue().strip()
        == f"2 entries, 0 problems, 0 notes in {bib} (--strict: notes fail the check)"
    )
    # The check still tells a name that is not an author.
    bib.write_text(bib.read_text(encoding="utf-8").replace("Lovelace}}", "Lovelance}}", 1))
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        check_command.main([str(bib)])
    assert "equal_contribution names 'Ada Lovelance', who is not among the authors" in (
        output.getvalue()
    )


# -- stops ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", fixtures("stops"), ids=str)
def test_stops_name_the_line_without_a_traceback(fixture, workdir):
    site = site_of(fixture, workdir)
    assert site.returncode != 0
    assert set(fixture.lines) <= lines_named(site.log, fixture), site.log
    assert "Traceback" not in site.log


# -- The PDF ----------------------------------------------------------------------------------


def test_every_entry_of_every_fixture_that_builds_is_in_the_pdf(tmp_path):
    """Entries in, entries out, in the PDF too: one CV (the second academic's pages) with every
    fixture that builds or reports as its .bib files, so one LaTeX run covers them all."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "second-academic", site)
    kept = [fixture for fixture in FIXTURES if fixture.expect != "stops"]
    for fixture in kept:
        shutil.copy2(fixture.path, site / fixture.name)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nbibtex_bibfiles = {[fixture.name for fixture in kept]!r}\n")
    pdf = make_pdf.build(site, tmp_path / "pdf", tmp_path / "work")
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                 text=True, check=True).stdout)  # fmt: skip
    missing = [
        f"{fixture.name}: {key}"
        for fixture in kept
        for key, entry in parsed_entries(fixture)
        if shown_words(entry.fields["title"]) not in text
    ]
    missing += [
        f"{fixture.name}: {key} (shown with its key)"
        for fixture in kept
        for key in untitled_keys(fixture)
        if squash(key) not in text
    ]
    assert missing == []
    assert sum(len(parsed_entries(fixture)) for fixture in kept) > 100


def test_an_entry_without_a_title_is_shown_with_its_key_and_no_empty_scholar_title(workdir):
    fixture = read_fixture(QUIRKS / "fields-no-title.bib")
    site = site_of(fixture, workdir)
    assert site.returncode == 0, site.log
    by_title = {text_of(li.select_one(".cv-pub-title")): li for li in site.index().select("li[id]")}
    keys = untitled_keys(fixture)
    assert len(keys) == 3
    for key in keys:
        page = paper_page(site, by_title[key])
        assert text_of(page.find("title")).startswith(key), page.find("title")
        assert text_of(page.find("h1")).startswith(key)
        assert page.find("meta", attrs={"name": "citation_title"}) is None
        assert page.find("meta", attrs={"name": "citation_author"})["content"]
    titled = paper_page(site, by_title["A Titled Article Beside Them"])
    assert titled.find("meta", attrs={"name": "citation_title"})["content"] == (
        "A Titled Article Beside Them"
    )


def test_private_use_characters_are_left_out_of_the_site(workdir):
    site = site_of(read_fixture(QUIRKS / "titles-private-use.bib"), workdir)
    assert site.returncode == 0, site.log
    titles = [text_of(li.select_one(".cv-pub-title")) for li in site.index().select("li[id]")]
    assert titles == ["Spindles and Looms: A Survey", "Weaving Beyond the Basic Plane"]
    private = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
    for page in site.html.rglob("*.html"):
        assert not private.search(page.read_text(encoding="utf-8")), page
