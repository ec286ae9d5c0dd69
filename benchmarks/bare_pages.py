"""Our pages without our extension, for the bare baseline of `make bench`.

`{cv-entry}` becomes a paragraph and its body, `{publication-list}` and
`{selected-publications}` become sphinxcontrib-bibtex `{bibliography}` directives with the
same filters, `{cv-pdf-link}` goes away: the same content, built the plain way.
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


def plain_directive(match: re.Match) -> str:
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
    if name == "cv-pdf-link":
        return ""
    return match[0]


def convert(source: str) -> str:
    return DIRECTIVE.sub(plain_directive, source)


def copy_pages(docs: Path, destination: Path) -> None:
    """Copy docs/ (without our generated paper pages), converting every Markdown page."""
    shutil.copytree(docs, destination, ignore=shutil.ignore_patterns("publications"))
    for page in destination.rglob("*.md"):
        page.write_text(convert(page.read_text(encoding="utf-8")), encoding="utf-8")
