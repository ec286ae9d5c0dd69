"""The lock a new site gets (cvsite/cli/scaffold/engine/requirements.txt): every package that
cvsite[test] and sphinx-autobuild (make serve) need, at this repository's locked versions.

    python scripts/site_lock.py     # rewrites the scaffold's lock (make site-lock)

The packages are found by following the installed packages' requirements from those two, on
this platform and on Windows and macOS, on each Python cvsite supports (their extra packages
are pinned too, where the repository's locks have them); tests/test_package.py checks that
the scaffold's lock is this.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
LOCKS = (REPO / "requirements.txt", REPO / "requirements-dev.txt")
SITE_LOCK = REPO / "cvsite" / "cli" / "scaffold" / "engine" / "requirements.txt"
ROOTS = ("cvsite[test]", "sphinx-autobuild")
PLATFORMS = (
    {},
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
)
# The Pythons cvsite supports: the lock is the same whichever of them runs this.
PYTHONS = ("3.11", "3.12", "3.13")
HEADER = """\
# Written by cvsite (`cvsite new`, `cvsite upgrade-engine`): the engine, cvsite {{version}}, and
# the exact versions of everything it builds, tests (make test) and serves (make serve) with.
# `make upgrade WHEEL=...` replaces this file; your own packages go in requirements.txt.
{{engine}}
"""


def locked_versions() -> dict[str, str]:
    """Name (canonical) -> the pin line of the repository's locks."""
    pins = {}
    for lock in LOCKS:
        for line in lock.read_text(encoding="utf-8").splitlines():
            if match := re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line.strip()):
                pins[canonicalize_name(match.group(1))] = line.strip()
    return pins


def needed(requirement: Requirement, extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(
        requirement.marker.evaluate(
            {
                "extra": extra,
                "python_version": python,
                "python_full_version": f"{python}.0",
                **platform,
            }
        )
        for platform in PLATFORMS
        for python in PYTHONS
        for extra in extras or {""}
    )


def closure() -> set[str]:
    """Every package the roots need, as canonical names (cvsite itself left out)."""
    found: set[str] = set()
    queue = [Requirement(root) for root in ROOTS]
    while queue:
        requirement = queue.pop()
        name = canonicalize_name(requirement.name)
        key = f"{name}[{','.join(sorted(requirement.extras))}]"
        if key in found:
            continue
        found.add(key)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue  # only needed elsewhere (Windows, say) and not installed here
        queue += [
            dependency
            for dependency in map(Requirement, requires)
            if needed(dependency, set(requirement.extras))
        ]
    return {key.split("[")[0] for key in found} - {"cvsite"}


def site_lock() -> str:
    pins = locked_versions()
    missing = sorted(name for name in closure() if name not in pins)
    installed = [name for name in missing if _installed(name)]
    if installed:
        raise SystemExit(f"site_lock: {installed} are needed but in no lock of {REPO}")
    lines = sorted((pins[name] for name in closure() if name in pins), key=str.lower)
    return HEADER + "".join(f"{line}\n" for line in lines)


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


if __name__ == "__main__":
    SITE_LOCK.parent.mkdir(parents=True, exist_ok=True)
    SITE_LOCK.write_text(site_lock(), encoding="utf-8")
    print(f"site_lock: wrote {SITE_LOCK.relative_to(REPO)}")
