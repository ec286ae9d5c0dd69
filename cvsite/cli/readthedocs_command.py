"""`cvsite readthedocs html|pdf`: Read the Docs' two build jobs, as a site's .readthedocs.yaml
calls them, so that what they do changes with the engine, never in each site's file.

- `html`: the variants' PDFs first (cv_variants), which the site links; then the site, with
  Sphinx's -T -W --keep-going, into $READTHEDOCS_OUTPUT/html.
- `pdf`: the full CV into $READTHEDOCS_OUTPUT/pdf, the version's PDF download (Read the Docs
  takes one file there).

Neither runs apt-get: Read the Docs installs the system packages from `apt_packages`. No -D
language is passed, so the site's own `language` holds.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cvsite.cli import site_commands

SPHINX_OPTIONS = "-T -W --keep-going"


def output_folder(args: argparse.Namespace) -> Path:
    named = args.output or os.environ.get("READTHEDOCS_OUTPUT")
    if not named:
        sys.exit(
            "cvsite readthedocs: READTHEDOCS_OUTPUT is not set; this command is Read the Docs' "
            "build job (give --output DIR to run it elsewhere, or use cvsite html and cvsite pdf)"
        )
    return Path(named)


def run(args: argparse.Namespace) -> None:
    site_commands.require_site_folder("readthedocs")
    output = output_folder(args)
    if args.job == "html":
        site_commands.build_pdf("", True, None, args.verbose, variants_only=True)
        site_commands.build_site(SPHINX_OPTIONS, output / "html", args.verbose)
    else:
        site_commands.build_pdf("", False, output / "pdf", args.verbose, variant="")


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "readthedocs", help="Read the Docs' build jobs (html, pdf), as .readthedocs.yaml runs them",
        description="Read the Docs' html job (the variants' PDFs, then the site) or pdf job (the "
        "full CV), into $READTHEDOCS_OUTPUT.",
    )  # fmt: skip
    command.add_argument("job", choices=("html", "pdf"), help="the job of build.jobs.build")
    command.add_argument("--output", metavar="DIR",
                         help="default: $READTHEDOCS_OUTPUT, which Read the Docs sets")  # fmt: skip
    site_commands.add_verbose(command)
    command.set_defaults(run=run)
