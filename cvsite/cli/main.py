"""The `cvsite` command: each subcommand from the module that owns it.

cvsite new DIR ...                           (cli/new_command.py: a new site)
cvsite import SOURCE DIR ...                 (cli/import_command.py: from another tool)
cvsite export jsonresume                     (cli/export_command.py)
cvsite upgrade-engine WHEEL [--from-index]   (in a site's folder; cli/engine_pin.py)
cvsite settings                              (the cv_* settings of conf.py)
cvsite html | pdf | check | serve | system-packages ...   (cli/site_commands.py)
cvsite --version
"""

from __future__ import annotations

import argparse
import sys

from cvsite import __version__
from cvsite.cli import (
    engine_pin,
    export_command,
    import_command,
    new_command,
    readthedocs_command,
    site_commands,
)


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
    new_command.add_command(commands)
    settings_command = commands.add_parser("settings", help="list the cv_* settings of conf.py")
    settings_command.set_defaults(run=lambda args: list_settings())
    site_commands.add_commands(commands)
    readthedocs_command.add_command(commands)
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
