"""Every fact a page's source states appears on its built page, in the source's order.

The checks are cvsite's content invariants (cvsite/testing/site_content.py), the same that a
site made with `cvsite new` runs; here the `academic` fixture runs each once for the reference
site and once for the invented second academic of tests/sites/. A tiny site built here shows
that a failing check explains itself: what it looked for, where the sources say so, where it
looked in the output.
"""

import io
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from cvsite.testing import site_content
from cvsite.testing.built_site import Academic, BuiltSite
from cvsite.testing.site_content import *  # noqa: F403
from cvsite.testing.source_facts import SiteSources

# -- A failing check explains itself ----------------------------------------------------------

TINY_SITE = {
    "conf.py": 'extensions = ["cvsite"]\ncv_owner = "Ida Quill"\ncv_email = "ida@example.org"\n'
    'cv_homepage = "https://ida.example.org"\n',
    "refs.bib": "@article{quill2031,\n  author = {Ida Quill},\n  title = {Undrawn Graphs},\n"
    "  journal = {Journal of Examples},\n  year = {2031},\n}\n",
    # The home page's title is not the owner's name, and no sentence names her.
    "docs/index.md": "---\nmyst:\n  html_meta:\n    description: A home page.\n---\n\n# Home\n\n"
    "[ida@example.org](mailto:ida@example.org) · [ida.example.org](https://ida.example.org)\n\n"
    "```{toctree}\n:hidden:\n\ntalks\n```\n",
    "docs/talks.md": "---\nmyst:\n  html_meta:\n    description: Talks.\n---\n\n# Talks\n\n"
    "- A talk on undrawn graphs.\n- A talk on imaginary numbers.\n\n"
    ":::{publication-list} peer-reviewed\n:::\n",
}


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Academic:
    """A site whose home page does not name its owner, built in this process (a second)."""
    root = tmp_path_factory.mktemp("tiny-site")
    for name, text in TINY_SITE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    html, doctrees = root / "_build" / "html", root / "_build" / "doctrees"
    warnings = io.StringIO()
    with patch_docutils(root), docutils_namespace():
        app = Sphinx(root / "docs", root, html, doctrees, "html", status=io.StringIO(),
                     warning=warnings)  # fmt: skip
        app.build()
    assert app.statuscode == 0 and not warnings.getvalue(), warnings.getvalue()
    return Academic("tiny", SiteSources(root), BuiltSite(html, "", 0), Path("no.pdf"))


def test_a_failing_check_names_what_it_looked_for_where_the_sources_say_so_and_where(tiny_site):
    root, html = tiny_site.sources.root, tiny_site.site.html
    with pytest.raises(AssertionError) as failed:
        site_content.test_home_page_shows_the_owner_email_and_homepage(tiny_site)
    message = str(failed.value)
    assert message.startswith(
        "the home page does not name the owner\n"
        "  looked for: the owner's name 'Ida Quill' in the home page's text"
    )
    assert f"\n  from the sources: {root / 'conf.py'}:2 (cv_owner)\n" in message
    assert f"\n  in the output: {html / 'index.html'} (its article)" in message


def test_a_fact_lost_on_the_way_out_is_named_with_its_line_and_page(tiny_site):
    talks = tiny_site.site.html / "talks.html"
    built = talks.read_text(encoding="utf-8")
    assert "A talk on undrawn graphs." in built
    talks.write_text(built.replace("A talk on undrawn graphs.", ""), encoding="utf-8")
    try:
        with pytest.raises(AssertionError) as failed:
            site_content.test_every_item_term_and_definition_in_the_sources_order(tiny_site)
    finally:
        talks.write_text(built, encoding="utf-8")
    message = str(failed.value)
    assert message.startswith("line 9: 'A talk on undrawn graphs.' is missing or out of order\n")
    assert f"from the sources: {tiny_site.sources.root / 'docs' / 'talks.md'} (at the" in message
    assert f"in the output: {talks} (its article)" in message
