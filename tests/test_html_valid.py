"""Every page passes the Nu HTML Checker (vnu.jar from npm, run with Debian's Java)."""

from __future__ import annotations

import json
import subprocess

from conftest import REPO, site_pages

VNU = REPO / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_no_html_errors_on_any_page(site):
    pages = [str(site.html / name) for name in site_pages(site.html)]
    assert len(pages) >= 20
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
