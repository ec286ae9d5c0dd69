"""Counts in messages as a person writes them: "1 problem", "2 problems", "1 entry"."""

from __future__ import annotations

# Nouns of the messages whose plural is not the noun and an "s".
IRREGULAR = {"entry": "entries", ".bib entry": ".bib entries", "paper page": "paper pages"}


def plural(count: int, noun: str) -> str:
    """`plural(1, "problem")` is "1 problem", `plural(3, "entry")` "3 entries"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {IRREGULAR.get(noun, noun + 's')}"
