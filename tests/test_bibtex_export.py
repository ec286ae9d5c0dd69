"""The BibTeX a paper page offers reads back, in pybtex and in BibTeX itself, as the same people,
title and fields: von parts, Jr parts, compound, braced, non-ASCII and LaTeX-accented names."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pybtex.database import parse_string

from cvsite.papers.bibtex_export import clean_bibtex, entry_source
from cvsite.publications.record import record_of_entry

# (as refs.bib writes the name, then BibTeX's parts: first, von, last, jr)
NAMES = [
    ("Whitcombe, Jr., Thaddeus", "Thaddeus", "", "Whitcombe", "Jr."),
    ("Thaddeus Whitcombe, Jr.", "Jr.", "", "Thaddeus Whitcombe", ""),  # BibTeX's own reading
    ("García Márquez, Ana", "Ana", "", "García Márquez", ""),
    ("van der Berg, Jan", "Jan", "van der", "Berg", ""),
    ("Jan van der Berg", "Jan", "van der", "Berg", ""),
    ("de la Fontaine, Jr, Jean", "Jean", "de la", "Fontaine", "Jr"),
    ("{Barnes and Noble, Inc.}", "", "", "{Barnes and Noble, Inc.}", ""),
    ('M{\\"u}ller, J{\\"o}rg', 'J{\\"o}rg', "", 'M{\\"u}ller', ""),
    ("Zoë Ångström", "Zoë", "", "Ångström", ""),
    ("{Ludwig van} Beethoven", "{Ludwig van}", "", "Beethoven", ""),
    ("张, 伟", "伟", "", "张", ""),
    # The site's marks and DBLP's number are not part of the name.
    ("Zheng*, Zangwei", "Zangwei", "", "Zheng", ""),
    ("\\textbf{Ada Lovelace}", "Ada", "", "Lovelace", ""),
    ("\\mkbibbold{Ríos Pérez, Elena}", "Elena", "", "Ríos Pérez", ""),
    ("Wei Wang 0001", "Wei", "", "Wang", ""),
    ("Ada Lovelace$^\\dagger$", "Ada", "", "Lovelace", ""),
    # The site's equal-contribution mark escaped as LaTeX writes it: no stray backslash.
    ("Somerville\\*, Mary", "Mary", "", "Somerville", ""),
    ("Caroline Herschel\\*", "Caroline", "", "Herschel", ""),
    ("Germain$^\\ast$, Sophie", "Sophie", "", "Germain", ""),
    # DBLP's number, in either order.
    ("Li, Na 0002", "Na", "", "Li", ""),
    ("Na Li 0003", "Na", "", "Li", ""),
]
TITLE = "A {GPU} Study of $\\alpha$: 50\\% faster \\emph{in vivo}"
URL = "https://example.org/a_paper?x=1&y=2"


def source_entry() -> str:
    authors = " and ".join(name for name, *_ in NAMES)
    return (
        f"@article{{lovelace2024,\n  author = {{{authors}}},\n  title = {{{TITLE}}},\n"
        f"  journal = {{J. Invented Results}},\n  year = {{2024}},\n  url = {{{URL}}},\n"
        "  selected = {true},\n  award = {Best Paper},\n}\n"
    )


def exported() -> str:
    entry = parse_string(source_entry(), "bibtex").entries["lovelace2024"]
    return clean_bibtex(record_of_entry(entry))


def test_pybtex_reads_back_the_same_people_title_and_fields():
    entry = parse_string(exported(), "bibtex").entries["lovelace2024"]
    people = [
        (
            " ".join(person.first_names + person.middle_names),
            " ".join(person.prelast_names),
            " ".join(person.last_names),
            " ".join(person.lineage_names),
        )
        for person in entry.persons["author"]
    ]
    assert people == [tuple(parts) for _, *parts in NAMES]
    assert entry.fields["title"] == TITLE
    assert entry.fields["url"] == URL
    assert entry.fields["journal"] == "J. Invented Results"
    assert "selected" not in entry.fields and "award" not in entry.fields


def parts(person) -> tuple:
    return (
        person.first_names, person.middle_names, person.prelast_names, person.last_names,
        person.lineage_names,
    )  # fmt: skip


def test_the_whole_entry_reads_back_as_written():
    """`cvsite import` (refs.bib) and the JSON Resume export write the entry whole: every
    name's parts, marks and numbers kept, and every field, the site's own too."""
    written = parse_string(source_entry(), "bibtex").entries["lovelace2024"]
    editors = "Somerville\\*, Mary and de la Fontaine, Jr, Jean"
    written.persons["editor"] = (
        parse_string(f"@book{{x, editor = {{{editors}}}}}", "bibtex").entries["x"].persons["editor"]
    )
    source = entry_source(record_of_entry(written), citable=False)
    entry = parse_string(source, "bibtex").entries["lovelace2024"]
    for role in ("author", "editor"):
        assert [parts(p) for p in entry.persons[role]] == [parts(p) for p in written.persons[role]]
    assert dict(entry.fields) == dict(written.fields)
    assert entry.type == "article" and "selected = {true}" in source


# BibTeX's own name splitting: each author as first|von|last|jr, then the title as read.
NAMES_STYLE = r"""
ENTRY { author title url } {} {}
INTEGERS { n i }
FUNCTION {not} { { #0 } { #1 } if$ }
FUNCTION {show}
{ author num.names$ 'n :=
  #1 'i :=
  { i n > not }
  { author i "{ff}|{vv}|{ll}|{jj}" format.name$ write$ newline$
    i #1 + 'i := }
  while$
  title write$ newline$
  url write$ newline$
}
FUNCTION {article} { show }
READ
ITERATE {call.type$}
"""


def test_bibtex_itself_reads_back_the_same_people_and_title(tmp_path: Path):
    (tmp_path / "export.bib").write_text(exported(), encoding="utf-8")
    (tmp_path / "names.bst").write_text(NAMES_STYLE, encoding="utf-8")
    (tmp_path / "doc.aux").write_text(
        "\\citation{*}\n\\bibdata{export}\n\\bibstyle{names}\n", encoding="utf-8"
    )
    result = subprocess.run(
        ["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    lines = (tmp_path / "doc.bbl").read_text(encoding="utf-8").splitlines()
    expected = ["|".join(parts).replace("{", "").replace("}", "") for _, *parts in NAMES]
    # Braces and BibTeX's ties (~) are how it prints a name, not part of the name.
    printed = [line.replace("{", "").replace("}", "").replace("~", " ") for line in lines]
    assert printed[: len(NAMES)] == expected
    assert lines[len(NAMES)] == TITLE
    assert lines[len(NAMES) + 1] == URL
