"""A distinct id and page for every key, whatever characters it holds (tests/roots/
test-key-characters: punctuation, accents, DBLP keys, a DOI and a URL as keys, non-ASCII,
a leading digit, the escape character), linked both ways, each page in the sitemap once;
plain keys keep the ids and page names they always had."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file

SITE = "https://example.org/"  # cv_homepage of the project


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def built(app) -> dict[str, tuple[str, str]]:
    """BibTeX key -> (id of its entry in the list, file name of its page), read from the site."""
    app.build()
    assert app.warning.getvalue() == ""
    titles = {
        " ".join(entry.fields["title"].split()): key
        for key, entry in parse_file(Path(app.srcdir, "refs.bib")).entries.items()
    }
    found = {}
    for item in soup(app.outdir / "index.html").select(".cv-publications li"):
        link = item.select_one(".cv-pub-title a")
        found[titles[" ".join(link.get_text().split())]] = (item["id"], link["href"])
    assert sorted(found) == sorted(titles.values())  # every entry listed once
    return found


@pytest.mark.sphinx("html", testroot="key-characters")
def test_every_key_gets_its_own_id_and_page(built):
    ids = [entry_id for entry_id, _ in built.values()]
    pages = [href for _, href in built.values()]
    assert len(set(ids)) == len(ids)
    # Distinct on a file system that ignores case too (macOS, Windows).
    assert len({page.casefold() for page in pages}) == len(pages)
    for entry_id, href in built.values():
        assert href.startswith("publications/") and href.endswith(".html")
        assert unquote(href) == href  # nothing for a browser or server to decode differently
        assert entry_id.strip() and not any(char.isspace() for char in entry_id)


@pytest.mark.sphinx("html", testroot="key-characters")
def test_list_and_page_link_to_each_other(app, built):
    index = soup(app.outdir / "index.html")
    for key, (entry_id, href) in built.items():
        page = soup(app.outdir / href)
        back = page.select_one(".cv-back a")["href"]
        assert back == f"../index.html#{entry_id}", key
        target = index.find(id=back.split("#", 1)[1])
        assert target.select_one(".cv-pub-title").get_text() == page.select_one("h1").get_text()
        bib_download = page.select_one("a[download]")["download"]
        assert bib_download == Path(href).stem + ".bib"


@pytest.mark.sphinx("html", testroot="key-characters")
def test_the_sitemap_names_every_page_once(app, built):
    sitemap = ElementTree.parse(app.outdir / "publications" / "sitemap.xml")
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert sorted(locations) == sorted(SITE + href for _, href in built.values())
    for location in locations:
        assert (app.outdir / location.removeprefix(SITE)).is_file()


@pytest.mark.sphinx("html", testroot="key-characters")
def test_plain_keys_keep_their_ids_and_pages_and_others_stay_readable(built):
    # Ids of plain keys as docutils made them before (lower case), so links to them stay.
    assert built["notes"] == ("notes", "publications/notes.html")
    assert built["Lovelace1843"] == ("lovelace1843", "publications/Lovelace1843.html")
    # An underscore between letters and digits too (Zotero's keys): "_" as "-".
    assert built["smith_2020"] == ("smith-2020", "publications/smith_2020.html")
    # Keys that docutils' make_id ran together with those.
    assert built["smith-2020"] == ("smith~2D2020", "publications/smith-2020.html")
    assert built["smith:2020"] == ("smith~3A2020", "publications/smith~3A2020.html")
    assert built["Tèst"][0] == "T~C3~A8st" and built["Tést"][0] == "T~C3~A9st"
    assert built["1843notes"][0] == "1843notes"
