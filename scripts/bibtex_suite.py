"""sphinxcontrib-bibtex's own test suite, run with cvsite loaded (CONTRIBUTING.md,
"sphinxcontrib-bibtex's settings, and where cvsite differs").

    python scripts/bibtex_suite.py     # make bibtex-suite

It downloads the source of the sphinxcontrib-bibtex that requirements.txt pins (its tests come
with it) into _build/bibtex-suite, and runs them three times with this venv's packages: as they
are, with cvsite added to every test project (`extensions` and cvsite's one required setting,
`cv_owner`), and so again with the two policies that fail most tests suppressed
(`cvsite.description`, `cvsite.unlisted`). It prints each run's counts and the tests that do
not pass. Its sphinx-autoapi test is left out where sphinx-autoapi is not installed.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "_build" / "bibtex-suite"
WITH_CVSITE = (
    '\n# added by scripts/bibtex_suite.py\nextensions = [*globals().get("extensions", []), '
    '"cvsite"]\ncv_owner = "Ada Lovelace"\n'
)
SUPPRESSED = (
    'suppress_warnings = [*globals().get("suppress_warnings", []), "cvsite.description", '
    '"cvsite.unlisted"]\n'
)
RUNS = {
    "without cvsite": "",
    "with cvsite": WITH_CVSITE,
    "policies suppressed": WITH_CVSITE + SUPPRESSED,
}


def pinned_version() -> str:
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    return re.search(r"^sphinxcontrib-bibtex==(\S+)", text, re.M)[1]  # type: ignore[index]


def unpacked_source(version: str) -> Path:
    source = WORK / f"sphinxcontrib_bibtex-{version}"
    if not source.is_dir():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--no-binary", ":all:", f"sphinxcontrib-bibtex=={version}", "-d",
                        str(WORK)], check=True)  # fmt: skip
        with tarfile.open(WORK / f"sphinxcontrib_bibtex-{version}.tar.gz") as archive:
            archive.extractall(WORK, filter="data")
    return source


def run(source: Path, name: str, added: str) -> str:
    suite = WORK / name.replace(" ", "-")
    shutil.rmtree(suite, ignore_errors=True)
    shutil.copytree(source, suite)
    for conf in (suite / "test" / "roots").glob("*/conf.py"):
        conf.write_text(conf.read_text(encoding="utf-8") + added, encoding="utf-8")
    left_out = [] if importlib.util.find_spec("autoapi") else ["--deselect", "test/test_autoapi.py"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfE",
                           "-n", "2", *left_out], cwd=suite, capture_output=True, text=True,
                          check=False)  # fmt: skip
    lines = done.stdout.splitlines()
    not_passed = [line.split(" - ")[0] for line in lines if line.startswith(("FAILED", "ERROR"))]
    return "\n".join([f"{name}: {lines[-1] if lines else done.stderr}", *not_passed])


def main() -> None:
    source = unpacked_source(pinned_version())
    for name, added in RUNS.items():
        print(run(source, name, added), flush=True)


if __name__ == "__main__":
    main()
