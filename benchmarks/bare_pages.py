"""Our pages without our extension, for the bare baseline of `make bench`.

`{cv-entry}` becomes a paragraph and its body, `{publication-list}` and
`{selected-publications}` become sphinxcontrib-bibtex `{bibliography}` directives with the
same filters, `{cv-header}` the contact line it shows, `` {cv-setting}`name` `` the setting's
value, and what only links the PDFs or tags an item (`{cv-pdf-link}`, `{cv-pdf-variants}`,
`{cv-tags}`) goes away: the same content, built the plain way.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cvsite.rendering.publication_list import filter_expression

DIRECTIVE = re.compile(
    r"^:::\{(?P<name>[a-z-]+)\}(?P<argument>.*)\n(?P<body>(?:(?!:::\n).*\n)*?):::\n", re.M
)
OPTION = re.compile(r"^:(?P<name>[a-z-]+):\s*(?P<value>.*)$")
ROLE = re.compile(r"\{(?P<name>cv-[a-z-]+)\}`(?P<text>[^`]*)`")


def plain_directive(match: re.Match, settings: dict) -> str:
    name, argument, body = match["name"], match["argument"].strip(), match["body"]
    if name == "cv-entry":
        options, rest = {}, []
        for line in body.splitlines():
            option = OPTION.match(line)
            if option and not rest:
                options[option["name"]] = option["value"]
            else:
                rest.append(line)
        heading = " · ".join(
            options[name] for name in ("institution", "role", "dates", "place") if name in options
        )
        return f"**{heading}**\n" + "\n".join(rest) + "\n"
    if name == "publication-list":
        return (
            f"```{{bibliography}}\n:filter: {filter_expression(argument)}\n:list: enumerated\n```\n"
        )
    if name == "selected-publications":
        return '```{bibliography}\n:filter: selected == "true"\n:list: bullet\n```\n'
    if name == "cv-header":
        contact = [settings.get(key) for key in ("cv_position", "cv_email", "cv_homepage")]
        return " · ".join(str(value) for value in contact if value) + "\n"
    if name in ("cv-pdf-link", "cv-pdf-variants"):
        return ""
    return match[0]


def plain_role(match: re.Match, settings: dict) -> str:
    if match["name"] == "cv-setting":
        return str(settings.get(match["text"], ""))
    return ""


def convert(source: str, settings: dict) -> str:
    """A page with our directives and roles made plain, `settings` being conf.py's values."""
    source = DIRECTIVE.sub(lambda match: plain_directive(match, settings), source)
    return ROLE.sub(lambda match: plain_role(match, settings), source)


def copy_pages(docs: Path, destination: Path, settings: dict) -> None:
    """Copy docs/ (without our generated paper pages), converting every Markdown page."""
    shutil.copytree(docs, destination, ignore=shutil.ignore_patterns("publications"))
    for page in destination.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(convert(text, settings), encoding="utf-8")
