"""`cvsite export jsonresume [SITE] [-o FILE]`: the site as a JSON Resume, so that its data is
never locked in. The site is read by Sphinx as the build reads it (the builder "jsonresume" of
cvsite/exporters/jsonresume.py), quietly and in this process; the photo goes beside the file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
from pathlib import Path

from cvsite.cli.site_commands import BUILD, PAGES

OUTDIR = BUILD / "jsonresume"


def run(args: argparse.Namespace) -> None:
    site = Path(args.site)
    if not (site / "conf.py").is_file() or not (site / PAGES).is_dir():
        sys.exit(f"cvsite export: {site.resolve()} is no site's folder (conf.py at the top, the "
                 f"pages in {PAGES}/); name a site's folder")  # fmt: skip
    from cvsite.cli import quiet_sphinx  # Sphinx is imported only for this command

    outdir = site / OUTDIR
    warnings = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(warnings):
        status = quiet_sphinx.main(["--no-notes", "-c", str(site), "-b", "jsonresume",
                                    "-d", str(outdir / ".doctrees"), str(site / PAGES),
                                    str(outdir)])  # fmt: skip
    written = outdir / "resume.json"
    if status != 0 or not written.is_file():
        problems = warnings.getvalue().strip().splitlines()
        sys.exit(f"cvsite export: the site could not be read: {problems[-1] if problems else ''}"
                 "; fix it (`cvsite html` shows every problem) and export again")  # fmt: skip
    target = Path(args.output) if args.output else written
    if target.resolve() != written.resolve():
        copy_with_photo(written, target)
    print(f"cvsite export: wrote {target}")


def copy_with_photo(written: Path, target: Path) -> None:
    """The JSON to its place, with the photo it names beside it."""
    import json

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(written, target)
        image = json.loads(written.read_text(encoding="utf-8"))["basics"].get("image", "")
        if image and (written.parent / image).is_file():
            shutil.copyfile(written.parent / image, target.parent / image)
    except OSError as error:
        sys.exit(f"cvsite export: cannot write {error.filename}: {error.strerror}")


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "export",
        help="write the site's CV in another format (jsonresume)",
        description="Write the site's CV as a JSON Resume (resume.json), read as the build "
        "reads the site; `cvsite import` of that file gives back the same pages.",
    )
    command.add_argument("format", choices=["jsonresume"], metavar="FORMAT",
                         help="the format: jsonresume")  # fmt: skip
    command.add_argument("site", nargs="?", default=".", metavar="SITE",
                         help="the site's folder (default: this one)")  # fmt: skip
    command.add_argument(
        "-o", "--output", metavar="FILE", help=f"default: SITE/{OUTDIR}/resume.json"
    )
    command.set_defaults(run=run)
