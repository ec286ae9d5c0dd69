"""Two clean builds in two folders give the same bytes, and no path of the machine leaks out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import copy_checkout

from cvsite.cli import make_pdf


def build_everything(checkout: Path) -> Path:
    """`make pdf` then `make html`, in the checkout; returns the output folder."""
    make_pdf.build(checkout, checkout / "_build" / "pdf")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(checkout), "-W", "--keep-going", "-n",
         "-b", "html", "-d", str(checkout / "_build" / "doctrees"), str(checkout / "docs"),
         str(checkout / "_build" / "html")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return checkout / "_build"


def output_files(build: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(build)): path.read_bytes()
        for folder in ("html", "pdf")
        for path in sorted((build / folder).rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


def test_two_builds_in_two_folders_are_byte_identical(tmp_path):
    first_checkout = copy_checkout(tmp_path / "a")
    second_checkout = copy_checkout(tmp_path / "second-checkout-elsewhere")
    first = output_files(build_everything(first_checkout))
    second = output_files(build_everything(second_checkout))
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert "pdf/zangwei-zheng-cv.pdf" in first and "html/index.html" in first
    for files, checkout in ((first, first_checkout), (second, second_checkout)):
        for machine_path in (checkout, tmp_path, Path.home()):
            leaks = [name for name, data in files.items() if str(machine_path).encode() in data]
            assert leaks == [], machine_path
