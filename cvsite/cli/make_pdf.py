"""`make pdf`: Sphinx's LaTeX builder, then latexmk with xelatex (as Read the Docs does it).

    python -m cvsite.cli.make_pdf [--skip-without-tex] [--verbose] [--no-notes]
                                  [--variant NAME | --variants-only] [OUTDIR]

Writes OUTDIR/<cv_pdf_name>.pdf (default _build/pdf), then OUTDIR/<cv_pdf_name>-<variant>.pdf
for each variant of cv_variants (cvsite/variants/), or only the one --variant names ("" the
full CV). The variants share one reading of the pages (cv_variant changes no page).
Fails when the LaTeX log reports what latexmk would let pass: a missing glyph, an undefined
reference, a LaTeX error. Without TeX (xelatex, latexmk or a font of .ci/debian-packages.txt
missing) it says how to install it and exits 1; with --skip-without-tex (`make html`) it
says so in one line, removes the PDFs of an earlier build (they may not match the pages any
more, so the site links none) and exits 0.
Sphinx runs quietly (cvsite/cli/quiet_sphinx.py): its warnings and cvsite's notes, then the
PDF's path; --verbose prints all that sphinx-build prints.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sphinx.config import eval_config_file
from sphinx.util.tags import Tags

from cvsite.cli import system_packages
from cvsite.config import source_date
from cvsite.pdf import fonts, page_room
from cvsite.wording import plural

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
    """Dates in the PDF from the sources' date, so that two builds give the same bytes."""
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(source_date.source_epoch(repo, repo / "docs"))
    env["FORCE_SOURCE_DATE"] = "1"
    return env


def declared_variants(repo: Path) -> list[str]:
    """The names of conf.py's cv_variants, in their order (conf.py as Sphinx reads it); the
    build checks them. A conf.py that cannot be read gives none here: the full CV's build,
    which comes first, stops with Sphinx's message on it."""
    try:
        namespace = eval_config_file(repo / "conf.py", Tags())
    except Exception:  # any error of conf.py: the full CV's build reports it
        return []
    variants = namespace.get("cv_variants", {})
    if not isinstance(variants, dict):
        return []
    return [name for name in variants if isinstance(name, str)]


def latex_dir_of(workdir: Path, variant: str) -> Path:
    """Where LaTeX works for a variant ("": the full CV)."""
    return workdir / (f"latex-{variant}" if variant else "latex")


def build(
    repo: Path,
    outdir: Path,
    workdir: Path | None = None,
    *overrides: str,
    verbose: bool = False,
    notes: bool = True,
    variant: str = "",
) -> Path:
    """Build the PDF of the site in `repo` (of one variant) into `outdir`; LaTeX works in
    `workdir`."""
    env = reproducible_env(repo)
    workdir = workdir or repo / "_build"
    latex_dir = latex_dir_of(workdir, variant)
    if variant:
        overrides = (*overrides, "-D", f"cv_variant={variant}")
    runner = (
        ["sphinx"] if verbose else ["cvsite.cli.quiet_sphinx", *([] if notes else ["--no-notes"])]
    )
    sphinx = subprocess.run(
        [sys.executable, "-m", *runner, "-c", str(repo), "-W", "--keep-going", "-n", "-b",
         "latex", "-d", str(workdir / "doctrees-latex"), *overrides, str(repo / "docs"),
         str(latex_dir)],
        check=False,
        env=env,
    )  # fmt: skip
    if sphinx.returncode != 0:
        # Sphinx has printed each problem with its file and line; no traceback on top of them.
        sys.exit("make pdf: the PDF CV was not built: fix the problems above, then build again.")
    return compile_pdf(repo, latex_dir, outdir, env)


def compile_pdf(repo: Path, latex_dir: Path, outdir: Path, env: dict[str, str]) -> Path:
    """latexmk on the one .tex file Sphinx wrote into latex_dir, the log checked, the page
    limit too; the PDF copied into outdir."""
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
    # A character in no font: say where it is written and what to install, not just the log.
    missing_characters = fonts.explain_missing_characters(problems, repo)
    if missing_characters:
        sys.exit(missing_characters)
    if result.returncode != 0 or problems or not pdf.exists():
        details = "\n  ".join(problems) or result.stdout[-2000:]
        sys.exit(f"make pdf: LaTeX reported problems in {log}:\n  {details}")
    # Over its page limit: the pages and the sections taking the most room, in one message.
    if over := page_room.over_limit(tex)[1]:
        (outdir / pdf.name).unlink(missing_ok=True)  # an earlier one within the limit: stale
        sys.exit(over)
    outdir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(pdf, outdir / pdf.name))


def tex_help(missing: list[system_packages.Need]) -> str:
    return (
        f"{system_packages.names_of(missing)} missing. To build it, install TeX "
        f"({system_packages.how_to_install(missing)}), then run make pdf"
    )


def skip_without_tex(outdir: Path, missing: list[system_packages.Need]) -> None:
    """One line instead of the PDF; no PDF of an earlier build left to be linked as current."""
    for stale in outdir.glob("*.pdf"):
        stale.unlink()
    print(f"PDF CV skipped, and not linked from the site: {tex_help(missing)}.", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m cvsite.cli.make_pdf",
        description="Build the PDF CV with Sphinx's LaTeX builder, xelatex and latexmk.",
    )
    parser.add_argument("--skip-without-tex", action="store_true",
                        help="without TeX, say so in one line and exit 0")  # fmt: skip
    parser.add_argument("--verbose", action="store_true",
                        help="print all that sphinx-build prints")  # fmt: skip
    parser.add_argument("--no-notes", action="store_true",
                        help="leave cvsite's notes on the sources out (`cvsite html` builds the "
                        "site next, which gives them)")  # fmt: skip
    parser.add_argument("--variant", metavar="NAME",
                        help='only this variant of cv_variants ("": the full CV)')  # fmt: skip
    parser.add_argument("--variants-only", action="store_true",
                        help="the variants of cv_variants, not the full CV")  # fmt: skip
    parser.add_argument("outdir", nargs="?", type=Path, metavar="OUTDIR",
                        help="default: _build/pdf")  # fmt: skip
    args = parser.parse_args(argv)
    started = time.monotonic()
    repo = Path.cwd()
    outdir = args.outdir or repo / "_build" / "pdf"
    missing = system_packages.missing(repo, ("pdf",))
    if missing and args.skip_without_tex:
        skip_without_tex(outdir, missing)
        return
    if missing:
        sys.exit(f"make pdf: cannot build the PDF CV: {tex_help(missing)}.")
    names = ["", *declared_variants(repo)] if args.variant is None else [args.variant]
    if args.variants_only:  # Read the Docs: its pdf job builds the full CV, as its download
        names = declared_variants(repo)
    for number, name in enumerate(names):
        # The full CV's notes once; the variants read the same pages.
        notes = not args.no_notes and number == 0
        pdf = build(repo, outdir, verbose=args.verbose, notes=notes, variant=name)
        shown = pdf.relative_to(repo) if pdf.is_relative_to(repo) else pdf
        tex = latex_dir_of(repo / "_build", name) / f"{pdf.stem}.tex"
        pages = plural(page_room.pages_of(tex), "page")
        print(f"make pdf: wrote {shown} ({pages}, {time.monotonic() - started:.1f} s)", flush=True)
        started = time.monotonic()


if __name__ == "__main__":
    main()
