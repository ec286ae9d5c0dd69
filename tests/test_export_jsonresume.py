"""`cvsite export jsonresume`: this repository's site and the second academic's exported once
each (one in-process Sphinx read), checked against the schema of the `@jsonresume/schema`
package (tests/browser/package.json), and imported back into a new site whose pages must be
the original's: the same titles, cv-entries (four fields and bullets) and items."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, SITES, build_once
from pybtex.database import parse_file

from cvsite.cli.main import main
from cvsite.testing.source_facts import SiteSources
from cvsite.testing.source_pages import CVEntry, TextItem

SCHEMA = REPO / "tests" / "browser" / "node_modules" / "@jsonresume" / "schema" / "schema.json"
ENTRY_NAMES = {"work": "name", "volunteer": "organization", "education": "institution",
               "awards": "title", "projects": "name"}  # fmt: skip
NO_TERM = "–"  # the term the site writer gives an item without one in a definition list


@dataclass
class Exported:
    site: Path
    resume: dict
    imported: Path


def copy_site(name: str, destination: Path) -> Path:
    source = SITES[name]
    destination.mkdir(parents=True)
    for part in ("conf.py", "docs", "refs.bib"):
        copy = shutil.copytree if (source / part).is_dir() else shutil.copyfile
        copy(source / part, destination / part)
    return destination


@pytest.fixture(scope="module", params=list(SITES))
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """The site exported and imported back, once per run (the workers share it)."""

    def export_and_import(folder: Path) -> dict:
        site = copy_site(request.param, folder / "site")
        output = folder / "out" / "resume.json"
        main(["export", "jsonresume", str(site), "-o", str(output)])
        main(["import", str(output), str(folder / "imported"), "--from-index"])
        return {"output": str(output)}

    folder, outcome = build_once(tmp_path_factory, f"export-{request.param}", export_and_import)
    resume = json.loads(Path(outcome["output"]).read_text(encoding="utf-8"))
    return Exported(folder / "site", resume, folder / "imported")


def test_the_export_is_valid_against_the_json_resume_schema(exported: Exported) -> None:
    if not SCHEMA.is_file():
        pytest.fail(f"{SCHEMA} is missing; run `make` (npm install in tests/browser) first")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(exported.resume)]
    assert errors == []


def test_every_cv_entry_is_in_the_export(exported: Exported) -> None:
    resume = exported.resume
    elements = [
        (element[name], element.get("x-cvsite", {}).get("dates"))
        for kind, name in ENTRY_NAMES.items()
        for element in resume.get(kind, [])
        if name in element
    ]
    entries = [e for page in SiteSources(exported.site).pages for e in page.entries]
    assert entries
    assert [
        (e.institution, e.dates) for e in entries if (e.institution, e.dates) not in elements
    ] == []


def test_the_owner_and_the_publications(exported: Exported) -> None:
    settings = SiteSources(exported.site).settings
    basics = exported.resume["basics"]
    assert (basics["name"], basics["email"], basics["url"]) == (
        settings.cv_owner, settings.cv_email, settings.cv_homepage
    )  # fmt: skip
    assert [p["url"] for p in basics.get("profiles", [])] == [
        value if isinstance(value, str) else value["url"] for value in settings.cv_profiles.values()
    ]
    keys = list(parse_file(str(exported.site / "refs.bib")).entries)
    assert [p["x-cvsite"]["key"] for p in exported.resume["publications"]] == keys
    assert list(parse_file(str(exported.imported / "refs.bib")).entries) == keys


def page_facts(page) -> tuple[str, list[tuple], list[str], set[str]]:
    """A page as the comparison sees it: its title, entries, item texts and terms."""
    entries = [
        (b.institution, b.role, b.dates, b.place, b.bullets)
        for b in page.blocks
        if isinstance(b, CVEntry)
    ]
    texts = [b.text for b in page.blocks if isinstance(b, TextItem) and b.kind != "term"]
    terms = {b.text for b in page.blocks if isinstance(b, TextItem) and b.kind == "term"}
    return page.title, entries, texts, terms - {NO_TERM}


def test_the_import_of_the_export_gives_back_the_pages(exported: Exported) -> None:
    def content_pages(root: Path) -> list:
        return [page_facts(p) for p in SiteSources(root).pages if not p.publication_kinds]

    assert content_pages(exported.imported) == content_pages(exported.site)
    assert (exported.imported / "docs" / "publications.md").is_file()


def test_settings_come_back(exported: Exported) -> None:
    original = SiteSources(exported.site).settings
    imported = SiteSources(exported.imported).settings
    for name in ("cv_owner", "cv_owner_variants", "cv_email", "cv_homepage", "cv_position",
                 "cv_affiliation", "cv_keywords"):  # fmt: skip
        assert getattr(imported, name) == getattr(original, name), name
    assert bool(imported.cv_photo) == bool(original.cv_photo)


def test_a_folder_that_is_no_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export", "jsonresume", str(tmp_path)])
    message = str(stopped.value)
    assert "is no site's folder" in message and "\n" not in message
