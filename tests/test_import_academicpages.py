"""`cvsite import` of an academicpages (Jekyll) site: tests/import_sources/academicpages-site/."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml

from cvsite.importers import academicpages, academicpages_publications
from cvsite.importers.front_matter import read_page
from cvsite.importers.report import Report
from cvsite.publications import rules
from tests.import_accounting import imported, leaves, text, unaccounted

SOURCE = Path(__file__).parent / "import_sources" / "academicpages-site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported(SOURCE, tmp_path_factory.mktemp("academicpages") / "site")


def test_recognised_and_not_al_folio(tmp_path: Path) -> None:
    assert academicpages.recognise(SOURCE)
    copy = shutil.copytree(SOURCE, tmp_path / "copy")
    (copy / "_bibliography").mkdir()
    assert not academicpages.recognise(copy)


def test_owner_settings(site: Path) -> None:
    conf = text(site, "conf.py")
    assert 'cv_owner = "Mariam Oyelaran-Sørensen"' in conf
    assert 'cv_email = "m.oyelaran@vand.example.dk"' in conf  # "(at)" "(dot)" written out
    assert 'cv_homepage = "https://hydro.oyelaran.example"' in conf  # CNAME wins over url
    assert 'cv_affiliation = "Institut for Vandforskning"' in conf
    assert 'cv_position = "Assistant Professor of Hydrology at Institut' in conf
    assert '"github": "https://github.com/moyelaran"' in conf  # a bare handle
    assert '"google-scholar": "https://scholar.google.com/citations?user=AbCdEf0AAAAJ"' in conf
    assert '"linkedin":' not in conf and '"bluesky":' not in conf  # empty keys
    assert (site / "docs/_static/photo.jpg").read_bytes() == (
        SOURCE / "images/profile-mos.jpg"
    ).read_bytes()
    report = text(site, "IMPORT-REPORT.md")
    assert "(author.pubmed)" in report and "(author.pronouns)" in report
    assert "`Your Name` | the template's sample" in report  # top-level name: &name


def test_publications(site: Path) -> None:
    bib = text(site, "refs.bib")
    assert "Paper Title Number 1" not in bib
    assert "author = {Oyelaran-Sørensen, M. and Lindqvist, B.}" in bib
    assert "author = {Oyelaran-Sørensen, M. and 王小明 and Okafor, A. C. and others}" in bib
    assert "@inproceedings{oyelaransorensen2023flood" in bib
    assert "doi = {10.5555/jih.2021.0312}" in bib
    assert "academicpages.github.io" not in bib
    assert "This paper is about the number 1" not in bib
    grundvand = bib[bib.index("@misc{grundvandsdannelse2022") :].split("\n}")[0]
    assert "author" not in grundvand  # "Kowalczyk & Oyelaran-Sørensen (2022)": no one reading
    assert "Resumé: Vi måler" in grundvand
    assert "Snowmelt timing from river ice" in bib  # a file without .md
    assert (site / "docs/_static/files/oyelaran2021sediment.pdf").is_file()
    report = text(site, "IMPORT-REPORT.md")
    assert "its authors have no single reading" in report
    assert "[//]: # (codeurl:" in report
    assert "a Liquid loop listing site.publications" in report


def test_sections(site: Path) -> None:
    education = text(site, "docs/education.md")
    assert "- Ph.D in Hydrology, Københavns Universitet, 2018" in education
    assert "GitHub University" not in education and "======" not in education
    work = text(site, "docs/work-experience.md")
    assert "**Assistant Professor**, Institut for Vandforskning" in work
    assert "Fall 2018 - Summer 2019: Postdoctoral researcher" in work
    assert "<span>" not in work
    talks = text(site, "docs/talks.md")
    assert ":role: Sediment budgets from repeat drone surveys (Talk)" in talks
    assert ":dates: 10 May 2022" in talks and "Relevant Topic" not in talks
    teaching = text(site, "docs/teaching.md")
    assert ":institution: Aarhus Universitet, Institut for Geoscience" in teaching
    assert "Teaching experience 1" not in teaching
    assert "🌊" in text(site, "docs/index.md")
    assert not (site / "docs/publications-2.md").exists()  # the Liquid-only CV section


def other_forms(path: str, value: object) -> list[str]:
    """Forms a value takes in the site: markup stripped, a category as its entry type, a DOI
    link as the DOI, a date as its year (refs.bib keeps year and month)."""
    forms = [re.sub(r"<[^>]+>", "", str(value)).replace("&quot;", '"').replace("&amp;", "&")]
    if path.endswith(".category") and value in academicpages_publications.CATEGORIES:
        forms.append("@" + academicpages_publications.CATEGORIES[value][0])
    if doi := rules.doi_in(str(value)):
        forms.append(doi)
    if isinstance(value, datetime.date):
        forms.append(str(value.year))
    return forms


LIQUID_ONLY = re.compile(r"^\{%.*%\}(</ul>)?$")


def source_leaves(report: str) -> list[tuple[str, object]]:
    """The values of _config.yml's author block and of every page, body lines included;
    a page the report lists as a whole sample page counts as one value."""
    config = yaml.safe_load((SOURCE / "_config.yml").read_text(encoding="utf-8"))
    found = list(leaves(config["author"], "author"))
    for path in sorted(SOURCE.glob("_*/*")):
        name = path.relative_to(SOURCE).as_posix()
        if path.parent.name == "_data":
            continue
        if re.search(re.escape(name) + r".*the whole page is the template.s sample", report):
            continue
        page = read_page(path, SOURCE, Report())
        found += leaves(page.meta, path.name)
        for number, line in enumerate(page.body.splitlines()):
            line = re.sub(r"^\s*(?:[*-]|#+)\s+", "", line).strip()
            wording = re.search(r"\w", line) and not re.fullmatch(r"=+|</?\w+>", line)
            loop = LIQUID_ONLY.match(line) and "a Liquid loop listing" in report
            if wording and not loop:
                found.append((f"{path.name}:body[{number}]", line))
    return found


def test_nothing_lost(site: Path) -> None:
    report = text(site, "IMPORT-REPORT.md").replace("\\", "")
    assert unaccounted(source_leaves(report), site, other_forms) == []


def test_broken_front_matter_names_file_and_line(tmp_path: Path) -> None:
    copy = shutil.copytree(SOURCE, tmp_path / "copy")
    talk = copy / "_talks/2022-05-10-egu-talk.md"
    talk.write_text(talk.read_text().replace('venue: "Imagined', 'venue: "Imagined"  x: "'))
    with pytest.raises(SystemExit) as stop:
        imported(copy, tmp_path / "site")
    assert "_talks/2022-05-10-egu-talk.md:7:" in str(stop.value)


def test_sample_owner_refused(tmp_path: Path) -> None:
    copy = shutil.copytree(SOURCE, tmp_path / "copy")
    config = copy / "_config.yml"
    config.write_text(
        config.read_text().replace(
            '"Mariam Oyelaran-Sørensen"\n  pronouns', '"Your Name"\n  pronouns'
        )
    )
    with pytest.raises(SystemExit) as stop:
        imported(copy, tmp_path / "site")
    assert "_config.yml" in str(stop.value) and "sample" in str(stop.value)


@pytest.mark.parametrize(
    ("citation", "names"),
    [
        ('Okafor, A., Lind, B. (2021). "T." <i>V</i>.', ["Okafor, A.", "Lind, B."]),
        ("Ada Okafor and Bo Lind (2020). T.", ["Ada Okafor", "Bo Lind"]),
        ("Okafor AC, Lind B (2019). T.", None),  # Vancouver: no single reading here
        ("Okafor & Lind (2021)", None),
        ("Okafor, A. et al. (2022). T.", ["Okafor, A.", "others"]),
        ("No year here", None),
    ],
)
def test_citation_authors(citation: str, names: list[str] | None) -> None:
    assert academicpages_publications.author_names(citation) == names
