"""Work done in forked processes (the paper pages, their files) gives what work done in place
gives, and its failures reach the build."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from test_bad_input import site_copy
from test_incremental_builds import html_files

# Another thread running in the process, as in a test runner or an editor: forking is unsafe.
ONE_MORE_THREAD = textwrap.dedent("""
    import sys, threading, time
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
""")
# sphinx-build with one more thread: all is done in place.
SPHINX_WITH_A_THREAD = (
    ONE_MORE_THREAD + "from sphinx.cmd.build import main\nsys.exit(main(sys.argv[1:]))"
)
FORKING_IS_SAFE = "from cvsite.speed.background import forking_is_safe\nprint(forking_is_safe())"


def build(project: Path, pdf: Path, *python: str) -> None:
    result = subprocess.run(
        [sys.executable, *python, "-c", str(project), "-W", "--keep-going", "-n", "-b", "html",
         "-D", f"cv_pdf_dir={pdf.parent}", str(project / "docs"), str(project / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout


def test_a_plain_build_may_fork_one_with_threads_may_not():
    assert python(FORKING_IS_SAFE).strip() == str((os.cpu_count() or 1) > 1)
    assert python(ONE_MORE_THREAD + FORKING_IS_SAFE).strip() == "False"
    # A thread that threading does not know of, as a library's own would be.
    unregistered = "import _thread, time\n_thread.start_new_thread(time.sleep, (5,))\n"
    assert python(unregistered + "time.sleep(0.2)\n" + FORKING_IS_SAFE).strip() == "False"


def test_pages_made_in_forked_processes_equal_pages_made_in_place(tmp_path, pdf):
    forked, in_place = site_copy(tmp_path / "forked"), site_copy(tmp_path / "in-place")
    build(forked, pdf, "-m", "sphinx")
    build(in_place, pdf, "-c", SPHINX_WITH_A_THREAD)
    forked_pages, in_place_pages = html_files(forked / "out"), html_files(in_place / "out")
    assert len([name for name in forked_pages if name.startswith("publications/")]) == 12
    assert sorted(forked_pages) == sorted(in_place_pages)
    assert [name for name in forked_pages if forked_pages[name] != in_place_pages[name]] == []


def test_a_file_the_helper_cannot_write_fails_the_build_naming_the_folder(tmp_path):
    missing = tmp_path / "no-such-folder"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from cvsite.speed.background import FileWriter
        writer = FileWriter(Path({str(missing)!r}))
        assert writer.in_background
        for number in range(200):
            writer.write(f"page{{number}}.html", "<p>text</p>" * 1000)
        writer.close()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"OSError: could not write the files of {missing}:")
    assert "No such file or directory" in last_line
