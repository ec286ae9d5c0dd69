"""The owner's name, e-mail address and homepage: one rule each, read by `cvsite new`,
`cvsite import` (of what another tool's file says) and the `cv_homepage` setting.

Each returns the problem as the end of a sentence that names the value ("--name ...",
"cv_homepage ..."), or None when the value is fine.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Characters that would end a quoted setting, a YAML string or a BibTeX field early.
UNSAFE_IN_TEXT = re.compile(r'["{}\\\x00-\x1f\x7f]')


def name_problem(value: str) -> str | None:
    if not value.strip():
        return "is empty; give your name, as in --name 'Ada Lovelace'"
    if UNSAFE_IN_TEXT.search(value):
        return "holds a quote, brace, backslash or control character; write the name without it"
    return None


def line_problem(value: str) -> str | None:
    """A one-line text of conf.py (a position, an affiliation)."""
    if UNSAFE_IN_TEXT.search(value):
        return "holds a quote, brace, backslash or control character; write it without"
    return None


def email_problem(value: str) -> str | None:
    if not EMAIL.fullmatch(value):
        return f"{value!r} is not an e-mail address; write one such as ada@example.org"
    return None


def homepage_problem(value: str) -> str | None:
    url = urlsplit(value)
    if url.scheme not in ("http", "https") or not url.netloc or " " in value:
        return f"{value!r} is not a full URL; write one such as https://{value or 'example.org'}"
    return None
