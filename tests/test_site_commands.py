"""The engine's commands that a site's Makefile, .ci/run and .readthedocs.yaml call
(cvsite/cli/site_commands.py): each answers --help, this repository and the scaffold call the
same ones, `cvsite html` swaps a new site in only when its build succeeds, and says no more
than its warnings, cvsite's notes and a summary (--verbose: all of Sphinx's output)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from test_bad_input import ANSI_ESCAPE

from cvsite.cli import check_command, make_pdf, quiet_sphinx, system_packages
from cvsite.cli.main import main as cvsite_main

SCAFFOLD = REPO / "cvsite" / "cli" / "scaffold"
COMMANDS = (
    "html",
    "pdf",
    "check",
    "serve",
    "system-packages",
    "new",
    "settings",
    "upgrade-engine",
    "readthedocs",
    "import",
    "export",
)
SITE_FILES = ("Makefile", ".readthedocs.yaml")


def cvsite(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "cvsite", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_answers_help(command):
    result = cvsite(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: cvsite {command}"), result.stdout


# Every `python -m` entry point, called as its module calls it.
ENTRY_POINTS = {
    "python -m cvsite": cvsite_main,
    "python -m cvsite.cli.check_command": check_command.main,
    "python -m cvsite.cli.make_pdf": make_pdf.main,
    "python -m cvsite.cli.quiet_sphinx": quiet_sphinx.main,
    "python -m cvsite.cli.system_packages": system_packages.main,
}


@pytest.mark.parametrize("prog", ENTRY_POINTS)
def test_each_python_m_entry_point_answers_help(prog, capsys):
    with pytest.raises(SystemExit) as stopped:
        ENTRY_POINTS[prog](["--help"])
    assert stopped.value.code == 0
    printed = capsys.readouterr()
    usage = "usage: cvsite" if prog == "python -m cvsite" else f"usage: {prog}"
    assert printed.out.startswith(usage) and printed.err == "", printed


def test_the_top_level_help_lists_every_command():
    listed = cvsite("--help").stdout
    assert all(command in listed for command in COMMANDS), listed


def engine_calls(text: str) -> list[str]:
    """The cvsite subcommands a Makefile or .readthedocs.yaml runs, in order, without repeats."""
    words = text.replace("$(CVSITE)", "python -m cvsite").split()
    found = [words[i + 2] for i in range(len(words) - 2) if words[i : i + 2] == ["-m", "cvsite"]]
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("name", SITE_FILES)
def test_this_site_and_the_scaffold_call_the_same_engine_commands(name):
    ours = (REPO / name).read_text(encoding="utf-8")
    new_site = (SCAFFOLD / name).read_text(encoding="utf-8")
    # A new site also pins the engine's wheel (make upgrade); this repository is the engine.
    site_only = ["upgrade-engine"] if name == "Makefile" else []
    assert engine_calls(ours) + site_only == engine_calls(new_site) != []
    for text in (ours, new_site):
        # Nothing of the build itself is written in the site: no sphinx-build, no make_pdf.
        assert "-m sphinx" not in text and "make_pdf" not in text and "bib_check" not in text


def test_read_the_docs_runs_the_engine_s_commands():
    jobs = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))["build"]
    html, pdf = jobs["jobs"]["build"]["html"], jobs["jobs"]["build"]["pdf"]
    assert html == ["python -m cvsite readthedocs html"]
    assert pdf == ["python -m cvsite readthedocs pdf"]


def test_read_the_docs_jobs_outside_read_the_docs_say_what_to_do(tmp_path, monkeypatch):
    site = small_site(tmp_path / "site")
    monkeypatch.chdir(site)
    monkeypatch.delenv("READTHEDOCS_OUTPUT", raising=False)
    with pytest.raises(SystemExit) as stop:
        cvsite_main(["readthedocs", "html"])
    assert "READTHEDOCS_OUTPUT is not set" in str(stop.value)
    assert "--output DIR" in str(stop.value)


def test_read_the_docs_html_job_fails_on_a_warning_and_writes_no_site(tmp_path, monkeypatch):
    site = small_site(tmp_path / "site")
    write_home(site, "See {doc}`a-page-that-is-not-there`.")
    monkeypatch.chdir(site)
    with pytest.raises(SystemExit) as stop:
        cvsite_main(["readthedocs", "html", "--output", str(tmp_path / "output")])
    assert stop.value.code not in (0, None)
    assert not (tmp_path / "output" / "html" / "index.html").exists()


def small_site(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "conf.py").write_text(
        'extensions = ["cvsite"]\ncv_owner = "Ida Quill"\ncv_email = "ida@example.org"\n',
        encoding="utf-8",
    )
    (folder / "refs.bib").write_text(
        "@article{quill2031,\n  author = {Ida Quill},\n  title = {Colourings of Undrawn Graphs},"
        "\n  journal = {Journal of Imaginary Results},\n  year = {2031},\n}\n",
        encoding="utf-8",
    )
    write_home(folder, "Colourings of undrawn graphs.")
    return folder


def write_home(folder: Path, text: str) -> None:
    (folder / "docs" / "index.md").write_text(
        "---\nmyst:\n  html_meta:\n    description: An invented academic's home page.\n---\n\n"
        f"# Ida Quill\n\n{text}\n\n:::{{publication-list}} peer-reviewed\n:::\n",
        encoding="utf-8",
    )


# What Sphinx and the libraries print that a site's owner has no use for.
CHATTER = ("Running Sphinx", "myst v", "matplotlib", "latexpdf", "reading sources", "succeeded")


def test_html_swaps_the_new_site_in_and_keeps_the_last_one_when_a_build_fails(tmp_path):
    site = small_site(tmp_path / "site")
    first = cvsite("html", "--no-pdf", cwd=site)
    assert first.returncode == 0, first.stdout + first.stderr
    index = site / "_build" / "html" / "index.html"
    assert "Colourings of undrawn graphs." in index.read_text(encoding="utf-8")
    # A summary: that there is no PDF to link (the site has one, named after cv_owner, but
    # --no-pdf made none), the entries (cvsite's note), then the pages, where, and the time.
    pdf = site / "_build" / "pdf" / "ida-quill-cv.pdf"
    assert ANSI_ESCAPE.sub("", first.stdout).splitlines() == [
        f"cvsite: no PDF CV at {pdf}, so the site has no PDF link; `make html` builds the PDF "
        "first where TeX is installed (see `make pdf`).",
        "cvsite: formatted 1 of 1 .bib entry",
        first.stdout.splitlines()[-1],
    ]
    assert re.fullmatch(
        r"cvsite html: the site is in _build/html \(\d+ pages, \d+\.\d s\)",
        first.stdout.splitlines()[-1],
    )
    assert first.stderr == "" and not any(line in first.stdout for line in CHATTER)
    write_home(site, "A changed page that cites {cite:p}`nobody2031`.")
    failed = cvsite("html", "--no-pdf", cwd=site)
    assert failed.returncode != 0
    warnings = ANSI_ESCAPE.sub("", failed.stderr)
    assert re.search(r"docs/index\.md:\d+: WARNING: .*nobody2031", warnings), warnings
    assert warnings.endswith(
        "cvsite html: the site was not built: fix the problems above; the last site stays in "
        "_build/html.\n"
    )
    assert "Colourings of undrawn graphs." in index.read_text(encoding="utf-8")
    # A setting Sphinx stops at: its message, not a crash report that asks for a bug report.
    stopped = cvsite("html", "--no-pdf", "--sphinx-options=-W -D cv_pdf_paper=B5", cwd=site)
    assert stopped.returncode != 0 and stopped.stdout == ""
    assert ANSI_ESCAPE.sub("", stopped.stderr).startswith(
        "Configuration error: 1 problem in conf.py:\n"
        f'{site / "conf.py"}: ERROR: cv_pdf_paper is \'B5\'; set it to "a4" or "letter".\n'
        "Build stopped: fix the settings in conf.py.\n"
        "(run with --verbose for Sphinx's full output and report)\n"
    )
    assert (
        "report" not in stopped.stderr.split("(run with")[0] and "Traceback" not in stopped.stderr
    )
    write_home(site, "Imaginary number theory.")
    # A paper size as people write it.
    second = cvsite("html", "--no-pdf", "--sphinx-options=-W -D cv_pdf_paper=A4", cwd=site)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Imaginary number theory." in index.read_text(encoding="utf-8")
    assert sorted(path.name for path in (site / "_build").iterdir()) == ["doctrees", "html"]


def test_check_fails_on_notes_only_when_strict(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{quill2031,\n  author = {Ida Quill},\n  title = {Undrawn Graphs},\n"
        "  year = {2031},\n}\n",
        encoding="utf-8",
    )
    relaxed, strict = cvsite("check", cwd=tmp_path), cvsite("check", "--strict", cwd=tmp_path)
    assert relaxed.returncode == 0 and strict.returncode == 1
    assert "refs.bib:1: NOTE: quill2031: @article has no 'journal'" in relaxed.stdout
    assert "refs.bib:1: ERROR: quill2031: @article has no 'journal'" in strict.stdout


@pytest.mark.parametrize("command", ["html", "pdf", "serve"])
def test_a_command_outside_a_site_folder_says_where_to_run_it(tmp_path, command):
    result = cvsite(command, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"cvsite {command}: {tmp_path} is no site's folder (conf.py at the top, the pages in "
        "docs/); run it there, or write a new site with `cvsite new DIR`"
    )
