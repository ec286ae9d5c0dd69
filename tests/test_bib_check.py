"""Strict .bib checks: each malformed file in tests/bib_corpus/ gets its own pinned message."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import REPO

from cvsite import bib_check

CORPUS = REPO / "tests" / "bib_corpus"

# file -> every problem expected, as (line, key, part of the message).
EXPECTED = {
    "syntax-missing-equals.bib": [(3, "smith2020", "expected 'field = {value}'")],
    "unclosed-brace.bib": [(3, "smith2020", "the value of 'title' runs on into the fields")],
    "duplicate-key.bib": [(6, "Smith2020", "duplicate key (first at duplicate-key.bib:1)")],
    "stray-brace.bib": [(4, "smith2020", "a stray '}' closed entry 'smith2020' (line 1) early")],
    "percent-comment.bib": [(3, "smith2020", "'%' starts no comment inside an entry")],
    "missing-booktitle.bib": [(1, "smith2020", "@inproceedings needs the field 'booktitle'")],
    "missing-title.bib": [(1, "smith2020", "@misc needs the field 'title'")],
    "year-not-numeric.bib": [(5, "smith2020", "year 'forthcoming' is not a 4-digit year")],
    "unknown-month.bib": [(6, "smith2020", "month 'Smarch' is unknown")],
    "empty-author.bib": [(2, "smith2020", "author has an empty name")],
    "author-double-and.bib": [(2, "smith2020", "author has an empty name")],
    "misspelled-tittle.bib": [(4, "smith2020", "unknown field 'tittle': did you mean 'title'?")],
    "misspelled-booktitel.bib": [
        (1, "smith2020", "@inproceedings needs the field 'booktitle'"),
        (4, "smith2020", "unknown field 'booktitel': did you mean 'booktitle'?"),
    ],
    "misspelled-yeer.bib": [
        (1, "smith2020", "@article needs the field 'year' (or 'date')"),
        (5, "smith2020", "unknown field 'yeer': did you mean 'year'?"),
    ],
    "misspelled-eprnt.bib": [(4, "smith2020", "unknown field 'eprnt': did you mean 'eprint'?")],
    "missing-key.bib": [(1, None, "@misc needs a key and a comma")],
    "missing-comma.bib": [(3, "smith2020", "a comma is missing after field 'author'")],
    "equal-contribution-not-author.bib": [
        (4, "smith2020", "equal_contribution names 'Jon Doe', who is not among the authors")
    ],
    "duplicate-field.bib": [(4, "smith2020", "field 'title' appears twice (first on line 3)")],
    "bad-date.bib": [(5, "smith2020", "date '2020/05' is not YYYY, YYYY-MM or YYYY-MM-DD")],
    "never-closed.bib": [(4, "smith2020", "entry is never closed: add the missing '}'")],
    "not-utf8.bib": [(2, None, "not UTF-8; save the file as UTF-8")],
}


def test_every_corpus_file_is_pinned():
    assert sorted(EXPECTED) == sorted(path.name for path in CORPUS.glob("*.bib"))
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_gets_its_message(name):
    _, problems = bib_check.check([CORPUS / name])
    found = sorted((p.line, p.key, p.message) for p in problems)
    expected = sorted(EXPECTED[name], key=lambda item: item[0])
    assert len(found) == len(expected), found
    for (line, key, message), (want_line, want_key, want_part) in zip(found, expected, strict=True):
        assert (line, key) == (want_line, want_key), found
        assert want_part in message, message


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
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "roots" / "test-bib-style", project)
    shutil.copy(CORPUS / "stray-brace.bib", project / "refs.bib")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-b", "html", str(project), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{project / 'refs.bib'}:4: ERROR: smith2020: 'booktitle = ...'" in result.stderr
    assert "Build stopped: 1 problem(s) in the .bib files" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_make_check_exit_status(tmp_path):
    command = [sys.executable, "-m", "cvsite.bib_check"]
    bad = subprocess.run([*command, str(CORPUS / "duplicate-key.bib")], capture_output=True)
    good = subprocess.run([*command, str(REPO / "refs.bib")], capture_output=True, text=True)
    assert (bad.returncode, good.returncode) == (1, 0)
    assert "12 entries, 0 problems" in good.stdout and "NOTE: maybe one person" in good.stdout
