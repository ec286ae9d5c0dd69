"""The README's path for a newcomer, done as it says: the commands of "Your own site, step by
step", in order, in one shell, from a fresh copy of this checkout with a home folder of their
own. Step 1's venv, step 2's `cvsite new`, step 3's `make html` (in that venv, as printed) and
step 4's `make test` must all work as printed, on a machine where no package index has cvsite
(pip's folder of local wheels is switched off, as in tests/test_package.py).

The time of each step is kept in the outcome (`make test` prints nothing of it; the closing
notes of a change quote it).
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_once, copy_checkout

STEPS = "## Your own site, step by step\n"
MARK = "@@cvsite-readme-step"


def readme_commands() -> list[str]:
    """Every line of the section's shell blocks, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(STEPS, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def newcomer_env(home: Path) -> dict[str, str]:
    """A home of its own, no active venv and no folder of wheels for pip; the caches stay the
    machine's (pip's downloads, fontconfig's), as they would be on the newcomer's machine."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PIP_FIND_LINKS")}  # fmt: skip
    cache = os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    env.update(HOME=str(home), PIP_FIND_LINKS="", XDG_CACHE_HOME=cache)
    env["PIP_NO_COMPILE"] = "1"  # bytecode as modules are imported: less work for the suite
    return env


def script(commands: list[str]) -> str:
    """One shell, stopping at the first failure, marking the end of each command."""
    lines = ["set -e"]
    for number, command in enumerate(commands):
        lines += [command, f'echo "{MARK} {number} $(date +%s.%N)"']
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def newcomer(tmp_path_factory) -> dict:
    def walk(folder: Path) -> dict:
        home = folder / "home"
        home.mkdir()
        checkout = copy_checkout(home / "cvsite")
        commands = readme_commands()
        started = time.time()
        result = subprocess.run(["bash", "-c", script(commands)], cwd=checkout,
                                env=newcomer_env(home), capture_output=True, text=True,
                                check=False)  # fmt: skip
        ends = [float(end) for end in re.findall(rf"^{MARK} \d+ (\S+)$", result.stdout, re.M)]
        seconds = [
            round(end - before, 1) for end, before in zip(ends, [started, *ends], strict=False)
        ]
        return {
            "returncode": result.returncode,
            "log": result.stdout + result.stderr,
            "steps": list(zip(commands, seconds, strict=False)),
            "site": str(home / "my-site"),
        }

    _, outcome = build_once(tmp_path_factory, "readme-path", walk)
    return outcome


def test_the_readme_shows_the_whole_path():
    commands = readme_commands()
    install = next(i for i, c in enumerate(commands) if c.startswith("python -m pip install"))
    new = next(i for i, c in enumerate(commands) if c.startswith("cvsite new "))
    assert install < new < commands.index("make html") < commands.index("make test"), commands


def test_every_command_of_the_readme_path_works_as_printed(newcomer):
    commands, done = readme_commands(), len(newcomer["steps"])
    if newcomer["returncode"] != 0 or done < len(commands):
        failed = commands[min(done, len(commands) - 1)]
        pytest.fail(f"README step `{failed}` failed:\n{newcomer['log'][-3000:]}", False)


def test_the_site_of_the_readme_path_names_its_owner_and_links_its_pdf(newcomer):
    site = Path(newcomer["site"])
    home = BeautifulSoup(
        (site / "_build" / "html" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert "Ada Lovelace" in home.find("h1").get_text()
    pdf = site / "_build" / "pdf" / "ada-lovelace-cv.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert home.select_one(".cv-pdf-link a")["href"].endswith("ada-lovelace-cv.pdf")
