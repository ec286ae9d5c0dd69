"""The sources' date (cvsite/config/source_date.py), which the footer's year, the PDF's "Last
updated" and the PDF's own dates give: SOURCE_DATE_EPOCH, else the sources' last commit, else
their newest change; never the clock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cvsite.config.source_date import source_epoch

COMMITTED = 1767225600  # 2026-01-01
CHANGED = 1780000000  # 2026-05-28


def site(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    for path in (folder / "conf.py", folder / "refs.bib", folder / "docs" / "index.md"):
        path.write_text("x\n", encoding="utf-8")
        os.utime(path, (CHANGED - 10, CHANGED - 10))
    return folder


def commit_all(folder: Path) -> None:
    date = f"@{COMMITTED} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for command in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=Ida Quill", "-c", "user.email=ida@example.org", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=env)


@pytest.fixture(autouse=True)
def no_epoch_given(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_outside_git_the_newest_change_of_conf_pages_and_bib(tmp_path):
    folder = site(tmp_path / "site")
    os.utime(folder / "docs" / "index.md", (CHANGED, CHANGED))
    (folder / "notes.txt").write_text("not a source\n", encoding="utf-8")  # newer, not a source
    assert source_epoch(folder, folder / "docs") == CHANGED


def test_in_git_the_last_commit_of_the_sources(tmp_path):
    folder = site(tmp_path / "site")
    commit_all(folder)
    os.utime(folder / "conf.py", (CHANGED, CHANGED))  # an edit not committed yet
    assert source_epoch(folder, folder / "docs") == COMMITTED


def test_source_date_epoch_wins(tmp_path, monkeypatch):
    folder = site(tmp_path / "site")
    commit_all(folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_epoch(folder, folder / "docs") == 1700000000
