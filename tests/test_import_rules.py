"""The import's shared rules on the values that broke them: markup that would run, dates
that were cut short, terms and braces that would break a page or refs.bib
(cvsite/importers/markup.py, dates.py, site_writer.py)."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, Person

from cvsite.importers import dates, hugoblox, markup, site_writer
from cvsite.importers.front_matter import Page
from cvsite.importers.model import ImportedSite, Item
from cvsite.importers.publication_keys import new_key, unique_key
from cvsite.importers.report import Place, Report


def myst(value: str) -> tuple[str, Report]:
    report = Report()
    return markup.to_myst(value, Place("resume.json", key="work[0].highlights[0]"), report), report


@pytest.mark.parametrize(
    "value",
    [
        "Led a team\n```{raw} html\n&lt;img src=x onerror=alert(1)&gt;\n```",
        "```{raw} html\n<img src=x onerror=alert('unclosed')\n```",
        "```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
        ":::{include} /etc/hostname\n:::",
        "Plain highlight\n:::\nAfter the fence",
    ],
)
def test_no_directive_of_a_value_reaches_the_page(value):
    text, report = myst(value)
    assert not any(line.lstrip().startswith(("```{", "~~~{", ":::")) for line in text.splitlines())
    assert "a MyST directive or ':::' line; shown as text, not run" in [
        f.why for f in report.findings
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "x"),
        ("[x](javascript:alert(1))", "x"),  # its parentheses no longer end the link early
        ("<![CDATA[><img src=x onerror=alert(1)>]]> kept", "kept"),
        ("<svg onload=alert(1)><circle/></svg> kept", "kept"),
        (
            "[site](https://a.example/(x)) and **bold**",
            "[site](https://a.example/(x)) and **bold**",
        ),
    ],
)
def test_what_would_run_is_dropped_and_the_rest_kept(value, shown):
    text, _ = myst(value)
    assert text == shown


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("2019 – 2021", None),  # a range, not its start
        ("2020 - Present", None),
        ("2020 (expected)", None),
        ("2021-02-30", None),  # no such day
        ("0000", None),
        ("2024-03-05 15:59:00-0400", (2024, 3, 5)),  # al-folio's news: a time after the day
        ("Sep. 2021", (2021, 9, None)),
        ("09/2021", (2021, 9, None)),
    ],
)
def test_a_date_is_read_whole_or_not_at_all(value, parts):
    assert dates.read_date(value) == parts


@pytest.mark.parametrize(
    ("shown", "start", "end", "ongoing"),
    [
        ("2021-09 – 2022-03", (2021, 9, None), (2022, 3, None), False),
        ("2019-2021", (2019, None, None), (2021, None, None), False),
        ("2019-09", (2019, 9, None), None, False),
        ("Aug. 2021 – Jun. 2025 (expected)", (2021, 8, None), (2025, 6, None), False),
        ("May 2019 – Present", (2019, 5, None), None, True),
    ],
)
def test_a_range_is_read_at_its_separator(shown, start, end, ongoing):
    assert dates.read_range(shown) == (start, end, ongoing)


def test_a_term_stays_on_its_line():
    written = site_writer.items_block([Item("Python", "Languages\n# Injected heading")])
    assert written == "Languages # Injected heading\n: Python\n"


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("A paper } with @brace {", "A paper  with @brace "),
        ("{LLM} Inference", "{LLM} Inference"),
        ("a {b {c} d", "a b {c} d"),
    ],
)
def test_a_brace_without_its_pair_is_left_out_of_refs_bib(value, kept):
    assert site_writer.balanced(value) == kept


@pytest.mark.parametrize(
    ("authors", "fields", "key"),
    [
        (["Okafor, Ada", "others"], {"year": "2023", "title": "Flood routing"}, "okafor2023flood"),
        (["Fernández, Lucía"], {"year": "2022", "title": "A fast solver"}, "fernandez2022fast"),
        (["Oyelaran-Sørensen, M."], {"year": "2023", "title": "Fl"}, "oyelaransorensen2023fl"),
        (["Jan van der Berg"], {"year": "2020", "title": "Über Wellen"}, "berg2020uber"),
        (["Łukasiewicz, Jan"], {"year": "1951", "title": "O logice"}, "lukasiewicz1951logice"),
        (["Okafor, Ada"], {"year": "In press", "title": "Flood"}, "okaforflood"),
        (["others"], {"date": "2021-03-01", "title": "Drought Memory"}, "drought2021"),
        ([], {"year": "2019", "title": "A Note on Placeholder Rings"}, "note2019"),
        ([], {"year": "2022", "title": "Grundvandsdannelse i moræneler"}, "grundvandsdannelse2022"),
        ([], {"year": "2021", "title": "On AI"}, "on2021"),
        (["张伟"], {"year": "2020", "title": "深度学习"}, "publication2020"),
        ([], {"title": ""}, "publication"),
    ],
)  # fmt: skip
def test_the_key_of_a_new_publication(authors, fields, key):
    """RenderCV, JSON Resume and academicpages entries have no keys: one rule makes them."""
    assert new_key([Person(name) for name in authors], fields) == key


@pytest.mark.parametrize(
    ("key", "taken", "unique"),
    [
        ("verbs2021", [], "verbs2021"), ("verbs2021", ["verbs2021"], "verbs2021b"),
        ("verbs2021", ["Verbs2021", "verbs2021B"], "verbs2021c"),
        ("x", ["x", *(f"x{c}" for c in "bcdefghijklmnopqrstuvwxyz")], "xaa"),
    ],
)  # fmt: skip
def test_a_taken_key_gets_a_letter(key, taken, unique):
    assert unique_key(key, taken) == unique


@pytest.mark.parametrize(
    ("written", "doi"),
    [
        ("https://doi.org/10.5555/ijslt.2020.42", "10.5555/ijslt.2020.42"),
        ("http://dx.doi.org/10.1000/xyz", "10.1000/xyz"), ("doi:10.1000/xyz", "10.1000/xyz"),
        ("DOI: 10.1000/xyz", "10.1000/xyz"), ("10.1000/xyz", "10.1000/xyz"), ("", None),
    ],
)  # fmt: skip
def test_a_hugoblox_doi_is_kept_bare(written, doi, tmp_path):
    site = ImportedSite("hugoblox", tmp_path, Report())
    entry = Entry("article", fields={"title": "T"})
    page = Page("content/publication/t/index.md", meta={"title": "T", "doi": written})
    hugoblox.add_front_matter(entry, page, site)
    assert entry.fields.get("doi") == doi
