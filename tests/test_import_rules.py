"""The import's shared rules on the values that broke them: markup that would run, dates
that were cut short, terms and braces that would break a page or refs.bib
(cvsite/importers/markup.py, dates.py, site_writer.py)."""

from __future__ import annotations

import pytest

from cvsite.importers import dates, markup, site_writer
from cvsite.importers.model import Item
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
