"""The engine's commands that a site's Makefile, .ci/run and .readthedocs.yaml call, run in the
site's folder (conf.py at the top, pages in docs/), so that an upgrade of cvsite changes them in
every site at once:

    cvsite html [--apt-get auto|COMMAND|""] [--no-pdf] [--sphinx-options=OPTIONS] [--verbose]
                [OUTDIR]
    cvsite pdf [--apt-get ...] [--skip-without-tex] [--verbose] [OUTDIR]
    cvsite check [--strict] [BIBFILE...]
    cvsite serve [--sphinx-options=OPTIONS] [--verbose] [--watch PATH]...
    cvsite system-packages install|require ...

`html` builds the PDF CV first (where TeX is, else it says how to get it), then the site into
OUTDIR.next, and swaps that in only when the build succeeds: a failed build leaves the last
good site in OUTDIR (default _build/html). A build prints its warnings, cvsite's notes and a
summary (cvsite/cli/quiet_sphinx.py); --verbose prints all that sphinx-build prints.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cvsite.cli import system_packages
from cvsite.wording import plural

BUILD = Path("_build")
PAGES = "docs"
SYSTEM_PACKAGES = "system-packages"
DEFAULT_SPHINX_OPTIONS = "-W --keep-going -n"
APT_GET_HELP = (
    'apt-get for missing system packages: "auto" (the default) where it asks no question '
    '(Debian or Ubuntu, as root or with password-less sudo), a command to run instead, or "" '
    "never"
)


def sphinx_command(builder: str, options: str, outdir: Path, verbose: bool) -> list[str]:
    runner = "sphinx" if verbose else "cvsite.cli.quiet_sphinx"
    return [sys.executable, "-m", runner, "-c", ".", *shlex.split(options), "-b", builder,
            "-d", str(BUILD / "doctrees"), PAGES, str(outdir)]  # fmt: skip


def swap_in(built: Path, outdir: Path) -> None:
    """Put the new site in place of the old one, never leaving neither."""
    old = outdir.with_name(outdir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if outdir.exists():
        outdir.rename(old)
    built.rename(outdir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(options: str, outdir: Path, verbose: bool = False) -> None:
    """Sphinx's HTML build into OUTDIR.next (from a copy of the last site, so that only what
    changed is rewritten), swapped in on success."""
    started = time.monotonic()
    next_dir = outdir.with_name(outdir.name + ".next")
    shutil.rmtree(next_dir, ignore_errors=True)
    if outdir.is_dir():
        shutil.copytree(outdir, next_dir, symlinks=True)
    built = subprocess.run(sphinx_command("html", options, next_dir, verbose), check=False)
    if built.returncode != 0:
        # Sphinx has printed each problem with its file and line; the last site stays.
        kept = f"; the last site stays in {outdir}" if outdir.is_dir() else ""
        sys.exit(f"cvsite html: the site was not built: fix the problems above{kept}.")
    swap_in(next_dir, outdir)
    pages = sum(1 for _ in outdir.rglob("*.html"))
    print(f"cvsite html: the site is in {outdir} ({plural(pages, 'page')}, "
          f"{time.monotonic() - started:.1f} s)")  # fmt: skip


def build_pdf(
    apt_get: str,
    skip_without_tex: bool,
    outdir: Path | None,
    verbose: bool,
    notes: bool = True,
    variant: str | None = None,
    variants_only: bool = False,
) -> None:
    from cvsite.cli import make_pdf  # only for the commands that build it

    system_packages.install(Path.cwd(), ("pdf",), apt_get)
    make_pdf.main([*(["--skip-without-tex"] if skip_without_tex else []),
                   *(["--verbose"] if verbose else []),
                   *([] if notes else ["--no-notes"]),
                   *(["--variant", variant] if variant is not None else []),
                   *(["--variants-only"] if variants_only else []),
                   *([str(outdir)] if outdir else [])])  # fmt: skip


def require_site_folder(command: str) -> None:
    if not Path("conf.py").is_file() or not Path(PAGES).is_dir():
        sys.exit(
            f"cvsite {command}: {Path.cwd()} is no site's folder (conf.py at the top, the pages "
            f"in {PAGES}/); run it there, or write a new site with `cvsite new DIR`"
        )


def html(args: argparse.Namespace) -> None:
    require_site_folder("html")
    if not args.no_pdf:
        # The site's build that follows gives the same notes on the sources.
        build_pdf(args.apt_get, True, None, args.verbose, notes=False)
    build_site(args.sphinx_options, Path(args.outdir), args.verbose)


def pdf(args: argparse.Namespace) -> None:
    require_site_folder("pdf")
    build_pdf(args.apt_get, args.skip_without_tex, args.outdir, args.verbose,
              variant=args.variant, variants_only=args.variants_only)  # fmt: skip


def check(args: argparse.Namespace) -> None:
    from cvsite.cli import check_command

    sys.exit(check_command.main([*(["--strict"] if args.strict else []), *args.bibfiles]))


def serve(args: argparse.Namespace) -> None:
    """sphinx-autobuild: rebuilds and reloads the browser while the pages are edited."""
    require_site_folder("serve")
    autobuild = shutil.which("sphinx-autobuild", path=str(Path(sys.executable).parent))
    if autobuild is None:
        sys.exit("cvsite serve: needs sphinx-autobuild; install it: "
                 f"{sys.executable} -m pip install sphinx-autobuild")  # fmt: skip
    build_pdf(args.apt_get, True, None, args.verbose)
    paths = ["refs.bib", "conf.py", *args.watch]
    watched = [item for path in paths for item in ("--watch", path)]
    # Sphinx's -q: each rebuild prints its warnings, not its progress.
    quiet = [] if args.verbose else ["-q"]
    command = [autobuild, "-c", ".", *quiet, *shlex.split(args.sphinx_options), *watched, PAGES,
               str(BUILD / "html")]  # fmt: skip
    try:
        sys.exit(subprocess.run(command, check=False).returncode)
    except KeyboardInterrupt:
        sys.exit(0)


def add_apt_get(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--apt-get", default="auto", metavar="auto|COMMAND|''", help=APT_GET_HELP)


def add_sphinx_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sphinx-options", default=DEFAULT_SPHINX_OPTIONS, metavar="OPTIONS",
                        help="options of sphinx-build, one text (write --sphinx-options='-T -W'); "
                        f"default: {DEFAULT_SPHINX_OPTIONS}")  # fmt: skip


def asked_verbose() -> bool:
    """`make html VERBOSE=1`: make puts a variable of its command line in the recipes'
    environment, so the Makefile need not pass it on."""
    return os.environ.get("VERBOSE", "") not in ("", "0")


def add_verbose(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", action="store_true", default=asked_verbose(),
                        help="print all that sphinx-build prints (its progress, the settings of "
                        "each library, its full report of an error); VERBOSE=1 in the "
                        "environment, as in `make html VERBOSE=1`, does too")  # fmt: skip


def add_pdf_command(commands: argparse._SubParsersAction) -> None:
    pdf_command = commands.add_parser(
        "pdf", help="build the PDF CV into _build/pdf (xelatex + latexmk)",
        description="Build the PDF CV with Sphinx's LaTeX builder, xelatex and latexmk.",
    )  # fmt: skip
    add_apt_get(pdf_command)
    pdf_command.add_argument("--skip-without-tex", action="store_true",
                             help="without TeX, say so in one line and exit 0")  # fmt: skip
    add_verbose(pdf_command)
    pdf_command.add_argument("--variant", metavar="NAME",
                             help="only this variant of cv_variants (default: the full CV and "
                             'every variant; "": the full CV alone)')  # fmt: skip
    pdf_command.add_argument("--variants-only", action="store_true",
                             help="the variants alone (Read the Docs' html job)")  # fmt: skip
    pdf_command.add_argument("outdir", nargs="?", type=Path, metavar="OUTDIR",
                             help="default: _build/pdf")  # fmt: skip
    pdf_command.set_defaults(run=pdf)


def add_commands(commands: argparse._SubParsersAction) -> None:
    """The site commands, as subcommands of `cvsite` (cvsite/cli/main.py)."""
    html_command = commands.add_parser(
        "html",
        help="build the website into _build/html (the PDF CV first, where TeX is installed)",
        description="Build the PDF CV (where TeX is installed), then the website into "
        "OUTDIR.next, swapped into OUTDIR when the build succeeds.",
    )
    add_apt_get(html_command)
    html_command.add_argument("--no-pdf", action="store_true",
                              help="build the website only (the PDF is left as it is)")  # fmt: skip
    add_sphinx_options(html_command)
    add_verbose(html_command)
    html_command.add_argument("outdir", nargs="?", default=str(BUILD / "html"), metavar="OUTDIR",
                              help="default: _build/html")  # fmt: skip
    html_command.set_defaults(run=html)

    add_pdf_command(commands)

    check_command = commands.add_parser(
        "check", help="check refs.bib: errors, and notes on what builds anyway",
        description="Check .bib files: errors that stop a build, and notes on what builds anyway.",
    )  # fmt: skip
    check_command.add_argument("--strict", action="store_true", help="notes fail the check too")
    check_command.add_argument(
        "bibfiles",
        nargs="*",
        metavar="BIBFILE",
        help="default: those conf.py names in bibtex_bibfiles, else refs.bib",
    )
    check_command.set_defaults(run=check)

    serve_command = commands.add_parser(
        "serve", help="serve the site with live reload while you edit (sphinx-autobuild)",
        description="Build the PDF CV, then serve the site and rebuild it on every change.",
    )  # fmt: skip
    add_apt_get(serve_command)
    add_sphinx_options(serve_command)
    add_verbose(serve_command)
    serve_command.add_argument("--watch", action="append", default=[], metavar="PATH",
                               help="rebuild when PATH changes too (beside docs/, refs.bib "
                               "and conf.py)")  # fmt: skip
    serve_command.set_defaults(run=serve)

    # Listed here for --help; main() hands its arguments to system_packages.main.
    commands.add_parser(
        SYSTEM_PACKAGES, add_help=False,
        help="install or require the system packages of a build (TeX, fonts, browsers)",
    )  # fmt: skip
