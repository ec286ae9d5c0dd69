"""cvsite as an installable engine: the wheel, a fresh install outside any checkout, `cvsite new`,
an upgrade.

The slow parts run once per run and are shared (conftest.build_once); measured on this
machine: the wheel (2 s), a fresh venv with the wheel and the locked versions of its
dependencies from the package index (20 s with pip's cache, 43 s from an empty one), then a
site that the installed `cvsite new` writes and its own `make html` and `make test` build
(11 s), and its upgrade to a later wheel and `make html` again (8 s): about 50 s in all.
"""

from __future__ import annotations

import ast
import hashlib
import os
import pty
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_once
from pypdf import PdfReader

import cvsite
from cvsite.cli import system_packages

PACKAGE = REPO / "cvsite"
# The version an upgrade installs: a local version label, so it can be no real release.
UPGRADE = f"{cvsite.__version__}+upgrade.test"
NAME, EMAIL, HOMEPAGE = "Ada Lovelace", "ada@example.org", "https://ada.example.org"
NEW_SITE_OPTIONS = ["--name", NAME, "--email", EMAIL, "--homepage", HOMEPAGE]
# The tree `cvsite new` writes: the layout of this repository's site, settings and content only.
NEW_SITE_TREE = {
    ".ci/run", ".gitignore", ".readthedocs.yaml", "Makefile", "README.md", "conf.py",
    "refs.bib", "requirements.txt", "docs/_static/favicon.svg", "docs/_templates/README.txt",
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


def run(command: list[str], cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, **kwargs)


def outcome_or_fail(outcome: dict) -> dict:
    if outcome["returncode"] != 0:
        pytest.fail(outcome["log"][-4000:], False)
    return outcome


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


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this checkout."""

    def build(folder: Path) -> dict:
        started = time.monotonic()
        result = run(wheel_command(copy_of_the_package(folder), folder / "dist"))
        wheels = sorted((folder / "dist").glob("cvsite-*.whl"))
        return {
            "wheel": str(wheels[0]) if wheels else "",
            "seconds": round(time.monotonic() - started, 1),
            "log": result.stdout + result.stderr,
            "returncode": result.returncode or (0 if wheels else 1),
        }

    _, outcome = build_once(tmp_path_factory, "package-wheel", build)
    return Path(outcome_or_fail(outcome)["wheel"])


@pytest.fixture(scope="session")
def engine_venv(tmp_path_factory, wheel: Path) -> Path:
    """A new venv outside any checkout with the wheel and its [test] extra, at the lock's
    versions (requirements-dev.txt as constraints): the engine as a site installs it."""

    def install(folder: Path) -> dict:
        venv = folder / "venv"
        started = time.monotonic()
        made = run([sys.executable, "-m", "venv", str(venv)])
        if made.returncode != 0:
            return {"log": made.stdout + made.stderr, "returncode": made.returncode}
        result = run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                      "--disable-pip-version-check", "-c", str(REPO / "requirements-dev.txt"),
                      f"{wheel}[test]"], cwd=folder)  # fmt: skip
        return {
            "venv": str(venv),
            "seconds": round(time.monotonic() - started, 1),
            "log": result.stdout + result.stderr,
            "returncode": result.returncode,
        }

    _, outcome = build_once(tmp_path_factory, "package-venv", install)
    return Path(outcome_or_fail(outcome)["venv"])


def site_sources(site: Path) -> dict[str, str]:
    """The site's own files (not its build), each with a digest of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).parts[0] != "_build"
        and "__pycache__" not in path.parts
    }  # fmt: skip


@pytest.fixture(scope="session")
def installed_site(tmp_path_factory, engine_venv: Path) -> dict:
    """The life of a site with the installed engine, outside this checkout: what the venv
    imports, then `cvsite new`, the site's `make html` and `make test` (VENV=), its build
    kept in before/; then an upgrade (a wheel of a later version installed, the pin in
    requirements.txt changed) and `make html` again."""

    def make(folder: Path) -> dict:
        site, python = folder / "site", str(engine_venv / "bin" / "python")
        log, outcome, started = [], {}, time.monotonic()

        def step(command: list[str], cwd: Path) -> bool:
            result = run(command, cwd, stdin=subprocess.DEVNULL)
            log.append(f"$ {' '.join(command)}\n{result.stdout}{result.stderr}")
            outcome.update(log="\n".join(log), returncode=result.returncode)
            return result.returncode == 0

        imported = run([python, "-c", "import cvsite; print(cvsite.__file__)"], folder)
        outcome["imported_from"] = imported.stdout.strip()
        outcome["version"] = run([str(engine_venv / "bin" / "cvsite"), "--version"]).stdout
        steps = (
            ([str(engine_venv / "bin" / "cvsite"), "new", str(site), *NEW_SITE_OPTIONS,
              "--paper", "letter"], folder),
            (["make", "html", f"VENV={engine_venv}"], site),
            (["make", "test", f"VENV={engine_venv}"], site),
        )  # fmt: skip
        if not all(step(command, cwd) for command, cwd in steps):
            return outcome
        shutil.copytree(site / "_build", folder / "before")
        outcome["made_seconds"] = round(time.monotonic() - started, 1)

        started = time.monotonic()
        source = copy_of_the_package(folder)
        init = source / "cvsite" / "__init__.py"
        init.write_text(
            init.read_text(encoding="utf-8").replace(
                f'__version__ = "{cvsite.__version__}"', f'__version__ = "{UPGRADE}"'
            ),
            encoding="utf-8",
        )
        sources_before = site_sources(site)
        requirements = site / "requirements.txt"
        pin = requirements.read_text(encoding="utf-8")
        requirements.write_text(pin.replace(f"=={cvsite.__version__}", f"=={UPGRADE}"))
        if not (
            step(wheel_command(source, folder / "dist"), folder)
            and step([python, "-m", "pip", "install", "--quiet", "--no-deps",
                      str(next((folder / "dist").glob("cvsite-*.whl")))], folder)
            and step(["make", "html", f"VENV={engine_venv}"], site)
        ):  # fmt: skip
            return outcome
        changed = {
            name for name, digest in site_sources(site).items()
            if sources_before.get(name) != digest
        }  # fmt: skip
        outcome.update(site=str(site), before=str(folder / "before"), changed=sorted(changed),
                       upgrade_seconds=round(time.monotonic() - started, 1))  # fmt: skip
        return outcome

    _, outcome = build_once(tmp_path_factory, "package-site", make)
    return outcome_or_fail(outcome)


@pytest.fixture
def new_site(tmp_path: Path) -> Path:
    """A site written by `python -m cvsite new` of this checkout (fast: no install)."""
    site = tmp_path / "site"
    result = run([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site


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


# -- A fresh install, outside any checkout -----------------------------------------------------


def test_the_installed_engine_is_the_wheel_not_this_checkout(engine_venv, installed_site):
    assert Path(installed_site["imported_from"]).is_relative_to(engine_venv)
    assert installed_site["version"].strip() == f"cvsite {cvsite.__version__}"


def generator_tags(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [tag["content"] for tag in soup.select('meta[name="generator"]')
            if tag["content"].startswith("cvsite")]  # fmt: skip


PAGES = ("index.html", "education.html", "publications/example2024conference.html")
PDF = "pdf/ada-lovelace-cv.pdf"


def test_a_site_made_and_built_by_the_installed_engine_records_its_version(installed_site):
    """`make html` and `make test` of the new site have passed (installed_site); the pages
    and the PDF say which cvsite made them, and the site links its PDF."""
    generator = f"cvsite {cvsite.__version__}"
    built = Path(installed_site["before"])
    for name in PAGES:
        page = built / "html" / name
        assert generator_tags(page) == [generator], page
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("a.cv-pdf-navbar-link")["href"].endswith("ada-lovelace-cv.pdf")
    pdf = PdfReader(built / PDF)
    assert pdf.metadata["/Creator"] == generator
    width, height = (float(side) for side in pdf.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)  # --paper letter, in points


def test_an_upgrade_is_a_new_pin_and_a_rebuild_and_leaves_the_site_as_it_is(installed_site):
    """The pin changed (the only file that did), `make html` reinstalled nothing it did not
    need and rebuilt every page and the PDF with the later engine."""
    assert installed_site["changed"] == ["requirements.txt"]
    site = Path(installed_site["site"])
    pin = (site / "requirements.txt").read_text(encoding="utf-8")
    assert f"cvsite[test]=={UPGRADE}" in pin.splitlines()
    for name in PAGES:
        assert generator_tags(site / "_build" / "html" / name) == [f"cvsite {UPGRADE}"], name
    assert PdfReader(site / "_build" / PDF).metadata["/Creator"] == f"cvsite {UPGRADE}"


# -- cvsite new ---------------------------------------------------------------------------------


def test_new_writes_the_site_tree_with_every_placeholder_filled(new_site):
    assert written_files(new_site) == NEW_SITE_TREE
    for name in NEW_SITE_TREE:
        assert "{{" not in (new_site / name).read_text(encoding="utf-8"), name
    assert os.access(new_site / ".ci" / "run", os.X_OK)
    settings = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse((new_site / "conf.py").read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
    }
    assert (settings["cv_owner"], settings["cv_email"], settings["cv_homepage"]) == (
        NAME, EMAIL, HOMEPAGE,
    )  # fmt: skip
    assert settings["cv_pdf_paper"] == "a4"
    assert "cvsite" in settings["extensions"]


def test_new_copies_no_file_of_the_engine(new_site):
    """Templates, stylesheets and the LaTeX style stay in the package, which an upgrade
    replaces; the site holds settings and content only."""
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


def test_new_asks_in_a_terminal_for_what_is_not_given(tmp_path):
    """stdin a terminal (a pseudo-terminal here): the missing values are asked, a wrong one
    again."""
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"), "--name", NAME],
        stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    os.close(terminal)
    os.write(main, f"not-an-address\n{EMAIL}\n{HOMEPAGE}\n".encode())
    stdout, stderr = process.communicate(timeout=60)
    os.close(main)
    assert process.returncode == 0, stderr
    assert "Your e-mail address: " in stdout and "Your homepage (https://...): " in stdout
    assert "--email 'not-an-address' is not an e-mail address" in stderr
    conf = (tmp_path / "site" / "conf.py").read_text(encoding="utf-8")
    assert f'cv_email = "{EMAIL}"' in conf and f'cv_homepage = "{HOMEPAGE}"' in conf


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
    result = run([sys.executable, "-m", "cvsite", "new", str(target), *NEW_SITE_OPTIONS],
                 stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1
    assert f"cvsite new: cannot write {target}" in result.stderr
    assert "name a folder you can write to" in result.stderr
    assert "Traceback" not in result.stderr
