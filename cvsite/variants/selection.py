"""A variant's rules, each once: which entries and items (by their tags) and which
publications (by mark, year, kind, keywords and recency) it shows. The PDF of a variant
(pdf_variant.py) and a list on the site that names a variant (`:variant:`) both ask here."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cvsite.publications.record import Record, newest_first
from cvsite.variants.declared import PublicationRules, Variant

KEYWORD_SEPARATOR = re.compile(r"\s*[,;]\s*")


def read_tags(text: str) -> tuple[str, ...]:
    """`:tags: teaching, short` (or `{cv-tags}` on a list item): the tags, in lower case."""
    return tuple(tag.casefold() for tag in KEYWORD_SEPARATOR.split(text.strip()) if tag)


def shows_tagged(tags: Iterable[str], variant: Variant) -> bool:
    """Whether the variant shows an entry or item with these tags: with no tag rule, every
    one; else one that shares a tag, and an untagged one unless `untagged` is False."""
    if not variant.tags:
        return True
    tags = set(tags)
    if not tags:
        return variant.untagged
    return bool(tags & {tag.casefold() for tag in variant.tags})


def keywords_of(record: Record) -> set[str]:
    value = dict(record.fields).get("keywords", "")
    return {word.casefold() for word in KEYWORD_SEPARATOR.split(value) if word}


def meets(record: Record, rules: PublicationRules) -> bool:
    """Every rule but `latest`: the mark, the first year, the kind, the keywords."""
    if rules.selected and not record.selected:
        return False
    if rules.since and record.date.sort_year < rules.since:
        return False
    if rules.kinds and record.kind not in rules.kinds:
        return False
    wanted = {word.casefold() for word in rules.keywords}
    return not wanted or bool(keywords_of(record) & wanted)


def chosen_keys(records: Iterable[Record], rules: PublicationRules) -> set[str]:
    """The keys of the publications the rules choose: those that meet them, and of these
    the `latest` most recent (the lists' own order within a year)."""
    meeting = sorted((r for r in records if meets(r, rules)), key=newest_first)
    if rules.latest:
        meeting = meeting[: rules.latest]
    return {record.key for record in meeting}
