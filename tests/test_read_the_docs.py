"""Read the Docs, simulated on a clean copy: its install steps and its configured build jobs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, build_once, copy_checkout

CANONICAL = "https://zangwei-zheng.readthedocs.io/en/latest/"


@pytest.fixture(scope="module")
def read_the_docs(tmp_path_factory) -> Path:
    """Install and build as Read the Docs does, once per run (the workers share it); returns
    the checkout."""
    _, outcome = build_once(tmp_path_factory, "read-the-docs", simulate)
    if outcome["returncode"] != 0:
        pytest.fail(f"Read the Docs' build failed:\n{outcome['log'][-3000:]}", False)
    return Path(outcome["checkout"])


def simulate(folder: Path) -> dict:
    checkout = copy_checkout(folder / "checkout")
    config = yaml.safe_load((checkout / ".readthedocs.yaml").read_text(encoding="utf-8"))
    venv = checkout.parent / "venv"
    # --no-compile: bytecode as modules are imported, less work for the suite.
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-cache-dir",
           "--no-compile"]  # fmt: skip
    steps = [([sys.executable, "-m", "venv", str(venv)], os.environ)]
    for step in config["python"]["install"]:
        target = ["-r", step["requirements"]] if "requirements" in step else [step["path"]]
        steps.append(([*pip, *target], os.environ))
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(checkout / "_readthedocs"),
        "READTHEDOCS_CANONICAL_URL": CANONICAL,
        "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_PROJECT": "zangwei-zheng",
    }
    env.pop("VIRTUAL_ENV", None)
    for output_format in ("html", *config["formats"]):
        for command in config["build"]["jobs"]["build"][output_format]:
            # Each command runs in a new shell with the variables expanded, as on Read the Docs.
            steps.append((["bash", "-c", command], env))
    for command, environment in steps:
        done = subprocess.run(command, cwd=checkout, env=environment, capture_output=True,
                              text=True, check=False)  # fmt: skip
        if done.returncode != 0:
            return {"returncode": 1, "log": f"{command}:\n{done.stdout}{done.stderr}"}
    return {"returncode": 0, "log": "", "checkout": str(checkout)}


def test_config_pins_os_python_and_fails_on_warnings():
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04" and config["build"]["tools"]["python"] == "3.11"
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert config["formats"] == ["pdf"]
    assert {"requirements": "requirements.txt"} in config["python"]["install"]
    assert config["build"]["jobs"]["build"]["html"] == ["python -m cvsite readthedocs html"]


def test_home_page_at_the_root_and_canonical_urls(read_the_docs):
    html = read_the_docs / "_readthedocs" / "html"
    soup = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text().startswith("Zangwei Zheng")
    assert soup.find("link", rel="canonical")["href"] == CANONICAL + "index.html"
    skills = BeautifulSoup((html / "skills.html").read_text(encoding="utf-8"), "html.parser")
    assert skills.find("link", rel="canonical")["href"] == CANONICAL + "skills.html"


def test_pdf_in_the_downloads_and_linked_from_the_site(read_the_docs):
    pdfs = list((read_the_docs / "_readthedocs" / "pdf").glob("*.pdf"))
    assert [pdf.name for pdf in pdfs] == ["zangwei-zheng-cv.pdf"]
    assert pdfs[0].read_bytes()[:5] == b"%PDF-"
    index = read_the_docs / "_readthedocs" / "html" / "index.html"
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    # Read the Docs serves a version's PDF download at this path of the same host.
    assert soup.select_one(".cv-pdf-link a")["href"] == "/_/downloads/en/latest/pdf/"
    assert soup.select_one("a.cv-pdf-navbar-link")["href"] == "/_/downloads/en/latest/pdf/"


def test_the_variants_pdfs_are_in_the_site_and_linked(read_the_docs):
    """Read the Docs takes one PDF as the download; the variants (cv_variants) go with the
    site's pages, built by the html job before the pages."""
    html = read_the_docs / "_readthedocs" / "html"
    soup = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("p.cv-pdf-variants a")]
    assert links == ["zangwei-zheng-cv-one-page.pdf", "zangwei-zheng-cv-publications.pdf"]
    assert all((html / link).read_bytes()[:5] == b"%PDF-" for link in links)


def html_job(config_file: Path) -> list[str]:
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    return config["build"]["jobs"]["build"]["html"]


def test_the_jobs_are_the_scaffold_s_and_the_readme_s():
    """This repository and a new site build with the same commands, which the README shows."""
    files = (REPO / ".readthedocs.yaml", REPO / "cvsite" / "cli" / "scaffold" / ".readthedocs.yaml")
    configs = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    jobs = [config["build"]["jobs"]["build"] for config in configs]
    assert jobs[0] == jobs[1]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Read the Docs\n", 1)[1].split("\n## ", 1)[0]
    shown = {line for line in section.splitlines() if line.startswith("python -m cvsite")}
    assert shown == {command for commands in jobs[0].values() for command in commands}


def test_the_html_job_keeps_the_site_s_own_language(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "second-academic", site)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        # Its variants left out: their PDFs would change nothing of the page's language.
        conf.write('\nlanguage = "de"\ncv_variants = {}\n')
    [site_build] = html_job(REPO / ".readthedocs.yaml")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
           "READTHEDOCS_OUTPUT": str(tmp_path / "output")}  # fmt: skip
    done = subprocess.run(["bash", "-c", site_build], cwd=site, env=env, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    index = (tmp_path / "output" / "html" / "index.html").read_text(encoding="utf-8")
    assert BeautifulSoup(index, "html.parser").html["lang"] == "de"
