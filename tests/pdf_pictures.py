"""Page 1 of the second academic's PDF CV in each layout, as the README shows them.

python tests/pdf_pictures.py [readme]

Builds tests/sites/second-academic with `-D cv_pdf_layout=<layout>` (make_pdf.build, in a
temporary folder) and writes <folder>/cv-layout-<layout>.png with pdftoppm at 60 dpi.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from cvsite.cli import make_pdf
from cvsite.pdf import layouts

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "second-academic"


def picture(layout: str, work: Path, out: Path) -> Path:
    pdf = make_pdf.build(SITE, work / "pdf", work, "-D", f"cv_pdf_layout={layout}", notes=False)
    target = out / f"cv-layout-{layout}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(target)], check=True)  # fmt: skip
    return target.with_suffix(".png")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "readme")
    out.mkdir(parents=True, exist_ok=True)
    for layout in layouts.LAYOUTS:
        with tempfile.TemporaryDirectory() as work:
            print(picture(layout, Path(work), out))


if __name__ == "__main__":
    main()
