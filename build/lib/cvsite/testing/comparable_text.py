"""Finding the sources' facts in built text, for the test oracle: the HTML's text and the PDF's
(as pdftotext gives it back) made comparable with the sources' text, and the check that every
block's facts appear in the sources' order (`missing_in_order`).

Kept apart from reading the sources (source_facts.py, source_pages.py): this is about what
Sphinx, xelatex and pdftotext do to text on its way out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cvsite.testing.source_pages import Block, CVEntry

# Sphinx curls quotes and turns -- into dashes in page text, not in cv-entry options: both
# sides are compared with the typography folded back.
TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "--", "—": "---", "…": "..."}
)
# What pdftotext cannot keep: line breaks, hyphenation at a line end, small capitals, and
# the bidi controls it wraps right-to-left runs in.
PDF_DROPPED = re.compile(r"[\s\-\u00ad\u2010\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
# Devanagari's vowel sign I is written after its consonant cluster and drawn before it; a PDF
# keeps only the drawn order, which pdftotext gives back ("अनिल" comes out as "अिनल").
CONSONANT = r"[\u0915-\u0939\u0958-\u095f]\u093c?"  # with its nukta
DEVANAGARI_CLUSTER_THEN_I = re.compile(rf"((?:{CONSONANT}\u094d)*{CONSONANT})\u093f")


def html_comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(TYPOGRAPHY).split())


def pdf_comparable(text: str) -> str:
    """Text as a PDF can give it back. NFKC, not NFC: pdftotext gives Arabic as the shaped
    letters it drew (the Presentation Forms, compatibility characters of the plain letters)."""
    folded = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).casefold()
    return PDF_DROPPED.sub("", folded)


def as_drawn(source: str) -> str:
    """A source's text in the order a PDF draws it (only Devanagari's vowel sign I moves)."""
    return DEVANAGARI_CLUSTER_THEN_I.sub("\u093f\\1", unicodedata.normalize("NFC", source))


@dataclass(frozen=True)
class Comparison:
    """How built text and a source's text are made comparable."""

    built: Callable[[str], str]
    source: Callable[[str], str]


IN_HTML = Comparison(html_comparable, html_comparable)
IN_PDF = Comparison(pdf_comparable, lambda source: pdf_comparable(as_drawn(source)))


def block_texts(block: Block) -> tuple[str, list[str], list[str]]:
    """(the text that starts the block, the texts that follow it in order, the others)."""
    if isinstance(block, CVEntry):
        return block.institution, list(block.bullets), list(block.head)
    return block.text, [], []


def missing_in_order(text: str, blocks: Sequence[Block], comparison: Comparison) -> list[str]:
    """The facts of blocks not found in text in the blocks' order; [] when all are.

    A block's first text (an entry's institution) must come after the previous block; its
    bullets follow it in order; its other fields (dates, role, place: laid out beside the
    institution) anywhere before the next block starts.
    """
    text = comparison.built(text)
    problems: list[str] = []
    position = 0
    starts: list[tuple[int, list[str], Block]] = []
    for block in blocks:
        anchor, ordered, others = block_texts(block)
        for index, part in enumerate([anchor, *ordered]):
            found = text.find(comparison.source(part), position)
            if found < 0:
                problems.append(f"line {block.line}: {part!r} is missing or out of order")
                continue
            if index == 0:
                starts.append((found, others, block))
            position = found + len(comparison.source(part))
    for index, (start, others, block) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        for part in others:
            if comparison.source(part) not in text[start:end]:
                problems.append(f"line {block.line}: {part!r} is not within its entry")
    return problems
