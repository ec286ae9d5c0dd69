"""academicpages' publications: a BibTeX entry per `_publications/` file, its authors read
from the formatted `citation` only where that has one reading (`Okafor, A., Lind, B. (2021).
...`); otherwise the entry has none, and the report says so."""

from __future__ import annotations

import html
import re

from pybtex.database import Entry as BibEntry
from pybtex.database import Person

from cvsite.importers import dates, markup, samples
from cvsite.importers.front_matter import Page, read_page, rest_reported, site_file
from cvsite.importers.model import ImportedSite, Owner
from cvsite.importers.publication_keys import new_key, unique_key
from cvsite.importers.report import Place, Report
from cvsite.publications import rules

CATEGORIES = {"manuscripts": ("article", "journal"), "conferences": ("inproceedings", "booktitle"),
              "books": ("book", "publisher")}  # fmt: skip
SAMPLE_HOST = re.compile(r"^https?://academicpages\.github\.io", re.IGNORECASE)
# Sentences the template's sample pages hold, which owners keep under a real title.
SAMPLE_SENTENCES = re.compile(
    r"This paper is about the number \d+\.(?:\s*The number \d+ is left for future work\.)?"
    r"|The number \d+ is left for future work\."
    r"|The contents above will be part of a list of publications[^.]*\."
    r"|This is a description of (?:your talk|a teaching experience)[^\n]*"
    r"|\[Download paper here\]\(https?://academicpages[^)]*\)"
    r"|Recommended citation: Your Name[^\n]*",
    re.IGNORECASE,
)
CITED_YEAR = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4})[a-z]?\)")
INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.[\s-]?)+$")
ET_AL = re.compile(r",?\s*et\s+al\.?$")

MACHINERY = "Jekyll's page settings; not part of a CV"
SAMPLE_PAGE = "the whole page is the template's sample; not imported"


def paragraphs(body: str, page: Page, report: Report) -> list[str]:
    kept = SAMPLE_SENTENCES.sub(lambda m: sample_removed(m, page, report), body)
    blocks = [block.strip() for block in re.split(r"\n\s*\n", kept)]
    return [markup.to_myst(block, page.place(), report) for block in blocks if block]


def sample_removed(match: re.Match[str], page: Page, report: Report) -> str:
    report.left_out(page.place(), match.group(0), "the template's sample text")
    return ""


def read_publications(site: ImportedSite) -> None:
    folder = site.source / "_publications"
    files = [p for p in sorted(folder.glob("*")) if p.is_file()] if folder.is_dir() else []
    for path in files:
        page = read_page(path, site.source, site.report)
        if not page.meta:
            site.report.left_out(Place(page.name), "(the file)", "no front matter: not a page")
            continue
        if sample := samples.sample_of(page.meta.get("title")):
            site.report.left_out(
                page.place("title"), page.meta["title"], f"{SAMPLE_PAGE} ({sample})"
            )
            continue
        key, entry = publication(page, site)
        owner_spellings(site.owner, entry.persons.get("author", []))
        site.publications.add_entry(unique_key(key, site.publications.entries), entry)
        site.report.count("publication")


def owner_spellings(owner: Owner, authors: list[Person]) -> None:
    """The owner's name as the citations spell it (`Oyelaran-Sørensen, M.`): a variant, so that
    it is bold without a note."""
    for person in authors:
        spelled = " ".join(person.first_names + person.middle_names + person.last_names)
        surname = " ".join(person.last_names)
        known = [owner.name, *owner.name_variants]
        if surname and owner.name.endswith(surname) and spelled not in known:
            owner.name_variants.append(spelled)


def publication(page: Page, site: ImportedSite) -> tuple[str, BibEntry]:
    meta, report = page.meta, site.report
    bib_type, venue_field = CATEGORIES.get(str(meta.get("category") or ""), ("misc", ""))
    if not venue_field:
        why = f"category {meta.get('category')!r}" if meta.get("category") else "no category"
        report.changed(page.place("category"), meta.get("category"), f"{why}: read as @misc")
    fields = {"title": markup.to_plain(meta.get("title", ""), page.place("title"), report)}
    if venue := markup.to_plain(meta.get("venue") or "", page.place("venue"), report):
        fields[venue_field or "howpublished"] = venue
    if parts := dates.read_date(meta.get("date")):
        fields["year"] = str(parts[0])
        if parts[1]:
            fields["month"] = str(parts[1])
    links(fields, page, site)
    text_fields(fields, page, report)
    authors = cited_authors(meta.get("citation"), page.place("citation"), report)
    if not meta.get("citation"):
        report.changed(page.place("title"), meta.get("title"), "no citation, so no authors "
                       "(the body is kept as the abstract); add them to refs.bib")  # fmt: skip
    entry = BibEntry(bib_type, fields=fields, persons={"author": authors} if authors else {})
    used = {"title", "venue", "date", "category", "citation", "excerpt", "paperurl", "slidesurl"}
    rest_reported(meta, used | {"bibtexurl"}, report, MACHINERY, page.place)
    return new_key(authors, fields), entry


def links(fields: dict, page: Page, site: ImportedSite) -> None:
    for key, field in (("paperurl", "url"), ("slidesurl", "slides")):
        link = str(page.meta.get(key) or "").strip()
        if not link:
            continue
        if SAMPLE_HOST.match(link):
            site.report.left_out(page.place(key), link, "the template's sample file")
        elif doi := rules.doi_in(link):
            fields["doi"] = doi
        elif link.startswith(("http://", "https://")) and not link.endswith(".pdf"):
            fields[field] = link
        else:
            found, address = site_file(
                link, site.source, (), site.owner.homepage, site.report, page.place(key)
            )
            if found is None and link.startswith("http"):
                fields["pdf" if field == "url" else field] = link
            elif found is not None:
                site.files[found] = f"_static/files/{found.name}"
                if address:
                    fields["pdf" if field == "url" else field] = address
            else:
                site.report.left_out(page.place(key), link, "no such file in the site")
    if page.meta.get("bibtexurl"):
        site.report.left_out(page.place("bibtexurl"), page.meta["bibtexurl"], "not read")


def text_fields(fields: dict, page: Page, report: Report) -> None:
    """The body is the abstract; the excerpt, unless the body starts with it, a note."""
    body = " ".join(paragraphs(page.body, page, report))
    excerpt = str(page.meta.get("excerpt") or "")
    excerpt = SAMPLE_SENTENCES.sub(lambda m: sample_removed(m, page, report), excerpt).strip()
    excerpt = markup.to_plain(excerpt, page.place("excerpt"), report)
    if body:
        fields["abstract"] = body
    if excerpt and excerpt[:60] not in body:
        fields["note" if body else "abstract"] = excerpt


def cited_authors(citation: object, place: Place, report: Report) -> list[Person]:
    """The authors of a citation string where it has one reading, else none (reported)."""
    if not citation:
        return []
    text = html.unescape(re.sub(r"<[^>]+>", "", str(citation)))
    names = author_names(text)
    if names is None:
        report.left_out(
            place, citation, "its authors have no single reading, so the entry has none; "
            "add them to refs.bib",
        )  # fmt: skip
        return []
    report.changed(place, citation, f"read for its authors ({'; '.join(names)}); the rest "
                   "repeats the title, venue and year")  # fmt: skip
    return [Person(name) for name in names]


def author_names(text: str) -> list[str] | None:
    """`Okafor, A., 王小明, Lind, B. C., et al. (2021)` as names; None if ambiguous."""
    match = CITED_YEAR.match(text.strip())
    if not match:
        return None
    authors = match.group("authors").strip().rstrip(",")
    et_al = bool(ET_AL.search(authors))
    tokens = [t.strip() for t in re.split(r",|\s&\s|\sand\s", ET_AL.sub("", authors))]
    names: list[str] = []
    pending = ""
    for token in filter(None, tokens):
        if INITIALS.match(token):
            if not pending:
                return None
            names.append(f"{pending}, {token}")
            pending = ""
            continue
        if pending and not full_name(pending):
            return None
        names += [pending] if pending else []
        pending = token
    if pending:
        if not full_name(pending):
            return None
        names.append(pending)
    return [*names, "others"] if names and et_al else names or None


def full_name(token: str) -> bool:
    """A name on its own: given and family name (not `Okafor AC`), or in a non-Latin script."""
    if not re.search(r"[A-Za-z\u00c0-\u024f]", token):
        return True
    return " " in token and not re.search(r"\s[A-Z]{1,3}$", token)
