"""`make pdf`: Sphinx's LaTeX builder, then latexmk with xelatex (as Read the Docs does it).

    python -m cvsite.make_pdf [OUTDIR]

Writes OUTDIR/<cv_pdf_name>.pdf (default _build/pdf). Fails when the LaTeX log reports what
latexmk would let pass: a missing glyph, an undefined reference, a LaTeX error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Lines of a LaTeX log that mean the PDF is wrong even though a PDF was written.
LOG_PROBLEMS = re.compile(
    r"^(Missing character: .*|! .*|.*LaTeX Error: .*"
    r"|LaTeX Warning: (Reference|Citation) .* undefined.*"
    r"|LaTeX Warning: There were undefined references\..*)$",
    re.MULTILINE,
)


def log_problems(log_text: str) -> list[str]:
    return sorted(set(match.group(0).strip() for match in LOG_PROBLEMS.finditer(log_text)))


def reproducible_env(repo: Path) -> dict[str, str]:
    """Dates in the PDF from the last commit, so that two builds give the same bytes."""
    env = dict(os.environ)
    if "SOURCE_DATE_EPOCH" not in env:
        result = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
        env["SOURCE_DATE_EPOCH"] = result.stdout.strip() or "0"
    env["FORCE_SOURCE_DATE"] = "1"
    return env


def build(repo: Path, outdir: Path, workdir: Path | None = None, *overrides: str) -> Path:
    """Build the PDF of the site in `repo` into `outdir`; LaTeX works in `workdir`."""
    env = reproducible_env(repo)
    workdir = workdir or repo / "_build"
    latex_dir = workdir / "latex"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(repo), "-W", "--keep-going", "-n", "-b",
         "latex", "-d", str(workdir / "doctrees-latex"), *overrides, str(repo / "docs"),
         str(latex_dir)],
        check=True,
        env=env,
    )  # fmt: skip
    tex_files = sorted(latex_dir.glob("*.tex"))
    if len(tex_files) != 1:
        sys.exit(f"make pdf: expected one .tex file in {latex_dir}, found {len(tex_files)}")
    tex = tex_files[0]
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdfxe", "-f", "-interaction=nonstopmode", tex.name]
    result = subprocess.run(latexmk, cwd=latex_dir, env=env, capture_output=True, text=True)
    log = tex.with_suffix(".log")
    problems = (
        log_problems(log.read_text(encoding="utf-8", errors="replace")) if log.exists() else []
    )
    pdf = tex.with_suffix(".pdf")
    if result.returncode != 0 or problems or not pdf.exists():
        details = "\n  ".join(problems) or result.stdout[-2000:]
        sys.exit(f"make pdf: LaTeX reported problems in {log}:\n  {details}")
    outdir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(pdf, outdir / pdf.name))


def main() -> None:
    repo = Path.cwd()
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else repo / "_build" / "pdf"
    print(f"make pdf: wrote {build(repo, outdir)}")


if __name__ == "__main__":
    main()
