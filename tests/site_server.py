"""Serves a built site from 127.0.0.1 with gzip, as a CDN would, for the browser tests."""

from __future__ import annotations

import gzip
import mimetypes
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/x-bibtex")  # fmt: skip
mimetypes.add_type("application/x-bibtex", ".bib")


class GzipHandler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        headers = {"Content-Type": content_type, "Cache-Control": "no-cache"}
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts_gzip and content_type.startswith(COMPRESSIBLE):
            body = gzip.compress(body, compresslevel=9, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet
        pass


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that leaves a page while it loads (a test moving on) breaks the connection:
        # no fault of the site, and not worth a traceback in the test output.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(root: Path):
    """Yields the base URL of `root`, served until the block ends."""
    server = SiteServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
