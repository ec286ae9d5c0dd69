"""The key of a publication an importer creates, for every format that has no keys of its
own (RenderCV, JSON Resume, academicpages): Google Scholar's habit, the first author's family
name, the year and the title's first word of more than three letters, "okafor2023flood";
without an author, the word and the year, "drought2021". ASCII letters and digits only, Latin
accents folded ("Sørensen" is "sorensen"). A key already taken, in any case, gets "b", "c", ...
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Mapping, Sequence

from pybtex.database import Person

from cvsite.publications import rules
from cvsite.publications.owner_names import fold

WORD = re.compile(r"\w+")
LONG_WORD = 4  # "flood", "fast", "note": not "a", "on", "the"


def ascii_word(text: str) -> str:
    """Lower-case ASCII letters and digits: "Oyelaran-Sørensen" -> "oyelaransorensen"."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def title_word(title: str) -> str:
    """The title's first word of four letters or more, else its first word ("" if none)."""
    words = [word for word in map(ascii_word, WORD.findall(title)) if word]
    return next((word for word in words if len(word) >= LONG_WORD), words[0] if words else "")


def new_key(persons: Sequence[Person], fields: Mapping[str, str]) -> str:
    """A new entry's key, from its first author, year and title (see above)."""
    named = [person for person in persons if str(person) != "others"]
    surname = ascii_word("".join(named[0].last_names)) if named else ""
    year = rules.shown_year(fields.get("year", ""), fields.get("date", ""))
    year = year if year.isdigit() else ""
    word = title_word(fields.get("title", ""))
    return surname + year + word if surname else (word or "publication") + year


def unique_key(key: str, taken: Iterable[str]) -> str:
    """The key, or with "b", "c", ... "z", "aa", "ab", ... after it where it is taken (in any
    case: BibTeX's keys ignore it)."""
    used = {existing.casefold() for existing in taken}
    letters = itertools.chain.from_iterable(
        itertools.product(string.ascii_lowercase, repeat=size) for size in itertools.count(1)
    )
    suffixes = itertools.islice(map("".join, letters), 1, None)  # the key itself is the "a"
    candidate = key
    while candidate.casefold() in used:
        candidate = key + next(suffixes)
    return candidate
