"""Each type's Scholar tags and JSON-LD on its paper page (tests/roots/test-scholar-types): what
Google Scholar's inclusion guidelines and Zotero's Embedded Metadata translator read."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from cvsite.publications.bib_check import read
from cvsite.publications.rules import arxiv_date

BIB = REPO / "tests" / "roots" / "test-scholar-types" / "refs.bib"
FIELDS = {entry.key: {n: f.value for n, f in entry.fields.items()} for entry in read(BIB)[0]}
# Tags that name a kind of publication: Zotero takes the item type from them.
TYPE_TAGS = {
    "citation_journal_title", "citation_conference_title", "citation_inbook_title",
    "citation_book_title", "citation_dissertation_institution",
    "citation_technical_report_institution",
}  # fmt: skip


def pages_and_data(app) -> dict[str, tuple[dict[str, list[str]], dict]]:
    """Each paper page's citation_* tags (name -> contents in order) and its JSON-LD."""
    app.build()
    assert app.warning.getvalue() == ""
    found = {}
    for key in FIELDS:
        html = (app.outdir / "publications" / f"{key}.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        tags: dict[str, list[str]] = {}
        for meta in soup.find_all("meta", attrs={"name": re.compile(r"^citation_")}):
            tags.setdefault(meta["name"], []).append(meta["content"])
        [script] = soup.find_all("script", type="application/ld+json")
        found[key] = (tags, json.loads(script.string))
    return found


def only(tags: dict[str, list[str]]) -> dict[str, str]:
    """The tags that appear once, as name -> content (authors aside)."""
    assert all(len(values) == 1 for name, values in tags.items() if name != "citation_author")
    return {name: values[0] for name, values in tags.items() if name != "citation_author"}


@pytest.mark.sphinx("html", testroot="scholar-types")
def test_each_type_gets_the_tags_of_its_kind_and_only_data_it_has(app):
    found = pages_and_data(app)
    tags = {key: only(found[key][0]) for key in FIELDS}
    for key, fields in FIELDS.items():
        assert tags[key]["citation_title"] == fields["title"]
        assert found[key][0]["citation_author"] == re.split(r"\s+and\s+", fields["author"])
    assert tags["thesis2020"] == {
        "citation_title": FIELDS["thesis2020"]["title"],
        "citation_publication_date": f"{FIELDS['thesis2020']['year']}/09",  # month = sep
        "citation_dissertation_institution": FIELDS["thesis2020"]["school"],
    }
    report = FIELDS["report2019"]
    assert tags["report2019"] == {
        "citation_title": report["title"],
        "citation_publication_date": report["date"].replace("-", "/"),
        "citation_technical_report_institution": report["institution"],
        "citation_technical_report_number": report["number"],
    }
    book = FIELDS["book2018"]
    assert tags["book2018"] == {
        "citation_title": book["title"],
        "citation_publication_date": book["year"],
        "citation_publisher": book["publisher"],
        "citation_isbn": book["isbn"],
    }
    chapter = FIELDS["chapter2017"]
    first, last = chapter["pages"].split("--")
    assert tags["chapter2017"] == {
        "citation_title": chapter["title"],
        "citation_publication_date": chapter["year"],
        "citation_inbook_title": chapter["booktitle"],
        "citation_firstpage": first,
        "citation_lastpage": last,
        "citation_publisher": chapter["publisher"],
        "citation_isbn": chapter["isbn"],
    }
    article = FIELDS["article2016"]
    first, last = article["pages"].split("--")
    assert tags["article2016"] == {
        "citation_title": article["title"],
        "citation_publication_date": article["year"],
        "citation_journal_title": article["journal"],
        "citation_volume": article["volume"],
        "citation_issue": article["number"],
        "citation_firstpage": first,
        "citation_lastpage": last,
        "citation_doi": article["doi"],
    }
    paper = FIELDS["paper2015"]
    first, last = paper["pages"].split("--")
    assert tags["paper2015"] == {
        "citation_title": paper["title"],
        "citation_publication_date": paper["year"],
        "citation_conference_title": paper["booktitle"],
        "citation_firstpage": first,
        "citation_lastpage": last,
    }
    for key in ("preprint", "oldpreprint"):  # no year: the date of the arXiv identifier
        assert "year" not in FIELDS[key]
        assert tags[key] == {
            "citation_title": FIELDS[key]["title"],
            "citation_publication_date": "/".join(arxiv_date(FIELDS[key]["eprint"])),
            "citation_arxiv_id": FIELDS[key]["eprint"],
        }
    assert tags["preprint"]["citation_publication_date"] == "2023/03"
    assert tags["oldpreprint"]["citation_publication_date"] == "1999/01"
    for key in FIELDS:  # one kind per page, so that Zotero files it under the right type
        assert len(TYPE_TAGS & set(tags[key])) <= 1, key


@pytest.mark.parametrize(
    ("identifier", "date"),
    [
        ("2303.04947", ("2023", "03")),
        ("2303.04947v2", ("2023", "03")),
        ("0704.0001", ("2007", "04")),
        ("hep-th/9901001", ("1999", "01")),
        ("math.GT/0309136", ("2003", "09")),
        ("cs/0112017v1", ("2001", "12")),
        ("not-an-id", ()),
        ("", ()),
    ],
)
def test_arxiv_identifiers_give_their_year_and_month(identifier, date):
    assert arxiv_date(identifier) == date


@pytest.mark.sphinx("html", testroot="scholar-types")
def test_json_ld_has_the_matching_type_and_data(app):
    data = {key: found[1] for key, found in pages_and_data(app).items()}
    types = {key: item["@type"] for key, item in data.items()}
    assert types == {
        "thesis2020": "Thesis", "report2019": "Report", "book2018": "Book",
        "chapter2017": "Chapter", "article2016": "ScholarlyArticle",
        "paper2015": "ScholarlyArticle", "preprint": "ScholarlyArticle",
        "oldpreprint": "ScholarlyArticle",
    }  # fmt: skip
    thesis, report = data["thesis2020"], data["report2019"]
    assert thesis["datePublished"] == f"{FIELDS['thesis2020']['year']}-09"
    assert thesis["sourceOrganization"]["name"] == FIELDS["thesis2020"]["school"]
    assert report["datePublished"] == FIELDS["report2019"]["date"]
    assert report["reportNumber"] == FIELDS["report2019"]["number"]
    assert report["publisher"]["name"] == FIELDS["report2019"]["institution"]
    book, chapter = data["book2018"], data["chapter2017"]
    assert (book["isbn"], book["publisher"]["name"]) == (
        FIELDS["book2018"]["isbn"],
        FIELDS["book2018"]["publisher"],
    )
    assert chapter["isPartOf"] == {
        "@type": "Book",
        "name": FIELDS["chapter2017"]["booktitle"],
        "isbn": FIELDS["chapter2017"]["isbn"],
        "publisher": {"@type": "Organization", "name": FIELDS["chapter2017"]["publisher"]},
    }
    assert (chapter["pageStart"], chapter["pageEnd"]) == tuple(
        FIELDS["chapter2017"]["pages"].split("--")
    )
    article = data["article2016"]
    fields = FIELDS["article2016"]
    issue = article["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", fields["number"])
    volume = issue["isPartOf"]
    assert (volume["@type"], volume["volumeNumber"]) == ("PublicationVolume", fields["volume"])
    assert volume["isPartOf"] == {"@type": "Periodical", "name": fields["journal"]}
    assert article["identifier"] == f"https://doi.org/{fields['doi']}"
    preprint = data["preprint"]
    assert preprint["datePublished"] == "2023-03"
    assert preprint["sameAs"] == f"https://arxiv.org/abs/{FIELDS['preprint']['eprint']}"
    for key in ("thesis2020", "report2019", "book2018", "preprint"):
        assert "pageStart" not in data[key] and "isPartOf" not in data[key], key
