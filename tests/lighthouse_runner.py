"""Lighthouse 12 (mobile preset) on every page of a built site, served with gzip from 127.0.0.1.

    python tests/lighthouse_runner.py [_build/html]      (`make lighthouse`: prints the table)

Each page is measured RUNS times and the median of each score kept: headless Chromium here
sometimes delays the first paint, and --disable-features=PaintHolding removes most of that.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from site_server import serve

LIGHTHOUSE = Path(__file__).parent / "browser" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-features=PaintHolding "
    "--disable-background-networking --disable-component-update --no-first-run --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3


def site_pages(html: Path) -> list[str]:
    return sorted(
        str(path.relative_to(html))
        for path in html.rglob("*.html")
        if not path.relative_to(html).parts[0].startswith("_")
    )


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


def measure(url: str, runs: int = RUNS) -> dict:
    """The median of each category's score (0-100) over `runs`, with the byte weight."""
    reports = [lighthouse_once(url) for _ in range(runs)]
    scores = {
        name: statistics.median(round(100 * r["categories"][name]["score"]) for r in reports)
        for name in CATEGORIES
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
