"""Who the site is about, from the `cv_*` settings alone: one header, on the home page and the PDF.

`{cv-header}` on the home page shows the position (the affiliation in bold, or on its own line
where the position does not name it), the contact line, the profiles of `cv_profiles` and the
photo; the PDF's header (pdf/pdf_cv.py) is `latex_header`, the same lines. The page's title is
the `{cv-setting}` role, `` # {cv-setting}`cv_owner` ``, so that the name is typed once, in
conf.py, and a change of it reaches the title, the navbar, the footer and the PDF alike.
"""

from __future__ import annotations

import html
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

from cvsite.config import profiles
from cvsite.pdf import pdf_scripts
from cvsite.pdf.pdf_scripts import latex_escape

# The settings that `{cv-setting}` prints: texts of one line.
TEXT_SETTINGS = ("cv_owner", "cv_position", "cv_affiliation", "cv_email", "cv_homepage")
SEPARATOR = " · "


class owner_header(nodes.General, nodes.Element):
    """The header; its one child, where there is a photo, is the photo's image node (so that
    Sphinx copies the file as it does any image)."""


class SettingRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        if name not in TEXT_SETTINGS:
            message = self.inliner.reporter.error(
                f"cv-setting: {name!r} is no setting it prints; write one of "
                f"{', '.join(TEXT_SETTINGS)}, e.g. {{cv-setting}}`cv_owner`.",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.Text(self.config[name])], []


class OwnerHeaderDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = owner_header()
        self.set_source_info(node)
        if self.config.cv_photo:
            # "/" + path: relative to the source folder (docs/), as conf.py gives it.
            node += nodes.image(
                uri="/" + self.config.cv_photo,
                alt=f"Photo of {self.config.cv_owner}",
                classes=["cv-photo"],
            )
        return [node]


def shown_url(url: str) -> str:
    """A homepage as a reader types it: no scheme, no closing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


Runs = list[tuple[str, bool]]  # (text, bold)


def position_lines(config: Config) -> list[tuple[str, Runs]]:
    """The lines under the name, each (what it is, its runs): the position with the affiliation
    in bold where it names it, else the affiliation on a line of its own."""
    position, affiliation = config.cv_position.strip(), config.cv_affiliation.strip()
    if affiliation and affiliation in position:
        before, _, after = position.partition(affiliation)
        runs = [(before, False), (affiliation, True), (after, False)]
        return [("position", [run for run in runs if run[0]])]
    lines = [("position", [(position, False)])] if position else []
    return lines + ([("affiliation", [(affiliation, True)])] if affiliation else [])


def description(config: Config) -> str:
    """The home page's description where its front matter gives none: the name and the lines
    under it ("Ada Lovelace, Analyst of Engines at the Imaginary Society"), or "" without them."""
    lines = ["".join(text for text, _ in runs) for _, runs in position_lines(config)]
    return ", ".join([config.cv_owner, *lines]) if lines else ""


def contacts(config: Config) -> list[tuple[str, str]]:
    """(URL, shown text) of the contact line."""
    shown = []
    if config.cv_email:
        shown.append((f"mailto:{config.cv_email}", config.cv_email))
    if config.cv_homepage:
        shown.append((config.cv_homepage, shown_url(config.cv_homepage)))
    return shown


# -- HTML -------------------------------------------------------------------------------------


def html_runs(runs: Runs) -> str:
    return "".join(
        f"<strong>{html.escape(text)}</strong>" if bold else html.escape(text)
        for text, bold in runs
    )


def html_profile(profile: profiles.Profile, base: str) -> str:
    if profile.image:
        src = html.escape(relative_uri(base, profile.image))
        icon = f'<img class="cv-profile-image" src="{src}" alt="" />'
    else:
        icon = f'<i class="{html.escape(profile.icon)}" aria-hidden="true"></i>'
    return (
        f'<li><a href="{html.escape(profile.url)}" rel="me">{icon}'
        f"<span>{html.escape(profile.label)}</span></a></li>"
    )


def html_text(config: Config, base: str) -> str:
    parts = [f'<p class="cv-{kind}">{html_runs(runs)}</p>' for kind, runs in position_lines(config)]
    if links := contacts(config):
        shown = SEPARATOR.join(
            f'<a href="{html.escape(url)}">{html.escape(text)}</a>' for url, text in links
        )
        parts.append(f'<p class="cv-contact">{shown}</p>')
    if shown_profiles := profiles.profiles(config):
        items = "".join(html_profile(profile, base) for profile in shown_profiles)
        parts.append(f'<ul class="cv-profiles" aria-label="Profiles">{items}</ul>')
    return '<div class="cv-header-text">' + "\n".join(parts) + "</div>"


def visit_owner_header_html(self, node: owner_header) -> None:
    self.body.append('<div class="cv-header">\n')


def depart_owner_header_html(self, node: owner_header) -> None:
    base = self.builder.get_target_uri(self.builder.current_docname)
    self.body.append(html_text(self.builder.config, base) + "\n</div>\n")


# -- LaTeX ------------------------------------------------------------------------------------


def latex_url(url: str) -> str:
    r"""A URL for \href in a macro's argument: TeX's specials escaped, but the tilde and caret,
    which \href takes as they are."""
    return "".join(char if char in "~^" else latex_escape(char) for char in url)


def latex_runs(runs: Runs, config: Config) -> str:
    def text(value: str) -> str:
        return pdf_scripts.latex_text(value, config.cv_pdf_fonts, latex_escape)

    return "".join(rf"\textbf{{{text(t)}}}" if bold else text(t) for t, bold in runs)


def pdf_photo_name(config: Config) -> str:
    """The photo's file name in the LaTeX folder (pdf_cv.py copies it there), or ""."""
    return PurePosixPath(config.cv_photo).name if config.cv_pdf_photo and config.cv_photo else ""


LATEX_SEPARATOR = r"\quad\textperiodcentered\quad "


def latex_keywords(config: Config) -> str:
    r"""`\cvsitekeywords{...}`, cv_keywords for the header, or "" without them: the modern
    layout shows them in its header (pdf/latex/cvsite-modern.sty), the others ignore them."""
    fonts = config.cv_pdf_fonts
    shown = [pdf_scripts.latex_text(word, fonts, latex_escape) for word in config.cv_keywords]
    return rf"\cvsitekeywords{{{LATEX_SEPARATOR.join(shown)}}}" + "\n" if shown else ""


def latex_header(config: Config) -> str:
    r"""`\cvsiteheader{photo}{name}{lines}` (pdf/latex/cvsite.sty), after the keywords' line."""
    separator = LATEX_SEPARATOR
    lines = [latex_runs(runs, config) for _, runs in position_lines(config)]
    if links := contacts(config):
        lines.append(
            separator.join(rf"\href{{{latex_url(u)}}}{{{latex_escape(t)}}}" for u, t in links)
        )
    if shown := profiles.profiles(config):
        lines.append(
            r"{\small "
            + separator.join(
                rf"\href{{{latex_url(p.url)}}}{{{latex_escape(p.label)}}}" for p in shown
            )
            + "}"
        )
    photo = pdf_photo_name(config)
    graphic = (
        rf"\includegraphics[width=2.4cm,height=3cm,keepaspectratio]{{{photo}}}" if photo else ""
    )
    name = pdf_scripts.latex_text(config.cv_owner, config.cv_pdf_fonts, latex_escape)
    body = r"\par ".join(lines)
    return latex_keywords(config) + rf"\cvsiteheader{{{graphic}}}{{{name}}}{{{body}}}"


def visit_owner_header_latex(self, node: owner_header) -> None:
    self.body.append("\n" + latex_header(self.builder.config) + "\n")
    raise nodes.SkipNode


def skip(self, node: owner_header) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(
        owner_header,
        html=(visit_owner_header_html, depart_owner_header_html),
        latex=(visit_owner_header_latex, None),
        text=(skip, None),
    )
    app.add_directive("cv-header", OwnerHeaderDirective)
    app.add_role("cv-setting", SettingRole())
