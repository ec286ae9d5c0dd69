"""What a BibTeX key becomes on the site: the name of its paper page and the HTML id of its entry
in the lists, distinct for distinct keys whatever characters a key holds."""

from __future__ import annotations

import re
import string

from docutils import nodes

PAGES_FOLDER = "publications"  # where the paper pages are, in the site

# A key's characters that stand for themselves in its page's name and its entry's id; any other
# is written as its UTF-8 bytes, each "~" and two hex digits (percent-encoding with "~" for "%",
# which in a file name would need encoding again in the page's address). "~" never stands for
# itself, so no two keys share a name or an id; keys that differ only in case are one key to
# BibTeX and pybtex.
KEPT_IN_NAMES = frozenset(string.ascii_letters + string.digits + "_-.")


KEPT_IN_IDS = KEPT_IN_NAMES - {"-"}  # "-" stands for "_" in the ids of plain keys


# Keys that docutils' make_id turns into distinct ids (it lowers the case, writes "_" as "-"
# and runs and ends of them together), as JabRef, Zotero and Google Scholar write keys.
PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")


def escaped(key: str, kept: frozenset[str]) -> str:
    return "".join(
        char if char in kept else "".join(f"~{byte:02X}" for byte in char.encode()) for char in key
    )


def slug(key: str) -> str:
    """The name of a key's page: the key, unless it holds other characters than letters,
    digits, "_", "-" and "." (DBLP's "DBLP:conf/aaai/X23" is "DBLP~3Aconf~2Faaai~2FX23")."""
    name = escaped(key, KEPT_IN_NAMES)
    return "~2E" + name[1:] if name.startswith(".") else name  # not a hidden file


def anchor_id(key: str) -> str:
    """The HTML id of a key's entry in the lists, linked from its page.

    A plain key keeps the id it has always had, docutils' ("Smith_2020" is "smith-2020"), so
    that links made to it stay. Any other key is escaped as for its page's name, "-" too, which
    gives an id that no other key gets and no plain key's id can be: it holds "~", "_" or "."
    or starts with a digit, which those never do ("smith-2020" is "smith~2D2020").
    """
    return nodes.make_id(key) if PLAIN_KEY.fullmatch(key) else escaped(key, KEPT_IN_IDS)


def page_name(key: str) -> str:
    """A key's paper page, as Sphinx names pages (without .html)."""
    return f"{PAGES_FOLDER}/{slug(key)}"
