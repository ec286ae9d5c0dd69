"""`make` on machines without TeX, without apt-get or without root: what each target does.

Each test runs make in a small copy of the site (Makefile, conf.py, refs.bib, docs/, cvsite/,
.ci/) with our .venv taken as it is, and a PATH of links to this machine's commands with some
left out (TeX, the browsers, apt-get, sudo) or replaced by fakes that record their calls.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import REPO, VENV
from test_bad_input import ANSI_ESCAPE, PYTHON_TRACEBACK
from test_site_commands import CHATTER

from cvsite.cli import system_packages

COPIED = ("Makefile", "conf.py", "refs.bib", "pyproject.toml", "requirements.txt",
          "requirements-dev.txt", ".ci", "docs", "cvsite")  # fmt: skip
PDF = "zangwei-zheng-cv.pdf"
TEX = ("xelatex", "latexmk")
BROWSERS = ("chromium", "pdftoppm", "java", "node", "npm")
NO_APT = ("apt-get", "sudo")
SKIPPED = "PDF CV skipped"
NOT_ROOT = "#!/bin/sh\necho 1000\n"  # `id -u` of a user
ROOT = "#!/bin/sh\necho 0\n"


def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        if (REPO / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(REPO / name, project / name, ignore=ignore)
        else:
            shutil.copy2(REPO / name, project / name)
    return project


def recorder(log: Path, exit_status: int = 0) -> str:
    """A fake command that writes its name and arguments to `log`, one call a line."""
    return f'#!/bin/sh\necho "$(basename "$0") $*" >> {log}\nexit {exit_status}\n'


def tools(tmp_path: Path, hide: tuple[str, ...] = (), fakes: dict[str, str] | None = None) -> Path:
    """A folder of links to every command on PATH but the hidden ones, plus the fakes."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fakes = fakes or {}
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for command in sorted(Path(directory).iterdir()):
            link = folder / command.name
            if command.name in hide or command.name in fakes or os.path.lexists(link):
                continue
            if command.is_file() and os.access(command, os.X_OK):
                link.symlink_to(command)
    for name, script in fakes.items():
        (folder / name).write_text(script, encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


def environment(project: Path, path: str = os.environ["PATH"]) -> dict[str, str]:
    # The copy's own cvsite, not the one our .venv has installed (editable) from REPO.
    return {**os.environ, "PATH": path, "PYTHONPATH": str(project)}


def make(project: Path, goal: str, path: Path) -> subprocess.CompletedProcess:
    # Our .venv as it is: -o tells make its stamps are up to date, so nothing is pip-installed.
    venv = [f"VENV={VENV}", "-o", f"{VENV}/.stamp-site", "-o", f"{VENV}/.stamp-dev"]
    # --no-print-directory: under `make test` this make is a sub-make, which would say so.
    return subprocess.run(
        ["make", "--no-print-directory", *venv, goal],
        cwd=project,
        env=environment(project, str(path)),
        capture_output=True,
        text=True,
        check=False,
    )


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def lines_with(text: str, part: str) -> list[str]:
    return [line for line in text.splitlines() if part in line]


def page(project: Path, name: str) -> BeautifulSoup:
    html = (project / "_build" / "html" / name).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def pdf_links(project: Path) -> dict[str, list[str]]:
    """The PDF links: the home page's button, the navbar's on a section's and a paper's page."""
    paper = sorted((project / "_build" / "html" / "publications").glob("*.html"))[0].name
    pages = [page(project, name) for name in ("index.html", "skills.html", f"publications/{paper}")]
    links = {
        "button": pages[0].select(".cv-pdf-link a"),
        "variants": pages[0].select(".cv-pdf-variants a"),
        "navbar": [link for each in pages for link in each.select("a.cv-pdf-navbar-link")],
    }
    return {kind: [link["href"] for link in found] for kind, found in links.items()}


def installed(log: Path) -> set[str]:
    """The packages that `apt-get install` was asked for."""
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return {word for call in calls if " install " in call for word in call.split()[5:]}


def packages_of_group(group: str) -> set[str]:
    needs = system_packages.read(REPO)
    return {package for need in needs if need.group == group for package in need.packages}


def assert_tex_instructions(line: str) -> None:
    assert "sudo apt-get install texlive-xetex" in line and "latexmk" in line, line
    assert "sudo dnf install texlive-xetex latexmk" in line, line
    assert "brew install --cask mactex-no-gui" in line and "MiKTeX" in line, line
    assert line.rstrip(".").endswith("then run make pdf"), line


def test_html_links_the_pdf_with_tex_and_no_stale_pdf_without(tmp_path):
    project = project_copy(tmp_path)
    log = tmp_path / "calls.log"
    with_tex = tools(tmp_path, fakes={"apt-get": recorder(log)})
    result = make(project, "html", with_tex)
    assert result.returncode == 0, output(result)
    built = (project / "_build" / "pdf" / PDF).read_bytes()
    assert built[:5] == b"%PDF-"
    links = pdf_links(project)
    assert links["button"] == [PDF]
    # The variants of conf.py (cv_variants), each built after the full CV and linked too.
    variants = [PDF.replace(".pdf", f"-{name}.pdf") for name in ("one-page", "publications")]
    assert links["variants"] == variants
    assert all((project / "_build" / "html" / name).is_file() for name in variants)
    assert len(links["navbar"]) >= 3 and set(links["navbar"]) == {PDF, f"../{PDF}"}
    assert (project / "_build" / "html" / PDF).read_bytes() == built
    assert SKIPPED not in output(result) and not log.exists()  # nothing was missing
    # A summary, not Sphinx's progress: the PDF, cvsite's notes once (the site's build gives
    # them, the PDF's leaves them out), the entries, the site.
    printed = ANSI_ESCAPE.sub("", output(result)).splitlines()
    assert printed[0].startswith(f"make pdf: wrote _build/pdf/{PDF} (")
    assert [line.split(" (")[0] for line in printed[1:3]] == [
        f"make pdf: wrote _build/pdf/{name}" for name in variants
    ]
    assert printed[-1].startswith("cvsite html: the site is in _build/html (")
    assert len(lines_with(output(result), "maybe one person spelled two ways")) == 2
    assert len(printed) == 7 and not any(part in output(result) for part in CHATTER), printed

    # TeX gone: the next build must not go on linking the PDF of the build above.
    shutil.rmtree(with_tex)
    result = make(project, "html", tools(tmp_path, hide=TEX + NO_APT))
    assert result.returncode == 0, output(result)
    assert len(lines_with(output(result), SKIPPED)) == 1
    assert pdf_links(project) == {"button": [], "variants": [], "navbar": []}
    assert list((project / "_build" / "pdf").glob("*.pdf")) == []
    assert list((project / "_build" / "html").glob("*.pdf")) == []


def test_without_tex_or_apt_html_builds_the_site_and_pdf_and_test_say_what_to_install(tmp_path):
    project = project_copy(tmp_path)
    path = tools(tmp_path, hide=TEX + BROWSERS + NO_APT)
    html = make(project, "html", path)
    assert html.returncode == 0, output(html)
    [skipped] = lines_with(output(html), SKIPPED)
    assert "xelatex, latexmk missing" in skipped
    assert_tex_instructions(skipped)
    assert len(lines_with(output(html), "so the site has no PDF link")) == 1  # Sphinx's note
    assert (project / "_build" / "html" / "skills.html").is_file()
    assert pdf_links(project) == {"button": [], "variants": [], "navbar": []}
    assert list((project / "_build" / "html").glob("*.pdf")) == []

    pdf = make(project, "pdf", path)
    assert pdf.returncode != 0
    [failed] = lines_with(pdf.stderr, "make pdf: cannot build the PDF CV")
    assert_tex_instructions(failed)
    direct = subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "cvsite.cli.make_pdf"],
        cwd=project,
        env=environment(project, str(path)),
        capture_output=True,
        text=True,
    )
    assert direct.returncode == 1 and "cannot build the PDF CV" in direct.stderr

    suite = make(project, "test", path)
    assert suite.returncode != 0
    [needed] = lines_with(suite.stderr, "make test: ")
    assert "xelatex, latexmk, pdftoppm, chromium, java, node, npm missing" in needed
    assert "sudo apt-get install" in needed and "chromium default-jre-headless" in needed
    for result in (html, pdf, direct, suite):
        assert "Traceback" not in output(result)


def test_no_apt_get_without_root_or_password_less_sudo(tmp_path):
    project = project_copy(tmp_path)
    log = tmp_path / "calls.log"
    fakes = {"apt-get": recorder(log), "sudo": recorder(log, exit_status=1), "id": NOT_ROOT}
    path = tools(tmp_path, hide=TEX, fakes=fakes)
    html = make(project, "html", path)
    assert html.returncode == 0, output(html)
    assert len(lines_with(output(html), SKIPPED)) == 1
    pdf = make(project, "pdf", path)
    assert pdf.returncode != 0 and "cannot build the PDF CV" in pdf.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls and set(calls) == {"sudo -n true"}  # asked whether sudo asks, never apt-get


def test_html_asks_apt_get_for_tex_and_fonts_only(tmp_path):
    project = project_copy(tmp_path)
    with (project / ".ci" / "debian-packages.txt").open("a", encoding="utf-8") as packages:
        packages.write("font:No Such Family  fonts-no-such-family\n")  # a font fc-list lacks
    log = tmp_path / "calls.log"
    path = tools(tmp_path, hide=TEX + BROWSERS, fakes={"apt-get": recorder(log), "id": ROOT})
    html = make(project, "html", path)
    assert html.returncode == 0, output(html)  # the fake installed nothing: the PDF is skipped
    asked = installed(log)
    assert {"texlive-xetex", "latexmk", "fonts-no-such-family"} <= asked
    assert asked <= packages_of_group("pdf") | {"fonts-no-such-family"}
    assert not asked & packages_of_group("test")
    [skipped] = lines_with(output(html), SKIPPED)
    assert "xelatex, latexmk, the font No Such Family missing" in skipped

    log.unlink()
    everything = make(project, "system-deps", path)
    assert everything.returncode != 0  # still missing after the fake apt-get
    assert {"chromium", "default-jre-headless", "nodejs", "npm", "poppler-utils"} <= installed(log)
    assert "Traceback" not in output(html) + output(everything)


def test_a_bib_error_under_make_html_names_file_and_line_without_traceback(tmp_path):
    project = project_copy(tmp_path)
    shutil.copy(REPO / "tests" / "bib_corpus" / "syntax-missing-equals.bib", project / "refs.bib")
    result = make(project, "html", tools(tmp_path, fakes={"apt-get": recorder(tmp_path / "log")}))
    assert result.returncode != 0
    assert re.search(r"refs\.bib:3: ERROR: smith2020: expected 'field = \{value\}'", result.stderr)
    assert "make pdf: the PDF CV was not built" in result.stderr
    assert "The .bib files stop the build: 1 problem:" in result.stderr
    assert "(run with --verbose for Sphinx's full output and report)" in result.stderr
    assert "please open an issue" not in result.stderr  # not Sphinx's crash report
    assert PYTHON_TRACEBACK not in output(result)
    assert not (project / "_build" / "html").exists()


def test_sphinx_build_of_the_top_folder_says_the_pages_are_in_docs(tmp_path):
    project = project_copy(tmp_path)
    for command in (["sphinx-build", ".", "out"], ["python", "-m", "sphinx", ".", "out"]):
        command[0] = str(VENV / "bin" / command[0])
        result = subprocess.run(
            command, cwd=project, env=environment(project), capture_output=True, text=True
        )
        assert result.returncode != 0
        [message] = lines_with(result.stderr, ": ERROR: ")  # in Sphinx's report, indented
        assert message.strip().startswith(f"{project}: ERROR: "), message
        assert "the pages are in docs/" in message and "`make html`" in message
        assert "`sphinx-build -c . docs _build/html`" in message
        assert "Configuration error!" in result.stderr
        assert PYTHON_TRACEBACK not in output(result)
        assert not (project / "out" / "index.html").exists()
