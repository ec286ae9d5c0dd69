"""Reads the owner's CV (plain text, as handed to us) into the facts the site must show.

The CV, not the site, is the source of truth: each test looks for these facts in the build.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# The CV lies beside the repository (../shared/cv/); CV_FILE points elsewhere.
CV_PATH = Path(
    os.environ.get(
        "CV_FILE",
        Path(__file__).resolve().parents[1].parent / "shared" / "cv" / "zangwei-zheng-cv.txt",
    )
)

# CV section heading -> the page of the site that carries it.
SECTION_PAGES = {
    "EDUCATION": "education.html",
    "RESEARCH INTEREST": "research-interests.html",
    "ACADEMIC RESEARCH EXPERIENCE": "research-experience.html",
    "INDUSTRY RESEARCH EXPERIENCE": "industry-experience.html",
    "PUBLICATIONS": "publications.html",
    "PREPRINTS": "publications.html",
    "SKILLS": "skills.html",
}


@dataclass
class Entry:
    institution: str
    dates: str
    role: str = ""
    place: str = ""
    bullets: list[str] = field(default_factory=list)


@dataclass
class Paper:
    number: int
    title: str
    authors: list[str]  # as written, with the * marks
    venue: str = ""  # e.g. "Neurips 2023"
    award: str = ""
    arxiv: str = ""


@dataclass
class CV:
    name: str
    email: str
    homepage: str
    entries: dict[str, list[Entry]]  # by section
    interests: list[str]
    publications: list[Paper]
    preprints: list[Paper]
    skills: dict[str, list[str]]


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"HEAD": []}
    current = "HEAD"
    for line in text.splitlines():
        if line.strip() in SECTION_PAGES:
            current = line.strip()
            sections[current] = []
        elif line.strip():
            sections[current].append(line.strip("\n"))
    return sections


def _entries(lines: list[str]) -> list[Entry]:
    entries: list[Entry] = []
    for line in lines:
        left, _, right = (part.strip() for part in line.partition("\t"))
        if left.startswith("◦"):
            entries[-1].bullets.append(left.lstrip("◦ ").strip())
        elif left.startswith("<i>"):
            entries[-1].role = re.sub(r"</?i>", "", left)
            entries[-1].place = right
        else:
            entries.append(Entry(institution=left, dates=right))
    return entries


PAPER = re.compile(
    r"^\s*(?P<number>\d+)\.\s+\*\*(?P<title>.+?)\*\*\s+(?P<authors>.+?)\s+"
    r"(?:\*\*(?P<venue>.+?)\*\*|\[arXiv:(?P<arxiv>[\d.]+)\]\(#\))\s*$"
)


def _papers(lines: list[str]) -> list[Paper]:
    papers = []
    for line in lines:
        match = PAPER.match(line)
        if not match:
            continue
        venue = match["venue"] or ""
        award = ""
        if "Award" in venue:
            award, _, venue = (part.strip() for part in venue.rpartition(","))
        papers.append(
            Paper(
                number=int(match["number"]),
                title=match["title"],
                authors=[a.strip() for a in match["authors"].split(",")],
                venue=venue,
                award=award,
                arxiv=match["arxiv"] or "",
            )
        )
    return papers


def load(path: Path = CV_PATH) -> CV:
    text = path.read_text(encoding="utf-8")
    sections = _sections(text)
    head = sections["HEAD"]
    contact = head[1]
    interests = [
        re.sub(r"^-\s*", "", line).replace(":**", ":").strip()
        for line in sections["RESEARCH INTEREST"]
    ]
    skills = {}
    for line in sections["SKILLS"]:
        label, _, items = line.partition(" ")
        skills[label] = [item.strip().replace("\\LaTeX", "LaTeX") for item in items.split(",")]
    return CV(
        name=head[0].strip(),
        email=re.search(r"\S+@\S+", contact).group(0),
        homepage=re.search(r"🏠\s*(\S+)", contact).group(1),
        entries={
            section: _entries(sections[section])
            for section in (
                "EDUCATION",
                "ACADEMIC RESEARCH EXPERIENCE",
                "INDUSTRY RESEARCH EXPERIENCE",
            )
        },
        interests=interests,
        publications=_papers(sections["PUBLICATIONS"]),
        preprints=_papers(sections["PREPRINTS"]),
        skills=skills,
    )
