""".bib checks: what stops the build (tests/bib_corpus/) and what is only reported
(tests/bib_reports/), one file per message, each with its message pinned."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, InProcessBuild, build_in_process, text_of
from test_bad_input import ANSI_ESCAPE, PYTHON_TRACEBACK

from cvsite.cli import check_command as make_check
from cvsite.publications import bib_check
from cvsite.publications.latex_text import latex_to_plain

CORPUS = REPO / "tests" / "bib_corpus"
REPORTS = REPO / "tests" / "bib_reports"
ROOT = REPO / "tests" / "roots" / "test-bib-style"

# Files that stop the build -> every problem expected, as (line, key, part of the message).
EXPECTED = {
    "syntax-missing-equals.bib": [(3, "smith2020", "expected 'field = {value}'")],
    "unclosed-brace.bib": [(3, "smith2020", "the value of 'title' runs on into the fields")],
    "missing-key.bib": [(1, None, "@misc needs a key and a comma")],
    "not-utf8.bib": [(2, None, "not UTF-8 (can't decode byte 0x")],
    "entry-without-brace.bib": [(1, None, "@misc needs a '{' after its type")],
    "names-separated-by-commas.bib": [
        (2, "smith2020", "author name 'Smith, Jane, Doe, John' has more than two commas")
    ],
    "key-with-space.bib": [
        (1, None, "@article has the key 'smith 2020', which holds a space, and a BibTeX key "
         "cannot (BibTeX and pybtex would misread the entry); write it without, as in "
         "@article{smith_2020, ...")
    ],
    "unclosed-quote.bib": [
        (3, "smith2020", "a '\"' is never closed; add the closing '\"' where the value of "
         "'title' ends, or write it in braces, title = {...}")
    ],
    # pybtex stops at it (a syntax error naming no file); @string gets no normalised copy.
    "string-literal-brace.bib": [(1, None, "@string holds \\}, which BibTeX and pybtex count")],
}  # fmt: skip

# Files that build, every entry shown -> every note expected, as (line, key, part of it).
# An empty list: nothing to report (the file is as its tool writes it).
REPORTED = {
    "duplicate-field.bib": [
        (4, "smith2020", "field 'title' is given twice: the first (line 3) is kept")
    ],
    "duplicate-field-same-value.bib": [],
    "duplicate-key.bib": [
        (
            6,
            "Smith2020",
            "duplicate key (first at {file}:1): both are shown, this one as 'Smith2020_2'",
        )
    ],
    "odd-keys.bib": [],  # DOI, URL, DBLP, "&", non-ASCII: each its own page and anchor
    "misspelled-booktitel.bib": [
        (1, "smith2020", "@inproceedings has no 'booktitle': shown without it"),
        (
            4,
            "smith2020",
            "unknown field 'booktitel' (ignored, as BibTeX ignores it): did you mean 'booktitle'?",
        ),
    ],
    "misspelled-yeer.bib": [
        (1, "smith2020", "@article has no 'year' (or 'date')"),
        (
            5,
            "smith2020",
            "unknown field 'yeer' (ignored, as BibTeX ignores it): did you mean 'year'?",
        ),
    ],
    "misspelled-eprnt.bib": [(4, "smith2020", "unknown field 'eprnt'")],
    "misspelled-field-present.bib": [],  # tittle beside title: a field of its own
    "real-fields.bib": [],  # trueauthor, fjournal, optmonth, preprint, data, cv_selected
    "missing-booktitle.bib": [(1, "smith2020", "@inproceedings has no 'booktitle'")],
    # DBLP's export "with crossref" without the @proceedings it names.
    "crossref-missing.bib": [
        (6, "okafor2021", "crossref names 'DBLP:conf/lattice/2021', which is no entry of the "
         ".bib files: shown with its own fields only"),
    ],
    "missing-fields.bib": [
        (1, "smith2020", "@article has no 'journal' (or 'journaltitle'): shown without it"),
        (7, "smith2019", "@book has no 'publisher': shown without it"),
        (13, "smith2018", "@inproceedings has no 'author': shown without it"),
    ],
    "empty-author.bib": [(2, "smith2020", "author is empty: shown without authors")],
    "author-double-and.bib": [
        (
            2,
            "smith2020",
            "author has an empty name ('and' twice or at an end): read as "
            "'Jane Smith and John Doe'",
        )
    ],
    "author-trailing-and.bib": [(2, "smith2020", "read as 'Jane Smith and John Doe'")],
    "year-pending.bib": [],
    "year-not-a-year.bib": [
        (5, "smith2020a", "year '2020a' is not a year: shown as written, sorted as 2020"),
        (12, "smith2022", "year 'n.d.' is not a year: shown as written, sorted last"),
    ],
    "loose-date.bib": [
        (5, "smith2020", "date '2020-4-3' read as 2020-04-03; write date = {2020-04-03}"),
        (12, "smith2019", "date '2019/05' read as 2019-05"),
    ],
    "month-loose.bib": [(30, "smith2017", "month is empty: ignored")],
    "unknown-month.bib": [(6, "smith2020", "month 'Smarch' is not a month: ignored")],
    "undefined-macro.bib": [
        (
            14,
            "smith2021",
            "journal = aap: no @string defines 'aap', so the site shows it as written",
        )
    ],
    "percent-line-with-at.bib": [
        (2, None, "this '%' line holds an '@': read as a comment"),
        (10, None, "this '%' line holds an '@': read as a comment"),
    ],
    "at-in-text.bib": [(1, None, "this '@' starts no entry")],
    "at-in-comment-entry.bib": [],  # pybtex would read the '@' in the @comment
    "journal-latex-macro.bib": [
        (4, "smith2020", "journal = {\\aap} is a LaTeX macro that only a document defining it")
    ],
    "exports-layout.bib": [],  # front matter, headings, BOM, CRLF, tabs, capitals, @STRING
    "equal-contribution-not-author.bib": [
        (4, "smith2020", "equal_contribution names 'Jon Doe', who is not among the authors")
    ],
    "selected-not-boolean.bib": [(5, "smith2020", "selected 'maybe' is not true or false")],
    "stray-brace.bib": [
        (3, "smith2020", "a stray '}' would close the entry early (BibTeX and pybtex would drop")
    ],
    "missing-title.bib": [(1, "smith2020", "@misc has no 'title': shown with its key")],
    "missing-comma.bib": [
        (2, "smith2020", "a comma is missing after field 'author': read as two fields")
    ],
    "percent-comment.bib": [
        (3, "smith2020", "this '%' line inside an entry is read as a comment, as it is meant")
    ],
    "never-closed.bib": [
        (3, "smith2020", "entry is not closed: read as ending at the end of the file")
    ],
    # A '%' line between an entry left open and the next: no missing comma; the note is at
    # the entry's last field, where its '}' goes, not at the comment or the next entry.
    "unclosed-before-comment.bib": [
        (
            4,
            "smith2020",
            "entry is not closed: read as ending before the next entry (line 7), after its "
            "last field (BibTeX and pybtex would not read it); add the missing '}' after that "
            "field, on this line",
        )
    ],
    # A comment after a field whose comma is missing: the note is at that field's line.
    "missing-comma-before-comment.bib": [
        (2, "smith2020", "a comma is missing after field 'author': read as two fields"),
        (2, "smith2020", "this '%' line inside an entry is read as a comment"),
    ],
    # Vancouver order without its comma: BibTeX reads the initial as the family name.
    "name-initials-last.bib": [
        (
            2,
            "perez2020",
            "author name 'Pérez E.' looks like a family name written first, without a comma: "
            "BibTeX and pybtex read 'E.' as the family name and 'Pérez' as the given name (so "
            "the BibTeX export and Scholar's tags give them); write 'Pérez, E.'",
        )
    ],
    "doubled-equals.bib": [(3, "smith2020", "'title' has an extra '=': read as one")],
    # LaTeX's \} and \{ without their pair: pybtex would stop with a syntax error; a pair
    # (\{x\}) is read as BibTeX reads it, with no note.
    "literal-brace.bib": [
        (3, "smith2020", "title holds \\}, which BibTeX and pybtex count as a brace that here "
         "has no pair (BibTeX would misread the entry, pybtex stop at it): read as the "
         "character, as meant; write \\textbraceright{} for it"),
        (10, "smith2021", "title holds \\{, which BibTeX"),
        (19, "smith2022", "note holds \\}, which BibTeX"),
    ],
    "entry-without-fields.bib": [
        (1, "smith2020", "@misc has no fields: shown with its key, 'smith2020', as the text "
         "that links to its page"),
        (3, "smith2021", "@misc has no fields: shown with its key, 'smith2021'"),
    ],
    "impossible-date.bib": [
        (5, "smith2020", "date '2020-13-45' has no month 13: read as 2020, without it; write "
         "the date meant as YYYY-MM-DD"),
        (12, "smith2021", "date '2021-05-45' has no day 45: read as 2021-05, without it"),
    ],
    "pages-without-page.bib": [
        (5, "smith2020", "pages '--' holds no page number: no pages shown; write pages = "
         "{12--34}, or delete it")
    ],
    "author-without-name.bib": [
        (2, "smith2020", "author holds no name, only 'and' or empty braces: shown without "
         "authors; write the names between the 'and's, or delete author"),
        (9, "smith2021", "author holds no name, only 'and' or empty braces"),
    ],
    "title-latex-command.bib": [
        (3, "smith2020", "title = {\\relax} is only a LaTeX command, which the site cannot "
         "expand: shown as written, '\\relax'")
    ],
    # The order of the lists' rule (rules.sort_year): five digits are no year.
    "year-five-digits.bib": [
        (5, "smith2020", "year '20201' is not a year: shown as written, sorted last"),
        (11, "smith2023", "year 'n.d.' is not a year: shown as written, sorted as 2023, the "
         "year of its arXiv identifier"),
    ],
}  # fmt: skip


def test_every_corpus_file_is_pinned():
    assert sorted(EXPECTED) == sorted(path.name for path in CORPUS.glob("*.bib"))
    assert sorted(REPORTED) == sorted(path.name for path in REPORTS.glob("*.bib"))
    assert len(EXPECTED) + len(REPORTED) >= 30


def assert_problems(found, expected, file: str = "") -> None:
    """`{file}` in an expected message stands for the name of the file checked."""
    assert len(found) == len(expected), found
    for (line, key, message), (want_line, want_key, want_part) in zip(found, expected, strict=True):
        assert (line, key) == (want_line, want_key), found
        assert want_part.replace("{file}", file) in message, message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_gets_its_message(name):
    _, problems = bib_check.check([CORPUS / name])
    assert all(problem.stops for problem in problems)
    assert_problems([(p.line, p.key, p.message) for p in problems], EXPECTED[name])


def check_command(*arguments: str) -> subprocess.CompletedProcess:
    """`make check` (STRICT=1 adds --strict), as a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "cvsite.cli.check_command", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def check_in_process(*arguments: str) -> subprocess.CompletedProcess:
    """`make check`'s main in this process (test_make_check_exit_status runs the command
    itself): a Python start and Sphinx's imports cost a second a file."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = make_check.main(list(arguments))
    return subprocess.CompletedProcess(arguments, status, stdout.getvalue(), stderr.getvalue())


def notes_in(output: str, path: Path) -> list[tuple[int, str | None, str]]:
    """(line, key, message) of each `path:line: NOTE: [key: ]message` line."""
    found = []
    for line in output.splitlines():
        match = re.match(rf"{re.escape(str(path))}:(\d+): NOTE: (.*)", line)
        if match:
            rest = match.group(2)
            key, _, message = rest.partition(": ")
            if key.startswith("this "):  # a note outside entries names no key
                key, message = None, rest
            found.append((int(match.group(1)), key, message))
    return found


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_make_check_prints_each_note_and_strict_fails_on_it(name):
    result = check_in_process(str(REPORTS / name))
    assert result.returncode == 0, result.stdout
    assert_problems(notes_in(result.stdout, REPORTS / name), REPORTED[name], name)
    assert "ERROR" not in result.stdout and "Traceback" not in result.stderr
    strict = check_in_process("--strict", str(REPORTS / name))
    assert strict.returncode == (1 if REPORTED[name] else 0), strict.stdout
    assert strict.stdout.count(": ERROR: ") == len(REPORTED[name])


def entries_written(path: Path) -> int:
    """Entries in the file, counted without our reader: each @type{ but @string and @comment,
    at the start of a line and outside '%' comments."""
    text = path.read_text(encoding="utf-8-sig")
    types = re.findall(r"^\s*@(\w+)\s*[{(]", text, re.MULTILINE)
    return sum(kind.lower() not in ("string", "comment", "preamble") for kind in types)


def project_with(source: Path, tmp_path: Path) -> Path:
    """The bib-style project with `source` as its refs.bib."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, dirs_exist_ok=True)
    shutil.copy2(source, project / "refs.bib")
    return project


def build(source: Path, tmp_path: Path, **overrides) -> InProcessBuild:
    """The bib-style project with `source` as its refs.bib, built as `make html` builds it, in
    this process; its pages in tmp_path / "html", its doctrees in tmp_path / "doctrees"."""
    return build_in_process(project_with(source, tmp_path), tmp_path, **overrides)


def sphinx_build(source: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """The same, through sphinx-build in a process of its own, for what only it prints."""
    project = project_with(source, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html",
         str(project), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    # Sphinx colours its messages where it thinks a terminal or CI shows them (CI=true).
    result.stdout, result.stderr = (
        ANSI_ESCAPE.sub("", result.stdout),
        ANSI_ESCAPE.sub("", result.stderr),
    )
    return result


def shown_titles(html: Path) -> list[str]:
    page = (html / "index.html").read_text(encoding="utf-8")
    items = BeautifulSoup(page, "html.parser").select(".cv-publications ol > li")
    return [text_of(item.select_one(".cv-pub-title")) for item in items]


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_reported_file_builds_with_every_entry_and_its_notes(name, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    shutil.copy2(REPORTS / name, project / "refs.bib")
    result = build_in_process(project, tmp_path / "build")
    assert result.returncode == 0, result.stderr
    notes = notes_in(result.stdout, project / "refs.bib")
    assert_problems(notes, REPORTED[name], "refs.bib")
    entries, _ = bib_check.check([REPORTS / name])
    titles = shown_titles(result.html)
    assert len(titles) == len(entries) == entries_written(REPORTS / name)
    # An entry without a title is shown with its key.
    written = [" ".join(latex_to_plain(e.fields["title"].value).split())
               if "title" in e.fields else e.key for e in entries]  # fmt: skip
    assert sorted(titles) == sorted(written)
    # Each entry has its own paper page.
    pages = list((result.html / "publications").glob("*.html"))
    assert len(pages) == len(entries)


@pytest.mark.parametrize("name", [name for name, notes in sorted(REPORTED.items()) if notes][:3])
def test_cv_bib_strict_makes_notes_stop_the_build(name, tmp_path):
    result = build(REPORTS / name, tmp_path, cv_bib_strict=True)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if ": ERROR: " in line]
    assert len(errors) == len(REPORTED[name]), result.stderr
    line, key, part = REPORTED[name][0]
    assert errors[0].startswith(f"{tmp_path / 'project' / 'refs.bib'}:{line}: ERROR: ")
    assert part.replace("{file}", "refs.bib") in errors[0] and (
        key is None or f": ERROR: {key}: " in errors[0]
    )
    assert "cv_bib_strict = True makes notes errors" in result.stderr
    assert PYTHON_TRACEBACK not in result.stdout + result.stderr


def test_both_entries_of_a_duplicate_key_get_their_own_id_and_page(tmp_path):
    assert build(REPORTS / "duplicate-key.bib", tmp_path).returncode == 0
    page = BeautifulSoup(
        (tmp_path / "html" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    items = {li["id"]: text_of(li.select_one(".cv-pub-title")) for li in page.select("li[id]")}
    assert items == {"smith2020": "First", "smith2020-2": "Second"}
    second = (tmp_path / "html" / "publications" / "Smith2020_2.html").read_text(encoding="utf-8")
    assert "Second" in second and "@misc{Smith2020_2," in second
    # pybtex read a normalised copy; refs.bib itself is untouched.
    copy = (tmp_path / "doctrees" / "cvsite-bib" / "0-refs.bib").read_text("utf-8")
    assert "@misc{Smith2020_2," in copy
    assert (tmp_path / "project" / "refs.bib").read_bytes() == (
        REPORTS / "duplicate-key.bib"
    ).read_bytes()


def test_the_first_of_a_field_given_twice_is_shown_and_the_entries_after_it_too(tmp_path):
    assert build(REPORTS / "duplicate-field.bib", tmp_path).returncode == 0
    assert shown_titles(tmp_path / "html") == ["After the Repeated Field", "A Title"]


def test_pending_years_are_shown_as_written_and_sorted_newest(tmp_path):
    assert build(REPORTS / "year-pending.bib", tmp_path).returncode == 0
    assert not (tmp_path / "doctrees" / "cvsite-bib").exists()  # read as it is
    page = BeautifulSoup(
        (tmp_path / "html" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    peer_reviewed = [li["id"] for li in page.select(".cv-publications-peer-reviewed li")]
    assert peer_reviewed == ["smith2024press", "smith2024appear", "smith2021"]
    venues = [text_of(li.select_one("strong")) for li in page.select("li[id]")]
    assert "Journal of Tests In press" in venues and "Under review" in venues


def test_loose_dates_undefined_macros_and_empty_names_read_as_meant(tmp_path):
    loose = BeautifulSoup("", "html.parser")
    for name in ("loose-date.bib", "undefined-macro.bib", "author-double-and.bib"):
        assert build(REPORTS / name, tmp_path / name).returncode == 0
        page = (tmp_path / name / "html" / "index.html").read_text(encoding="utf-8")
        loose.append(BeautifulSoup(page, "html.parser"))
    text = {text_of(li.p) for li in loose.select("li[id]")}
    assert "A Loosely Dated Title Jane Smith. Journal of Tests 2020." in text
    assert "An Undefined Macro Jane Smith. aap 2021." in text
    assert "A Defined Macro Jane Smith. Journal of Tests 2020." in text
    assert "A Title Jane Smith, John Doe." in text


def test_a_file_in_the_declared_bibtex_encoding_builds(tmp_path):
    source = tmp_path / "latin-1.bib"
    source.write_bytes((CORPUS / "not-utf8.bib").read_bytes())
    assert build(source, tmp_path / "utf-8").returncode != 0
    result = build(source, tmp_path / "latin-1", bibtex_encoding="latin-1")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "latin-1" / "html" / "index.html").read_text(encoding="utf-8")
    assert "José Smith" in page


def test_a_rebuild_reports_the_notes_again_and_reads_no_page(tmp_path):
    first = build(REPORTS / "duplicate-key.bib", tmp_path)
    again = build(REPORTS / "duplicate-key.bib", tmp_path)
    assert (first.returncode, again.returncode) == (0, 0)
    note = notes_in(again.stdout, tmp_path / "project" / "refs.bib")
    assert [(line, key) for line, key, _ in note] == [(6, "Smith2020")]
    assert "targets for 0 source files that are out of date" in again.stdout


def test_the_real_refs_bib_is_clean_and_its_variants_are_reported():
    entries, problems = bib_check.check([REPO / "refs.bib"])
    assert problems == []
    assert len(entries) == 12
    reports = bib_check.name_variants(entries)
    assert len(reports) == 2
    assert "'Ziheng Qin'" in reports[1] and "'Ziheng Qing'" in reports[1]
    assert "'Alberto Sangiovanni Vincentelli'" in reports[0]
    assert "'Alberto Sangiovanni-Vincentelli'" in reports[0]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Ziheng Qin", "Ziheng Qing", True),
        ("Alberto Sangiovanni Vincentelli", "Alberto Sangiovanni-Vincentelli", True),
        ("Z. Zheng", "Zangwei Zheng", True),
        ("Yang You", "Yang Luo", False),
        ("Xin Jiang", "Zhuo Jiang", False),
    ],
)
def test_name_variant_heuristic(first, second, same):
    assert bib_check.same_person_maybe(first, second) is same


def test_a_broken_bib_stops_the_build_with_file_line_and_no_traceback(tmp_path):
    result = sphinx_build(CORPUS / "syntax-missing-equals.bib", tmp_path)
    project = tmp_path / "project"
    assert result.returncode != 0
    [error] = [line for line in result.stderr.splitlines() if ": ERROR: " in line]
    where = f"{project / 'refs.bib'}:3"
    assert error.startswith(f"{where}: ERROR: smith2020: expected 'field = {{value}}'")
    assert "The .bib files stop the build!" in result.stderr  # Sphinx's report of the error
    assert f"{where}: smith2020: expected 'field = {{value}}'" in result.stderr
    assert "Build stopped: 1 problem in the .bib files" in result.stderr
    assert PYTHON_TRACEBACK not in result.stdout + result.stderr


def test_make_check_exit_status():
    bad = check_command(str(CORPUS / "syntax-missing-equals.bib"))
    good = check_command(str(REPO / "refs.bib"))
    assert (bad.returncode, good.returncode) == (1, 0)
    assert "12 entries, 0 problems, 0 notes" in good.stdout
    assert "\n1 entry, 1 problem, 0 notes in " in bad.stdout  # not "1 entries, 1 problems"
    assert "NOTE: maybe one person" in good.stdout
    # Name variants are for the owner to decide: even --strict lets them pass.
    assert check_command("--strict", str(REPO / "refs.bib")).returncode == 0


def test_make_check_reads_the_bib_files_and_encoding_that_conf_py_names(
    tmp_path, monkeypatch, capsys
):
    """`make check` checks what the build reads: conf.py's bibtex_bibfiles in its
    bibtex_encoding, not refs.bib in UTF-8."""
    (tmp_path / "conf.py").write_text(
        'cv_owner = "Ana Example"\nbibtex_bibfiles = ["papers.bib"]\nbibtex_encoding = "latin-1"\n',
        encoding="utf-8",
    )
    entry = (
        "@misc{one2024,\n  author = {Jos\u00e9 Example},\n  title = {One},\n  year = {2024},\n}\n"
    )
    (tmp_path / "papers.bib").write_bytes(entry.encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    assert make_check.main([]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 entry, 0 problems, 0 notes in papers.bib"


def test_make_check_reads_the_files_the_build_reads(tmp_path, monkeypatch):
    """bibtex_bibfiles may name a Path, or an absolute one, as sphinxcontrib-bibtex allows:
    make check reads those files, not refs.bib beside conf.py."""
    (tmp_path / "bib").mkdir()
    shutil.copy2(REPORTS / "duplicate-field.bib", tmp_path / "bib" / "pubs.bib")
    shutil.copy2(REPORTS / "missing-title.bib", tmp_path / "other.bib")
    shutil.copy2(REPO / "refs.bib", tmp_path / "refs.bib")
    (tmp_path / "conf.py").write_text(
        "from pathlib import Path\n"
        f'bibtex_bibfiles = [Path("bib/pubs.bib"), Path({str(tmp_path / "other.bib")!r})]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = check_in_process()
    assert f"in bib/pubs.bib, {tmp_path / 'other.bib'}" in result.stdout, result.stdout
    assert "bib/pubs.bib:4: NOTE: smith2020: field 'title' is given twice" in result.stdout
    assert f"{tmp_path / 'other.bib'}:1: NOTE: smith2020: @misc has no 'title'" in result.stdout


def test_literal_braces_are_shown_and_pybtex_reads_a_copy(tmp_path):
    """`\\}` without its pair stopped the build inside sphinxcontrib-bibtex (a syntax error
    naming no file): the site shows the brace, from a copy pybtex can read."""
    assert build(REPORTS / "literal-brace.bib", tmp_path).returncode == 0
    assert sorted(shown_titles(tmp_path / "html")) == [
        "A Set {x} in Braces", "The { Symbol", "The } Symbol",
    ]  # fmt: skip
    copy = (tmp_path / "doctrees" / "cvsite-bib" / "0-refs.bib").read_text("utf-8")
    assert "title   = {The \\textbraceright{} Symbol}" in copy
    assert "title   = {A Set \\{x\\} in Braces}" in copy  # a pair, as written


def test_an_empty_page_range_shows_no_pages(tmp_path):
    assert build(REPORTS / "pages-without-page.bib", tmp_path).returncode == 0
    page = BeautifulSoup(
        (tmp_path / "html" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    [item] = page.select("li[id]")
    assert text_of(item.p) == "A Title Jane Smith. Journal of Tests 2020."
