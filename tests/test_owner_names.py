"""The owner in every spelling: the matching rules, and a project whose .bib spells the owner in
each way real .bib files do (tests/roots/test-owner-spellings)."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ANSI_ESCAPE, REPO, text_of

from cvsite.cli import check_command
from cvsite.config import settings
from cvsite.publications import bib_check, owner_names
from cvsite.publications.owner_names import Match, OwnerNames, written_name
from cvsite.speed.formatting_cache import style_fingerprint

SURE, UNCERTAIN, NO = Match.SURE, Match.UNCERTAIN, Match.NO

# (owner, spelling in a .bib, expected)
CASES = [
    # initials in any form: another K. Modin may exist, so uncertain
    ("Klas Modin", "K. Modin", UNCERTAIN),
    ("Klas Modin", "K Modin", UNCERTAIN),
    ("Klas Modin", "Modin, K.", UNCERTAIN),
    ("Klas Modin", "K.Modin", UNCERTAIN),
    ("Klas Modin", "Modin K", UNCERTAIN),  # Vancouver order
    ("João Pedro Faria", "J. P. Faria", UNCERTAIN),
    ("João Pedro Faria", "J.P. Faria", UNCERTAIN),
    ("João Pedro Faria", "JP Faria", UNCERTAIN),
    ("João Pedro Faria", "Faria, João P.", UNCERTAIN),
    ("João Pedro Faria", "João Faria", UNCERTAIN),  # a middle name left out
    ("Klas Modin", "Klas O. Modin", UNCERTAIN),  # a middle name the owner does not write
    # the same names, written otherwise: sure
    ("Klas Modin", "Klas Modin", SURE),
    ("Klas Modin", "Modin, Klas", SURE),
    ("Klas Modin", "KLAS MODIN", SURE),
    ("Klas Modin", "Klas {Modin}", SURE),
    ("Rafal Kucharski", "Rafał Kucharski", SURE),
    ("Rafał Kucharski", "Rafal Kucharski", SURE),
    ("Jose Faria", "José Faria", SURE),
    ("José Faria", "Jose Faria", SURE),
    ("Jean-Pierre Dupont", "Jean Pierre Dupont", SURE),
    ("Jean Pierre Dupont", "Jean-Pierre Dupont", SURE),
    ("Jean-Pierre Dupont", "Dupont, Jean-Pierre", SURE),
    ("Jean-Pierre Dupont", "J.-P. Dupont", UNCERTAIN),
    ("Adrià Torralba-Agell", "Torralba-Agell Adrià", SURE),  # Last First, no comma
    ("Adrià Torralba-Agell", "Torralba Agell Adrià", SURE),
    ("Adrià Torralba Agell", "Torralba-Agell Adrià", SURE),
    ("Adrià Torralba-Agell", "Torralba-Agell, Adrià", SURE),
    ("Juan de la Fuente", "de la Fuente, Juan", SURE),
    # a one-word family name first is someone else's usual order too
    ("Zangwei Zheng", "Zheng Zangwei", UNCERTAIN),
    # one family name of two (Spanish, Portuguese): most likely the same person, so uncertain
    ("Ana García", "García Márquez, Ana", UNCERTAIN),
    ("Ana García", "Ana García Márquez", UNCERTAIN),
    ("Ana García", "Ana García-Márquez", UNCERTAIN),
    ("Ana García Márquez", "Ana García", UNCERTAIN),
    ("Ana García Márquez", "García, Ana", UNCERTAIN),
    ("Ana García", "Ana Márquez García", UNCERTAIN),  # read as a given name added
    ("Ana García", "Luis García Márquez", NO),
    # DBLP's numbered homonyms
    ("Wei Wang", "Wei Wang 0001", SURE),
    ("Wei Wang 0001", "Wei Wang 0001", SURE),
    ("Wei Wang 0001", "Wei Wang", SURE),
    ("Wei Wang 0001", "Wei Wang 0002", NO),  # DBLP says: someone else
    # marks written with the name
    ("Klas Modin", r"\textbf{Klas Modin}", SURE),
    ("Klas Modin", r"{\bf Klas Modin}", SURE),
    ("Klas Modin", r"\underline{K. Modin}", UNCERTAIN),
    ("Klas Modin", "Klas Modin*", SURE),
    ("Klas Modin", "**Klas Modin**", SURE),
    ("Klas Modin", r"Klas Modin$^\dagger$", SURE),
    ("Klas Modin", "Klas Modin†", SURE),
    # other people
    ("Klas Modin", "Karl Modin", NO),
    ("Klas Modin", "Anna Modin", NO),
    ("Klas Modin", "Modin", NO),  # a family name alone names nobody in particular
    ("Klas Modin", "Klas Modinsson", NO),
    ("Klas Modin", "Klas Berg", NO),
    ("João Pedro Faria", "Pedro Faria", NO),  # the first given name must agree
    ("Zangwei Zheng", "Zangwei Zhang", NO),
    # non-Latin scripts as written
    ("张伟", "张伟", SURE),
    ("张伟", "张 伟", SURE),
    ("张伟", "張偉", NO),
    ("张伟", "Wei Zhang", NO),
    ("Wei Zhang", "张伟", NO),
    ("Иван Петров", "иван петров", SURE),
    ("Иван Петров", "И. Петров", UNCERTAIN),
    ("Иван Петров", "Ivan Petrov", NO),
]


@pytest.mark.parametrize(("owner", "spelling", "expected"), CASES)
def test_owner_matches(owner, spelling, expected):
    assert OwnerNames(owner).match(spelling) is expected


def test_variants_match_as_the_owner_does_and_confirm_a_spelling():
    owner = OwnerNames("Ada Lovelace", variants=("Ada Byron", "A. Lovelace"))
    assert owner.match("Byron, Ada") is SURE
    assert owner.match("A. Byron") is UNCERTAIN
    assert owner.match("Lovelace, A.") is SURE  # a variant the owner confirmed
    assert owner.match("Anne Byron") is NO


def test_not_owner_unbolds_exactly_that_spelling():
    owner = OwnerNames("Klas Modin", not_owner=("K. Modin", "Wei Wang 0002"))
    assert owner.match("K. Modin") is NO
    assert owner.match("Modin, K.") is NO  # the same spelling, in comma order
    assert owner.match("K. L. Modin") is UNCERTAIN
    assert owner.match("Klas Modin") is SURE
    numbered = OwnerNames("Wei Wang", not_owner=("Wei Wang 0002",))
    assert numbered.match("Wei Wang 0002") is NO
    assert numbered.match("Wei Wang 0001") is SURE


def test_no_owner_matches_nobody():
    assert OwnerNames("").match("Klas Modin") is NO
    assert not Match.NO and Match.UNCERTAIN and Match.SURE


@pytest.mark.parametrize(
    ("written", "name", "marks", "number"),
    [
        ("Wei Wang 0001", "Wei Wang", "", "0001"),
        (r"\textbf{Klas Modin}", "Klas Modin", "", ""),
        (r"\textbf{Jos{\'e} Faria}", r"Jos{\'e} Faria", "", ""),
        ("Klas Modin*", "Klas Modin", "*", ""),
        ("*Klas Modin*", "Klas Modin", "", ""),  # emphasis, not a mark
        (r"Klas Modin$^*$", "Klas Modin", "*", ""),
        (r"Klas Modin\textsuperscript{*}", "Klas Modin", "*", ""),
        (r"Klas Modin$^{\dagger}$", "Klas Modin", "†", ""),
        (r"Klas Modin\textdagger", "Klas Modin", "†", ""),
        ("Klas Modin*†", "Klas Modin", "*†", ""),
        ("Modin, Klas*", "Modin, Klas", "*", ""),
        (r"\textbf{Klas Modin}$^*$", "Klas Modin", "*", ""),
        ("Klas Modin", "Klas Modin", "", ""),
        ("张伟", "张伟", "", ""),
    ],
)
def test_written_name_drops_the_marks_and_dblp_number(written, name, marks, number):
    assert written_name(written) == owner_names.WrittenName(name, marks, number)


def test_an_uncertain_spelling_is_one_note_at_its_first_entry_with_every_key(tmp_path):
    bib = tmp_path / "refs.bib"
    entry = "@misc{{{key},\n  author = {{{authors}}},\n  title = {{T}},\n  year = {{2020}},\n}}\n"
    bib.write_text(
        entry.format(key="b2021", authors="Klas Modin")
        + entry.format(key="a2020", authors="K. Modin and Anna Berg")
        + entry.format(key="c2022", authors="Modin, K. and Karl Modin"),
        encoding="utf-8",
    )
    _, problems = bib_check.check([bib], owner=OwnerNames("Klas Modin"))
    [note] = [problem for problem in problems if "shown in bold" in problem.message]
    assert (note.path, note.line, note.key, note.stops) == (bib, 6, None, False)
    assert note.message.startswith("'K. Modin' (a2020, c2022) is shown in bold as 'Klas Modin'")
    assert "add 'K. Modin' to cv_not_owner" in note.message
    assert "add it to cv_owner_variants" in note.message


def test_the_style_fingerprint_follows_cv_not_owner_and_the_matching_code(tmp_path, monkeypatch):
    from cvsite import code_digest

    names = ["Klas Modin"]
    assert style_fingerprint(names, []) == style_fingerprint(names)
    assert style_fingerprint(names, ["K. Modin"]) != style_fingerprint(names)
    before = style_fingerprint(names)
    package = tmp_path / "cvsite"
    shutil.copytree(code_digest.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    edited = package / "publications" / "owner_names.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    monkeypatch.setattr(code_digest, "PACKAGE", package)
    code_digest.package_digest.cache_clear()
    try:
        assert style_fingerprint(names) != before
    finally:
        monkeypatch.undo()
        code_digest.package_digest.cache_clear()


# The project: every entry has the owner, spelled one way per entry.
BIB = (REPO / "tests" / "roots" / "test-owner-spellings" / "refs.bib").read_text(encoding="utf-8")
KEYS = re.findall(r"^@\w+\{(\w+),", BIB, flags=re.MULTILINE)
UNCERTAIN_KEYS = [key for key in KEYS if key.startswith(("initials", "short"))]
OWNER = "Rafał Jean-Pierre Torralba-Agell"


def built(app) -> BeautifulSoup:
    app.build()
    assert app.warning.getvalue() == ""  # the report is a note, not a warning (-W builds)
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def owner_bold(item) -> list[str]:
    """The bold names of a list item (the venue and year are bold too, and left out)."""
    return [text_of(b) for b in item.find_all("strong") if "Journal of Names" not in text_of(b)]


@pytest.mark.sphinx("html", testroot="owner-spellings")
def test_every_spelling_of_the_owner_is_bold_and_no_one_else(app):
    soup = built(app)
    # (an entry's anchor is its key, with "-" for "_" where docutils' id rules apply)
    items = {li["id"].replace("-", "_"): li for li in soup.select(".cv-publications li[id]")}
    assert sorted(items) == sorted(KEYS)
    for key, item in items.items():
        assert len(owner_bold(item)) == 1, key
    # as written, with the marks shown as marks, not as the name
    assert owner_bold(items["sure_bold_by_hand"]) == [OWNER]
    assert owner_bold(items["sure_latex_accent_spaces"]) == ["Rafał Jean Pierre Torralba Agell"]
    assert owner_bold(items["initials_comma"]) == ["R. J.-P. Torralba-Agell"]
    assert owner_bold(items["sure_dagger"]) == [f"{OWNER}†"]
    for coauthor in ("Rosa Torralba-Agell", "R. Torralba-Agell", "Charles Babbage"):
        assert all(coauthor not in owner_bold(item) for item in items.values())
    for bibtex in soup.select(".cv-bibtex"):  # the BibTeX source keeps its LaTeX ({\\l})
        bibtex.decompose()
    shown = text_of(soup.select_one(".cv-publications"))
    assert "textbf" not in shown and "$" not in shown and "\\" not in shown


@pytest.mark.sphinx("html", testroot="owner-spellings")
def test_dblp_numbers_are_not_shown_for_anyone(app):
    soup = built(app)
    item = soup.select_one("#sure_dblp, #sure-dblp")
    assert f"{OWNER}, Wei Wang." in text_of(item)
    page = (app.outdir / "publications" / "sure_dblp.html").read_text(encoding="utf-8")
    paper = BeautifulSoup(page, "html.parser")
    authors = [m["content"] for m in paper.find_all("meta", attrs={"name": "citation_author"})]
    assert authors == [OWNER, "Wei Wang"]
    assert "0001" not in page and "0002" not in page  # nor in the BibTeX or JSON-LD


@pytest.mark.sphinx("html", testroot="owner-spellings")
def test_a_star_in_a_name_is_an_equal_contribution_mark_with_its_legend(app):
    soup = built(app)
    item = soup.select_one("#sure_equal_mark, #sure-equal-mark")
    assert f"{OWNER}*, Charles Babbage*." in text_of(item)
    assert [text_of(mark) for mark in item.select(".cv-equal")] == ["*", "*"]
    assert text_of(soup.select_one(".cv-legend")) == "* denotes equal contribution."
    page = BeautifulSoup(
        (app.outdir / "publications" / "sure_equal_mark.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert text_of(page.select_one(".cv-legend")) == "* denotes equal contribution."
    bibtex = page.select_one(".cv-bibtex-source code").get_text()
    # No marks in the BibTeX, and every name in the form BibTeX splits as meant.
    assert "author = {Torralba-Agell, Rafał Jean-Pierre and Babbage, Charles}" in bibtex


def owner_notes_in(output: str) -> list[str]:
    """The notes on uncertain matches, from the .bib file's name on (the build names the file
    by its full path, make check as given)."""
    return re.findall(r"(refs\.bib:\d+: NOTE: '.*' \(.*\) is shown in bold .*)", output)


@pytest.mark.sphinx("html", testroot="owner-spellings")
def test_the_build_and_make_check_report_the_uncertain_matches_alike_once_each(app, monkeypatch):
    built(app)
    notes = owner_notes_in(ANSI_ESCAPE.sub("", app.status.getvalue()))
    reported = [re.match(r"refs\.bib:\d+: NOTE: '([^']+)' \(([^)]+)\)", note) for note in notes]
    spellings = dict(match.groups() for match in reported if match)
    keys = sorted(key for found in spellings.values() for key in found.split(", "))
    assert keys == sorted(UNCERTAIN_KEYS)  # each entry once, each spelling once
    assert len(spellings) == len(notes)
    assert spellings["R. J.-P. Torralba-Agell"] == "initials_spaced, initials_comma"
    assert spellings["Rafał Jean-Pierre Torralba"] == "short_one_family_name_of_two"
    assert "R. Torralba-Agell" not in spellings  # listed in cv_not_owner: not the owner
    # make check, in the site's folder, reads the owner's names from its conf.py
    monkeypatch.chdir(app.srcdir)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        check_command.main([])
    assert owner_notes_in(output.getvalue()) == notes


def test_cv_not_owner_holds_names_and_never_the_owner_itself():
    config = SimpleNamespace(cv_owner=OWNER, cv_not_owner=["Torralba-Agell, Rafał Jean-Pierre"])
    [problem] = settings.not_owner_problems(config)
    assert problem.startswith(
        "cv_not_owner holds 'Torralba-Agell, Rafał Jean-Pierre', which is cv_owner itself;"
    )
    assert "remove it from cv_not_owner" in problem
    config = SimpleNamespace(cv_owner=OWNER, cv_not_owner=["", 7, "R. Torralba-Agell"])
    assert settings.not_owner_problems(config) == [
        "cv_not_owner holds ''; each must be a non-empty name.",
        "cv_not_owner holds 7; each must be a non-empty name.",
    ]
