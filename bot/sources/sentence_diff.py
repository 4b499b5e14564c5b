"""Sentence-level differences between two versions of a page (difflib, pure).

``split_sentences`` cuts one line of text into sentences; ``diff`` aligns two
sentence lists with ``difflib.SequenceMatcher`` (the standard library's
longest-matching-block diff) and reports each difference as a ``SentenceChange``:
a sentence added, removed, or changed (an old sentence and the new wording that
took its place, paired when most of their words agree).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from bot.models import SentenceChange

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by
# a space and a capital, digit, quote or bracket: "No. 5", "e.g. the" do not end one.
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9ÀÁÂÄÇÉÈÊËÍÎÏÑÓÔÖÚÛÜ])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "art",
        "sec",
        "para",
        "fig",
        "u.s",
        "u.k",
        "approx",
        "dept",
        "st",
        "jr",
        "sr",
    ]
)
_ENUMERATOR = re.compile(r"[a-z]|\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}")
PAIR_RATIO = 0.5  # word overlap at which an old and a new sentence are one sentence changed


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of text (a heading or list item is one sentence)."""
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(line):
        before = line[start : match.start()].rstrip("\"'”’)]")
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.strip() else ""
        numbering = before.strip().rstrip(".").lower() == last_word  # "1. Purpose"
        initial = len(last_word) == 1 and last_word.isalpha()  # "J. Smith"
        if (
            last_word in _ABBREVIATIONS
            or initial
            or (numbering and _ENUMERATOR.fullmatch(last_word))
        ):
            continue  # "e.g. The", "J. Smith", "1. Purpose", "iv. Scope"
        pieces.append(line[start : match.start() + len(match.group(0).rstrip())])
        start = match.end()
    pieces.append(line[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def diff(old: Sequence[str], new: Sequence[str]) -> list[SentenceChange]:
    """What changed from ``old`` to ``new`` (sentence lists), in page order."""
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    changes: list[SentenceChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            changes.extend(SentenceChange("removed", old=s) for s in old[i1:i2])
        elif tag == "insert":
            changes.extend(SentenceChange("added", new=s) for s in new[j1:j2])
        elif tag == "replace":
            changes.extend(_pair(old[i1:i2], new[j1:j2]))
    return changes


def _pair(old: Sequence[str], new: Sequence[str]) -> list[SentenceChange]:
    """Pair replaced sentences in order when they share most words; the rest are
    removals and additions."""
    changes: list[SentenceChange] = []
    j = 0
    for sentence in old:
        best, best_ratio = None, PAIR_RATIO
        for k in range(j, len(new)):
            ratio = similarity(sentence, new[k])
            if ratio >= best_ratio:
                best, best_ratio = k, ratio
        if best is None:
            changes.append(SentenceChange("removed", old=sentence))
            continue
        changes.extend(SentenceChange("added", new=s) for s in new[j:best])
        changes.append(SentenceChange("changed", old=sentence, new=new[best]))
        j = best + 1
    changes.extend(SentenceChange("added", new=s) for s in new[j:])
    return changes


def similarity(a: str, b: str) -> float:
    """Word-level similarity of two sentences (0..1)."""
    words_a, words_b = a.lower().split(), b.lower().split()
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()
