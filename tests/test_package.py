"""cvsite as an installable engine: the wheel, `cvsite new`, what a site customises, and the
settings' documentation. A new site's engine (installed from its engine/ folder on a fresh
machine, pinned, upgraded, published) is tests/test_site_engine.py.

The wheel is built once per run and shared (conftest.build_once), by `cvsite new` run from this
checkout, as a new site gets it (3 s).
"""

from __future__ import annotations

import ast
import os
import pty
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EMAIL, HOMEPAGE, NAME, NEW_SITE_OPTIONS, REPO, run

import cvsite
from cvsite.cli import system_packages

PACKAGE = REPO / "cvsite"
SCAFFOLD = PACKAGE / "cli" / "scaffold"
# The version an upgrade installs: a local version label, so it can be no real release.
UPGRADE = f"{cvsite.__version__}+upgrade.test"
ORCID = "https://orcid.org/0000-0002-1825-0097"
# The tree `cvsite new` writes: the layout of this repository's site, settings and content only.
WHEEL_NAME = f"cvsite-{cvsite.__version__}-py3-none-any.whl"
NEW_SITE_TREE = {
    ".ci/run", ".gitignore", ".readthedocs.yaml", "Makefile", "README.md", "conf.py",
    "refs.bib", "requirements.txt", "docs/_static/favicon.svg", "docs/_templates/README.txt",
    ".github/workflows/pages.yml", "engine/requirements.txt", "engine/SHA256SUMS",
    f"engine/{WHEEL_NAME}",
    "docs/index.md", "docs/education.md", "docs/experience.md", "docs/publications.md",
    "docs/talks.md", "docs/teaching.md", "docs/awards.md", "docs/service.md",
    "docs/skills.md", "tests/conftest.py", "tests/test_site_content.py",
}  # fmt: skip


def package_files() -> set[str]:
    """Every file of the package as the wheel names it (cvsite/...), caches left out."""
    return {
        path.relative_to(REPO).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def wheel_command(source: Path, dist: Path) -> list[str]:
    return [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "--quiet", "-w", str(dist), str(source)]  # fmt: skip


def copy_of_the_package(folder: Path) -> Path:
    """What the wheel is built from, copied so that nothing is written into this checkout."""
    source = folder / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(PACKAGE, source / "cvsite", ignore=shutil.ignore_patterns("__pycache__"))
    return source


def conf_settings(site: Path) -> dict[str, object]:
    """The new site's conf.py as the values it assigns."""
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse((site / "conf.py").read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
    }


def written_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


# -- The wheel ---------------------------------------------------------------------------------


def test_the_wheel_holds_every_file_of_the_package_and_nothing_else(wheel):
    """Templates, static files, the LaTeX style, the scaffold with its dotfiles, the package
    list: everything cvsite reads at run time travels with it."""
    names = zipfile.ZipFile(wheel).namelist()
    in_package = {name for name in names if name.startswith("cvsite/")}
    assert in_package == package_files()
    for needed in ("cvsite/web/templates/cvsite-layout.html", "cvsite/cli/scaffold/.ci/run",
                   "cvsite/cli/scaffold/.gitignore", "cvsite/cli/debian-packages.txt"):  # fmt: skip
        assert needed in in_package


def test_the_wheel_has_one_version_the_command_and_the_dependencies(wheel):
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"cvsite-{cvsite.__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"cvsite-{cvsite.__version__}.dist-info/entry_points.txt")
    assert f"\nVersion: {cvsite.__version__}\n" in metadata
    assert "cvsite = cvsite.cli:main" in entry_points.decode()
    # The licence, as metadata (SPDX) and as the file itself, which MIT asks to travel along.
    assert "\nLicense-Expression: MIT\n" in metadata
    assert "\nLicense-File: LICENSE\n" in metadata
    with zipfile.ZipFile(wheel) as archive:
        licence = archive.read(f"cvsite-{cvsite.__version__}.dist-info/licenses/LICENSE").decode()
    assert licence.startswith("MIT License") and "Permission is hereby granted" in licence
    required = {
        re.split(r"[<>=!;\[ ]", line.removeprefix("Requires-Dist: "))[0].lower()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: ") and "extra ==" not in line
    }
    # Every extension conf.py names, and every package the engine imports.
    assert {"sphinx", "myst-parser", "sphinxcontrib-bibtex", "sphinxext-opengraph", "pybtex",
            "pydata-sphinx-theme", "pyyaml", "latexcodec"} <= required  # fmt: skip


# -- cvsite new ---------------------------------------------------------------------------------


def test_new_writes_the_site_tree_with_every_placeholder_filled(new_site):
    assert written_files(new_site) == NEW_SITE_TREE
    for name in NEW_SITE_TREE - {f"engine/{WHEEL_NAME}"}:
        text = (new_site / name).read_text(encoding="utf-8")
        assert not re.search(r"\{\{\w+\}\}", text), name
    assert os.access(new_site / ".ci" / "run", os.X_OK)
    settings = conf_settings(new_site)
    assert (settings["cv_owner"], settings["cv_email"], settings["cv_homepage"]) == (
        NAME, EMAIL, HOMEPAGE,
    )  # fmt: skip
    assert settings["cv_pdf_paper"] == "a4"
    assert "cvsite" in settings["extensions"]


def test_new_copies_no_file_of_the_engine(new_site):
    """Templates, stylesheets and the LaTeX style stay in the package, which an upgrade
    replaces; the site holds settings and content only, and the package's wheel for pip."""
    engine = {
        path.read_bytes()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "scaffold" not in path.parts and "__pycache__" not in path.parts
    }
    for name in NEW_SITE_TREE:
        assert (new_site / name).read_bytes() not in engine, name
    suffixes = {Path(name).suffix for name in NEW_SITE_TREE}
    assert not suffixes & {".html", ".css", ".sty", ".js"}


def test_new_marks_every_example_and_says_how_to_delete_it(new_site):
    for page in sorted((new_site / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert re.search(r'description: "Example: ', text), page
        comments = [line for line in text.splitlines() if line.startswith("% ")]
        assert comments and any("delete" in line or "keep" in line for line in comments), page
    bib = (new_site / "refs.bib").read_text(encoding="utf-8")
    titles = re.findall(r"^\s*title\s*=\s*\{(.*)\},$", bib, re.MULTILINE)
    assert len(titles) == 3 and all(title.startswith("Example: ") for title in titles)
    assert re.search(r"^% .*delete them", bib, re.MULTILINE)


def test_new_refuses_a_folder_that_holds_anything(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run([sys.executable, "-m", "cvsite", "new", str(tmp_path), *NEW_SITE_OPTIONS],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1
    assert f"{tmp_path} is not empty; name a new or empty folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("option", ["--name", "--email", "--homepage"])
def test_a_missing_option_outside_a_terminal_is_named(tmp_path, option):
    given = NEW_SITE_OPTIONS.copy()
    del given[given.index(option) : given.index(option) + 2]
    result = run([sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"), *given],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 2
    assert f"error: the option {option} is missing (not run in a terminal" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("option", "value", "fix"),
    [
        ("--homepage", "ada.example.org", "write one such as https://ada.example.org"),
        ("--email", "ada at example.org", "write one such as ada@example.org"),
        ("--name", 'Ada "the Countess" Lovelace', "write the name without it"),
    ],
)
def test_a_wrong_value_is_named_with_its_fix(tmp_path, option, value, fix):
    given = NEW_SITE_OPTIONS.copy()
    given[given.index(option) + 1] = value
    result = run([sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"), *given],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 2
    assert f"error: {option} " in result.stderr and fix in result.stderr
    assert "Traceback" not in result.stderr


def test_new_asks_in_a_terminal_for_what_is_not_given(tmp_path, wheel):
    """stdin a terminal (a pseudo-terminal here): the missing values are asked, a wrong one
    again."""
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"), "--name", NAME,
         "--wheel", str(wheel)],
        stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    os.close(terminal)
    # The optional ones follow: a position, no affiliation (Enter), a javascript: link refused
    # and asked again, an ORCID, and Enter for each of the other nine profile kinds.
    answers = [
        "not-an-address", EMAIL, HOMEPAGE, "Analyst of Engines", "", "javascript:alert(1)",
        ORCID, *[""] * 9,
    ]  # fmt: skip
    os.write(main, "".join(f"{answer}\n" for answer in answers).encode())
    stdout, stderr = process.communicate(timeout=60)
    os.close(main)
    assert process.returncode == 0, stderr
    assert "Your e-mail address: " in stdout and "Your homepage (https://...): " in stdout
    assert "Your ORCID page (Enter: none): " in stdout and "Your X page (Enter: none): " in stdout
    assert "--email 'not-an-address' is not an e-mail address" in stderr
    assert "--profile the link is 'javascript:alert(1)', which is not a link a reader" in stderr
    conf = (tmp_path / "site" / "conf.py").read_text(encoding="utf-8")
    assert f'cv_email = "{EMAIL}"' in conf and f'cv_homepage = "{HOMEPAGE}"' in conf
    settings = conf_settings(tmp_path / "site")
    assert (settings["cv_position"], settings["cv_affiliation"]) == ("Analyst of Engines", "")
    assert settings["cv_profiles"] == {"orcid": ORCID}


def test_new_takes_the_optional_items_as_options(tmp_path):
    site = tmp_path / "site"
    given = ["--position", "Analyst of Engines", "--affiliation", "Imaginary Society",
             "--profile", f"orcid={ORCID}",
             "--profile", "github=https://github.com/ada"]  # fmt: skip
    result = run([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS, *given],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    settings = conf_settings(site)
    assert (settings["cv_position"], settings["cv_affiliation"]) == (
        "Analyst of Engines", "Imaginary Society",
    )  # fmt: skip
    assert list(settings["cv_profiles"].items()) == [
        ("orcid", ORCID), ("github", "https://github.com/ada"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("profile", "fix"),
    [
        (
            "github=javascript:alert(1)",
            "which is not a link a reader can follow; write a full URL starting with https://",
        ),
        ("myspace=https://example.org", "is not KIND=URL with KIND one of orcid, google-scholar"),
    ],
)
def test_a_wrong_profile_option_is_named(tmp_path, profile, fix):
    result = run([sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"),
                  *NEW_SITE_OPTIONS, "--profile", profile], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 2
    assert "argument --profile: " in result.stderr and fix in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


# -- What a site customises, and what an upgrade replaces ------------------------------------


def test_a_sites_layout_override_keeps_the_engines_layout(new_site, tmp_path):
    """docs/_templates/ comes first in templates_path: a layout.html there that extends
    cvsite-layout.html adds its block and keeps the engine's head and navbar."""
    (new_site / "docs" / "_templates" / "layout.html").write_text(
        '{%- extends "cvsite-layout.html" %}\n{%- block extrahead %}\n  {{- super() }}\n'
        '  <meta name="x-site-override" content="kept"/>\n{%- endblock extrahead %}\n',
        encoding="utf-8",
    )
    out = tmp_path / "html"
    result = run([sys.executable, "-m", "sphinx", "-q", "-c", ".", "-W", "--keep-going", "-n",
                  "-b", "html", "-d", str(tmp_path / "doctrees"), "docs", str(out)],
                 cwd=new_site)  # fmt: skip
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "publications/example2025preprint.html"):
        soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('meta[name="x-site-override"]'), page
        assert soup.select_one('meta[name="color-scheme"]'), page  # the engine's layout
        assert not soup.select('link[href*="fontawesome"], script[src*="fontawesome"]'), page


def test_the_package_list_is_the_engines_with_the_sites_lines_in_place(tmp_path):
    engine = system_packages.read(tmp_path)  # a site without .ci/
    assert {need.thing for need in engine} >= {"xelatex", "latexmk", "font:FreeSerif"}
    assert {need.group for need in engine} == {"pdf"}
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "debian-packages.txt").write_text(
        "pdf  xelatex  texlive-xetex texlive-lang-greek\ntest  chromium  chromium\n",
        encoding="utf-8",
    )
    needs = {need.thing: need for need in system_packages.read(tmp_path)}
    assert needs["xelatex"].packages == ("texlive-xetex", "texlive-lang-greek")
    assert needs["chromium"].group == "test"
    assert {"latexmk", "font:FreeSerif"} <= set(needs)
    assert len(needs) == len(engine) + 1


def test_this_site_s_package_list_adds_to_the_engine_s_and_repeats_none_of_it():
    """A site's .ci/debian-packages.txt adds lines; one repeated from the engine's list would
    keep its old packages when an upgrade of cvsite changes them."""
    engine = system_packages.parse(system_packages.ENGINE_LIST.read_text(encoding="utf-8"), "")
    site_file = REPO / system_packages.PACKAGE_LIST
    site = system_packages.parse(site_file.read_text(encoding="utf-8"), str(site_file))
    assert not {need.thing for need in site} & {need.thing for need in engine}
    assert {need.group for need in system_packages.read(REPO)} == {"pdf", "test"}


def test_the_readme_lists_every_setting_with_what_it_changes():
    from cvsite.config.settings import SETTINGS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `(cv_\w+)` \| .+? \| (.+) \|$", section, re.MULTILINE)
    }
    assert set(rows) == {setting.name for setting in SETTINGS}
    assert all(len(what.split()) >= 3 for what in rows.values()), rows


def test_cvsite_settings_lists_every_setting():
    from cvsite.config.settings import SETTINGS

    result = run([sys.executable, "-m", "cvsite", "settings"])
    assert result.returncode == 0, result.stderr
    listed = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert listed == [setting.name for setting in SETTINGS]


def test_a_folder_that_cannot_be_written_is_named_without_a_traceback(tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "site"  # under a file: no one, root included, can write it
    result = run([sys.executable, "-m", "cvsite", "new", str(target), *NEW_SITE_OPTIONS,
                  "--from-index"], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1
    assert f"cvsite new: cannot write {target}" in result.stderr
    assert "name a folder you can write to" in result.stderr
    assert "Traceback" not in result.stderr
