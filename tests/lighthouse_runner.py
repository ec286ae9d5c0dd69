"""Lighthouse 12 (mobile preset) on every page of a built site, served with gzip from 127.0.0.1.

    python tests/lighthouse_runner.py [_build/html]      (`make lighthouse`: prints the table)

Each page's scores are the median of three runs: headless Chromium here sometimes delays the
first paint (--disable-features=PaintHolding removes most of that), and one run can be noisy.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import site_pages
from site_server import serve

LIGHTHOUSE = Path(__file__).parent / "browser" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-features=PaintHolding "
    "--disable-background-networking --disable-component-update --no-first-run --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_once(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={CHROME_FLAGS}"],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            timeout=180,
        )  # fmt: skip
        return json.loads(report.read_text(encoding="utf-8"))


def category_scores(report: dict) -> tuple[int, ...]:
    return tuple(round(100 * report["categories"][name]["score"]) for name in CATEGORIES)


def measure(url: str) -> dict:
    """The median of each category's score (0-100) over three runs, with the byte weight.

    When the first two runs agree on every score, the third cannot move the median of three,
    so it is skipped.
    """
    reports = [lighthouse_once(url), lighthouse_once(url)]
    if category_scores(reports[0]) != category_scores(reports[1]):
        reports.append(lighthouse_once(url))
    runs = [category_scores(report) for report in reports]
    if len(runs) == 2:
        runs.append(runs[0])
    scores = {
        name: statistics.median(run[index] for run in runs) for index, name in enumerate(CATEGORIES)
    }
    audits = reports[0]["audits"]
    scores["bytes"] = audits["total-byte-weight"]["numericValue"]
    scores["requests"] = len(audits["network-requests"]["details"]["items"])
    return scores


def main() -> None:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    print(f"{'page':45} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KiB':>7} {'req':>4}")
    with serve(html) as base:
        for page in site_pages(html):
            s = measure(base + page)
            scores = " ".join(f"{s[name]:5}" for name in CATEGORIES)
            print(f"{page:45} {scores} {s['bytes'] / 1024:7.1f} {s['requests']:4}")


if __name__ == "__main__":
    main()
