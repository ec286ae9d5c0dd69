"""The engine a site installs: its wheel in the site's engine/ folder, pinned by path and hash,
until cvsite is on a package index (then a version pin, `--from-index`).

A site's requirements.txt includes engine/requirements.txt, which `cvsite new` and
`cvsite upgrade-engine WHEEL` write from the lock in the engine's scaffold: the engine line
(a path, so that no package index can offer another cvsite of the same version in its place)
and the exact version of every package the engine builds, tests and serves with.
engine/SHA256SUMS holds the wheel's digest; the site's Makefile and .readthedocs.yaml check it
before pip runs.

    cvsite upgrade-engine WHEEL [--from-index]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from packaging.utils import InvalidWheelFilename, parse_wheel_filename

from cvsite import __version__

ENGINE = Path("engine")
SUMS = "SHA256SUMS"
# The lock template, in the package and so in every wheel: the one thing an older engine reads
# from a newer wheel when it upgrades a site, with the placeholders {{engine}} and {{version}}.
LOCK_TEMPLATE = "cvsite/cli/scaffold/engine/requirements.txt"
CHECKOUT_FILES = ("pyproject.toml", "README.md", "LICENSE")
HOW_TO_BUILD = "in a checkout of cvsite: python -m pip wheel --no-deps -w dist ."


class EngineError(Exception):
    """What stops `cvsite new` or `upgrade-engine`, said as the user should read it."""


def wheel_version(wheel: Path) -> str:
    try:
        name, version, _, _ = parse_wheel_filename(wheel.name)
    except InvalidWheelFilename:
        name, version = None, None
    if name != "cvsite" or version is None:
        raise EngineError(f"{wheel} is not a wheel of cvsite (cvsite-VERSION-py3-none-any.whl)")
    if not wheel.is_file():
        raise EngineError(f"{wheel} does not exist; name the wheel's file ({HOW_TO_BUILD})")
    return str(version)


def engine_line(wheel_name: str | None, version: str) -> str:
    """The requirement: the wheel in engine/ by path, or the version on a package index."""
    if wheel_name is None:
        return f"cvsite[test]=={version}"
    return f"./{ENGINE.as_posix()}/{wheel_name}[test]"


def fill_lock(template: str, line: str, version: str) -> str:
    return template.replace("{{engine}}", line).replace("{{version}}", version)


def build_from_checkout(root: Path, folder: Path) -> Path:
    """The wheel of the checkout at ROOT, built from a copy (nothing is written into it)."""
    source = folder / "source"
    source.mkdir()
    for name in CHECKOUT_FILES:
        shutil.copy2(root / name, source / name)
    shutil.copytree(root / "cvsite", source / "cvsite",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--disable-pip-version-check", "-w", str(folder / "dist"), str(source)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wheels = sorted((folder / "dist").glob("cvsite-*.whl"))
    if built.returncode != 0 or not wheels:
        raise EngineError(
            f"cannot build the engine's wheel from the checkout {root}:\n"
            f"{(built.stdout + built.stderr).strip()[-1500:]}\n"
            f"Build one ({HOW_TO_BUILD}) and name it: --wheel dist/cvsite-{__version__}-"
            "py3-none-any.whl"
        )
    return wheels[0]


def installed_from() -> dict:
    """What pip recorded of where this engine came from (direct_url.json), or {}."""
    try:
        recorded = metadata.distribution("cvsite").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return {}
    return json.loads(recorded) if recorded else {}


def running_engine_wheel(folder: Path) -> Path:
    """The wheel of the engine that runs: the file pip installed it from, or one built from its
    checkout (an editable install, or run from the checkout)."""
    origin = installed_from()
    url = urlsplit(origin.get("url", ""))
    if "archive_info" in origin and url.scheme == "file":
        wheel = Path(unquote(url.path))
        if wheel.is_file() and wheel.name.endswith(".whl"):
            return wheel
        raise EngineError(
            f"cvsite {__version__} was installed from {wheel}, which is no longer there; name "
            f"a wheel of cvsite {__version__} with --wheel PATH ({HOW_TO_BUILD})"
        )
    root = Path(__file__).resolve().parents[2]
    if all((root / name).is_file() for name in CHECKOUT_FILES):
        return build_from_checkout(root, folder)
    raise EngineError(
        f"cvsite {__version__} came from a package index or left no wheel behind; name its "
        "wheel with --wheel PATH, or pin the version with --from-index if a package index "
        "has it"
    )


def check_same_version(wheel: Path) -> None:
    if (version := wheel_version(wheel)) != __version__:
        raise EngineError(
            f"{wheel} is cvsite {version} and this is cvsite {__version__}: a new site is "
            f"written by the engine it pins; run cvsite {version}'s `cvsite new`, or name a "
            f"wheel of cvsite {__version__}"
        )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def place_wheel(site: Path, wheel: Path | None) -> None:
    """engine/ holds this wheel alone (an earlier one is removed) and its SHA256SUMS."""
    folder = site / ENGINE
    folder.mkdir(exist_ok=True)
    for old in [*folder.glob("cvsite-*.whl"), folder / SUMS]:
        if wheel is None or old.name != wheel.name:
            old.unlink(missing_ok=True)
    if wheel is None:
        return
    placed = folder / wheel.name
    if wheel.resolve() != placed.resolve():
        shutil.copyfile(wheel, placed)
    (folder / SUMS).write_text(f"{digest(placed)}  {placed.name}\n", encoding="utf-8")


def upgrade(site: Path, wheel: Path, from_index: bool) -> str:
    """Pin the site to WHEEL's engine: its lock, and the wheel itself unless from an index."""
    version = wheel_version(wheel)
    try:
        with zipfile.ZipFile(wheel) as archive:
            template = archive.read(LOCK_TEMPLATE).decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise EngineError(
            f"{wheel} holds no {LOCK_TEMPLATE} ({error}): it is no cvsite wheel, or one from "
            "before sites carried their engine; name a wheel of a later cvsite"
        ) from None
    lock = fill_lock(template, engine_line(None if from_index else wheel.name, version), version)
    place_wheel(site, None if from_index else wheel)
    (site / ENGINE / "requirements.txt").write_text(lock, encoding="utf-8")
    return version


def upgrade_command(args: argparse.Namespace) -> None:
    site = Path.cwd()
    if not (site / "requirements.txt").is_file():
        sys.exit(f"cvsite upgrade-engine: {site} has no requirements.txt; run it in the site's "
                 "folder (the one with conf.py and requirements.txt)")  # fmt: skip
    lines = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    if f"-r {ENGINE}/requirements.txt" not in (line.strip() for line in lines):
        sys.exit(f"cvsite upgrade-engine: {site / 'requirements.txt'} does not read "
                 f"{ENGINE}/requirements.txt, so a new engine there would never be installed (a "
                 f"site made before sites carried their engine); replace its cvsite line with "
                 f"'-r {ENGINE}/requirements.txt', then run this again")  # fmt: skip
    try:
        version = upgrade(site, Path(args.wheel), args.from_index)
    except (EngineError, OSError) as error:
        sys.exit(f"cvsite upgrade-engine: {error}")
    print(f"cvsite upgrade-engine: the site pins cvsite {version} (engine/requirements.txt); "
          "next: make html && make test")  # fmt: skip


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "upgrade-engine",
        help="pin the site in this folder to the cvsite of WHEEL",
        description="Pin the site in this folder to the cvsite of WHEEL: the wheel goes into "
        "engine/ (an earlier one is removed), engine/requirements.txt gets that engine's lock.",
    )
    command.add_argument("wheel", metavar="WHEEL", help="a cvsite-VERSION-py3-none-any.whl")
    command.add_argument(
        "--from-index", action="store_true", help="pin the version, for a package index that has it"
    )
    command.set_defaults(run=upgrade_command)


def wheel_for_new_site(named: str | None, folder: Path) -> Path:
    """The wheel `cvsite new` puts into the site: the one named, else the running engine's."""
    wheel = Path(named) if named else running_engine_wheel(folder)
    check_same_version(wheel)
    return wheel
