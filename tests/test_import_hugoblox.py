"""`cvsite import` of a HugoBlox / Wowchemy site: tests/import_sources/hugoblox-site/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cvsite.importers import hugoblox
from cvsite.importers.front_matter import read_page
from cvsite.importers.report import Report
from tests.import_accounting import imported, leaves, text, unaccounted

SOURCE = Path(__file__).parent / "import_sources" / "hugoblox-site"
AUTHOR = "content/authors/admin/_index.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported(SOURCE, tmp_path_factory.mktemp("hugoblox") / "site")


def test_recognised() -> None:
    assert hugoblox.recognise(SOURCE)


def test_owner(site: Path) -> None:
    conf = text(site, "conf.py")
    assert 'cv_owner = "Tomasz Kowalczyk"' in conf
    assert 'cv_email = "t.kowalczyk@uni-example.pl"' in conf
    assert 'cv_homepage = "https://tkowalczyk.example.pl"' in conf
    assert 'cv_affiliation = "Uniwersytet Przykładowy w Gdańsku"' in conf
    assert '"x": "https://twitter.com/tkowalczyk_nlp"' in conf  # icon: Twitter
    assert '"github": "https://github.com/tkowalczyk"' in conf
    assert '"Kashubian language technology"' in conf  # interests -> keywords
    assert (site / "docs/_static/photo.jpg").is_file()
    report = text(site, "IMPORT-REPORT.md")
    assert "the key is written twice (again on line 54)" in report
    assert "/#contact" in report and "uploads/resume.pdf" in report
    index = text(site, "docs/index.md")
    assert "Prowadzi zespół technologii mowy." in index and "<div" not in index
    education = text(site, "docs/education.md")
    assert ":role: PhD in Computational Linguistics" in education
    assert ":dates: 2011 (with honours)" in education


def test_publications(site: Path) -> None:
    bib = text(site, "refs.bib")
    assert "example conference paper" not in bib.lower()  # the sample, reported
    asr = bib[bib.index("@inproceedings{kowalczyk2022kashubian") :].split("\n}")[0]
    assert "佐藤健二" in asr and "pages = {101--108}" in asr  # from cite.bib
    assert "selected = {true}" in asr and "venue_short = {ISC 2022}" in asr
    assert "code = {https://github.com/tkowalczyk/csb-asr}" in asr
    assert "_static/files/kowalczyk2022asr.pdf" in asr
    assert "Click the" not in asr and "youtube" not in asr
    assert "doi = {10.5555/ijslt.2020.42}" in bib  # a DOI written as a URL, TOML front matter
    corpus = bib[bib.index("@inproceedings{speech-corpus-2024") :].split("\n}")[0]
    assert "author = {Kowalczyk, Tomasz and 李明}" in corpus  # admin -> the owner
    assert "booktitle = {Proceedings of the Imagined Speech Workshop}" in corpus  # "In *...*"
    assert "poster =" in corpus and "dataset =" in corpus
    assert (site / "docs/_static/files/kowalczyk2022asr.pdf").is_file()
    report = text(site, "IMPORT-REPORT.md")
    assert "{{< youtube dQw4w9WgXcQ >}}" in report and "a Hugo shortcode" in report


def test_experience_and_talks(site: Path) -> None:
    work = text(site, "docs/doswiadczenie.md")
    assert ":dates: 1 Oct. 2019 – Present" in work  # date_end: ""
    assert "- Teaches *Speech Processing*" in work and "GenCoin" not in work
    talks = text(site, "docs/talks.md")
    assert ":institution: Imagined Language Resources Conference" in talks
    assert ":dates: 14 Sep. 2023" in talks


def test_nothing_lost(site: Path) -> None:
    report = text(site, "IMPORT-REPORT.md").replace("\\", "")
    found = []
    for path in sorted((SOURCE / "content").glob("**/*.md")):
        name = path.relative_to(SOURCE).as_posix()
        if re.search(re.escape(name) + r".*sample publication", report):
            continue  # a whole sample page
        page = read_page(path, SOURCE, Report())
        for path_, value in leaves(page.meta, name):
            item = re.match(r".*?\.(\w+\[\d+\])", path_)
            if item and re.search(re.escape(f"({item.group(1)})") + r"[^\n]*sample entry", report):
                continue  # a sample entry, reported whole
            if re.search(r"social\[\d+\]\.icon(_pack)?$", path_):
                continue  # the profile's kind is read from its URL
            found.append((path_, value))
        found += [(name, line.strip()) for line in page.body.splitlines() if line.strip()]

    def other_forms(path: str, value: object) -> list[str]:
        forms = [re.sub(r"<[^>]+>", "", str(value)), re.sub(r"^In \*|\*", "", str(value))]
        forms.append(re.sub(r"^https://doi.org/", "", str(value)))
        forms.append(re.sub(r"^\* ", "- ", str(value), flags=re.MULTILINE))
        if path.endswith("featured"):
            forms.append("selected = true")
        if path.endswith("publication_types[0]"):
            forms.append("@" + hugoblox.TYPES[str(value)])
        if path.endswith(("date", "date_start")):
            forms.append(str(value)[:4])  # a year in refs.bib, a range on a page
        return forms

    missing = unaccounted(found, site, other_forms)
    assert missing == [], "\n".join(missing)


def test_sample_author_refused(tmp_path: Path) -> None:
    copy = shutil.copytree(SOURCE, tmp_path / "copy")
    author = copy / AUTHOR
    author.write_text(
        author.read_text().replace("title: Tomasz Kowalczyk", "title: Nelson Bighetti")
    )
    with pytest.raises(SystemExit) as stop:
        imported(copy, tmp_path / "site")
    assert f"{AUTHOR}:54:" in str(stop.value) and "sample" in str(stop.value)


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    copy = shutil.copytree(SOURCE, tmp_path / "copy")
    author = copy / AUTHOR
    author.write_text(author.read_text().replace("  - icon: github", " - icon: github"))
    with pytest.raises(SystemExit) as stop:
        imported(copy, tmp_path / "site")
    assert re.search(
        re.escape(AUTHOR) + r":\d+: the front matter is not valid YAML", str(stop.value)
    )
