"""Which author is the owner: one name in conf.py, matched however a .bib spells it.

    OwnerNames("Klas Modin").match("Modin, K.")   -> Match.UNCERTAIN (another K. Modin may exist)
    OwnerNames("Rafal Kucharski").match("Rafał Kucharski")   -> Match.SURE

Sure: the same names, ignoring case, accents on Latin letters, braces, dots, hyphens or spaces
between parts ("Jean-Pierre" / "Jean Pierre"), a comma order ("Modin, Klas"), a compound family
name written first ("Torralba-Agell Adrià"), DBLP's homonym number ("Wei Wang 0001") and marks
written around the name (\\textbf{...}, *, †). Uncertain: a given name only as an initial,
a given name left out or added, a one-word family name written first without a comma
("Zheng Zangwei", which may be someone else's normal order), or one family name of two ("Ana
García Márquez" or "García Márquez, Ana" for "Ana García", as Spanish and Portuguese names are
shortened; the other way round too). Non-Latin scripts are compared as
written (case aside): 张伟 is not folded into anything.

The style (bold), the Scholar tags and the BibTeX export read names through `written_name`, so
that marks and DBLP numbers never show as part of a name.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

EQUAL_CONTRIBUTION = "*"
MARKS = "*†‡"

# Commands that only style a name someone made bold or underlined by hand: \textbf{Ada Lovelace}.
# biblatex CVs write \mkbibbold{...} (and \mkbibemph, \mkbibitalic) for the same.
STYLE_COMMAND = re.compile(
    r"\\(?:textbf|textit|textsc|emph|underline|uline|mathbf|mkbibbold|mkbibemph|mkbibitalic)\s*\{"
)
STYLE_GROUP = re.compile(r"\{\\(?:bf|bfseries|it|itshape|em|sc)\s+")
DAGGER_COMMAND = re.compile(r"\\(textdaggerdbl|ddagger|ddag|textdagger|dagger|dag)(?![A-Za-z])")
DAGGERS = {"textdaggerdbl": "‡", "ddagger": "‡", "ddag": "‡"}  # the others are single: †
# A mark raised as LaTeX writes it: $^*$, $^{\dagger}$, \textsuperscript{*}, ^*.
RAISED_MARK = re.compile(
    r"\$\s*\^?\s*\{?\s*([*†‡]+)\s*\}?\s*\$|\\textsuperscript\s*\{\s*([*†‡]+)\s*\}|\^\{?([*†‡]+)\}?"
)
ESCAPED_STAR = re.compile(r"\\\*|\\ast(?![A-Za-z])")  # Lovelace\*, $^\ast$: the mark "*"
DBLP_NUMBER = re.compile(r"\s+(\d{4})$")  # DBLP tells homonyms apart: "Wei Wang 0001"
DECORATED = re.compile(r"[\\*†‡$^]|\d{4}$")  # most names have none of it: nothing to remove

# Latin letters that Unicode does not decompose into a base letter and an accent.
LATIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "æ": "ae", "œ": "oe"}
)


class Match(enum.Enum):
    NO = "no"
    SURE = "sure"
    UNCERTAIN = "uncertain"  # bold, and reported: the owner confirms or excludes the spelling

    def __bool__(self) -> bool:
        return self is not Match.NO


@dataclass(frozen=True)
class WrittenName:
    name: str  # as written (LaTeX kept), without the marks, style commands and DBLP number
    marks: str = ""  # the marks written with it, "*", "†" or "‡", in their order
    number: str = ""  # DBLP's homonym number, "0001"


@functools.lru_cache(maxsize=1 << 16)  # a .bib repeats its names
def written_name(name: str) -> WrittenName:
    """A name without what decorates it: \\textbf{...}, *, †, $^*$, DBLP's number."""
    if not DECORATED.search(name):
        return WrittenName(name)
    text = ESCAPED_STAR.sub("*", without_style_commands(name))
    text = DAGGER_COMMAND.sub(lambda m: DAGGERS.get(m.group(1), "†"), text)
    text = RAISED_MARK.sub(lambda m: next(group for group in m.groups() if group), text)
    # *Ada Lovelace* and **Ada Lovelace** are emphasis (Markdown habits), not marks.
    emphasis = len(text) - len(text.lstrip("*"))
    if emphasis and text.rstrip().endswith("*" * emphasis):
        text = text.strip().removeprefix("*" * emphasis).removesuffix("*" * emphasis)
    marks = "".join(dict.fromkeys(char for char in text if char in MARKS))
    text = " ".join(text.translate({ord(char): None for char in MARKS}).split())
    text, number = split_dblp_number(text)
    return WrittenName(text, marks, number)


def split_dblp_number(name: str) -> tuple[str, str]:
    """DBLP's homonym number, four digits after the name, apart: "Wei Wang 0001" ->
    ("Wei Wang", "0001"); a name without one -> (name, "")."""
    found = DBLP_NUMBER.search(name)
    return (name[: found.start()], found.group(1)) if found else (name, "")


def without_style_commands(text: str) -> str:
    """\\textbf{X} and {\\bf X} become X; the braces they open must close."""
    for pattern in (STYLE_COMMAND, STYLE_GROUP):
        while match := pattern.search(text):
            end = closing_brace(text, match.end())
            if end is None:
                break  # unbalanced: leave it as written
            text = text[: match.start()] + text[match.end() : end] + text[end + 1 :]
    return text


def closing_brace(text: str, start: int) -> int | None:
    depth = 1
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return None


@functools.lru_cache(maxsize=1 << 12)
def fold(token: str) -> str:
    """Case, and the accents of Latin letters, ignored: "Rafał" -> "rafal". Other scripts
    keep their letters (only their case is folded)."""
    if token.isascii():
        return token.lower()
    letters = []
    for char in unicodedata.normalize("NFC", token.casefold()):
        if unicodedata.name(char, "").startswith("LATIN"):
            base = unicodedata.normalize("NFKD", char)
            char = "".join(c for c in base if not unicodedata.combining(c))
        letters.append(char.translate(LATIN_LETTERS))
    return "".join(letters)


def is_initial(token: str) -> bool:
    """One letter of a script with capitals (initials mean nothing in, say, Chinese)."""
    return len(token) == 1 and token.isalpha() and token.upper() != token.lower()


def name_tokens(text: str) -> tuple[str, ...]:
    """The name's parts, folded: "J.-P. Faria" -> ("j", "p", "faria")."""
    text = text.replace("{", "").replace("}", "").replace("~", " ").replace(".", ". ")
    all_capitals = text.isupper()
    tokens: list[str] = []
    for part in re.split(r"[\s\-\u2010\u2011]+", text):
        part = part.strip(".,")
        if not part:
            continue
        if 2 <= len(part) <= 3 and part.isupper() and part.isalpha() and not all_capitals:
            tokens += [fold(letter) for letter in part]  # initials run together: "JP Faria"
        else:
            tokens.append(fold(part))
    return tuple(tokens)


@dataclass(frozen=True)
class ParsedName:
    tokens: tuple[str, ...]  # given names first when the order is known
    given: tuple[str, ...] | None  # known only from a comma: "Modin, Klas"
    family: tuple[str, ...] | None
    number: str


@functools.lru_cache(maxsize=1 << 16)
def parse(name: str) -> ParsedName:
    written = written_name(name)
    parts = [part.strip() for part in written.name.split(",")]
    if len(parts) >= 2 and parts[0] and parts[-1]:
        # "Last, First" or BibTeX's "von Last, Jr, First"
        family, given = name_tokens(parts[0]), name_tokens(parts[-1])
        return ParsedName(given + family, given, family, written.number)
    return ParsedName(name_tokens(written.name), None, None, written.number)


def pair(token: str, owner_token: str) -> Match:
    if token == owner_token:
        return Match.SURE
    if is_initial(token) and owner_token.startswith(token):
        return Match.UNCERTAIN
    if is_initial(owner_token) and token.startswith(owner_token):
        return Match.UNCERTAIN
    return Match.NO


def compare_given(given: Sequence[str], owner_given: Sequence[str]) -> Match:
    """The first given names must agree; later ones may be left out or added (uncertain)."""
    if not given or not owner_given:
        return Match.NO
    first = pair(given[0], owner_given[0])
    if not first:
        return Match.NO
    sure = first is Match.SURE
    next_index = 1
    for token in given[1:]:
        for index in range(next_index, len(owner_given)):
            found = pair(token, owner_given[index])
            if found:
                sure = sure and found is Match.SURE and index == next_index
                next_index = index + 1
                break
        else:
            sure = False  # a given name the owner does not write
    sure = sure and next_index == len(owner_given)
    return Match.SURE if sure else Match.UNCERTAIN


def one_family_name_of_two(family: Sequence[str], owner_family: Sequence[str]) -> bool:
    """ "García" for "García Márquez", or the other way round: the first family name of two,
    as Spanish and Portuguese names are often shortened (the same person, most likely)."""
    shorter, longer = sorted((tuple(family), tuple(owner_family)), key=len)
    return 0 < len(shorter) < len(longer) and longer[: len(shorter)] == shorter


def best(matches: Iterable[Match]) -> Match:
    found = Match.NO
    for match in matches:
        if match is Match.SURE:
            return match
        found = found or match
    return found


@dataclass(frozen=True)
class OwnerName:
    """One spelling from conf.py, with every way its parts may split into given and family."""

    parsed: ParsedName
    splits: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    tokens: frozenset[str]  # a match shares the family name, so at least one of these

    @classmethod
    def of(cls, name: str) -> OwnerName:
        parsed = parse(name)
        splits: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
        if parsed.given is not None and parsed.family is not None:
            splits = ((parsed.given, parsed.family),)
        else:
            tokens = parsed.tokens  # "Ana María López García": the family may start anywhere
            splits = tuple((tokens[:k], tokens[k:]) for k in range(1, len(tokens)))
        return cls(parsed, splits, frozenset(parsed.tokens))

    def match(self, name: ParsedName) -> Match:
        if name.number and self.parsed.number and name.number != self.parsed.number:
            return Match.NO  # DBLP says: another person of the same name
        if name.tokens == self.parsed.tokens or "".join(name.tokens) == "".join(self.parsed.tokens):
            return Match.SURE
        if self.tokens.isdisjoint(name.tokens):
            return Match.NO  # most authors: no name in common
        return best(self.match_split(name, given, family) for given, family in self.splits)

    @staticmethod
    def match_split(name: ParsedName, given: tuple, family: tuple) -> Match:
        if name.family is not None:
            if name.family == family:
                return compare_given(name.given or (), given)
            if one_family_name_of_two(name.family, family):
                return Match.UNCERTAIN if compare_given(name.given or (), given) else Match.NO
            return Match.NO
        tokens, size = name.tokens, len(family)
        found = Match.NO
        if len(tokens) > size and tokens[-size:] == family:
            found = compare_given(tokens[:-size], given)
        if not found and len(tokens) > size and tokens[:size] == family:
            # Family name first without a comma. Only a compound family name makes the order
            # unambiguous: "Zheng Zangwei" may be a Zheng Zangwei in the usual order.
            found = compare_given(tokens[size:], given)
            if found and size == 1:
                found = Match.UNCERTAIN
        if not found and any(
            one_family_name_of_two(tokens[cut:], family) and compare_given(tokens[:cut], given)
            for cut in range(1, len(tokens))  # "Ana García Márquez": given, then two families
        ):
            found = Match.UNCERTAIN
        return found


@dataclass(frozen=True)
class OwnerNames:
    """conf.py's cv_owner, cv_owner_variants and cv_not_owner."""

    owner: str
    variants: tuple[str, ...] = ()
    not_owner: tuple[str, ...] = ()
    names: tuple[OwnerName, ...] = field(init=False, repr=False, compare=False)
    excluded: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spellings = [name for name in (self.owner, *self.variants) if name.strip()]
        object.__setattr__(self, "names", tuple(OwnerName.of(name) for name in spellings))
        excluded = frozenset(spelling_key(name) for name in self.not_owner)
        object.__setattr__(self, "excluded", excluded)

    @classmethod
    def from_config(cls, config) -> OwnerNames:
        return cls(config.cv_owner, tuple(config.cv_owner_variants), tuple(config.cv_not_owner))

    def match(self, name: str) -> Match:
        """Whether an author, as the .bib spells them, is the owner."""
        return match_owner(self, name)

    def fingerprint(self) -> tuple:
        return (self.owner, self.variants, self.not_owner)


@functools.lru_cache(maxsize=1 << 16)
def match_owner(owner: OwnerNames, name: str) -> Match:
    parsed = parse(name)
    if not parsed.tokens or spelling_key(name) in owner.excluded:
        return Match.NO
    return best(spelling.match(parsed) for spelling in owner.names)


def spelling_key(name: str) -> tuple:
    """A spelling up to case, accents, braces, dots, spacing and comma order: what
    cv_not_owner compares with ("Wei Wang 0002" is not "Wei Wang 0001")."""
    parsed = parse(name)
    return (parsed.tokens, parsed.number)


def same_spelling(name: str, other: str) -> bool:
    return spelling_key(name) == spelling_key(other)
