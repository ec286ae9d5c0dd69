"""`make bench`: our site against a bare baseline, side by side, on .bib files of every size.

    python -m benchmarks.run [--sizes 12,200,1000,2000] [--repeat 3] [--no-pdf] [--json PATH]

For each size, both sites get the same pages and the same generated .bib; "real" is this
repository's own refs.bib. Each scenario is a separate sphinx-build process, timed by the wall
clock, with its peak memory from the kernel (ru_maxrss); the median of the repeats is kept.
The ratio is ours / baseline, measured in the same run: machines are shared and noisy, so
ratios say more than seconds. Nothing here is asserted by `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.bare_pages import copy_pages
from benchmarks.generate_bib import generate

REPO = Path(__file__).resolve().parent.parent
BASELINE_CONF = REPO / "benchmarks" / "baseline" / "conf.py"
FORMATTED = re.compile(r"cvsite: formatted (\d+) of (\d+) \.bib entries")
SCENARIOS = ("cold", "noop", "edit-page", "edit-entry")
TITLES = {
    "cold": "full build, empty build folder",
    "noop": "rebuild, nothing changed",
    "edit-page": "rebuild after editing one page",
    "edit-entry": "rebuild after editing one entry",
    "pdf": "PDF build, empty build folder",
}


@dataclass
class Run:
    seconds: float
    peak_mib: float
    formatted: int | None  # entries our style formatted (None for the baseline)


@dataclass
class Site:
    name: str  # "ours" or "baseline"
    root: Path
    runs: dict[str, list[Run]] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def build(self) -> Path:
        return self.root / "_build"


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall time, peak resident memory (MiB) and output of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"make bench: this command failed in {cwd}:\n  {' '.join(command)}\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


def make_sites(workdir: Path, bib_text: str) -> tuple[Site, Site]:
    ours, baseline = Site("ours", workdir / "ours"), Site("baseline", workdir / "baseline")
    for site in (ours, baseline):
        shutil.rmtree(site.root, ignore_errors=True)
        site.root.mkdir(parents=True)
        (site.root / "refs.bib").write_text(bib_text, encoding="utf-8")
    shutil.copy2(REPO / "conf.py", ours.root / "conf.py")
    shutil.copytree(REPO / "docs", ours.docs, ignore=shutil.ignore_patterns("publications"))
    shutil.copy2(BASELINE_CONF, baseline.root / "conf.py")
    copy_pages(REPO / "docs", baseline.docs, runpy.run_path(str(REPO / "conf.py")))
    return ours, baseline


def html_command(site: Site) -> list[str]:
    # Ours as `make html` runs it (cvsite html: Sphinx through cvsite.cli.quiet_sphinx, whose
    # process pauses the garbage collector while Sphinx starts), with the PDF built beforehand.
    runner = "cvsite.cli.quiet_sphinx" if site.name == "ours" else "sphinx"
    command = [sys.executable, "-m", runner, "-c", str(site.root), "-b", "html", "-d",
               str(site.build / "doctrees"), str(site.docs), str(site.build / "html")]  # fmt: skip
    if site.name == "ours":
        command += ["-W", "--keep-going", "-n", "-D", f"cv_pdf_dir={site.build / 'pdf'}"]
    return command


def pdf_commands(site: Site) -> list[list[str]]:
    if site.name == "ours":
        # The full CV alone: the baseline has no variants (cv_variants) to build.
        return [[sys.executable, "-m", "cvsite.cli.make_pdf", "--variant", "",
                 str(site.build / "pdf")]]  # fmt: skip
    latex = site.build / "latex"
    return [
        [sys.executable, "-m", "sphinx", "-c", str(site.root), "-b", "latex",
         "-d", str(site.build / "doctrees-latex"), str(site.docs), str(latex)],
        ["sh", "-c", f"cd {latex} && latexmk -pdfxe -f -interaction=nonstopmode *.tex"],
    ]  # fmt: skip


def edit_page(site: Site, number: int) -> None:
    page = site.docs / "skills.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nEdited by the benchmark ({number}).\n")


def edit_entry(site: Site, number: int) -> None:
    """Change the title of the entry in the middle of the file."""
    bib = site.root / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    titles = [m for m in re.finditer(r"^\s*title\s*=\s*\{", text, re.M)]
    middle = titles[len(titles) // 2]
    edited = text[: middle.end()] + f"Edited {number}: " + text[middle.end() :]
    bib.write_text(edited, encoding="utf-8")


def record(site: Site, scenario: str, seconds: float, peak: float, output: str) -> None:
    found = FORMATTED.search(output)
    formatted = int(found.group(1)) if found else None
    site.runs.setdefault(scenario, []).append(Run(seconds, peak, formatted))


def run_html(site: Site, repeat_number: int) -> None:
    shutil.rmtree(site.build / "html", ignore_errors=True)
    shutil.rmtree(site.build / "doctrees", ignore_errors=True)
    shutil.rmtree(site.docs / "publications", ignore_errors=True)
    for scenario in SCENARIOS:
        if scenario == "edit-page":
            edit_page(site, repeat_number)
        elif scenario == "edit-entry":
            edit_entry(site, repeat_number)
        record(site, scenario, *timed(html_command(site), site.root))


def run_pdf(site: Site) -> None:
    for folder in ("latex", "doctrees-latex", "pdf"):
        shutil.rmtree(site.build / folder, ignore_errors=True)
    seconds, peak, output = 0.0, 0.0, ""
    for command in pdf_commands(site):
        step_seconds, step_peak, step_output = timed(command, site.root)
        seconds, peak, output = seconds + step_seconds, max(peak, step_peak), output + step_output
    record(site, "pdf", seconds, peak, output)


def measure(label: str, bib_text: str, workdir: Path, repeat: int, pdf: bool) -> dict:
    ours, baseline = make_sites(workdir / label, bib_text)
    run_pdf(ours)  # the site links its PDF, so `make html` builds it first
    if pdf:
        run_pdf(baseline)
    else:
        ours.runs.pop("pdf")
    for number in range(repeat):
        for site in (ours, baseline):
            run_html(site, number)
    rows = {}
    for scenario in (*SCENARIOS, "pdf"):
        if scenario not in ours.runs:
            continue
        mine, theirs = ours.runs[scenario], baseline.runs[scenario]
        ours_s = statistics.median(r.seconds for r in mine)
        base_s = statistics.median(r.seconds for r in theirs)
        counts = [r.formatted for r in mine if r.formatted is not None]
        rows[scenario] = {
            "ours_s": round(ours_s, 3),
            "baseline_s": round(base_s, 3),
            "ratio": round(ours_s / base_s, 3),
            "ours_peak_mib": round(max(r.peak_mib for r in mine), 1),
            "baseline_peak_mib": round(max(r.peak_mib for r in theirs), 1),
            "formatted": max(counts) if counts else None,
            "ours_runs": [asdict(r) for r in mine],
            "baseline_runs": [asdict(r) for r in theirs],
        }
    return rows


def targets(results: dict) -> list[tuple[str, float | int | None, str, bool | None]]:
    """The issue's targets: (what, measured, target, met)."""
    big = results.get("2000")
    small = results.get("12")
    real = results.get("real")
    checks = []
    if big:
        checks.append(("2,000 entries: full build / baseline", big["cold"]["ratio"], "≤ 0.3"))
        checks.append(("2,000 entries: no-op rebuild / baseline", big["noop"]["ratio"], "≤ 0.1"))
        checks.append(("2,000 entries: edit one page, entries formatted",
                       big["edit-page"]["formatted"], "= 0"))  # fmt: skip
        checks.append(("2,000 entries: edit one entry, entries formatted",
                       big["edit-entry"]["formatted"], "= 1"))  # fmt: skip
    if big and small:
        flat = round(big["noop"]["ours_s"] / small["noop"]["ours_s"], 3)
        checks.append(("our no-op at 2,000 / our no-op at 12", flat, "≤ 1.2"))
    if real:
        checks.append(("real site: full build / baseline", real["cold"]["ratio"], "≤ 1.2"))
    met = []
    for what, value, target in checks:
        operator, limit = target.split()
        ok = (
            None
            if value is None
            else (value <= float(limit) if operator == "≤" else value == float(limit))
        )
        met.append((what, value, target, ok))
    return met


def table(results: dict) -> str:
    lines = [
        "| entries | scenario | ours (s) | baseline (s) | ours / baseline | formatted "
        "| peak MiB ours / baseline |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, rows in results.items():
        for scenario, row in rows.items():
            formatted = "" if row["formatted"] is None else str(row["formatted"])
            lines.append(
                f"| {label} | {TITLES[scenario]} | {row['ours_s']:.2f} | {row['baseline_s']:.2f} "
                f"| {row['ratio']:.2f} | {formatted} "
                f"| {row['ours_peak_mib']:.0f} / {row['baseline_peak_mib']:.0f} |"
            )
    lines += ["", "| target | measured | wanted | met |", "|---|---|---|---|"]
    for what, value, target, ok in targets(results):
        verdict = {True: "yes", False: "NO", None: "n/a"}[ok]
        lines.append(f"| {what} | {value} | {target} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,12,200,1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds")
    parser.add_argument("--workdir", type=Path, default=REPO / "_build" / "bench")
    parser.add_argument("--json", type=Path, default=None, help="default: WORKDIR/results.json")
    args = parser.parse_args(argv)
    results = {}
    for label in args.sizes.split(","):
        if label == "real":
            bib_text = (REPO / "refs.bib").read_text(encoding="utf-8")
        else:
            bib_text = generate(int(label))
        print(f"make bench: {label} entries ...", flush=True)
        results[label] = measure(label, bib_text, args.workdir, args.repeat, not args.no_pdf)
    output = args.json or args.workdir / "results.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    fields = ("what", "measured", "wanted", "met")
    summary = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "repeat": args.repeat,
        "results": results,
        "targets": [dict(zip(fields, target, strict=True)) for target in targets(results)],
    }
    output.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(table(results))
    print(f"\nmake bench: figures in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
