"""`cvsite import SOURCE DIR`: another tool's site or file (cvsite/importers/) into a new site,
written as `cvsite new` writes one, with IMPORT-REPORT.md beside it.

    cvsite import SOURCE DIR [--from FORMAT] [--paper a4|letter] [--wheel PATH | --from-index]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cvsite.cli import scaffolding
from cvsite.config.owner_values import name_problem
from cvsite.importers import formats


def run(args: argparse.Namespace) -> None:
    # The readers' and the writer's libraries (markdownify, json5, ...) only for this command.
    from cvsite.importers import site_writer
    from cvsite.importers.report import Report

    source, target = Path(args.source), Path(args.dir)
    if not source.exists():
        sys.exit(f"cvsite import: {source} does not exist; name a site folder or a file")
    scaffolding.refuse_unless_empty(target, "import")
    try:
        reader = formats.reader(args.source_format) if args.source_format else None
        reader = reader or formats.recognise(source)
        print(f"cvsite import: reading {source} as {reader.NAME}")
        site = reader.read(source, Report(format=reader.NAME, source=str(source)))
    except formats.SourceError as error:
        sys.exit(f"cvsite import: {error}")
    owner = site.owner
    if problem := name_problem(owner.name):
        sys.exit(
            f"cvsite import: the owner's name {problem.removeprefix('is ')} (read from "
            f"{source}); correct it there and import again. Nothing was written."
        )
    values = scaffolding.placeholders(
        argparse.Namespace(
            name=owner.name,
            email=owner.email,
            homepage=owner.homepage,
            position=owner.position,
            affiliation=owner.affiliation,
            profile=list(owner.profiles.items()),
            paper=args.paper,
        )
    )
    values |= site_writer.settings_values(site)
    written, _ = scaffolding.write_new_site(
        target, values, args, "import", skip=site_writer.is_replaced
    )
    written += site_writer.write_content(site, target)
    print(site.report.summary())
    print(f"cvsite import: wrote {len(written)} files into {target}; read IMPORT-REPORT.md there.")
    print(f"Next: cd {target} && make html, then open _build/html/index.html, and run make test.")


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import",
        help="write a new site into DIR from another tool's site or file",
        description="Write a new site into DIR from an al-folio, academicpages or HugoBlox "
        "site, a RenderCV file or a JSON Resume, with IMPORT-REPORT.md listing what was "
        "left out or changed.",
    )
    command.add_argument("source", metavar="SOURCE", help="the other tool's site folder or file")
    command.add_argument("dir", metavar="DIR", help="a new or empty folder")
    command.add_argument(
        "--from", dest="source_format", choices=list(formats.READERS), metavar="FORMAT",
        help="read SOURCE as this format (" + ", ".join(list(formats.READERS)) + "); default: "
        "recognised from what SOURCE holds",
    )  # fmt: skip
    command.add_argument("--paper", choices=("a4", "letter"), default="a4", type=str.lower,
                         help="the PDF's paper size (default a4)")  # fmt: skip
    engine = command.add_mutually_exclusive_group()
    engine.add_argument("--wheel", metavar="PATH", help="the engine's wheel to put into the site")
    engine.add_argument("--from-index", action="store_true",
                        help="pin cvsite by version, for when a package index has it")  # fmt: skip
    command.set_defaults(run=run)
