"""`cvsite import` of al-folio sites (tests/import_sources/alfolio-*): the owner, profiles,
photo, papers, CV and news land in the new site, every leftover of the template is reported,
and every value of the fixtures is in the site or in IMPORT-REPORT.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import frontmatter
import pytest
import yaml
from pybtex.database import parse_string

from cvsite.importers import alfolio, samples
from tests.import_accounting import imported, leaves, text, unaccounted

SOURCES = Path(__file__).parent / "import_sources"
LIST_CV = SOURCES / "alfolio-list-cv"
RESUME_JSON = SOURCES / "alfolio-resume-json"


@pytest.fixture(scope="module")
def list_cv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported(LIST_CV, tmp_path_factory.mktemp("alfolio") / "site")


@pytest.fixture(scope="module")
def resume_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported(RESUME_JSON, tmp_path_factory.mktemp("alfolio") / "site")


def conf(site: Path) -> dict:
    values: dict = {}
    exec(compile(text(site, "conf.py"), "conf.py", "exec"), values)
    return values


def report(site: Path) -> str:
    """IMPORT-REPORT.md as a reader sees it (its Markdown escapes dropped)."""
    return text(site, "IMPORT-REPORT.md").replace("\\", "")


# --- the older generation: list-form cv.yml, socials in _config.yml --------------------------


def test_owner_settings(list_cv: Path) -> None:
    settings = conf(list_cv)
    assert settings["cv_owner"] == "Mirela Drăgan"
    assert settings["cv_owner_variants"] == ["M. Drăgan", "Mirela Dragan", "M. Dragan"]
    assert settings["cv_email"] == "mirela.dragan@unitest.example"
    # CNAME is the live host; the base URL's sub-path carries over.
    assert settings["cv_homepage"] == "https://mirela-dragan.example/research"
    assert settings["cv_position"] == (
        "Postdoctoral researcher, Optics Group, University of Testville"
    )
    assert settings["cv_photo"] == "_static/photo.png"
    assert (list_cv / "docs/_static/photo.png").is_file()
    assert settings["cv_keywords"] == [
        "random lasers", "disordered photonics", "ultrafast spectroscopy"
    ]  # fmt: skip
    assert settings["cv_profiles"] == {
        "github": "https://github.com/mdragan-lab",
        "x": "https://x.com/mdragan_optics",
        "google-scholar": "https://scholar.google.com/citations?user=Dr4gAnQAAAAJ",
        "orcid": "https://orcid.org/0000-0003-4321-8765",
        "researchgate": "https://www.researchgate.net/profile/Mirela-Dragan-2",
    }


def test_home_page(list_cv: Path) -> None:
    home = text(list_cv, "docs/index.md")
    assert "I study how light moves through **disordered materials**" in home
    assert "{%" not in home and "{{" not in home
    assert "Before Testville I did my PhD at [Universitatea Ficțiune](https://uf.example)" in home
    assert ":::{selected-publications}" in home


def test_cv_pages(list_cv: Path) -> None:
    education = text(list_cv, "docs/education.md")
    assert ":institution: Universitatea Ficțiune, Cluj, Romania" in education
    assert ":dates: 2016 - 2020" in education
    assert "- Thesis on **disordered photonics**" in education
    assert "- Teaching assistant\n  - Optics I (2017, 2018)" in education
    assert "Description" not in education and "Sub-description" not in education
    experience = text(list_cv, "docs/experience.md")
    for dates in ("2021-now", "2019~2020", "2015, 2016", "Spring term", "2025~"):
        assert f":dates: {dates}" in experience
    assert ":institution: speckle-tools (open source)" in experience
    awards = text(list_cv, "docs/honors-and-awards.md")
    assert "2022\n: Young Researcher Prize, *Optical Society of Testville*" in awards
    assert "3 Mar 2025 / 17 Jan 2026\n: Best poster (twice)" in awards
    general = text(list_cv, "docs/general-information.md")
    assert "1990" not in general  # the date of birth: reported, not published
    assert "[Lab page](https://optics.unitest.example)" in general
    interests = text(list_cv, "docs/academic-interests.md")
    assert ":institution: Photonics\n\n- Random lasers" in interests and "Topic" not in interests
    assert "囲碁" in text(list_cv, "docs/other-interests.md")


def test_publications(list_cv: Path) -> None:
    bib = parse_string(text(list_cv, "refs.bib"), "bibtex")
    assert list(bib.entries) == ["dragan2023random", "dragan2021speckle", "dragan2024localisation"]
    paper = bib.entries["dragan2023random"].fields
    assert paper["selected"] == "true" and paper["abbr"] == "PRL"
    assert paper["url"] == "https://journals.example/prl/130/123901"
    assert paper["eprint"] == "2301.00001" and paper["archiveprefix"] == "arXiv"
    assert "arxiv" not in paper and "html" not in paper
    assert paper["pdf"].endswith("/_static/files/dragan2023random.pdf")
    assert paper["pdf"].startswith("https://mirela-dragan.example/research/")
    assert "Иванова, Анна" in str(bib.entries["dragan2023random"].persons["author"][2])
    speckle = bib.entries["dragan2021speckle"].fields
    assert "slides" not in speckle  # its file is missing
    assert speckle["url"] == "https://doi.example/cleo42"  # url wins over html
    preprint = bib.entries["dragan2024localisation"].fields
    assert preprint["url"] == "https://project.example/localisation"
    copied = {path.name for path in (list_cv / "docs").rglob("*.pdf")}
    assert copied == {"dragan2023random.pdf", "dragan2021poster.pdf"}


def test_news(list_cv: Path) -> None:
    news = text(list_cv, "docs/news.md")
    assert "7 Sep. 2023\n: Our paper on random lasing" in news and ":tada:" not in news
    assert "東京大学" in news and "« la lumière dans le désordre »" in news
    assert "15 Jan. 2025\n: **Nouvelle bourse « Lumière aléatoire »**" in news
    assert "**Ce qui vient**" in news and "####" not in news
    assert "simple inline announcement" not in news


def test_report(list_cv: Path) -> None:
    found = report(list_cv)
    for expected in (
        "the CNAME file names mirela-dragan.example",
        "a Jekyll Liquid tag",
        "al-folio's sample paper; not imported",
        "al-folio's sample news item; not imported",
        "personal data (Date of Birth)",
        "read as mirela.dragan@unitest.example",
        "no such file under assets/pdf/",
        "copied; linked at its address on the published site",
        "commented out; al-folio does not show it",
        "a section type al-folio's CV does not know",
        "`Einstein`",
        "`Albert`",
        "`mdragan`",  # medium: no kind of cv_profiles
    ):
        assert expected in found, expected
    assert found.count(alfolio.THEME) == 1


def config_leaves(source: Path) -> list[tuple[str, object]]:
    """_config.yml's values that are the owner's (the theme's are reported as one block)."""
    data = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))
    owner = alfolio.OWNER_KEYS | set(alfolio.PROFILE_KINDS) | alfolio.OTHER_SOCIALS
    chosen = {key: value for key, value in data.items() if key in owner}
    chosen["scholar"] = {k: v for k, v in data["scholar"].items() if "name" in k}
    return list(leaves(chosen))


def front_matter_leaves(source: Path, relative: str, layout: set[str]) -> list:
    post = frontmatter.load(source / relative)
    found = [
        (f"{relative}.{p}", v) for p, v in leaves(post.metadata) if p.split(".")[0] not in layout
    ]
    return [*found, (f"{relative}.body", post.content)] if post.content.strip() else found


def site_leaves(source: Path) -> list[tuple[str, object]]:
    found = config_leaves(source)
    if (source / "_data/socials.yml").is_file():
        found += leaves(yaml.safe_load((source / "_data/socials.yml").read_text(encoding="utf-8")))
    if (source / "_data/cv.yml").is_file():
        cv = yaml.safe_load((source / "_data/cv.yml").read_text(encoding="utf-8"))
        found += leaves(cv, "_data/cv.yml")
    about_layout = {"layout", "title", "permalink", "news", "selected_papers", "social",
                    "announcements", "latest_posts"}  # fmt: skip
    found += front_matter_leaves(source, "_pages/about.md", about_layout)
    for path in sorted((source / "_news").glob("*.md")):
        found += front_matter_leaves(source, path.relative_to(source).as_posix(),
                                     {"layout", "inline", "related_posts"})  # fmt: skip
    # A section's `type` is the form of its contents, not a value of its own.
    return [
        (p, v)
        for p, v in found
        if not p.endswith(("profile.align", "image_circular"))
        and not re.fullmatch(r"\[\d+\]\.type", p)
    ]


def other_forms(path: str, value: object) -> list[str]:
    """The value as the site shows it: emoji codes dropped, Liquid gone, inline tags
    removed without the space that the accounting puts for a tag."""
    shown = alfolio.EMOJI_CODE.sub("", str(value)).strip()
    return [shown, shown.split("{{")[0], re.sub(r"<[^>]+>", "", shown)]


def bib_leaves(source: Path) -> list[tuple[str, object]]:
    text_ = (source / "_bibliography/papers.bib").read_text(encoding="utf-8")
    found = []
    for key, entry in parse_string(text_.split("---\n", 2)[2], "bibtex").entries.items():
        if samples.is_sample_bib_key(key):
            continue  # reported by its key (test_report)
        found += [(f"{key}.{name}", value) for name, value in entry.fields.items()]
        found += [(f"{key}.{role}", str(p)) for role, ps in entry.persons.items() for p in ps]
    return found


def test_nothing_lost(list_cv: Path) -> None:
    found = site_leaves(LIST_CV) + bib_leaves(LIST_CV)
    assert unaccounted(found, list_cv, other_forms) == []


# --- the newer generation: socials.yml, resume.json beside a sample cv.yml --------------------


def test_newer_generation_owner(resume_json: Path) -> None:
    settings = conf(resume_json)
    assert settings["cv_owner"] == "Tomás J. Ferreira-Lund"
    assert settings["cv_owner_variants"] == []  # scholar: still the sample's names
    assert settings["cv_email"] == "tomas.lund@fisica.example"
    assert settings["cv_homepage"] == "https://tferreira.github.io"
    assert settings["cv_photo"] == ""  # prof_pic.jpg is not there
    assert settings["cv_keywords"] == []
    assert settings["cv_profiles"] == {
        "bluesky": "https://bsky.app/profile/tomas.bsky.example",
        "github": "https://github.com/tferreira",
        "mastodon": "https://mastodon.example/@tomas",
        "orcid": "https://orcid.org/0000-0002-7654-3210",
    }
    home = text(resume_json, "docs/index.md")
    assert "Write your biography" not in home  # the sample; resume.json's own summary instead
    assert "## About\n\nExperiments on laser–plasma interaction" in home


def test_newer_generation_report(resume_json: Path) -> None:
    found = report(resume_json)
    for expected in (
        "al-folio's sample CV (its sample person, Albert Einstein)",
        "a link to a PDF CV, not a profile",
        "`qc6CJjYAAAAJ` | al-folio's sample profile",
        "`1010907` | al-folio's sample profile",
        "`tomaslund`",
        "no such file under assets/img/",
        "`PhysRev.47.777` | al-folio's sample paper",
        "Write your biography here",
        "the site's title",
    ):
        assert expected in found, expected
    bib = parse_string(text(resume_json, "refs.bib"), "bibtex")
    assert list(bib.entries) == ["ferreiralund2024wakefield"]
    assert "山田" in text(resume_json, "refs.bib")
    assert "Palestra na Universidade do Porto sobre **física de plasmas**" in text(
        resume_json, "docs/news.md"
    )


def test_newer_generation_cv(resume_json: Path) -> None:
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (resume_json / "docs").glob("*.md"))
    assert "Instituto de Física do Porto" in pages and "Porto Plasma Days" in pages
    assert "Teaches plasma physics" not in pages  # commented out in resume.json
    data = __import__("json5").loads((RESUME_JSON / "assets/json/resume.json").read_text())
    found = site_leaves(RESUME_JSON) + bib_leaves(RESUME_JSON)
    found += [(p, v) for p, v in leaves(data)]
    assert unaccounted(found, resume_json, other_forms) == []


# --- choices and refusals -------------------------------------------------------------------


def copy_of(source: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(source, tmp_path / "source"))


def test_both_cvs_own_follow_cv_format(tmp_path: Path) -> None:
    source = copy_of(RESUME_JSON, tmp_path)
    shutil.copy(LIST_CV / "_data/cv.yml", source / "_data/cv.yml")
    page = source / "_pages/cv.md"
    page.write_text(page.read_text().replace("nav: true", "nav: true\ncv_format: rendercv"))
    site = imported(source, tmp_path / "site")
    assert "_pages/cv.md's cv_format is rendercv" in report(site)
    assert ":institution: Universitatea Ficțiune" in text(site, "docs/education.md")


def test_sample_name_refused(tmp_path: Path) -> None:
    source = copy_of(LIST_CV, tmp_path)
    config = source / "_config.yml"
    config.write_text(
        config.read_text()
        .replace("Mirela", "Albert")
        .replace("last_name: Drăgan", "last_name: Einstein")
    )
    with pytest.raises(SystemExit, match=r"_config.yml:6 .*template's sample name"):
        imported(source, tmp_path / "site")


def test_broken_socials_names_line(tmp_path: Path) -> None:
    source = copy_of(RESUME_JSON, tmp_path)
    socials = source / "_data/socials.yml"
    socials.write_text(
        socials.read_text().replace("# x_username: # your X handle", "x_username: @tomas")
    )
    with pytest.raises(SystemExit, match=r"_data/socials.yml:18: YAML cannot read it"):
        imported(source, tmp_path / "site")


def test_broken_bib_names_line(tmp_path: Path) -> None:
    source = copy_of(LIST_CV, tmp_path)
    bib = source / "_bibliography/papers.bib"
    bib.write_text(bib.read_text().replace("  volume={130},", "  volume={130,"))
    with pytest.raises(SystemExit, match=r"_bibliography/papers.bib:\d+: .*import again"):
        imported(source, tmp_path / "site")


def test_recognise() -> None:
    assert alfolio.recognise(LIST_CV) and alfolio.recognise(RESUME_JSON)
    assert not alfolio.recognise(LIST_CV / "_config.yml")
    assert not alfolio.recognise(SOURCES)


def test_rendercv_style_cv_yml(tmp_path: Path) -> None:
    """The newest generation's `cv:` form of _data/cv.yml goes to the RenderCV reader."""
    source = copy_of(LIST_CV, tmp_path)
    shutil.copy(SOURCES / "rendercv-alfolio/cv.yml", source / "_data/cv.yml")
    site = imported(source, tmp_path / "site")
    assert conf(site)["cv_owner"] == "Mirela Drăgan"  # _config.yml's name stays
    assert (site / "docs/education.md").is_file()
    assert "not read yet" not in report(site)
