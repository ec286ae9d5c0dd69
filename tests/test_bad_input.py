"""Broken pages and settings: one clear message with file:line (or setting) and the fix.

The .bib corpus is in test_bib_check.py; here are the pages (tests/page_corpus/, each put in
place of docs/skills.md or added beside it) and conf.py settings (tests/conf_corpus/, each
appended to conf.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PAGES = REPO / "tests" / "page_corpus"
SETTINGS = REPO / "tests" / "conf_corpus"

# page -> (line, part of the message, part of the fix)
PAGE_CASES = {
    "unknown-directive.md": (9, "Unknown directive type: 'cv-entri'", "check the spelling"),
    "bad-front-matter.md": (1, "Malformed YAML", "fix the YAML between the two '---' lines"),
    "broken-link.md": (9, "cross-reference target not found: 'talks.md'", "by its file name"),
    "missing-image.md": (9, "image file not readable: _static/portrait.jpg", "under docs/"),
    "orphan-page.md": (None, "document isn't included in any toctree", "docs/index.md"),
    "cv-entry-unknown-option.md": (12, "Unknown option key: 'location'", "correct its name"),
    "cv-entry-missing-institution.md": (
        9,
        "missing 1 required option: institution",
        '":institution: ',
    ),
    "no-description.md": (1, "page has no meta description", "description: One sentence"),
    "unknown-publication-kind.md": (9, "unknown kind 'talks'", "use one of peer-reviewed"),
    "stale-paper-page.md": (10, "Unknown directive type: 'paper'", "delete that folder"),
}
# setting file -> (part of the message, part of the fix)
SETTING_CASES = {
    "owner-missing.py": ("cv_owner is missing", "the owner's name as the CV spells it"),
    "variants-wrong-type.py": ("cv_owner_variants must be a list, not str", "set it to"),
    "paper-size.py": ("cv_pdf_paper is 'legal'", 'set it to "a4" or "letter"'),
    "homepage-not-url.py": ("is not a full URL", "write one such as https://zhengzangw.github.io"),
}


def site_copy(destination: Path) -> Path:
    destination.mkdir()
    for name in ("conf.py", "refs.bib"):
        shutil.copy2(REPO / name, destination / name)
    shutil.copytree(REPO / "docs", destination / "docs")
    return destination


def build(project: Path, pdf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(project), "-W", "--keep-going", "-n",
         "-b", "html", "-D", f"cv_pdf_dir={pdf.parent}", str(project / "docs"),
         str(project / "out")],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip


# Sphinx colours its messages when FORCE_COLOR is set (as on some CI runners).
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
# A stop is a SphinxError, which sphinx-build reports with the error's own line (its "Traceback"
# section): never a Python traceback of the whole stack.
PYTHON_TRACEBACK = "Traceback (most recent call last)"


def messages(result: subprocess.CompletedProcess) -> list[str]:
    plain = ANSI_ESCAPE.sub("", result.stderr)
    return [line for line in plain.splitlines() if ": WARNING: " in line or ": ERROR: " in line]


def test_corpus_size_across_bib_pages_and_settings():
    bib_files = [*REPO.glob("tests/bib_corpus/*.bib"), *REPO.glob("tests/bib_reports/*.bib")]
    assert sorted(p.name for p in PAGES.glob("*.md")) == sorted(PAGE_CASES)
    assert sorted(p.name for p in SETTINGS.glob("*.py")) == sorted(SETTING_CASES)
    assert len(bib_files) + len(PAGE_CASES) + len(SETTING_CASES) >= 25


@pytest.mark.parametrize("case", sorted(PAGE_CASES))
def test_broken_page(case, tmp_path, pdf):
    project = site_copy(tmp_path / "site")
    target = case if case == "orphan-page.md" else "skills.md"
    shutil.copy(PAGES / case, project / "docs" / target)
    result = build(project, pdf)
    line, message, fix = PAGE_CASES[case]
    assert result.returncode != 0
    [only] = messages(result)
    location = f"{project / 'docs' / target}" + (f":{line}" if line else "")
    assert only.startswith(f"{location}: "), only
    assert message in only and fix in only, only
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(SETTING_CASES))
def test_broken_setting(case, tmp_path, pdf):
    project = site_copy(tmp_path / "site")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write((SETTINGS / case).read_text(encoding="utf-8"))
    result = build(project, pdf)
    message, fix = SETTING_CASES[case]
    assert result.returncode != 0
    [only] = messages(result)  # in Sphinx's report of the ConfigError, indented
    assert only.strip().startswith(f"{project / 'conf.py'}: ERROR: "), only
    assert message in only and fix in only, only
    assert "Configuration error!" in result.stderr
    assert "Build stopped: fix the settings in conf.py." in result.stderr
    assert PYTHON_TRACEBACK not in result.stdout + result.stderr
