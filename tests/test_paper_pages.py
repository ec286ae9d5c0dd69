"""A page per paper: Google Scholar's tags, schema.org JSON-LD, BibTeX, selected papers."""

from __future__ import annotations

import base64
import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ANSI_ESCAPE, REPO, text_of
from test_pdf import pdftotext

from cvsite.publications import bib_check

# The fields exactly as refs.bib writes them (our strict reader keeps the raw values).
RAW = {entry.key: entry for entry in bib_check.read(REPO / "refs.bib")[0]}
KEYS = sorted(RAW)


BIB = {key: {name: field.value for name, field in RAW[key].fields.items()} for key in KEYS}


def written_authors(key: str) -> list[str]:
    """The author field of refs.bib, split as written (the order is the fact that matters)."""
    return [name.strip() for name in re.split(r"\s+and\s+", BIB[key]["author"])]


def publication_date(fields: dict[str, str], separator: str) -> str:
    """The year, or for a preprint without one the year and month of its arXiv id (YYMM.NNNNN)."""
    if "year" in fields:
        return fields["year"]
    return f"20{fields['eprint'][:2]}{separator}{fields['eprint'][2:4]}"


def tags(soup, name: str) -> list[str]:
    return [meta["content"] for meta in soup.find_all("meta", attrs={"name": name})]


def test_every_entry_has_exactly_one_page(site):
    pages = sorted(p.stem for p in (site.html / "publications").glob("*.html"))
    assert pages == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_google_scholar_tags_match_refs_bib(site, key):
    fields = BIB[key]
    soup = site.page(f"publications/{key}.html")
    assert tags(soup, "citation_author") == written_authors(key)
    assert tags(soup, "citation_title") == [re.sub(r"[{}]", "", fields["title"])]
    assert tags(soup, "citation_publication_date") == [publication_date(fields, "/")]
    assert tags(soup, "citation_conference_title") == (
        [fields["booktitle"]] if "booktitle" in fields else []
    )
    assert tags(soup, "citation_journal_title") == []
    assert tags(soup, "citation_arxiv_id") == ([fields["eprint"]] if "eprint" in fields else [])
    # refs.bib holds no PDF link and no DOI: no tag may claim one.
    assert tags(soup, "citation_pdf_url") == [] and tags(soup, "citation_doi") == []


@pytest.mark.parametrize("key", KEYS)
def test_scholarly_article_json_ld(site, key):
    fields = BIB[key]
    soup = site.page(f"publications/{key}.html")
    [script] = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "ScholarlyArticle"
    title = re.sub(r"[{}]", "", fields["title"])
    assert data["headline"] == data["name"] == title
    assert [author["name"] for author in data["author"]] == written_authors(key)
    assert {author["@type"] for author in data["author"]} == {"Person"}
    assert data.get("datePublished") == publication_date(fields, "-")
    assert data.get("isPartOf", {}).get("name") == fields.get("booktitle")
    arxiv = fields.get("eprint")
    assert data.get("sameAs") == (f"https://arxiv.org/abs/{arxiv}" if arxiv else None)
    assert data["url"] == f"https://zhengzangw.github.io/publications/{key}.html"


def test_page_holds_reference_award_legend_bibtex_and_way_back(site):
    soup = site.page("publications/zheng2023cowclip.html")
    assert text_of(soup.find("h1")).startswith("CowClip: Reducing CTR Prediction Model")
    assert "AAAI 2023" in text_of(soup.select_one(".cv-paper"))
    assert text_of(soup.select_one(".cv-award")) == "Distinguished Paper Award (0.1%)"
    assert soup.select(".cv-legend") == []
    assert soup.select_one(".cv-back a")["href"] == "../publications.html#zheng2023cowclip"
    bibtex = soup.select_one(".cv-bibtex-source code").get_text()
    assert bibtex.startswith("@inproceedings{zheng2023cowclip,") and "award" not in bibtex
    download = soup.select_one(".cv-bibtex-source a[download]")
    assert download["download"] == "zheng2023cowclip.bib"
    kind, _, payload = download["href"].partition(",")
    assert kind == "data:application/x-bibtex;charset=utf-8;base64"
    assert base64.b64decode(payload).decode("utf-8") == bibtex.strip() + "\n"
    assert not list((site.html / "publications").glob("*.bib"))  # the link holds the file
    assert soup.select_one("button.cv-copy") is not None
    marked = site.page("publications/yue2021prototypical.html")
    assert text_of(marked.select_one(".cv-legend")) == "* denotes equal contribution."


def test_titles_in_the_lists_link_to_the_pages(site):
    for item in site.page("publications.html").select(".cv-publications li[id]"):
        assert item.select_one(".cv-pub-title a")["href"] == f"publications/{item['id']}.html"


def test_selected_publications_on_the_home_page(site):
    soup = site.page("index.html")
    selected = [a["href"] for a in soup.select(".cv-selected .cv-pub-title a")]
    marked = [key for key in BIB if BIB[key].get("selected") == "true"]
    expected_order = ["zheng2023response", "zheng2023preventing", "luo2023came",
                      "zheng2023cowclip", "yue2021prototypical"]  # fmt: skip
    assert sorted(marked) == sorted(expected_order)
    assert selected == [f"publications/{key}.html" for key in expected_order]
    assert len(soup.select(".cv-publications-selected .cv-legend")) == 1


EMPTY_SELECTED_NOTE = (
    "NOTE: no entry of the .bib files is marked selected, so this selected publications list "
    "is left out, with the heading of its section; mark the entries to show with "
    "selected = {true} in refs.bib"
)


def test_the_quiet_build_prints_the_note_with_its_file_and_line(tmp_path, capsys):
    """`cvsite html` builds quietly (cli/quiet_sphinx.py): its own handler prints the note, with
    the page's file and line as Sphinx would write them, not without them."""
    from cvsite.cli import quiet_sphinx

    root = REPO / "tests" / "roots" / "test-selected-empty"
    assert quiet_sphinx.main(["-b", "html", str(root), str(tmp_path / "html")]) == 0
    printed = ANSI_ESCAPE.sub("", capsys.readouterr().out)
    page = str(root / "index.md")
    [line] = [line for line in printed.splitlines() if line.startswith(page)]
    assert re.fullmatch(rf"{re.escape(page)}:\d+: {re.escape(EMPTY_SELECTED_NOTE)}", line)


@pytest.mark.sphinx("html", testroot="selected-empty")
def test_an_empty_selected_list_is_left_out_with_its_heading_and_named_in_a_note(app):
    app.build()
    status = ANSI_ESCAPE.sub("", app.status.getvalue())
    assert f"index.md:15: {EMPTY_SELECTED_NOTE}" in status
    assert f"publications.md:11: {EMPTY_SELECTED_NOTE}" in status
    assert app.warning.getvalue() == ""  # a note: -W builds pass
    home = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not home.select(".cv-publications-selected")
    headings = [h.get_text().rstrip("#") for h in home.select("article h1, article h2")]
    assert headings == ["Ada Lovelace", "About"]  # (the "#" is each heading's own link)
    # The rest of the section joins the one before it.
    assert text_of(home.select_one("section#about")).endswith(
        "All of them: on the publications page."
    )
    publications = (app.outdir / "publications.html").read_text(encoding="utf-8")
    headings = BeautifulSoup(publications, "html.parser").select("article h2")
    assert [h.get_text().rstrip("#") for h in headings] == ["Articles"]


@pytest.mark.sphinx("latex", testroot="selected-empty")
def test_an_empty_selected_list_is_left_out_of_the_pdf_with_its_heading(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\subsection{Articles}" in tex
    assert "Highlights" not in tex


def test_the_papers_sitemap_lists_each_page_by_its_canonical_address(site):
    sitemap = (site.html / "publications" / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    canonical = [
        site.page(f"publications/{key}.html").find("link", rel="canonical")["href"] for key in KEYS
    ]
    assert locations == sorted(canonical)
    assert all(url.startswith("https://zhengzangw.github.io/publications/") for url in canonical)


def test_the_pdf_has_no_paper_pages(pdf):
    text = pdftotext(pdf)
    assert "Copy BibTeX" not in text and "All publications" not in text
    assert text.count("CowClip: Reducing CTR") == 1


def test_an_edited_entry_updates_its_page_in_an_incremental_build(tmp_path, pdf):
    from bs4 import BeautifulSoup
    from test_bad_input import build, site_copy

    project = site_copy(tmp_path / "site")
    assert build(project, pdf).returncode == 0
    bib = project / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("(0.1\\%)", "(0.2\\%)"), encoding="utf-8"
    )
    assert build(project, pdf).returncode == 0
    for page in ("publications/zheng2023cowclip.html", "index.html", "publications.html"):
        html = (project / "out" / page).read_text(encoding="utf-8")
        # The list item, the paper page's reference, or the home page's selected entry.
        where = (
            "#zheng2023cowclip .cv-award, .cv-paper .cv-award,"
            " .cv-selected li:nth-child(4) .cv-award"
        )
        award = BeautifulSoup(html, "html.parser").select_one(where)
        assert award is not None and "(0.2%)" in award.get_text(), page
