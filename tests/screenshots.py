"""`make screenshots`: every page of the built site as PNGs, light, dark and 390 px wide.

python tests/screenshots.py [_build/html] [_build/screenshots]
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import site_pages
from playwright.sync_api import sync_playwright
from site_server import serve

VARIANTS = {
    "light": ({"width": 1280, "height": 900}, "light"),
    "dark": ({"width": 1280, "height": 900}, "dark"),
    "phone": ({"width": 390, "height": 844}, "light"),
}


def main() -> None:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "_build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with serve(html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for page_name in site_pages(html):
            for variant, (viewport, mode) in VARIANTS.items():
                context = browser.new_context(viewport=viewport, color_scheme=mode)
                context.add_init_script(f"localStorage.setItem('mode', '{mode}');")
                page = context.new_page()
                page.goto(base + page_name, wait_until="networkidle")
                target = out / f"{page_name.removesuffix('.html').replace('/', '--')}-{variant}.png"
                page.screenshot(path=str(target), full_page=True)
                context.close()
                print(target)
        browser.close()


if __name__ == "__main__":
    main()
