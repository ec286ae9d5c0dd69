"""HugoBlox's experience: the widget page (`experience: [...]`) or the block page
(`sections[].content.items`), as sections of entries; the template's sample jobs reported."""

from __future__ import annotations

import re

from cvsite.importers import dates, markup, samples
from cvsite.importers.front_matter import Page, rest_reported
from cvsite.importers.model import Entry, Section
from cvsite.importers.report import Place, Report

MACHINERY = "HugoBlox's page setting; not part of a CV"


def widget_sections(page: Page, report: Report) -> list[Section]:
    """A widget page (`experience: [...]`) or a block page (`sections[].content.items`)."""
    blocks = [(page.meta.get("title") or "Experience", page.meta, "experience")]
    for block in page.meta.get("sections") or []:
        content = block.get("content") or {}
        blocks.append((content.get("title") or block.get("block", ""), content, "items"))
    sections = []
    for title, holder, key in blocks:
        entries = [
            experience_entry(item, page.place(key).at(f"[{number}]"), report)
            for number, item in enumerate(holder.get(key) or [])
        ]
        if entries := [entry for entry in entries if entry]:
            sections.append(Section(str(title), "work", entries=entries))
    rest_reported(page.meta, {"experience", "sections", "title"}, report, MACHINERY, page.place)
    return sections


def experience_entry(item: dict, where: Place, report: Report) -> Entry | None:
    company = item.get("company") or item.get("organization") or item.get("awarder") or ""
    if sample := samples.sample_of(company):
        report.left_out(where, item, f"{sample}'s sample entry, all of it")
        return None
    for key in ("company_url", "company_logo", "certificate_url", "icon"):
        if item.get(key):
            report.left_out(where.at(key), item[key], "cvsite has no field for it")
    description = item.get("description") or item.get("summary") or ""
    return Entry(
        institution=markup.to_plain(company, where.at("company"), report),
        role=markup.to_plain(item.get("title") or "", where.at("title"), report),
        dates=dates.date_range(
            item.get("date_start") or item.get("date"), item.get("date_end"), where, report
        ),
        place=markup.to_plain(item.get("location") or "", where.at("location"), report),
        bullets=description_bullets(description, where.at("description"), report),
    )


def description_bullets(text: str, where: Place, report: Report) -> list[str]:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    if lines and all(re.match(r"^[*-]\s", line) for line in lines):
        return [markup.to_myst(line[2:], where, report) for line in lines]
    return [markup.to_myst(text, where, report)] if text else []
