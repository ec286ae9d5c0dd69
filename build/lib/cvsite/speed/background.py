"""Work done in a forked process while the build goes on.

A long .bib makes thousands of paper pages. Making them (rendering, stamping) can run beside
Sphinx's writing of the documents, and writing them (creating thousands of files costs the
kernel about as much time as Python spends making them) beside the making. Both use fork, as
Sphinx's own `-j` does: the helper gets a copy of the build's state for free, and reports back
through a pipe. Where forking is unsafe or pointless (Windows, one core, or a process that runs
threads of its own, such as a test runner), the work is done in place, one thing after another.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

from sphinx.util.parallel import parallel_available


def forking_is_safe() -> bool:
    """POSIX (as Sphinx's -j needs), a second core to run on, and no thread to lose: neither a
    Python thread nor one that a library started on its own (Linux lists those in /proc)."""
    return (
        parallel_available
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and threads_of_this_process() <= 1
    )


def threads_of_this_process() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # no /proc (macOS): Python's own count above is what there is
        return 1


END = b""  # the message that says there are no more files


def _write_received_files(connection, folder: str) -> None:
    """The helper process: write each (name, bytes) it receives; answer "" or the first
    failure. It reads on to the end even after a failure, so the build never writes into a
    pipe whose reader has gone (a broken pipe would hide the failure)."""
    failure = ""
    while message := connection.recv_bytes():
        if failure:
            continue
        name, _, data = message.partition(b"\0")
        try:
            with open(os.path.join(folder, name.decode()), "wb") as file:
                file.write(data)
        except Exception as error:  # the build reports it, naming the folder
            failure = f"{type(error).__name__}: {error}"
    connection.send(failure)


class FileWriter:
    """Writes files into one folder: `write(name, text)` as they come, then `close()`; a
    helper process writes them when forking is safe."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.in_background = forking_is_safe()
        if self.in_background:
            context = multiprocessing.get_context("fork")
            self.connection, helper_end = context.Pipe()
            self.helper = context.Process(
                target=_write_received_files, args=(helper_end, str(folder)), daemon=True
            )
            self.helper.start()

    def write(self, name: str, text: str) -> None:
        data = text.encode("utf-8")
        if self.in_background:
            self.connection.send_bytes(name.encode() + b"\0" + data)
        else:
            (self.folder / name).write_bytes(data)

    def close(self) -> None:
        """Wait until every file is written; raise if one could not be."""
        if not self.in_background:
            return
        self.connection.send_bytes(END)
        failure = self.connection.recv()
        self.helper.join()
        if failure:
            raise OSError(f"could not write the files of {self.folder}: {failure}")

    def __enter__(self) -> FileWriter:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        if error_type is None:
            self.close()
        elif self.in_background:  # the build failed: the helper's work no longer matters
            self.helper.kill()
            self.helper.join()
