"""BibTeX's `crossref`: the fields an entry takes from the entry it names (its parent), as
DBLP's "BibTeX with crossref" export writes every conference paper (a short `booktitle`,
`crossref = {DBLP:conf/x/2020}`) followed by its @proceedings (editors, the full title,
publisher, series, volume, ISBN).

The one rule, read by the record (record.py: what the lists, paper pages, Scholar tags, the
BibTeX export and the PDF show) and by the checks of `make check` and the build (a child
without `booktitle` or `year` of its own is not missing them):

- a field (or `author`, `editor`) the child lacks is taken from its parent, under the same
  name, as BibTeX does; a field the child has, even empty, is its own;
- a part of a volume (@inproceedings, @conference, @incollection, @inbook) takes the volume's
  `title` as its `booktitle` when the volume has none, as biblatex maps it, and never takes
  the volume's title as its own;
- what names the parent work itself (its DOI, URL, arXiv id, pages, abstract), DBLP's
  bookkeeping and the site's own fields about one publication are not taken
  (fields.NOT_INHERITED);
- one level, as BibTeX: a parent's own `crossref` gives its children nothing.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import TypeVar

from cvsite.publications.fields import NOT_INHERITED, PART_TYPES, TITLE_FIELDS

V = TypeVar("V")


def parent_key(written: str) -> str:
    """The key a `crossref` value names, as BibTeX compares keys (case ignored)."""
    return written.replace("{", "").replace("}", "").strip().casefold()


def inherited(
    child_type: str, has: Container[str], parent: Iterable[tuple[str, V]]
) -> list[tuple[str, V]]:
    """What a child of this type, which has the fields named in `has` (lower case), takes from
    its parent's (name in lower case, value) pairs, in the parent's order: [(name, value)]."""
    items = list(parent)
    parent_has = {name for name, _ in items}
    part = child_type.lower() in PART_TYPES
    taken = []
    for name, value in items:
        if part and name in TITLE_FIELDS:
            if name == "title" and "booktitle" not in parent_has and "booktitle" not in has:
                taken.append(("booktitle", value))
        elif name not in has and name not in NOT_INHERITED:
            taken.append((name, value))
    return taken
