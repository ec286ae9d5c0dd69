"""`cvsite import`'s refusals: one line each, naming what is wrong and what to do, with nothing
written and no traceback (the readers' own messages for broken files are in the tests of each
format)."""

from __future__ import annotations

import pytest

from cvsite.cli.main import main as cvsite
from cvsite.importers import formats


def refusal(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        cvsite(["import", *argv, "--from-index"])
    message = stopped.value.code if isinstance(stopped.value.code, str) else capsys.readouterr().err
    return str(message)


def test_a_folder_that_holds_anything_is_refused(tmp_path, capsys):
    (tmp_path / "resume.json").write_text('{"basics": {"name": "Ida Quill"}}', encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine", encoding="utf-8")
    message = refusal(capsys, str(tmp_path / "resume.json"), str(tmp_path / "site"))
    assert message.startswith(f"cvsite import: {tmp_path / 'site'} is not empty;")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]


def test_a_source_of_no_known_format_gets_one_line_naming_what_was_looked_for(tmp_path, capsys):
    (tmp_path / "cv").mkdir()
    (tmp_path / "cv" / "cv.docx").write_bytes(b"PK\x03\x04")
    message = refusal(capsys, str(tmp_path / "cv"), str(tmp_path / "site"))
    assert "\n" not in message
    assert message.startswith(f"cvsite import: {tmp_path / 'cv'} is none of the formats")
    for name in formats.READERS:
        assert f"{name}: {formats.reader(name).LOOKS_FOR}" in message
    assert not (tmp_path / "site").exists()


def test_a_source_that_does_not_exist_is_named(tmp_path, capsys):
    source = tmp_path / "nowhere.yaml"
    message = refusal(capsys, str(source), str(tmp_path / "site"))
    assert message == f"cvsite import: {source} does not exist; name a site folder or a file"


def test_an_unknown_format_name_lists_the_known_ones(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        cvsite(["import", str(tmp_path), str(tmp_path / "site"), "--from", "word"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'word'" in error and "al-folio" in error and "jsonresume" in error
