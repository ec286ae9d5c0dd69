"""Realistic synthetic .bib files for the benchmarks: the same file for the same size and seed.

    python -m benchmarks.generate_bib SIZE [OUTPUT] [--owner NAME]

Mixed types (papers, articles, preprints, theses, reports, books), names with LaTeX accents and
UTF-8 letters, author lists from 1 to 40 names and some ending in "and others", the owner among
the authors of about a third, equal contribution, awards, URLs (example.org) and arXiv-style
ids. Every file passes `make check`, so the benchmark measures building, not failing.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

FIRST_NAMES = [
    "Ada", "José", "Zoë", "Łukasz", "Renée", "Yang", "Xin", "Fuzhao", "Kai", "Mingyuan",
    "Hari", "Trevor", "Fran{\\c{c}}ois", "J{\\\"u}rgen", "Bj{\\o}rn", "Søren", "Ana-María",
    "Chen", "Priya", "Olúwaseun", "Märta", "Ji-woo", "Nguyễn Văn", "Ines", "Pedro",
]  # fmt: skip
LAST_NAMES = [
    "Lovelace", "M{\\\"u}ller", "Garc{\\'\\i}a", "Øster", "Nakamura", "You", "Jiang", "Xue",
    "Wang", "Ma", "Das", "Darrell", "{van der} Berg", "de la Cruz", "O'Neil", "Smith-Jones",
    "Dvo{\\v{r}}{\\'a}k", "Ç{\\i}nar", "Kowalczyk", "Schölkopf", "Li", "Zhang", "Liu",
]  # fmt: skip
TOPICS = [
    "Efficient {Transformer} Training", "Large-Batch Optimization", "Continual Learning",
    "Prompt Learning", "Sequence Scheduling for {LLM} Inference", "Memory-Efficient Optimizers",
    "Domain Generalization", "Mixture-of-Experts", "Data Pruning", "{GPU} Kernels",
    "Caf{\\'e} Recommendation Systems", "Zero-Shot Transfer", "Scaling Laws \\& Token Crises",
]  # fmt: skip
QUALIFIERS = ["Revisited", "at Scale", "--- a Study", "in Practice", "Without Tears", ""]
VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ICCV", "ACL", "AAAI", "KDD", "EMNLP", "MLSys"]
JOURNALS = ["Journal of Machine Learning Research", "IEEE TPAMI", "Nature Machine Intelligence"]
AWARDS = ["Best Paper Award", "Outstanding Paper Award", "Distinguished Paper Award (0.8\\%)"]
# Shares of the entry types: mostly conference papers, then journals and preprints.
TYPES = [("inproceedings", 45), ("article", 25), ("misc", 20), ("phdthesis", 3),
         ("techreport", 4), ("book", 3)]  # fmt: skip


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def authors(rng: random.Random, owner: str) -> list[str]:
    count = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40])
    names = list(dict.fromkeys(person(rng) for _ in range(count)))
    if rng.random() < 0.35:
        names.insert(rng.randrange(len(names) + 1), owner)
    return names


def entry(number: int, rng: random.Random, owner: str) -> str:
    kind = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    year = 2026 - rng.randrange(25)
    names = authors(rng, owner)
    title = f"{rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}".strip()
    fields = {
        "title": f"{title}: Part {number}",
        "author": " and ".join(names) + (" and others" if rng.random() < 0.05 else ""),
        "year": str(year),
    }
    if kind == "inproceedings":
        fields["booktitle"] = rng.choice(VENUES)
    elif kind == "article":
        fields["journal"] = rng.choice(JOURNALS)
        fields["volume"] = str(rng.randrange(1, 50))
        fields["pages"] = f"{rng.randrange(1, 900)}--{rng.randrange(900, 999)}"
    elif kind == "misc":
        fields["eprint"] = f"{year % 100:02d}{rng.randrange(1, 13):02d}.{number:05d}"
        fields["archiveprefix"] = "arXiv"
    elif kind == "phdthesis":
        fields["school"] = "National University of Singapore"
    elif kind == "techreport":
        fields["institution"] = "HPC-AI Lab"
    elif kind == "book":
        fields["publisher"] = "MIT Press"
    # No DOI: any DOI we made up would look like a real one; links come from url.
    if rng.random() < 0.3:
        fields["url"] = f"https://example.org/papers/{number}"
    if len(names) >= 2 and rng.random() < 0.1:
        fields["equal_contribution"] = " and ".join(names[:2])
    if rng.random() < 0.02:
        fields["award"] = rng.choice(AWARDS)
    if owner in names and rng.random() < 0.02:
        fields["selected"] = "true"
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@{kind}{{bench{number:05d},\n{body}}}\n"


def generate(size: int, owner: str = "Zangwei Zheng", seed: int = 2026) -> str:
    rng = random.Random(f"{seed}-{size}")
    header = f"% {size} synthetic entries made by benchmarks/generate_bib.py (seed {seed}).\n\n"
    return header + "\n".join(entry(number, rng, owner) for number in range(size))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--owner", default="Zangwei Zheng")
    args = parser.parse_args(argv)
    text = generate(args.size, args.owner)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
