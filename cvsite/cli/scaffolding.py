"""A new site's files: cvsite/cli/scaffold/ written into a new or empty folder, its
placeholders ({{name}}, ...) filled in, and the engine's wheel placed in its engine/ folder
(cvsite/cli/engine_pin.py says which wheel and how it is pinned). `cvsite new` and
`cvsite import` both write a site through here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from cvsite import __version__
from cvsite.cli import engine_pin

SCAFFOLD = Path(__file__).parent / "scaffold"
EXECUTABLE = {".ci/run"}
# Placeholders filled into conf.py as Python (a dictionary), not as a string.
PYTHON_LITERALS = {"profiles", "owner_variants", "keywords"}


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
