"""`cvsite import` of JSON Resume files: the fixtures under tests/import_sources/jsonresume-*
(a 2017-era file with comments, trailing commas, a byte-order mark and legacy keys; a clean
v1.2 file), each imported once per module, and the refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import json5
import pytest

from cvsite.cli.main import main
from cvsite.importers.profile_links import network_kind
from tests.import_accounting import leaves, unaccounted

SOURCES = Path(__file__).parent / "import_sources"


def import_site(source: Path, target: Path) -> Path:
    main(["import", str(source), str(target), "--from-index"])
    return target


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_site(SOURCES / "jsonresume-legacy", tmp_path_factory.mktemp("legacy") / "site")


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_site(SOURCES / "jsonresume-current", tmp_path_factory.mktemp("current") / "s")


def page(site: Path, name: str) -> str:
    return (site / "docs" / f"{name}.md").read_text(encoding="utf-8")


def report(site: Path) -> str:
    return (site / "IMPORT-REPORT.md").read_text(encoding="utf-8")


def conf(site: Path) -> str:
    return (site / "conf.py").read_text(encoding="utf-8")


def source_data(name: str) -> dict:
    return json5.loads((SOURCES / name / "resume.json").read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("name", ["jsonresume-legacy", "jsonresume-current"])
def test_every_value_is_in_the_site_or_the_report(name: str, legacy: Path, current: Path) -> None:
    site = legacy if name.endswith("legacy") else current
    assert unaccounted(list(leaves(source_data(name))), site, profile_kind) == []


def profile_kind(path: str, value: object) -> list[str]:
    """A profile's network is in conf.py as its kind ("Google Scholar": google-scholar)."""
    return [network_kind(str(value))] if path.endswith(".network") else []


def test_legacy_keys_are_read_under_their_names_now(legacy: Path) -> None:
    settings = conf(legacy)
    assert 'cv_homepage = "https://vasquez-lind.example"' in settings  # basics.website
    experience = page(legacy, "experience")
    assert ":institution: Institute of Invented Ecology" in experience  # work.company
    assert "[https://iie.example.org](https://iie.example.org)" in experience  # work.website
    assert "(basics.picture)" in report(legacy) and "read as image" in report(legacy)


def test_dates_present_now_empty_and_ambiguous(legacy: Path) -> None:
    experience = page(legacy, "experience")
    assert ":dates: Sep. 2021 – Present" in experience  # "Present"
    assert ":dates: Jan. 2019 – Present" in experience  # "Now"
    assert ":dates: 08-12-2020 – Present" in experience  # ambiguous, kept; "" is ongoing
    assert "(work\\[3\\].startDate) | `08-12-2020`" in report(legacy)


def test_html_and_line_breaks_in_values(legacy: Path) -> None:
    assert 'cv_position = "Postdoctoral researcher in computational ecology"' in conf(legacy)
    experience = page(legacy, "experience")
    assert "<" not in experience.split("---", 2)[2]
    assert "- Led a field campaign of **three** invented seasons" in experience
    assert "- Line one of a note\n  line two of the same note" in experience
    index = page(legacy, "index")
    assert "I study how invented forests remember droughts.\n\n숲의 기억을" in index


def test_profiles(legacy: Path, current: Path) -> None:
    settings = conf(legacy)
    assert '"github": "https://github.com/tvlind"' in settings  # lower-case network, no url
    assert '"orcid": "https://orcid.org/0000-0002-1825-0097"' in settings  # no url
    assert '"field-notes": {"url": "https://notes.vasquez-lind.example/", "label": "Field ' in (
        settings
    )
    assert "PDF Resume" not in settings and "Twitter" not in settings
    assert "(basics.profiles\\[4\\]) | `PDF Resume`" in report(legacy)
    assert "(basics.profiles\\[3\\]) | `Twitter`" in report(legacy)
    assert '"mastodon": "https://social.example.org/@amadou"' in conf(current)


def test_template_sample_references_and_private_data_are_reported(legacy: Path) -> None:
    text = report(legacy)
    assert "Pied Piper" not in page(legacy, "experience")
    assert "(work\\[2\\].position) | `CEO/President` | JSON Resume's sample" in text
    assert "(references\\[0\\])" in text and "Invented Mentor" not in conf(legacy)
    assert "(basics.phone)" in text and "(basics.location) | `Lisbon, Portugal`" in text
    assert "avatars.example.org/u/4242` | a photo on another site is not downloaded" in text


def test_education_awards_and_items(legacy: Path, current: Path) -> None:
    education = page(legacy, "education")
    assert ":role: Ph.D. in Imaginary Ecology" in education
    assert "- GPA: 3.9/4.0\n- Forest Dynamics (ECO 000)\n- Fictional Statistics" in education
    assert ":institution: Best Invented Poster\n:role: Society of Made-up Ecologists" in (
        page(legacy, "awards")
    )
    assert "Modelling\n: R, Julia, Stan" in page(legacy, "skills")
    assert "한국어\n: Intermediate" in page(legacy, "languages")
    assert "Field methods\n: Advanced: elicitation, transcription" in page(current, "skills")
    assert ":role: Doctorat in Linguistique fictive" in page(current, "education")
    assert ":role: Editor, Cartographer" in page(current, "projects")


def test_publications_have_no_invented_authors(legacy: Path, current: Path) -> None:
    bib = (legacy / "refs.bib").read_text(encoding="utf-8")
    assert "@article{drought2021," in bib and "@misc{note2019," in bib
    assert "author" not in bib
    assert "note = {T. Vasquez-Lind, 김서연 and B. Okafor}" in bib
    assert "journal = {Journal of Invented Ecology}" in bib and "date = {2021-03-01}" in bib
    assert report(legacy).count("no authors in JSON Resume") == 2
    current_bib = (current / "refs.bib").read_text(encoding="utf-8")
    assert "@article{verbs2021," in current_bib and "@misc{verbs2021b," in current_bib
    assert "abstract = " in current_bib  # a long summary


def test_schema_and_meta_are_reported(current: Path) -> None:
    text = report(current)
    assert "($schema)" in text and "(meta.lastModified) | `2024-03-01T10:00:00`" in text


def test_a_local_image_becomes_the_photo(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copyfile(SOURCES.parents[1] / "docs" / "_static" / "favicon.svg", source / "me.svg")
    data = source_data("jsonresume-current")
    data["basics"]["image"] = "me.svg"
    (source / "resume.json").write_text(json.dumps(data), encoding="utf-8")
    site = import_site(source / "resume.json", tmp_path / "site")
    assert 'cv_photo = "_static/photo.svg"' in conf(site)
    assert (site / "docs" / "_static" / "photo.svg").is_file()


def test_a_broken_file_names_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "resume.json"
    broken.write_text('{\n  "basics": {"name": "Ada Okafor"}\n  "work": []\n}\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        import_site(broken, tmp_path / "site")
    assert f"{broken}:3: " in str(stopped.value)
    assert not (tmp_path / "site").exists()


def test_the_templates_sample_is_refused(tmp_path: Path) -> None:
    sample = tmp_path / "resume.json"
    sample.write_text(json.dumps({"basics": {"name": "Richard Hendriks"}}), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        import_site(sample, tmp_path / "site")
    assert "this resume.json is the template's sample" in str(stopped.value)
