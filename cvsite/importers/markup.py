"""HTML and Markdown in another tool's values, made MyST (markdownify converts the HTML,
Markdown passes through) or plain text for a one-line field. Nothing that would run reaches a
page: scripts, frames, event handlers and javascript:/data: links are dropped and reported."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction
from markdownify import markdownify

from cvsite.importers.report import Place, Report

HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
RUNNING_TAGS = ("script", "style", "iframe", "object", "embed", "form", "noscript", "template")
SPECIAL_MARKUP = (CData, Declaration, Doctype, ProcessingInstruction)
RUNNING_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
# A Markdown link: [text](address), the address in <...> or with one level of parentheses.
MARKDOWN_LINK = re.compile(
    r"\[([^\]]*)\]\(\s*(?:<([^>]*)>|((?:[^()\s]|\([^()\s]*\))*))(?:\s+\"[^\"]*\")?\s*\)"
)
# A line that would open a MyST directive ({raw}, {eval-rst}, {include} ...) or close the
# page's own (a bare ":::" ends the cv-entry the value sits in).
DIRECTIVE_LINE = re.compile(r"^(\s*)((?:`{3,}|~{3,})\s*\{|:{3,})", re.MULTILINE)
EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")


def to_myst(value: object, place: Place, report: Report) -> str:
    """A value as MyST Markdown: HTML converted, Markdown kept, Liquid and anything that would
    run removed and reported."""
    text = str(value if value is not None else "").strip()
    if LIQUID.search(text):
        report.changed(place, text, "a Jekyll Liquid tag ({% %} or {{ }}) was removed")
        text = LIQUID.sub("", text).strip()
    if HTML_TAG.search(text) or "<![" in text or "<?" in text:
        text = html_to_myst(text, place, report)
    return neutralise_directives(drop_running_links(text, place, report), place, report)


def neutralise_directives(text: str, place: Place, report: Report) -> str:
    """A value's line that MyST would read as a directive, shown as text instead (its first
    character escaped): a directive could put raw HTML or a file of the machine on a page."""
    if not DIRECTIVE_LINE.search(text):
        return text
    report.changed(place, text, "a MyST directive or ':::' line; shown as text, not run")
    return DIRECTIVE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def html_to_myst(text: str, place: Place, report: Report) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(RUNNING_TAGS):
        report.left_out(place, str(tag), f"a <{tag.name}> would run in the page; not imported")
        tag.decompose()
    for markup in soup.find_all(string=lambda node: isinstance(node, SPECIAL_MARKUP)):
        report.left_out(place, str(markup), "CDATA, a declaration or an instruction; dropped")
        markup.extract()
    for tag in soup.find_all(True):
        for attribute in [a for a in tag.attrs if a.lower().startswith("on")]:
            report.left_out(
                place, f"{attribute}={tag[attribute]}", "an event handler would run; dropped"
            )
            del tag[attribute]
    converted = markdownify(
        str(soup),
        heading_style="ATX",
        bullets="-",
        escape_asterisks=False,
        escape_underscores=False,
        escape_misc=False,
        strip=["img"],
    )
    if soup.find("img"):
        report.changed(place, text, "an image inside a value is not carried over")
    return re.sub(r"\n{3,}", "\n\n", converted).strip()


def drop_running_links(text: str, place: Place, report: Report) -> str:
    def replace(match: re.Match[str]) -> str:
        if RUNNING_SCHEMES.match(match.group(2) or match.group(3) or ""):
            report.left_out(place, match.group(0), "a javascript: or data: link; its text kept")
            return match.group(1)
        return match.group(0)

    return MARKDOWN_LINK.sub(replace, text)


def to_plain(value: object, place: Place, report: Report) -> str:
    """A value for a one-line field (a cv-entry's institution, a setting): the text of its
    markup, on one line; the addresses of its links reported, as a field cannot link."""
    text = to_myst(value, place, report)
    for label, bracketed, address in MARKDOWN_LINK.findall(text):
        report.changed(
            place, f"{label} ({bracketed or address})", "a link in a one-line field; its text kept"
        )
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
