"""`make check` (`cvsite check [--strict] [BIBFILE ...]`): the .bib files checked as the build
checks them (cvsite/publications/bib_check.py), outside a build: each problem and note at its
file:line, and an exit status that fails on problems (and, with --strict, on notes).

    python -m cvsite.cli.check_command [--strict] refs.bib
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cvsite.publications import bib_check
from cvsite.publications.crossref_checks import parents_report
from cvsite.publications.owner_notes import owner_from_conf, read_conf
from cvsite.wording import plural


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m cvsite.cli.check_command",
        description="Check .bib files: errors that stop a build, and notes on what builds "
        "anyway (`make check`, `cvsite check`).",
    )
    parser.add_argument("--strict", action="store_true", help="notes fail the check too")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="BIBFILE",
        help="default: those conf.py names in bibtex_bibfiles, else refs.bib",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    strict = arguments.strict
    # The site's conf.py (make check runs in the site's folder): the .bib files, their
    # encoding and the owner's names the build would use, so that the notes are the build's.
    config, without = read_conf(Path.cwd())
    owner, without = owner_from_conf(config) if config else (None, without)
    if owner is None:
        print(f"(authors not compared with the owner's names: {without})")
    named_in_conf, encoding = bib_check.bib_files_of(config)
    paths = arguments.paths or named_in_conf
    files = bib_check.check_files(paths, encoding, owner=owner)
    entries = [entry for bib_file in files for entry in bib_file.entries]
    problems = [problem for bib_file in files for problem in bib_file.problems]
    errors = [problem for problem in problems if problem.stops]
    notes = [problem for problem in problems if not problem.stops]
    for problem in errors + notes:
        print(problem.describe(strict))
    for bib_file in files:  # what is read as meant, and fails no check
        if report := parents_report(bib_file):
            print(f"NOTE: {bib_file.path}: {report}")
    for report in bib_check.name_variants(entries):
        print(f"NOTE: maybe one person spelled two ways: {report}")
    print(
        f"{plural(len(entries), 'entry')}, {plural(len(errors), 'problem')}, "
        f"{plural(len(notes), 'note')} in "
        f"{', '.join(map(str, paths))}" + (" (--strict: notes fail the check)" if strict else "")
    )
    return 1 if errors or (strict and notes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
