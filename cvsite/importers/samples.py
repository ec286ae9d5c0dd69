"""The sample content that templates ship, recognised so that it is reported, never imported:
al-folio's sample person and papers, JSON Resume's sample, academicpages' and HugoBlox's
sample pages (tests/import_corpus/ counts how often real sites keep them)."""

from __future__ import annotations

import re

# Names of templates' sample people, compared ignoring case.
SAMPLE_PEOPLE = {
    "albert einstein": "al-folio",
    "you r. name": "al-folio",
    "richard hendriks": "JSON Resume",
    "john doe": "RenderCV",
    "your name": "academicpages",
    "me": "HugoBlox",
    "your sidebar name": "academicpages",
    "nelson bighetti": "HugoBlox",
}
# Texts that only a template's sample holds (compared ignoring case and spacing).
SAMPLE_TEXTS = {
    "description 1.": "al-folio",
    "description 2.": "al-folio",
    "description 3.": "al-folio",
    "topic 1.": "al-folio",
    "topic 2.": "al-folio",
    "a simple inline announcement.": "al-folio",
    "a long announcement with details": "al-folio",
    "pied piper": "JSON Resume",
    "welcome to rendercv!": "RenderCV",
    "quick guide": "RenderCV",
}
SAMPLE_TEXT_PATTERNS = {
    re.compile(r"^paper title number \d+$", re.IGNORECASE): "academicpages",
    re.compile(r"^talk \d+ on relevant topic", re.IGNORECASE): "academicpages",
    re.compile(r"^(?:teaching experience|portfolio item) \d+$", re.IGNORECASE): "academicpages",
    re.compile(r"^an example (?:journal article|conference paper|preprint)", re.I): "HugoBlox",
    re.compile(r"^einstein\d{4}", re.IGNORECASE): "al-folio",
    re.compile(
        r"^(?:tutorial|conference proceeding talk) \d+ on relevant topic", re.I
    ): "academicpages",
    re.compile(r"github university|^skill \d+$|^sub-skill \d", re.IGNORECASE): "academicpages",
    re.compile(
        r"short biography for the left-hand sidebar|^red brick university$", re.I
    ): "academicpages",
    re.compile(r"^an example (?:conference paper|journal article) ", re.I): "HugoBlox",
    re.compile(
        r"hugo blox builder conference|wowchemy conference|journal of source themes", re.I
    ): "HugoBlox",
    re.compile(r"^gencoin$|^example coin ltd$", re.IGNORECASE): "HugoBlox",
    re.compile(r"^write your biography here", re.IGNORECASE): "al-folio",
    re.compile(r"^a simple inline announcement", re.IGNORECASE): "al-folio",
    re.compile(r"^announcements and news can be much longer", re.IGNORECASE): "al-folio",
    re.compile(r"affiliations\. address\. contacts\. motto\.", re.IGNORECASE): "al-folio",
    re.compile(r"your office number|your address street", re.IGNORECASE): "al-folio",
    re.compile(r"^a simple,? whitespace theme for academics", re.IGNORECASE): "al-folio",
    re.compile(r"^sub-description \d+\.$", re.IGNORECASE): "al-folio",
    re.compile(r"hobby 1, hobby 2", re.IGNORECASE): "al-folio",
    re.compile(r"^jekyll, jekyll-theme, academic-website", re.IGNORECASE): "al-folio",
}
# al-folio's sample papers.bib: its keys, which owners keep far more often than its titles.
SAMPLE_BIB_KEYS = frozenset(
    key.casefold()
    for key in (
        "einstein1950meaning", "einstein1905movement", "einstein1905electrodynamics",
        "einstein1905molecular", "einstein1956investigations", "einstein1920relativity",
        "PhysRev.47.777", "przibram1967letters", "einstein1905photoelectriceffect",
    )
)  # fmt: skip

# al-folio's sample profile values (socials.yml, _config.yml), kept by 11 of 20 socials.yml.
SAMPLE_PROFILE_VALUES = frozenset(
    {"qc6cjjyaaaaj", "1010907", "you@example.com", "https://www.alberteinstein.com/"}
)


def sample_of(text: object) -> str:
    """The template whose sample `text` is ("" if none): a sample person's name or a text
    that only the sample holds."""
    value = " ".join(str(text or "").split()).casefold()
    if not value:
        return ""
    if value in SAMPLE_PEOPLE:
        return SAMPLE_PEOPLE[value]
    if value in SAMPLE_TEXTS:
        return SAMPLE_TEXTS[value]
    return next((t for pattern, t in SAMPLE_TEXT_PATTERNS.items() if pattern.search(value)), "")


def is_sample_bib_key(key: str) -> bool:
    return key.casefold() in SAMPLE_BIB_KEYS


def is_sample_profile_value(value: object) -> bool:
    return str(value or "").strip().casefold() in SAMPLE_PROFILE_VALUES
