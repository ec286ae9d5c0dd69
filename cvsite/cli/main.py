"""The `cvsite` command: a new site from the scaffold, the settings a site can change, and the
commands that build and check a site (cvsite/cli/site_commands.py).

    cvsite new DIR --name NAME --email EMAIL --homepage URL [--paper a4|letter]
               [--wheel PATH | --from-index]
               [--position TEXT] [--affiliation TEXT] [--profile KIND=URL ...]
    cvsite upgrade-engine WHEEL [--from-index]   (in a site's folder; cli/engine_pin.py)
    cvsite settings
    cvsite html | pdf | check | serve | system-packages ...   (each with --help)
    cvsite --version

`new` asks for what is not given when run in a terminal (the optional position, affiliation
and profiles too, Enter skipping each); elsewhere a missing required option stops it with exit
status 2 naming the option, and a missing optional one is left empty. It writes
cvsite/cli/scaffold/ into DIR, the placeholders ({{name}}, ...) filled in, and never into a
folder that holds anything. The engine's wheel goes into the site's engine/ folder
(cvsite/cli/engine_pin.py says which wheel and how it is pinned).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from cvsite import __version__
from cvsite.cli import engine_pin, export_command, import_command, site_commands
from cvsite.config.profiles import KNOWN as KNOWN_PROFILES
from cvsite.config.profiles import url_problem

SCAFFOLD = Path(__file__).parent / "scaffold"
EXECUTABLE = {".ci/run"}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Characters that would end a quoted setting, a YAML string or a BibTeX field early.
UNSAFE_IN_NAME = re.compile(r'["{}\\\x00-\x1f\x7f]')

QUESTIONS = {
    "name": "Your name, as the CV spells it",
    "email": "Your e-mail address",
    "homepage": "Your homepage (https://...)",
}


def check_name(value: str) -> str | None:
    if not value.strip():
        return "is empty; give your name, as in --name 'Ada Lovelace'"
    if UNSAFE_IN_NAME.search(value):
        return "holds a quote, brace, backslash or control character; write the name without it"
    return None


def check_email(value: str) -> str | None:
    if not EMAIL.fullmatch(value):
        return f"{value!r} is not an e-mail address; write one such as ada@example.org"
    return None


def check_homepage(value: str) -> str | None:
    url = urlsplit(value)
    if url.scheme not in ("http", "https") or not url.netloc or " " in value:
        return f"{value!r} is not a full URL; write one such as https://{value or 'example.org'}"
    return None


CHECKS: dict[str, Callable[[str], str | None]] = {
    "name": check_name,
    "email": check_email,
    "homepage": check_homepage,
}
# Placeholders filled into conf.py as Python (a dictionary), not as a string.
PYTHON_LITERALS = {"profiles", "owner_variants", "keywords"}
# Asked in a terminal after the required ones; Enter leaves each out.
OPTIONAL_QUESTIONS = {
    "position": "Your position, one line (Enter: none)",
    "affiliation": "Your institution (Enter: none)",
}


def check_line(value: str) -> str | None:
    if UNSAFE_IN_NAME.search(value):
        return "holds a quote, brace, backslash or control character; write it without"
    return None


def check_profile_url(value: str) -> str | None:
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
    if problem := check_profile_url(url):
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
            setattr(args, option, ask_optional(question, check_line, option))
    given = dict(args.profile)
    for kind, (label, _) in KNOWN_PROFILES.items():
        if kind not in given:
            url = ask_optional(f"Your {label} page (Enter: none)", check_profile_url, "profile")
            if url:
                args.profile.append((kind, url))


def initials(name: str) -> str:
    letters = [word[0] for word in name.split() if word[0].isalpha()]
    return "".join(letters[:1] + letters[1:][-1:]).upper() or "CV"


def placeholders(args: argparse.Namespace) -> dict[str, str]:
    return {
        "name": args.name,
        "email": args.email,
        "homepage": args.homepage,
        "position": args.position or "",
        "affiliation": args.affiliation or "",
        "profiles": profiles_literal(args.profile),
        "paper": args.paper,
        "initials": initials(args.name),
        "version": __version__,
        "engine": engine_pin.engine_line(None, __version__),
        "owner_variants": "[]",
        "keywords": "[]",
        "photo": "",
    }


def profiles_literal(given: list[tuple[str, str | dict[str, str]]]) -> str:
    """cv_profiles as Python, one profile a line, in the order given (the last of a kind wins)."""
    chosen = dict(given)
    if not chosen:
        return "{}"
    lines = "".join(f"    {json.dumps(kind)}: {json.dumps(url)},\n" for kind, url in chosen.items())
    return "{\n" + lines + "}"


def fill(text: str, path: Path, values: dict[str, str]) -> str:
    for key, value in values.items():
        if path.suffix == ".py":
            # A quoted placeholder becomes a Python literal: of the value, a string, or the
            # value itself where it is Python already.
            literal = value if key in PYTHON_LITERALS else json.dumps(value, ensure_ascii=False)
            text = text.replace(f'"{{{{{key}}}}}"', literal)
        text = text.replace(f"{{{{{key}}}}}", value)
    return text


def scaffold_files() -> list[Path]:
    return sorted(
        path.relative_to(SCAFFOLD)
        for path in SCAFFOLD.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def write_site(
    target: Path, values: dict[str, str], skip: Callable[[str], bool] = lambda relative: False
) -> list[Path]:
    written = []
    for relative in scaffold_files():
        if skip(relative.as_posix()):
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = (SCAFFOLD / relative).read_text(encoding="utf-8")
        destination.write_text(fill(text, relative, values), encoding="utf-8")
        if relative.as_posix() in EXECUTABLE:
            destination.chmod(0o755)
        written.append(relative)
    return written


def refuse_unless_empty(target: Path, command: str) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is a file" if not target.is_dir() else "is not empty"
        sys.exit(
            f"cvsite {command}: {target} {what}; name a new or empty folder, so that nothing "
            "in it is overwritten"
        )


def new(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    target = Path(args.dir)
    refuse_unless_empty(target, "new")
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
        if getattr(args, option) and (problem := check_line(getattr(args, option))):
            parser.error(f"--{option} {problem}")
    if interactive:
        ask_optional_items(args)
    written, wheel = write_new_site(target, placeholders(args), args, "new")
    pinned = f"its wheel in {target / 'engine'}" if wheel else "from a package index"
    print(f"cvsite new: wrote {len(written)} files into {target} (cvsite {__version__}, "
          f"{pinned}).")  # fmt: skip
    print(f"Next: cd {target} && make html, then open _build/html/index.html;")
    print("replace every text marked 'Example:' in docs/ and refs.bib, and run make test.")


def write_new_site(
    target: Path,
    values: dict[str, str],
    args: argparse.Namespace,
    command: str,
    skip: Callable[[str], bool] = lambda relative: False,
) -> tuple[list[Path], Path | None]:
    """The scaffold, filled with `values`, and the engine's wheel (--wheel, --from-index)
    written into target; the files written, and the wheel."""
    with tempfile.TemporaryDirectory(prefix="cvsite-wheel-") as scratch:
        try:
            wheel = None
            if not args.from_index:
                wheel = engine_pin.wheel_for_new_site(args.wheel, Path(scratch))
        except engine_pin.EngineError as error:
            sys.exit(f"cvsite {command}: {error}\nNothing was written.")
        if wheel is not None:
            values["engine"] = engine_pin.engine_line(wheel.name, __version__)
        try:
            written = write_site(target, values, skip)
            engine_pin.place_wheel(target, wheel)
        except OSError as error:
            sys.exit(f"cvsite {command}: cannot write {error.filename}: {error.strerror}; name "
                     "a folder you can write to")  # fmt: skip
    return written, wheel


def list_settings() -> None:
    from cvsite.config.settings import SETTINGS  # Sphinx is imported only for this command

    for setting in SETTINGS:
        print(f"{setting.name} (default {setting.default!r}): {setting.help}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cvsite", description="An academic website and PDF CV, built with Sphinx."
    )
    parser.add_argument("--version", action="version", version=f"cvsite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    new_command = commands.add_parser(
        "new", help="write a new site into DIR", description="Write a new site into DIR."
    )
    new_command.add_argument("dir", metavar="DIR", help="a new or empty folder")
    new_command.add_argument("--name", help="your name, as the CV spells it")
    new_command.add_argument("--email", help="your e-mail address")
    new_command.add_argument("--homepage", help="your homepage, a full URL")
    new_command.add_argument("--paper", choices=("a4", "letter"), default="a4", type=str.lower,
                             help="the PDF's paper size (default a4)")  # fmt: skip
    engine = new_command.add_mutually_exclusive_group()
    engine.add_argument("--wheel", metavar="PATH",
                        help="the engine's wheel to put into the site (default: the wheel this "
                        "cvsite was installed from, or one built from its checkout)")  # fmt: skip
    engine.add_argument("--from-index", action="store_true",
                        help="pin cvsite by version, for when a package index has it")  # fmt: skip
    new_command.add_argument("--position", help="your position, one line (optional)")
    new_command.add_argument("--affiliation", help="your institution (optional)")
    new_command.add_argument(
        "--profile", action="append", default=[], type=parse_profile, metavar="KIND=URL",
        help="a page of yours elsewhere, shown as an icon (optional, repeatable); KIND: "
        + ", ".join(KNOWN_PROFILES),
    )  # fmt: skip
    new_command.set_defaults(run=lambda args: new(new_command, args))
    settings_command = commands.add_parser("settings", help="list the cv_* settings of conf.py")
    settings_command.set_defaults(run=lambda args: list_settings())
    site_commands.add_commands(commands)
    import_command.add_command(commands)
    export_command.add_command(commands)
    engine_pin.add_command(commands)
    return parser


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [site_commands.SYSTEM_PACKAGES]:  # its own parser, --help included
        site_commands.system_packages.main(argv[1:], prog=f"cvsite {argv[0]}")
        return
    args = build_parser().parse_args(argv)
    args.run(args)
