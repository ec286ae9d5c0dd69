"""The system tools each `make` target needs: the engine's list, and the site's additions.

The engine's list (cvsite/cli/debian-packages.txt, package data) names what any site needs (TeX
and the PDF's fonts); a site's `.ci/debian-packages.txt`, where it has one, adds its own lines
(this repository's `test` group for the browser checks) and replaces an engine line that names
the same tool.

    cvsite system-packages install [--apt-get auto|COMMAND|""] GROUP...
    cvsite system-packages require TARGET GROUP...

(or `python -m cvsite.cli.system_packages ...`).

`install` runs apt-get for what is missing, but only where it asks no question: with `auto`
(the default) on Debian or Ubuntu, as root or with password-less sudo; with an empty COMMAND
(`make APT_GET=`) never. Otherwise it does nothing, and `require` (or `make pdf`) then says
what to install. `require` exits 1 naming the missing tools and the commands that install them.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ENGINE_LIST = Path(__file__).parent / "debian-packages.txt"
PACKAGE_LIST = Path(".ci") / "debian-packages.txt"  # the site's own, optional
GROUPS = ("pdf", "test")

TEX_ELSEWHERE = (
    "Fedora: sudo dnf install texlive-xetex latexmk texlive-collection-latexextra "
    "texlive-collection-fontsrecommended gnu-free-serif-fonts gnu-free-sans-fonts "
    "gnu-free-mono-fonts dejavu-sans-fonts; macOS: MacTeX (brew install --cask mactex-no-gui); "
    "Windows: TeX Live or MiKTeX"
)
BROWSERS_ELSEWHERE = (
    "elsewhere: Chromium (at /usr/bin/chromium), Poppler, Java and Node from your system's packages"
)


class PackageListError(SystemExit):
    """A line of the package list that cannot be read; ends the program without a traceback."""


@dataclass(frozen=True)
class Need:
    """One line of the package list: a command or font a group of targets needs."""

    group: str
    thing: str  # a command, or "font:<Family Name>"
    packages: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.thing.removeprefix("font:")

    def is_present(self) -> bool:
        if not self.thing.startswith("font:"):
            return shutil.which(self.thing) is not None
        # Without fontconfig (macOS's TeX finds fonts its own way) the font cannot be checked.
        if shutil.which("fc-list") is None:
            return True
        found = subprocess.run(
            ["fc-list", self.name, "family"], capture_output=True, text=True, check=False
        )
        return bool(found.stdout.strip())


def parse(text: str, source: str) -> list[Need]:
    """Lines `group  command  packages...` or `[group]  font:Family Name  packages...`.

    Columns are two or more spaces apart, as a family name may hold one space. A font line
    without a group belongs to the PDF, the only thing that uses fonts of the system.
    """
    needs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        columns = re.split(r"\s{2,}|\t+", line)
        group = columns.pop(0) if columns[0] in GROUPS else None
        if columns and columns[0].startswith("font:"):
            group = group or "pdf"
            if len(columns) == 1:  # `font:Family package` with one space: a one-word family
                columns = columns[0].split(None, 1)
        elif columns and len(columns) == 1 and group:
            columns = columns[0].split(None, 1)
        if group is None or len(columns) < 2:
            raise PackageListError(
                f"{source}:{number}: ERROR: expected 'group  command  packages' with group "
                f"{' or '.join(GROUPS)} (or 'font:<Family Name>  packages'), found {line!r}; "
                "separate the columns with two spaces"
            )
        thing, packages = columns[0], " ".join(columns[1:]).split()
        needs.append(Need(group, thing, tuple(packages)))
    return needs


def read(repo: Path) -> list[Need]:
    """The engine's list, with the site's lines in place of those naming the same tool."""
    needs = parse(ENGINE_LIST.read_text(encoding="utf-8"), str(ENGINE_LIST))
    path = repo / PACKAGE_LIST
    if path.is_file():
        site_needs = parse(path.read_text(encoding="utf-8"), str(PACKAGE_LIST))
        replaced = {need.thing for need in site_needs}
        needs = [need for need in needs if need.thing not in replaced] + site_needs
    return needs


def missing(repo: Path, groups: tuple[str, ...]) -> list[Need]:
    return [need for need in read(repo) if need.group in groups and not need.is_present()]


def packages_of(needs: list[Need]) -> list[str]:
    return list(dict.fromkeys(package for need in needs for package in need.packages))


def names_of(needs: list[Need]) -> str:
    return ", ".join(f"the font {need.name}" if need.thing.startswith("font:") else need.name
                     for need in needs)  # fmt: skip


def how_to_install(needs: list[Need]) -> str:
    """The commands that give what is missing, on Debian or Ubuntu and elsewhere."""
    debian = f"Debian/Ubuntu: sudo apt-get install {' '.join(packages_of(needs))}"
    elsewhere = []
    if any(need.group == "pdf" for need in needs):
        elsewhere.append(TEX_ELSEWHERE)
    if any(need.group == "test" for need in needs):
        elsewhere.append(BROWSERS_ELSEWHERE)
    return "; ".join([debian, *elsewhere])


def on_debian() -> bool:
    if Path("/etc/debian_version").is_file():
        return True
    try:
        release = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return False
    return bool(re.search(r"^ID(_LIKE)?=.*(debian|ubuntu)", release, re.MULTILINE))


def unasked_apt_get() -> list[str]:
    """apt-get as a command that asks no question, or [] where there is none: on Debian or
    Ubuntu, as root or through password-less sudo."""
    if not shutil.which("apt-get") or not on_debian():
        return []
    apt_get = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
    # Who we are, asked of `id` as a shell would (so that a test can stand in for a user).
    user = subprocess.run(["id", "-u"], capture_output=True, text=True, check=False).stdout
    if user.strip() == "0":
        return apt_get
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True,
                                               check=False).returncode == 0:  # fmt: skip
        return ["sudo", "-n", *apt_get]
    return []


def install(repo: Path, groups: tuple[str, ...], apt_get: str = "auto") -> None:
    """apt-get what is missing, where apt-get asks no question (see the module's text)."""
    needs = missing(repo, groups)
    if not needs:
        return
    command = unasked_apt_get() if apt_get == "auto" else shlex.split(apt_get)
    if not command:
        return
    packages = packages_of(needs)
    print(f"Installing with apt-get (for {names_of(needs)}): {' '.join(packages)}", flush=True)
    steps = (["update", "-q"], ["install", "-y", "-q", "--no-install-recommends", *packages])
    for step in steps:
        try:
            failed = subprocess.run([*command, *step], check=False).returncode != 0
        except OSError as error:
            print(f"{command[0]}: {error.strerror}", file=sys.stderr)
            failed = True
        if failed:
            # Not fatal here: the target's own check says next what is missing and how to get it.
            print(f"apt-get {step[0]} failed (see above); nothing was installed", file=sys.stderr)
            return


def require(repo: Path, target: str, groups: tuple[str, ...]) -> None:
    needs = missing(repo, groups)
    if needs:
        sys.exit(f"{target}: {names_of(needs)} missing. Install: {how_to_install(needs)}.")


def main(argv: list[str] | None = None, prog: str = "python -m cvsite.cli.system_packages") -> None:
    parser = argparse.ArgumentParser(
        prog=prog, description="The system packages (TeX, fonts, browsers) each target needs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    install_command = commands.add_parser(
        "install", help="apt-get what GROUP needs and is missing, where apt-get asks no question"
    )
    install_command.add_argument(
        "--apt-get", default="auto", metavar="auto|COMMAND|''",
        help='"auto" (the default), a command to run instead, or "" never',
    )  # fmt: skip
    install_command.add_argument("groups", nargs="+", choices=GROUPS, metavar="GROUP",
                                 help=" or ".join(GROUPS))  # fmt: skip
    require_command = commands.add_parser(
        "require", help="exit 1 naming what GROUP needs and is missing, and how to install it"
    )
    require_command.add_argument(
        "target", metavar="TARGET", help="what needs them, for the message (e.g. 'make pdf')"
    )
    require_command.add_argument("groups", nargs="+", choices=GROUPS, metavar="GROUP",
                                 help=" or ".join(GROUPS))  # fmt: skip
    args = parser.parse_args(argv)
    repo = Path.cwd()
    if args.command == "install":
        install(repo, tuple(args.groups), args.apt_get)
    else:
        require(repo, args.target, tuple(args.groups))


if __name__ == "__main__":
    main()
