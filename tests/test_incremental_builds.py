"""The formatting cache and the paper pages across builds: a build redoes only what changed,
what it reuses is byte for byte what a build from nothing makes (serial or `-j 2`), and a
rebuild gives every warning that a build from nothing gives."""

from __future__ import annotations

import gc
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import VENV, copy_checkout
from test_bad_input import ANSI_ESCAPE, PAGES, messages, site_copy

from cvsite.speed.formatting_cache import FormattingCache, style_fingerprint

FORMATTED = re.compile(r"cvsite: formatted (\d+) of (\d+) \.bib entries")
ENTRIES = 12


def run_build(project: Path, pdf: Path, *extra: str) -> subprocess.CompletedProcess:
    """Build as `make html` does."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(project), "-W", "--keep-going", "-n",
         "-b", "html", "-d", str(project / "doctrees"), "-D", f"cv_pdf_dir={pdf.parent}",
         *extra, str(project / "docs"), str(project / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def build(project: Path, pdf: Path, *extra: str) -> tuple[int, int]:
    """Build as `make html` does; return (entries formatted, entries in refs.bib)."""
    result = run_build(project, pdf, *extra)
    assert result.returncode == 0, result.stderr
    [(formatted, total)] = FORMATTED.findall(ANSI_ESCAPE.sub("", result.stdout))
    return int(formatted), int(total)


def edit_title(project: Path, old: str, new: str) -> None:
    bib = project / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    assert text.count(old) == 1
    bib.write_text(text.replace(old, new), encoding="utf-8")


def html_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def modified_times(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*.html")}


def test_a_rebuild_formats_only_the_edited_entry_and_rewrites_only_its_page(tmp_path, pdf):
    project = site_copy(tmp_path / "site")
    assert build(project, pdf) == (ENTRIES, ENTRIES)
    assert build(project, pdf) == (0, ENTRIES)  # nothing changed
    skills = project / "docs" / "skills.md"
    skills.write_text(skills.read_text(encoding="utf-8") + "\nOne more line.\n")
    assert build(project, pdf) == (0, ENTRIES)  # a page changed, no entry
    before = modified_times(project / "out" / "publications")
    edit_title(
        project, "title     = {A Study on Transformer", "title     = {A New Study on Transformer"
    )
    assert build(project, pdf) == (1, ENTRIES)
    after = modified_times(project / "out" / "publications")
    rewritten = sorted(page for page in after if after[page] != before[page])
    assert rewritten == ["xue2023study.html"]
    page = (project / "out" / "publications" / "xue2023study.html").read_text(encoding="utf-8")
    assert "A New Study on Transformer" in page


@pytest.mark.parametrize("jobs", [[], ["-j", "2"]], ids=["serial", "parallel"])
def test_cached_output_is_byte_identical_to_a_build_from_nothing(tmp_path, pdf, jobs):
    fresh = site_copy(tmp_path / "fresh")
    build(fresh, pdf, *jobs)
    # The same sources reached through an edit and its undoing: entries come from the cache.
    cached = site_copy(tmp_path / "cached")
    edit_title(cached, "{CAME}: Confidence", "{CAME}: Edited Confidence")
    build(cached, pdf, *jobs)
    edit_title(cached, "{CAME}: Edited Confidence", "{CAME}: Confidence")
    assert build(cached, pdf, *jobs) == (1, ENTRIES)
    assert build(cached, pdf, *jobs) == (0, ENTRIES)  # what -j workers formatted was kept
    fresh_pages, cached_pages = html_files(fresh / "out"), html_files(cached / "out")
    assert sorted(fresh_pages) == sorted(cached_pages)
    different = [name for name in fresh_pages if fresh_pages[name] != cached_pages[name]]
    assert different == []


def test_a_change_of_owner_names_formats_everything_again(tmp_path, pdf):
    project = site_copy(tmp_path / "site")
    build(project, pdf)
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ncv_owner_variants = ["Z. Zheng"]\n')
    assert build(project, pdf) == (ENTRIES, ENTRIES)


def test_the_style_fingerprint_follows_the_owner_names():
    assert style_fingerprint(["Zangwei Zheng"]) == style_fingerprint(["Zangwei Zheng"])
    assert style_fingerprint(["Zangwei Zheng"]) != style_fingerprint(["Zangwei Zheng", "Z. Zheng"])


@pytest.fixture
def edited_package(tmp_path, monkeypatch):
    """Edit a module of a copy of cvsite, which the code digest then reads: edit(path)."""
    from cvsite import code_digest

    package = tmp_path / "cvsite"
    shutil.copytree(code_digest.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))

    def edit(module: str) -> None:
        path = package / module
        path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
        monkeypatch.setattr(code_digest, "PACKAGE", package)
        code_digest.package_digest.cache_clear()

    yield edit
    monkeypatch.undo()
    code_digest.package_digest.cache_clear()


@pytest.mark.parametrize(
    "module",
    [
        "rendering/bib_style.py",  # the style
        "speed/formatting_cache.py",  # the cache
        "publications/record.py",  # what the style reads
        "publications/rules.py",
    ],
)
def test_the_style_fingerprint_follows_the_code_it_depends_on(module, edited_package):
    before = style_fingerprint(["Zangwei Zheng"])
    edited_package(module)
    assert style_fingerprint(["Zangwei Zheng"]) != before


def test_a_change_of_style_reads_every_page_again_and_keeps_the_new_cache(tmp_path, pdf):
    """As after an upgrade of the style's code: the pages show the new formatting, and the
    next build finds the new cache saved (it formats nothing)."""
    import pickle

    project = site_copy(tmp_path / "site")
    build(project, pdf)
    environment = project / "doctrees" / "environment.pickle"
    env = pickle.loads(environment.read_bytes())
    env.cvsite_formatting_cache.style = "an older style"
    environment.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    before = modified_times(project / "out")
    assert build(project, pdf) == (ENTRIES, ENTRIES)
    after = modified_times(project / "out")
    for page in ("index.html", "publications.html"):  # selected publications, the lists
        assert after[page] != before[page]
    assert build(project, pdf) == (0, ENTRIES)


CITING = """
See {cite:p}`zheng2023cowclip`.

:::{bibliography}
:::
"""


def test_a_changed_bibtex_setting_rebuilds_the_citations_even_when_no_page_changed(tmp_path, pdf):
    """Citations are reused when nothing they derive from changed; a setting is one thing.
    Here a page cites an entry from a list of its own, and bibtex_tooltips decides whether the
    citation carries the entry's text as a tooltip."""
    projects = {}
    for name in ("fresh", "cached"):
        project = projects[name] = site_copy(tmp_path / name)
        skills = project / "docs" / "skills.md"
        skills.write_text(skills.read_text(encoding="utf-8") + CITING)
    with (projects["fresh"] / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nbibtex_tooltips = False\n")
    build(projects["fresh"], pdf)
    build(projects["cached"], pdf)
    with_tooltip = (projects["cached"] / "out" / "skills.html").read_text(encoding="utf-8")
    build(projects["cached"], pdf)  # nothing changed: the citations are reused
    with (projects["cached"] / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nbibtex_tooltips = False\n")
    build(projects["cached"], pdf)
    fresh, cached = (projects[name] / "out" / "skills.html" for name in ("fresh", "cached"))
    assert 'title="Zangwei Zheng' in with_tooltip
    assert cached.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
    assert 'title="Zangwei Zheng' not in fresh.read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="bib-style")
def test_a_build_leaves_the_garbage_collector_as_it_found_it(app):
    """The loaded environment is frozen while the build runs; a long-lived process (this one)
    gets the collector back as it was, and a made app that is not built yet changes nothing
    (a failed build or start too: tests/test_process_state.py)."""
    seen_while_reading = []
    app.connect(
        "env-before-read-docs",
        lambda app, env, docnames: seen_while_reading.append(gc.get_freeze_count() > 0),
    )
    assert gc.isenabled() and gc.get_freeze_count() == 0
    app.build()
    assert seen_while_reading == [True]
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_make_serve_rebuilds_only_the_edited_entry(tmp_path, pdf, capfd):
    """`make serve` rebuilds through sphinx-autobuild's builder, as here, on each change."""
    from sphinx_autobuild.build import Builder

    project = site_copy(tmp_path / "site")
    arguments = ["-c", str(project), "-W", "--keep-going", "-n", "-D", f"cv_pdf_dir={pdf.parent}",
                 str(project / "docs"), str(project / "out")]  # fmt: skip
    rebuild = Builder(
        arguments, url_host="127.0.0.1:8000", pre_build_commands=[], post_build_commands=[]
    )
    rebuild(changed_paths=[])
    capfd.readouterr()
    edit_title(project, "{CAME}: Confidence", "{CAME}: Served Confidence")
    rebuild(changed_paths=[project / "refs.bib"])
    output = ANSI_ESCAPE.sub("", capfd.readouterr().out)
    assert FORMATTED.findall(output) == [("1", str(ENTRIES))]
    page = (project / "out" / "publications" / "luo2023came.html").read_text(encoding="utf-8")
    assert "Served Confidence" in page


def test_a_paper_page_deleted_from_the_output_comes_back_and_only_it(tmp_path, pdf):
    project = site_copy(tmp_path / "site")
    build(project, pdf)
    papers = project / "out" / "publications"
    original = (papers / "luo2023came.html").read_bytes()
    (papers / "luo2023came.html").unlink()
    before = modified_times(papers)
    assert build(project, pdf) == (0, ENTRIES)
    assert (papers / "luo2023came.html").read_bytes() == original
    after = modified_times(papers)
    assert [page for page in before if after[page] != before[page]] == []


# Strict rebuilds: every warning a build from nothing gives, a rebuild gives too ----------------

PAGES_READ = re.compile(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed")


def pages_read(result: subprocess.CompletedProcess) -> int:
    [(added, changed, _)] = PAGES_READ.findall(ANSI_ESCAPE.sub("", result.stdout))
    return int(added) + int(changed)


def append(page: Path, text: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_build_failed_by_a_bibtex_warning_fails_again_unchanged(tmp_path, pdf):
    """sphinxcontrib-bibtex warns while it derives its citations; a rebuild that reuses them
    gives the same warnings, at the same place, and reads no page for it."""
    project = site_copy(tmp_path / "site")
    for name in ("skills.md", "research-interests.md"):  # one entry in two citation lists
        append(project / "docs" / name, CITING)
    first = run_build(project, pdf)
    [warning] = messages(first)
    assert first.returncode == 1
    assert warning.startswith(f"{project / 'docs'}/")
    assert 'WARNING: duplicate citation for key "zheng2023cowclip"' in warning
    for _ in range(2):
        again = run_build(project, pdf)
        assert (again.returncode, messages(again)) == (1, [warning])
        assert pages_read(again) == 0
    for name in ("skills.md", "research-interests.md"):
        page = project / "docs" / name
        page.write_text(page.read_text(encoding="utf-8").replace(CITING, ""), encoding="utf-8")
    assert run_build(project, pdf).returncode == 0
    assert run_build(project, pdf).returncode == 0


def test_a_build_failed_by_a_page_warning_fails_again_unchanged(tmp_path, pdf):
    """Sphinx does not read an unchanged page again, so its warnings would not come back: the
    build after one that warned reads every page again (and only that build)."""
    project = site_copy(tmp_path / "site")
    skills = project / "docs" / "skills.md"
    good = skills.read_text(encoding="utf-8")
    assert run_build(project, pdf).returncode == 0
    shutil.copy(PAGES / "unknown-directive.md", skills)
    first = run_build(project, pdf)
    assert first.returncode == 1 and pages_read(first) == 1
    assert any("Unknown directive type: 'cv-entri'" in m for m in messages(first))
    for _ in range(2):
        again = run_build(project, pdf)
        assert (again.returncode, messages(again)) == (1, messages(first))
    skills.write_text(good, encoding="utf-8")
    fixed = run_build(project, pdf)
    assert fixed.returncode == 0 and pages_read(fixed) == len(list(project.glob("docs/*.md")))
    unchanged = run_build(project, pdf)
    assert unchanged.returncode == 0 and pages_read(unchanged) == 0


def test_a_failed_make_html_fails_again_and_keeps_the_last_good_site(tmp_path):
    """`make html` builds into a copy of the last good site and swaps it in only on success;
    run again on the same sources it must fail again, not swap in the failed build's pages."""
    project = copy_checkout(tmp_path / "project")
    venv = VENV  # ours, as it is (-o: never remake its stamps from the copy's files)
    make = ["make", "-C", str(project), f"VENV={venv}", "-o", f"{venv}/.stamp-site", "html"]
    subprocess.run(make, check=True, capture_output=True)
    site = project / "_build" / "html"
    good = html_files(site)
    shutil.copy(PAGES / "unknown-directive.md", project / "docs" / "skills.md")
    # The first run stops at the PDF's build, the second at the site's; from the third on,
    # both would be rebuilds that read nothing.
    for _ in range(3):
        failed = subprocess.run(make, capture_output=True, text=True)
        assert failed.returncode != 0
        assert "Unknown directive type: 'cv-entri'" in ANSI_ESCAPE.sub("", failed.stderr)
        assert html_files(site) == good


@pytest.mark.sphinx("html", testroot="bib-style")
def test_the_formatting_cache_gives_an_entrys_warnings_again_when_it_reuses_its_text(app):
    """Formatting gives no warning today, but should it, a cached entry must give it again:
    once per build, where and as it was first given."""
    from sphinx.util import logging

    logger = logging.getLogger("cvsite.test")
    entry = app.env.get_domain("cite").bibdata.data.entries["notes1843"]

    def format_with_a_warning(entry):
        logger.warning("a made-up warning", location=("index", 3), type="cvsite", subtype="t")
        return f"formatted {entry.key}"

    def never(entry):
        raise AssertionError("a cached entry was formatted again")

    cache = FormattingCache("style")
    cache.start_build()
    assert cache.text(entry, format_with_a_warning) == "formatted notes1843"
    cache.warn_again()  # formatted in this build: its warning was given already
    first = app.warning.getvalue()
    assert first.count("a made-up warning") == 1
    assert "index.md:3: WARNING: a made-up warning [cvsite.t]" in ANSI_ESCAPE.sub("", first)
    cache = pickle.loads(pickle.dumps(cache))  # as the next build finds it
    cache.start_build()
    assert cache.text(entry, never) == "formatted notes1843"
    cache.warn_again()
    assert app.warning.getvalue() == first * 2
