"""`cvsite new DIR`: a new site from the scaffold (cvsite/cli/scaffolding.py).

    cvsite new DIR --name NAME --email EMAIL --homepage URL [--paper a4|letter]
               [--wheel PATH | --from-index]
               [--position TEXT] [--affiliation TEXT] [--profile KIND=URL ...]

It asks for what is not given when run in a terminal (the optional position, affiliation and
profiles too, Enter skipping each); elsewhere a missing required option stops it with exit
status 2 naming the option, and a missing optional one is left empty. It never writes into a
folder that holds anything.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from cvsite import __version__
from cvsite.cli import scaffolding
from cvsite.config.owner_values import email_problem, homepage_problem, line_problem, name_problem
from cvsite.config.profiles import KNOWN as KNOWN_PROFILES
from cvsite.config.profiles import url_problem

QUESTIONS = {
    "name": "Your name, as the CV spells it",
    "email": "Your e-mail address",
    "homepage": "Your homepage (https://...)",
}
CHECKS: dict[str, Callable[[str], str | None]] = {
    "name": name_problem,
    "email": email_problem,
    "homepage": homepage_problem,
}
# Asked in a terminal after the required ones; Enter leaves each out.
OPTIONAL_QUESTIONS = {
    "position": "Your position, one line (Enter: none)",
    "affiliation": "Your institution (Enter: none)",
}


def profile_url_problem(value: str) -> str | None:
    """The build's own rule for a profile's link (cvsite/config/profiles.py)."""
    return url_problem("the link", value)


def parse_profile(value: str) -> tuple[str, str]:
    """--profile KIND=URL, KIND one of the known kinds (cvsite/config/profiles.py)."""
    kind, equals, url = value.partition("=")
    if not equals or kind not in KNOWN_PROFILES:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not KIND=URL with KIND one of {', '.join(KNOWN_PROFILES)}; "
            "e.g. --profile github=https://github.com/ada"
        )
    if problem := profile_url_problem(url):
        raise argparse.ArgumentTypeError(problem)
    return kind, url


def ask(option: str) -> str:
    """Ask in the terminal until the answer passes its check."""
    while True:
        try:
            answer = input(f"{QUESTIONS[option]}: ").strip()
        except (EOFError, KeyboardInterrupt):
            sys.exit(f"\ncvsite new: stopped before --{option} was given; nothing was written")
        problem = CHECKS[option](answer)
        if problem is None:
            return answer
        print(f"  --{option} {problem}", file=sys.stderr)


def ask_optional(question: str, check: Callable[[str], str | None], option: str) -> str:
    """Ask until the answer passes its check; Enter (or the end of the input) leaves it out."""
    while True:
        try:
            answer = input(f"{question}: ").strip()
        except EOFError:
            return ""
        except KeyboardInterrupt:
            sys.exit(f"\ncvsite new: stopped before --{option} was given; nothing was written")
        problem = check(answer) if answer else None
        if problem is None:
            return answer
        print(f"  --{option} {problem}", file=sys.stderr)


def ask_optional_items(args: argparse.Namespace) -> None:
    for option, question in OPTIONAL_QUESTIONS.items():
        if getattr(args, option) is None:
            setattr(args, option, ask_optional(question, line_problem, option))
    given = dict(args.profile)
    for kind, (label, _) in KNOWN_PROFILES.items():
        if kind not in given:
            url = ask_optional(f"Your {label} page (Enter: none)", profile_url_problem, "profile")
            if url:
                args.profile.append((kind, url))


def new(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    target = Path(args.dir)
    scaffolding.refuse_unless_empty(target, "new")
    interactive = sys.stdin.isatty()
    for option in QUESTIONS:
        if getattr(args, option) is None:
            if not interactive:
                parser.error(
                    f"the option --{option} is missing (not run in a terminal, so it cannot be "
                    f"asked); give it, as in: cvsite new {args.dir} --name 'Ada Lovelace' "
                    "--email ada@example.org --homepage https://example.org"
                )
            setattr(args, option, ask(option))
        problem = CHECKS[option](getattr(args, option))
        if problem:
            parser.error(f"--{option} {problem}")
    for option in OPTIONAL_QUESTIONS:
        if getattr(args, option) and (problem := line_problem(getattr(args, option))):
            parser.error(f"--{option} {problem}")
    if interactive:
        ask_optional_items(args)
    values = scaffolding.placeholders(args)
    written, wheel = scaffolding.write_new_site(target, values, args, "new")
    pinned = f"its wheel in {target / 'engine'}" if wheel else "from a package index"
    print(f"cvsite new: wrote {len(written)} files into {target} (cvsite {__version__}, "
          f"{pinned}).")  # fmt: skip
    print(f"Next: cd {target} && make html, then open _build/html/index.html;")
    print("replace every text marked 'Example:' in docs/ and refs.bib, and run make test.")


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "new", help="write a new site into DIR", description="Write a new site into DIR."
    )
    command.add_argument("dir", metavar="DIR", help="a new or empty folder")
    command.add_argument("--name", help="your name, as the CV spells it")
    command.add_argument("--email", help="your e-mail address")
    command.add_argument("--homepage", help="your homepage, a full URL")
    command.add_argument("--paper", choices=("a4", "letter"), default="a4", type=str.lower,
                         help="the PDF's paper size (default a4)")  # fmt: skip
    engine = command.add_mutually_exclusive_group()
    engine.add_argument("--wheel", metavar="PATH",
                        help="the engine's wheel to put into the site (default: the wheel this "
                        "cvsite was installed from, or one built from its checkout)")  # fmt: skip
    engine.add_argument("--from-index", action="store_true",
                        help="pin cvsite by version, for when a package index has it")  # fmt: skip
    command.add_argument("--position", help="your position, one line (optional)")
    command.add_argument("--affiliation", help="your institution (optional)")
    command.add_argument(
        "--profile", action="append", default=[], type=parse_profile, metavar="KIND=URL",
        help="a page of yours elsewhere, shown as an icon (optional, repeatable); KIND: "
        + ", ".join(KNOWN_PROFILES),
    )  # fmt: skip
    command.set_defaults(run=lambda args: new(command, args))
