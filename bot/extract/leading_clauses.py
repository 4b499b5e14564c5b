"""Sentence-opening subordinate clauses: background to the main clause after them.

"After a panel quashed its penalty, X restarts …", "Nachdem das Gericht die Strafe
gekippt hat, nimmt X …", "Depois de a justiça derrubar a sanção, a X …": the
clause from a subordinator at the sentence start to its first comma tells what came
before the news. What happens in it (a court undoing a fine, a regulator's order) does
not decide whose act the item is when the main clause has an act of its own, and the
names in it are not the subject of the main clause's verb.

``leading_clause(sc, pos)`` says whether ``pos`` lies in such a clause; the openers are
per language in ``bot/data/leading_clauses.yaml`` (English ones join every language).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from bot.extract import compiled
from bot.extract.resources import DATA_DIR, DataFileError
from bot.extract.scan import Scan, in_fronted
from bot.yaml_loader import read_data_file

CLAUSES_FILE: Path = DATA_DIR / "leading_clauses.yaml"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
REACH = 160  # characters from the sentence start within which the clause's comma lies


@lru_cache(maxsize=1)
def _raw() -> dict[str, list[str]]:
    raw = read_data_file(CLAUSES_FILE)
    if not isinstance(raw, dict) or not all(isinstance(raw.get(c), list) for c in LANGUAGES):
        raise DataFileError(f"{CLAUSES_FILE}: expected a list of openers per language")
    return {code: [str(p) for p in raw[code]] for code in LANGUAGES}


@lru_cache(maxsize=8)
def opener(lang: str) -> re.Pattern[str]:
    """The openers of ``lang`` (and English's), anchored where they are matched."""
    raw = _raw()
    langs = (lang, "en") if lang in LANGUAGES and lang != "en" else ("en",)
    items = sorted((p for code in langs for p in raw[code]), key=len, reverse=True)
    try:
        return compiled.compile(r"(?i)(?:" + "|".join(items) + r")(?![\w-])")
    except re.error as exc:
        raise DataFileError(f"{CLAUSES_FILE}: an invalid opener ({exc}); fix it") from exc


def clause_span(sc: Scan, index: int) -> tuple[int, int] | None:
    """The leading subordinate clause of sentence ``index`` (start, comma), or None
    (read once per item and sentence: ``Scan.memo``)."""
    key = ("leading_clause", index)
    if key not in sc.memo:
        sc.memo[key] = _clause_span(sc, index)
    return sc.memo[key]  # type: ignore[return-value]


def _clause_span(sc: Scan, index: int) -> tuple[int, int] | None:
    lo, hi = sc.sentences[index]
    start = lo
    while start < hi and sc.text[start] in " \"'“‘«¿¡":
        start += 1
    if opener(sc.lang).match(sc.text, start) is None:
        return None
    comma = sc.text.find(",", start, min(hi, start + REACH))
    if comma < 0 or not sc.text[comma + 1 : hi].strip():
        return None  # no main clause after it
    return lo, comma


def leading_clause(sc: Scan, pos: int) -> bool:
    """``pos`` lies in a sentence-opening subordinate clause or fronted adverbial."""
    if in_fronted(sc, pos):
        return True
    span = clause_span(sc, sc.sentence_of(pos))
    return span is not None and span[0] <= pos < span[1]


# a past verb in a clause: English -ed (and the irregular pasts courts' news uses), a
# Romance compound past ("a annulé", "ha annullato", "ha anulado", "tinha anulado")
_PAST = compiled.compile(
    r"(?i)\b(?:\w{3,}ed|threw|struck|overturned|upheld|ruled|won|lost|(?:a|ont|ha|hanno|han"
    r"|hab[ií]a|tinha|teve)\s+\w+(?:[ée]e?s?|ato|ata|ado|ada|ido|ida|to))\b"
)


def past_time_clause(sc: Scan, pos: int, cue: int) -> bool:
    """``pos`` (a conjunction such as "once") opens a leading clause that ends before
    ``cue`` and tells a past event: a time clause ("Once the judges voided the order,
    X switched …"), not a condition on the main clause ("once the court rules, X will …")."""
    span = clause_span(sc, sc.sentence_of(pos))
    if span is None or not span[0] <= pos < span[1] or cue < span[1]:
        return False
    return _PAST.search(sc.text, pos, span[1]) is not None
