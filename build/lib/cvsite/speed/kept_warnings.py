"""Warnings kept with a cached result, and given again whenever the result is reused.

A build that reuses what an earlier build computed (the citations, a formatted entry) would
otherwise skip the warnings that computing it gave, and a failed build would pass when run
again. So a cache captures the warnings given while it computes, keeps them beside its result
(pickled with Sphinx's environment), and gives them again, with the same location, type and
subtype, each time it reuses the result. Records it keeps are marked, so that the rebuild
guard (strict_rebuilds.py) knows they need no page read again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from docutils import nodes
from sphinx.util.logging import NAMESPACE, get_node_location

KEPT = "cvsite_kept"  # set on a record that a cache keeps and will give again
logger = logging.getLogger(f"{NAMESPACE}.{__name__}")


@dataclass(frozen=True)
class KeptWarning:
    level: int
    message: str
    location: str | tuple | None
    type: str | None
    subtype: str | None

    @classmethod
    def of(cls, record: logging.LogRecord) -> KeptWarning:
        location = getattr(record, "location", None)
        if isinstance(location, nodes.Node):  # a node is not kept; where it came from is
            location = get_node_location(location)
        return cls(
            record.levelno,
            record.getMessage(),
            location,
            getattr(record, "type", None),
            getattr(record, "subtype", None),
        )

    def emit(self) -> None:
        # Through Sphinx's logger, as first given: its filters add the path, the
        # [type.subtype] tag and our fixes, and apply suppress_warnings, as they did then.
        extra = {"location": self.location, "type": self.type, "subtype": self.subtype, KEPT: True}
        logger.log(self.level, "%s", self.message, extra=extra)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.kept: list[KeptWarning] = []

    def emit(self, record: logging.LogRecord) -> None:
        # A record seen twice (Sphinx holds the warnings of the read phase back, then hands
        # them on again) or kept already by an inner capture is kept once, by one cache.
        if not getattr(record, KEPT, False):
            setattr(record, KEPT, True)
            self.kept.append(KeptWarning.of(record))


@contextmanager
def capture() -> Iterator[list[KeptWarning]]:
    """The warnings given inside the block (they are given as usual too)."""
    collector = _Collector()
    handlers = logging.getLogger(NAMESPACE).handlers
    # First, before Sphinx's own handlers rewrite the record (path, tag, fix) for display.
    handlers.insert(0, collector)
    try:
        yield collector.kept
    finally:
        handlers.remove(collector)


def emit_again(warnings: Iterable[KeptWarning]) -> None:
    for warning in warnings:
        warning.emit()
