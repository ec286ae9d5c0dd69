"""cv_variants, cv_pdf_layout and cv_pdf_page_limit as conf.py may get them wrong: each
problem named with its key and what to write (cvsite/variants/declared.py; the build stops
with them as it does for every setting, tests/test_bad_input.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from cvsite.cli import make_pdf
from cvsite.variants import declared
from cvsite.variants.declared import PublicationRules, Variant

DOCS = Path(__file__).resolve().parents[1] / "docs"


def config(**given) -> SimpleNamespace:
    values = {"cv_pdf_layout": "classic", "cv_pdf_page_limit": 0, "cv_variants": {},
              "cv_variant": ""} | given  # fmt: skip
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"cv_pdf_layout": "fancy"},
         "cv_pdf_layout is 'fancy'; choose one of classic, compact, modern"),
        ({"cv_pdf_page_limit": -1}, "cv_pdf_page_limit is -1; give a number of pages"),
        ({"cv_variants": ["short"]}, "cv_variants is ['short']; give a dictionary"),
        ({"cv_variants": {"Short CV": {}}},
         "cv_variants['Short CV']: name each variant in lower-case"),
        ({"cv_variants": {"short": {"pages": ["educaton"]}}},
         "cv_variants['short']['pages'] names 'educaton', which is no page under"),
        ({"cv_variants": {"short": {"limit": 1}}},
         "cv_variants['short'] has the key 'limit', which is none of title, pages"),
        ({"cv_variants": {"short": {"page_limit": "1"}}},
         "cv_variants['short']['page_limit'] must be a int, not str"),
        ({"cv_variants": {"short": {"publications": {"kinds": ["talks"]}}}},
         "['kinds'] holds ['talks']; the kinds are peer-reviewed, preprints, other"),
        ({"cv_variants": {"short": {"publications": {"after": 2020}}}},
         "has the rule 'after', which is none of selected, since, latest, kinds, keywords"),
        ({"cv_variants": {"short": {"publications": {"keywords": [2020]}}}},
         "['publications']['keywords'] holds [2020]; each must be a word in quotes"),
        ({"cv_variants": {"short": {"publications": {"latest": -1}}}},
         "['publications']['latest'] is -1; give a number from 1, e.g. 10"),
        ({"cv_variants": {"short": {"publications": {"since": True}}}},
         "['publications']['since'] is True; give a number from 1, e.g. 2020"),
        ({"cv_variant": "long", "cv_variants": {"short": {}}},
         "cv_variant 'long' is not in cv_variants (declared: short)"),
    ],
)  # fmt: skip
def test_each_mistake_is_named_with_what_to_write(given, expected):
    problems = declared.problems(config(**given), DOCS)
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_well_formed_declaration_reads_as_its_variants_after_the_full_cv():
    rules = {"title": "Short CV", "pages": ["education"], "tags": ["short"], "page_limit": 1,
             "publications": {"selected": True, "since": 2021}, "layout": "compact",
             "public": True}  # fmt: skip
    settings = config(cv_variants={"short": rules}, cv_pdf_page_limit=3)
    assert declared.problems(settings, DOCS) == []
    full, short = declared.declared(settings)
    assert full == Variant("", "CV", page_limit=3, public=True)
    assert short == Variant(
        "short", "Short CV", ("education",), ("short",), True,
        PublicationRules(selected=True, since=2021), 1, "compact", True,
    )  # fmt: skip
    assert declared.current(config(cv_variants={"short": rules}, cv_variant="short")) == short


def test_a_conf_py_that_cannot_be_read_names_no_variant_and_leaves_the_message_to_sphinx(
    tmp_path,
):
    (tmp_path / "conf.py").write_text('cv_variants = {"short": {\n', encoding="utf-8")
    assert make_pdf.declared_variants(tmp_path) == []
    (tmp_path / "conf.py").write_text('cv_variants = {"short": {}, "long": {}}\n', "utf-8")
    assert make_pdf.declared_variants(tmp_path) == ["short", "long"]
