"""`make bench` itself: its generated .bib files, its bare baseline, and one small run.

No time is asserted (machines are noisy); what is asserted is that the harness measures what
it says: both sites build, every scenario is timed, and our builds format what they should.
"""

from __future__ import annotations

import json
import re
import runpy
import subprocess
import sys

import pytest
from conftest import REPO

from benchmarks.bare_pages import convert
from benchmarks.generate_bib import generate
from cvsite.publications import bib_check


def test_generated_bib_files_are_realistic_valid_and_the_same_every_time(tmp_path):
    text = generate(200)
    assert text == generate(200)
    assert len(re.findall(r"^@\w+\{", text, re.M)) == 200
    types = set(re.findall(r"^@(\w+)\{", text, re.M))
    assert {"inproceedings", "article", "misc", "phdthesis", "techreport", "book"} <= types
    for feature in ("Zangwei Zheng", "and others", "equal_contribution", "award", "url",
                    "eprint", "{\\\"u}", "Zoë", "{van der} Berg"):  # fmt: skip
        assert feature in text, feature
    longest = max(value.count(" and ") + 1 for value in re.findall(r"author = \{(.*)\}", text))
    assert longest >= 30
    bib = tmp_path / "generated.bib"
    bib.write_text(text, encoding="utf-8")
    entries, problems = bib_check.check([bib])
    assert len(entries) == 200 and problems == []


@pytest.mark.parametrize("site", [REPO, REPO / "tests" / "sites" / "second-academic"])
def test_the_baseline_pages_use_none_of_our_directives_and_roles(site):
    settings = runpy.run_path(str(site / "conf.py"))
    for page in (site / "docs").glob("*.md"):
        converted = convert(page.read_text(encoding="utf-8"), settings)
        assert not re.search(r"\{(cv-[a-z-]+|publication-list|selected-publications)\}",
                             converted), page  # fmt: skip
    home = convert((site / "docs" / "index.md").read_text(encoding="utf-8"), settings)
    assert f"# {settings['cv_owner']}\n" in home
    publications = convert(
        (site / "docs" / "publications.md").read_text(encoding="utf-8"), settings
    )
    assert publications.count("```{bibliography}") >= 3


def test_a_small_benchmark_run_times_every_scenario_of_both_sites(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "12", "--repeat", "1", "--no-pdf",
         "--workdir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    rows = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["results"]["12"]
    assert list(rows) == ["cold", "noop", "edit-page", "edit-entry"]
    assert all(row["ours_s"] > 0 and row["baseline_s"] > 0 for row in rows.values())
    assert [rows[s]["formatted"] for s in rows] == [12, 0, 0, 1]
    assert "| 12 | rebuild after editing one entry |" in result.stdout
