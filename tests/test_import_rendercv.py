"""`cvsite import` of RenderCV files: v2 (Ada_Okafor_CV.yaml), v1 (Lina_Haddad_CV.yaml) and
al-folio's RenderCV-style cv.yml, each imported in-process; pages, refs.bib, conf.py and the
report checked, and every value of each fixture accounted for (tests/import_accounting.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pybtex.database import Person

from cvsite.cli.main import main
from cvsite.importers import dates, profile_links, rendercv
from cvsite.importers.formats import SourceError
from cvsite.importers.model import ImportedSite, Owner
from cvsite.importers.report import Place, Report
from tests.import_accounting import leaves, unaccounted

SOURCES = Path(__file__).parent / "import_sources"
FIXTURES = {
    "v2": SOURCES / "rendercv-v2" / "Ada_Okafor_CV.yaml",
    "v1": SOURCES / "rendercv-v1" / "Lina_Haddad_CV.yaml",
    "alfolio": SOURCES / "rendercv-alfolio" / "cv.yml",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = {}
    for name, source in FIXTURES.items():
        target = tmp_path_factory.mktemp(name) / "site"
        main(["import", str(source.parent), str(target), "--from-index"])
        made[name] = target
    return made


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def report_rows(site: Path) -> list[str]:
    return [line for line in read(site, "IMPORT-REPORT.md").splitlines() if line.startswith("| ")]


def other_forms(path: str, value: object) -> list[str]:
    """How a value shows after import when not as written: an author as BibTeX writes
    Persons, a publication's date as its year, a bare DOI, a link's text, a profile's URL."""
    text = str(value)
    forms = []
    if ".authors[" in path:
        name = re.sub(r"^and\s+", "", text.strip("*"))
        forms.append("others" if name in {"et al.", "..."} else str(Person(name)))
    if re.search(r"publications\[\d+\]\.(date|releaseDate)$", path, re.IGNORECASE):
        parts = dates.read_date(value)
        forms.append(str(parts[0]) if parts else text)
    if match := re.search(r"\b10\.\d{4,9}/\S+", text):
        forms.append(match.group(0))
    if match := re.fullmatch(r"\[([^\]]+)\]\((\S+)\)", text.strip()):
        forms.append(match.group(1))
    if path.endswith(".date"):
        forms.append(re.sub(r"\s*[-–]\s*", " – ", text))
    if path == "cv.photo":
        forms.append("_static/photo" + Path(text).suffix)
    if path.endswith(".network"):
        forms.append(f'"{profile_links.network_kind(text) or text.casefold()}":')
    if path.endswith(".username"):
        forms.append(profile_links.address("mastodon" if "@" in text[1:] else "x", text))
    return forms


LAYOUT = ("design", "locale", "locale_catalog", "settings")


@pytest.mark.parametrize("name", list(FIXTURES))
def test_every_value_is_in_the_site_or_the_report(sites: dict[str, Path], name: str) -> None:
    data = yaml.safe_load(FIXTURES[name].read_text(encoding="utf-8"))
    found = [(path, value) for path, value in leaves(data) if not path.startswith(LAYOUT)]
    assert unaccounted(found, sites[name], other_forms) == []


def test_v2_owner_settings(sites: dict[str, Path]) -> None:
    conf = read(sites["v2"], "conf.py")
    assert 'cv_owner = "Ada Okafor"' in conf
    assert 'cv_email = "ada.okafor@example.org"' in conf
    assert 'cv_homepage = "https://ada-okafor.example.org"' in conf
    assert "Postdoctoral researcher" in conf and "Computational hydrology" in conf
    assert 'cv_owner_variants = ["A. Okafor"]' in conf
    assert 'cv_photo = "_static/photo.png"' in conf
    assert (sites["v2"] / "docs/_static/photo.png").is_file()
    assert '"orcid": "https://orcid.org/0000-0002-1825-0097"' in conf
    assert '"mastodon": "https://scholar.example.social/@ada"' in conf
    assert '"url": "https://gitlab.com/ada-okafor", "label": "GitLab"' in conf
    assert '"icon": "fa-solid fa-link"' in conf
    assert '"url": "https://okafor-lab.example.net/team", "label": "Lab page"' in conf


def test_v2_sections_and_entries(sites: dict[str, Path]) -> None:
    site = sites["v2"]
    pages = {path.name for path in (site / "docs").glob("*.md")}
    assert {"work-experience.md", "honors-awards.md", "formacao-complementar.md"} <= pages
    work = read(site, "docs/work-experience.md")
    assert "# Work Experience" in work
    assert ":institution: Instituto de Hidrologia do Porto" in work
    assert ":dates: Jan. 2021 – Present" in work
    assert "- [https://ihp.example.pt](https://ihp.example.pt)" in work
    assert r"cost $\mathcal{O}(n)$ per step" in work  # Typst/LaTeX left as written
    assert "[#underline[HydroKit]](https://git.example.org/hydrokit)" in work
    assert "# Formação complementar" in read(site, "docs/formacao-complementar.md")
    awards = read(site, "docs/honors-awards.md")
    assert "# Honors & Awards" in awards and ":dates: Fall 2023" in awards
    assert ":role: PhD in Civil Engineering" in read(site, "docs/education.md")
    assert "- **Programming:** Python, Julia, Fortran" in read(site, "docs/skills.md")
    talks = read(site, "docs/invited-talks.md")
    assert talks.index("2\n: Floods") < talks.index("1\n: Sparse gauges")
    assert "1\n: Adaptive weir controller" in read(site, "docs/patents.md")
    assert "- Mentor, [Women in Hydrology](https://wih.example.org)" in read(
        site, "docs/volunteering.md"
    )
    assert "Co-founder of [RiverWatch](https://riverwatch.example.org)" in read(
        site, "docs/summary.md"
    )


def test_v2_publications(sites: dict[str, Path]) -> None:
    bib = read(sites["v2"], "refs.bib")
    assert (
        "@article{okafor2023flood,\n  author = {Okafor, Ada and 김민준 and Matos, Rui and others}"
        in bib
    )
    assert "doi = {10.1234/hydro.2023.001}" in bib
    assert "@inproceedings{fernandez2022fast" in bib
    assert "author = {Fernández, Lucía and Okafor, A.}" in bib
    assert "booktitle = {Proceedings of the International Conference on River Models" in bib
    assert "month = {jul}" in bib and "note = {Best paper nominee.}" in bib
    assert "@misc{okafor2024learning" in bib and "howpublished = {arXiv preprint}" in bib
    assert "pdf = {https://arxiv.example.org/pdf/2401.00001.pdf}" in bib
    assert "**" not in bib


def test_v2_report(sites: dict[str, Path]) -> None:
    rows = report_rows(sites["v2"])
    layout = [row for row in rows if "RenderCV's own layout settings" in row]
    assert [row.split("(")[1].split(")")[0] for row in layout] == ["design", "locale", "settings"]
    assert any("Ada\\_Okafor\\_CV.yaml:9 (cv.phone)" in row and "no phone" in row for row in rows)
    assert any("social\\_networks\\[5\\].username" in row and "Linked" in row for row in rows)
    assert any(
        ":59 (cv.sections.work\\_experience\\[0\\].Advisor)" in row and "Rui Matos" in row
        for row in rows
    )
    assert any("custom\\_connections\\[1\\].placeholder" in row for row in rows)


def test_v1_older_keys(sites: dict[str, Path]) -> None:
    site = sites["v1"]
    conf = read(site, "conf.py")
    assert 'cv_owner_variants = ["L. Haddad"]' in conf
    assert "https://stackoverflow.com/users/4242/lina-haddad" in conf
    assert "lhaddad-lab" not in conf and "yourusername" not in conf
    assert 'cv_photo = ""' in conf
    bib = read(site, "refs.bib")
    assert "author = {Khalil, Omar and Haddad, Lina and Diaz, C.}" in bib
    assert "author = {Haddad, L. and Park, Jun and others}" in bib
    assert "doi = {10.5555/plan.2022.17}" in bib
    experience = read(site, "docs/experience.md")
    assert ":dates: 2019 – 2021" in experience  # a range written inside `date`
    assert "frameworks$:$ ROS" in experience
    projects = read(site, "docs/projects.md")
    assert "- [source](https://git.example.com/lhaddad/tiny-planner)" in projects
    assert ":dates:" not in projects
    assert "# Experiencia docente" in read(site, "docs/experiencia-docente.md")
    assert "- **AWS:** Certified Cloud Practitioner (2022)" in read(site, "docs/certifications.md")
    rows = report_rows(site)
    assert any("(locale\\_catalog)" in row for row in rows)
    assert any("yourusername" in row and "placeholder" in row for row in rows)
    assert any("lhaddad-lab" in row and "a second GitHub" in row for row in rows)


def test_alfolio_form(sites: dict[str, Path]) -> None:
    site = sites["alfolio"]
    conf = read(site, "conf.py")
    assert 'cv_position = "PhD student in Marine Ecology"' in conf
    assert 'cv_email = "mei@example.org"' in conf
    assert '"x": "https://x.com/mei_plankton"' in conf
    assert "I count plankton from space. My work joins *satellite data*" in read(
        site, "docs/index.md"
    )
    education = read(site, "docs/education.md")
    assert ":role: PhD in Marine Ecology" in education
    assert ":dates: Apr. 2022 – Present" in education
    assert "- Courses: Ocean optics, Population models" in education
    awards = read(site, "docs/awards.md")
    assert ":role: Japan Society for the Promotion of Science" in awards
    assert ":dates: 1 Apr. 2023" in awards
    assert "- **Remote sensing** (Advanced): Sentinel-3, MODIS" in read(site, "docs/skills.md")
    assert "- **Japanese:** Native" in read(site, "docs/languages.md")
    bib = read(site, "refs.bib")
    assert "journal = {Marine Remote Sensing Letters}" in bib and "month = {feb}" in bib
    rows = report_rows(site)
    assert any("(cv.address.postalCode)" in row for row in rows)
    assert any("(cv.image)" in row and "no such file" in row for row in rows)
    assert any("Skills\\[0\\].icon" in row for row in rows)


def test_fill_from_cv_keeps_what_is_set(tmp_path: Path) -> None:
    site = ImportedSite("al-folio", tmp_path, Report(), Owner(name="Mei Tanaka", email="m@x.org"))
    cv = yaml.safe_load(FIXTURES["alfolio"].read_text(encoding="utf-8"))["cv"]
    rendercv.fill_from_cv(site, cv, Place("_data/cv.yml", key="cv"), tmp_path)
    assert site.owner.email == "m@x.org"
    assert site.owner.position == "PhD student in Marine Ecology"
    assert [s.title for s in site.sections][:2] == ["Education", "Experience"]
    assert len(site.publications.entries) == 1
    assert any(f.place.key == "cv.email" for f in site.report.findings)


def test_fill_from_cv_reports_the_sample_person(tmp_path: Path) -> None:
    site = ImportedSite("al-folio", tmp_path, Report())
    rendercv.fill_from_cv(
        site, {"name": "Albert Einstein"}, Place("_data/cv.yml", key="cv"), tmp_path
    )
    assert site.sections == [] and site.owner.name == ""
    assert "sample" in site.report.findings[0].why


def test_sample_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "John_Doe_CV.yaml"
    source.write_text("cv:\n  name: John Doe\n  sections: {}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"John_Doe_CV.yaml:2: .*sample person"):
        main(["import", str(source), str(tmp_path / "site"), "--from-index"])


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "Ada_Okafor_CV.yaml"
    source.write_text("cv:\n  name: Ada Okafor\n  sections:\n    - [a\n  b: c\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"Ada_Okafor_CV.yaml:5: not valid YAML"):
        main(["import", str(source), str(tmp_path / "site"), "--from", "rendercv"])
    with pytest.raises(SourceError):
        rendercv.read(source, Report())


def test_recognise(tmp_path: Path) -> None:
    assert rendercv.recognise(FIXTURES["v2"])
    assert rendercv.recognise(FIXTURES["v2"].parent)  # the folder of one file and its photo
    other = tmp_path / "config.yaml"
    other.write_text("site: {}\n", encoding="utf-8")
    assert not rendercv.recognise(other)
    shutil.copy(FIXTURES["v1"], tmp_path / "a.yaml")
    shutil.copy(FIXTURES["v1"], tmp_path / "b.yaml")
    assert not rendercv.recognise(tmp_path)  # two CVs: which one is not guessed


def test_early_sections_and_sample_sections(tmp_path: Path) -> None:
    source = tmp_path / "cv.yaml"
    source.write_text(
        "cv:\n  name: Ada Okafor\n  education:\n    - institution: Univ. A\n      area: Maths\n"
        "  sections:\n    welcome_to_RenderCV!:\n      - Some sample text.\n",
        encoding="utf-8",
    )
    site = rendercv.read(source, Report())
    assert [s.title for s in site.sections] == ["Education"]
    sample = [f for f in site.report.findings if "sample section" in f.why]
    assert sample[0].place.key == "cv.sections.welcome_to_RenderCV![0]"
    assert sample[0].place.line == 8
