"""sphinx-build as `cvsite html` and `cvsite pdf` run it: quiet unless asked.

    python -m cvsite.cli.quiet_sphinx [--no-notes] SPHINX-BUILD-ARGUMENTS...

Quiet: Sphinx's own `-q` (no progress, no hints such as "run make latexpdf"), while warnings
and errors still go to stderr with their file and line, and cvsite's notes (the info messages
of its own loggers: bib notes, names spelled two ways, entries formatted) to stdout, but with
--no-notes (the PDF's build in `cvsite html`, whose site build gives the same notes). A Sphinx
error that stops the build (a bad setting, a broken .bib file) is its category and message,
not sphinx-build's crash report, which asks to report a bug. A -q, -v, -T, -P, -w or -Q among
the arguments runs sphinx-build itself (`cvsite html --verbose` calls sphinx-build directly).
"""

from __future__ import annotations

import argparse
import locale
import logging
import sys
from functools import partial
from pathlib import Path

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.cmd.build import build_main, get_parser
from sphinx.errors import SphinxError
from sphinx.util.console import disable_colour, terminal_supports_colour
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.logging import NAMESPACE, InfoLogRecordTranslator, SphinxLogRecord

from cvsite.cli import collector

HINT = "run with --verbose for Sphinx's full output and report"


class CvsiteNotes(logging.Handler):
    """cvsite's info messages, which -q would hide with Sphinx's progress; warnings and
    errors go through Sphinx's own handler to stderr."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.addFilter(lambda record: record.levelno == logging.INFO)

    def emit(self, record: logging.LogRecord) -> None:
        # A note leads with its file:line, as Sphinx's handler writes it: once the build runs,
        # Sphinx's translator (added below) has put it into the message already.
        location = getattr(record, "location", None)
        translated = isinstance(record, SphinxLogRecord)
        where = f"{location}: " if isinstance(location, str) and location and not translated else ""
        print(f"{where}{record.getMessage()}", flush=True)


def overrides(args: argparse.Namespace) -> dict[str, object]:
    """-D, -A and -n, as sphinx-build reads them."""
    values: dict[str, object] = dict(item.partition("=")[::2] for item in args.define)
    for item in args.htmldefine:
        key, _, value = item.partition("=")
        values[f"html_context.{key}"] = int(value) if value.isdigit() else value
    if args.nitpicky:
        values["nitpicky"] = True
    return values


def wants_everything(args: argparse.Namespace) -> bool:
    """Options whose output -q would change, or that ask for a traceback or a debugger."""
    return bool(
        args.verbosity
        or args.traceback
        or args.pdb
        or args.warnfile
        or args.quiet
        or args.really_quiet
    )


def build_quietly(args: argparse.Namespace, notes_shown: bool) -> int:
    if args.color == "no" or (args.color == "auto" and not terminal_supports_colour()):
        disable_colour()
    confdir = None if args.noconfig else (args.confdir or args.sourcedir)
    notes = CvsiteNotes()
    cvsite_logger = logging.getLogger(f"{NAMESPACE}.cvsite")
    if notes_shown:
        cvsite_logger.addHandler(notes)
    try:
        with (
            patch_docutils(confdir or args.sourcedir),
            docutils_namespace(),
            collector.collector_paused_while_starting() as start,
        ):
            app = start(partial(
                Sphinx,
                srcdir=args.sourcedir,
                confdir=confdir,
                outdir=args.outputdir,
                doctreedir=args.doctreedir or Path(args.outputdir, ".doctrees"),
                buildername=args.builder,
                confoverrides=overrides(args),
                status=None,  # Sphinx's -q
                warning=sys.stderr,
                freshenv=args.freshenv,
                warningiserror=args.warningiserror,
                tags=args.tags,
                parallel=args.jobs,
                exception_on_warning=args.exception_on_warning,
            ))  # fmt: skip
            # A note located at (docname, line) gets its file:line as Sphinx's handlers give it.
            notes.addFilter(InfoLogRecordTranslator(app))
            app.build(args.force_all, args.filenames)
            return app.statuscode
    except SphinxError as error:
        print(f"{error.category}: {error}\n({HINT})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 2
    finally:
        cvsite_logger.removeHandler(notes)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The texts of Sphinx's options and messages, as sphinx-build loads them when it starts.
    sphinx.locale.init_console()
    notes_shown = "--no-notes" not in argv
    argv = [arg for arg in argv if arg != "--no-notes"]
    parser = get_parser()
    parser.prog = "python -m cvsite.cli.quiet_sphinx"
    args = parser.parse_args(argv)
    if wants_everything(args):
        return build_main(argv)
    return build_quietly(args, notes_shown)


if __name__ == "__main__":
    locale.setlocale(locale.LC_ALL, "")  # as sphinx-build: the terminal's language
    status = main()
    collector.skip_the_last_collection()
    sys.exit(status)
