"""Shared fixtures: each site built once per test run, and tiny Sphinx projects per test."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from sphinx.errors import SphinxError
from sphinx.testing.util import SphinxTestApp

from cvsite.testing.built_site import Academic, BuiltSite
from cvsite.testing.built_site import site_pages as site_pages
from cvsite.testing.built_site import text_of as text_of
from cvsite.testing.source_facts import SiteSources

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parents[1]
# The venv this suite runs in (.venv, .venv-3.13, .venv-latest), for the `make` runs it tests.
VENV = Path(sys.prefix)

# A Python warning about cvsite's own code fails the builds that run in subprocesses too, as
# pyproject's filterwarnings makes it fail in this process (cvsite/own_warnings.py).
os.environ["CVSITE_WARNINGS_AS_ERRORS"] = "1"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the `test-<name>` projects."""
    return REPO / "tests" / "roots"


# The sites the suite builds, each laid out as this repository is: conf.py, docs/, its .bib.
# The reference site is this repository's own; the second is an invented academic's, so that
# the checks that read their truth from the sources show they hold for anyone's content.
SITES = {
    "reference": REPO,
    "second-academic": REPO / "tests" / "sites" / "second-academic",
}


# What a checkout holds but a build must not copy: what git ignores, and git's own folder.
# (tests/browser/node_modules alone is 140 MB, a second venv more.)
NOT_IN_A_CHECKOUT = shutil.ignore_patterns(
    ".git", ".venv*", "_build", "node_modules", "__pycache__", "*.egg-info", "dist"
)


def copy_checkout(destination: Path) -> Path:
    """This repository as a fresh clone has it, copied to destination."""
    shutil.copytree(REPO, destination, ignore=NOT_IN_A_CHECKOUT)
    return destination


def sphinx_build(
    builder: str, outdir: Path, *extra: str, root: Path = REPO, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Build the site in root exactly as `make html` does (same options), into outdir; `env`
    is added to this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(root), "-W", "--keep-going", "-n",
         "-b", builder, "-d", str(outdir / ".doctrees"), *extra, str(root / "docs"), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str, build) -> tuple[Path, dict]:
    """(folder, build(folder)'s outcome), built once per test run even with pytest-xdist.

    The first worker builds under a file lock in the folder the workers share (the pattern of
    pytest-xdist's documentation); the others wait for it and read what it wrote.
    """
    base = tmp_path_factory.getbasetemp()
    run_folder = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    # `make test` runs pytest twice (Lighthouse alone after the rest): one folder for both,
    # emptied by make before the first, so that the second builds nothing again.
    if os.environ.get("CVSITE_TEST_BUILDS"):
        run_folder = Path(os.environ["CVSITE_TEST_BUILDS"])
        run_folder.mkdir(parents=True, exist_ok=True)
    folder = run_folder / f"build-{name}"
    outcome = folder / "outcome.json"
    with FileLock(run_folder / f"build-{name}.lock"):
        if not outcome.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            outcome.write_text(json.dumps(build(folder)), encoding="utf-8")
    return folder, json.loads(outcome.read_text(encoding="utf-8"))


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # Sphinx colours its output when FORCE_COLOR is set


@dataclass
class InProcessBuild:
    returncode: int
    stdout: str  # Sphinx's status messages (our notes among them)
    stderr: str  # its warnings and errors, and the error that stopped it
    html: Path


def build_in_process(srcdir: Path, builddir: Path, **overrides) -> InProcessBuild:
    """An HTML build with the options `make html` uses (-W --keep-going -n), in this process:
    as sphinx-build would, without a Python start and imports of its own (a second a build)."""
    status, warning = io.StringIO(), io.StringIO()
    stopped, app = "", None
    # A stop is a SphinxError (cvsite/errors.py), which sphinx-build prints with its category.
    try:
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=builddir,
            confoverrides={"nitpicky": True, **overrides},
            status=status,
            warning=warning,
            warningiserror=True,  # -W: any warning fails the build (app.statuscode)
        )
        app.build()
    except SphinxError as stop:  # SphinxTestApp cleans up after a failed start itself
        stopped = f"{stop.category}: {stop}"
    finally:
        if app is not None:
            app.cleanup()
    return InProcessBuild(
        returncode=2 if stopped or app is None else app.statuscode,  # 2: sphinx-build's
        stdout=ANSI_ESCAPE.sub("", status.getvalue()),
        stderr=ANSI_ESCAPE.sub("", warning.getvalue() + stopped),
        html=builddir / "html",
    )


# make_pdf.build of the full CV and of each variant, as `make pdf` builds them, run in a child
# process so that its log is kept when LaTeX fails; each PDF's path on a line of its own.
MAKE_PDF = (
    "import sys; from pathlib import Path; from cvsite.cli import make_pdf; "
    "repo, out, work = (Path(arg) for arg in sys.argv[1:4]); "
    "names = [''] if sys.argv[4] == 'full' else make_pdf.declared_variants(repo); "
    "[print('PDF', v, make_pdf.build(repo, out, work, *sys.argv[5:], variant=v), flush=True) "
    "for v in names]"
)


def build_pdf(root: Path, folder: Path, *overrides: str, variants: bool = True) -> dict:
    """The PDF CV of the site in root and its variants', built as `make pdf` builds them
    (`variants=False`: the full CV alone); `overrides` are Sphinx's options, e.g. "-D",
    "cv_pdf_layout=compact". {"pdf": the full CV's path, "variants": {name: path}, "log",
    "returncode"}. The variants build beside the full CV, in a process and a folder of their
    own, so that the sites' builds, which wait for them, wait less."""
    jobs = [("full", folder)] + ([("variants", folder / "variants")] if variants else [])
    commands = [
        [sys.executable, "-c", MAKE_PDF, str(root), str(folder / "pdf"), str(work), which]
        for which, work in jobs
    ]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    running = [subprocess.Popen([*command, *overrides], **pipes) for command in commands]
    outputs = [process.communicate() for process in running]
    stdout = "".join(out for out, _ in outputs)
    # "PDF <variant> <path>", the full CV's variant empty: "PDF  <path>".
    built = dict(line.split(" ", 2)[1:] for line in stdout.splitlines() if line[:4] == "PDF ")
    returncode = max(process.returncode for process in running)
    return {
        "pdf": built.get("", "") if returncode == 0 else "",
        "variants": {name: path for name, path in built.items() if name},
        "log": stdout + "".join(err for _, err in outputs),
        "returncode": returncode,
    }


def built_pdfs(tmp_path_factory: pytest.TempPathFactory, name: str) -> dict:
    """The outcome of build_pdf for a site of SITES, once per run."""
    _, outcome = build_once(tmp_path_factory, f"{name}-pdf", lambda f: build_pdf(SITES[name], f))
    if outcome["returncode"] != 0:
        pytest.fail(f"the PDF of {SITES[name]} did not build:\n{outcome['log'][-3000:]}", False)
    return outcome


def built_pdf(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    return Path(built_pdfs(tmp_path_factory, name)["pdf"])


def built_site(tmp_path_factory: pytest.TempPathFactory, name: str) -> BuiltSite:
    """The site, built as `make html` builds it (after the PDF, which it links)."""
    pdf = built_pdf(tmp_path_factory, name)

    def build_html(folder: Path) -> dict:
        result = sphinx_build("html", folder / "html", "-D", f"cv_pdf_dir={pdf.parent}",
                              root=SITES[name])  # fmt: skip
        return {"log": result.stdout + result.stderr, "returncode": result.returncode}

    folder, outcome = build_once(tmp_path_factory, f"{name}-html", build_html)
    return BuiltSite(folder / "html", outcome["log"], outcome["returncode"])


@pytest.fixture(scope="session")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference site's PDF CV, built as `make pdf` builds it."""
    return built_pdf(tmp_path_factory, "reference")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, pdf: Path) -> BuiltSite:
    """The reference site, built as `make html` builds it."""
    return built_site(tmp_path_factory, "reference")


@pytest.fixture(scope="session", params=list(SITES))
def academic(request: pytest.FixtureRequest, tmp_path_factory) -> Academic:
    """Each site of SITES in turn, built once for the whole run."""
    name = request.param
    site = built_site(tmp_path_factory, name)
    if site.returncode != 0:
        pytest.fail(f"{SITES[name]} did not build:\n{site.log[-3000:]}", False)
    return Academic(name, SiteSources(SITES[name]), site, built_pdf(tmp_path_factory, name))


@pytest.fixture(scope="session")
def served_site(site: BuiltSite):
    """The built site over HTTP with gzip, from 127.0.0.1: (base URL, html folder)."""
    from site_server import serve

    with serve(site.html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )  # fmt: skip
        yield chromium
        chromium.close()


# Modules whose tests wait on a long, shared setup (a fresh venv, a site installed from the
# wheel, Read the Docs replayed, the benchmark harness): run first, so that those setups
# overlap the rest of the suite on the other worker instead of making its last minute.
SLOW_SETUPS_FIRST = ("test_site_engine.py", "test_readme_path.py", "test_read_the_docs.py",
                     "test_benchmarks.py")  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return (
            SLOW_SETUPS_FIRST.index(name) if name in SLOW_SETUPS_FIRST else len(SLOW_SETUPS_FIRST)
        )

    items.sort(key=rank)  # stable: each module keeps its order


# -- New sites, for tests/test_package.py and tests/test_site_engine.py ------------------------

NAME, EMAIL, HOMEPAGE = "Ada Lovelace", "ada@example.org", "https://ada.example.org"
NEW_SITE_OPTIONS = ["--name", NAME, "--email", EMAIL, "--homepage", HOMEPAGE]


def run(command: list[str], cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, **kwargs)


def outcome_or_fail(outcome: dict) -> dict:
    if outcome["returncode"] != 0:
        pytest.fail(outcome["log"][-4000:], False)
    return outcome


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


@pytest.fixture
def new_site(tmp_path: Path, wheel: Path) -> Path:
    """A site written by `python -m cvsite new` of this checkout (fast: no install)."""
    site = tmp_path / "site"
    result = run([sys.executable, "-m", "cvsite", "new", str(site), *NEW_SITE_OPTIONS,
                  "--wheel", str(wheel)], stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site
