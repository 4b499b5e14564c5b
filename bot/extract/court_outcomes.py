"""A court's decision told through the decision it undoes, the party it favours or the
party that loses before it.

Appeal coverage often puts the undone decision first: "the penalty on X is set aside",
"Landgericht erklärt die Anordnung für nichtig", "la multa queda sin efecto". The
decision's noun (a fine, a sanction, an erasure order) reads as its regulator's act and
outweighs a court named once in the summary; so does a regulator's defeat told with the
regulator as subject ("the watchdog loses in court", "l'autorité désavouée") or a court
siding with the company ("i giudici danno ragione a X"). The act is the court's.
``decided_by_court`` reads the three shapes from ``bot/data/court_outcomes.yaml``, in a
sentence no call or study governs, and asks that the item place them at a court: a court
named, or an appeal ("on appeal", "em segunda instância"). A party favoured needs the
court or appeal in its own sentence ("the consumer office sides with shoppers" is no
court's act). Told in a sentence-opening clause ("After a panel quashed its penalty, X
restarts …"), an outcome is background and does not decide a headline whose main
clause holds an act of its own (``bot.extract.leading_clauses``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.extract import authority, body_patterns, compiled
from bot.extract.attribution import mentions
from bot.extract.gate import gated
from bot.extract.leading_clauses import leading_clause
from bot.extract.resources import DATA_DIR, DataFileError
from bot.extract.scan import Scan
from bot.yaml_loader import read_data_file

OUTCOMES_FILE: Path = DATA_DIR / "court_outcomes.yaml"
SECTIONS = ("undo", "decisions", "favour", "loss", "appeal")
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
OBJECT_REACH = 50  # characters between an undoing verb and its decision, either side


@dataclass(frozen=True)
class Patterns:
    undo: re.Pattern[str]
    decision: re.Pattern[str]
    favour: re.Pattern[str]
    loss: re.Pattern[str]
    appeal: re.Pattern[str]


def read_outcomes(path: Path) -> dict[str, Any]:
    """The data file as a mapping (DataFileError names the file and the fix)."""
    raw = read_data_file(path)
    if not isinstance(raw, dict) or not all(isinstance(raw.get(s), dict) for s in SECTIONS):
        raise DataFileError(f"{path}: expected mappings {', '.join(SECTIONS)} by language")
    return raw


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return read_outcomes(OUTCOMES_FILE)


@lru_cache(maxsize=8)
def patterns(lang: str) -> Patterns:
    """The compiled lists for ``lang`` (English ones join every language: an English
    court phrase travels)."""
    raw = _raw()
    langs = (lang, "en") if lang in LANGUAGES and lang != "en" else ("en",)

    def alt(section: str) -> re.Pattern[str]:
        items = [str(p) for code in langs for p in raw[section].get(code) or []]
        joined = "|".join(sorted(items, key=len, reverse=True)) or r"(?!)"
        try:
            return compiled.compile(rf"(?i)(?<![\w-])(?:{joined})(?![\w-])")
        except re.error as exc:
            msg = f"{OUTCOMES_FILE}: {section} holds an invalid regex ({exc}); fix it"
            raise DataFileError(msg) from exc

    return Patterns(*(alt(section) for section in SECTIONS))


def decided_by_court(sc: Scan, headline: bool = False) -> str | None:
    """``"court"`` when the item tells a court undoing a decision, siding with a party
    or defeating one, at a court the item names or in an appeal; else None
    (``headline``: told in the headline itself, as when a company's cue competes)."""
    pats = patterns(sc.lang)
    # the headline's main clause acts: an outcome in its opening clause is background
    background = headline and _main_clause_acts(sc)
    for lo, hi in sc.sentences[:1] if headline else sc.sentences:
        if hi > lo and _told(sc, pats, lo, hi, background) and not authority.hedged(sc, lo, hi):
            # (not in a sentence a call governs: "campaigners want the fine annulled")
            return "court" if _at_court(sc, pats) else None
    return None


def _main_clause_acts(sc: Scan) -> bool:
    """A cue of the headline's sentence lies outside its opening clause."""
    if not sc.sentences:
        return False
    lo, hi = sc.sentences[0]
    return any(lo <= h.start < hi and not leading_clause(sc, h.start) for h in sc.actions)


def _told(sc: Scan, pats: Patterns, lo: int, hi: int, background: bool = False) -> bool:
    """Sentence [lo, hi) tells a decision undone, a party favoured or a party's defeat
    (``background``: not in the sentence's opening clause). The lists are searched
    through their word gates (each item's sentences are read with them)."""
    for hit in gated(pats.favour).finditer(sc.text, lo, hi):
        if not (background and leading_clause(sc, hit.start())) and _court_before(
            sc, pats, lo, hit
        ):
            return True
    for hit in gated(pats.loss).finditer(sc.text, lo, hi):
        if not (background and leading_clause(sc, hit.start())):
            return True
    for verb in gated(pats.undo).finditer(sc.text, lo, hi):
        if background and leading_clause(sc, verb.start()):
            continue
        before = pats.decision.search(sc.text, max(lo, verb.start() - OBJECT_REACH), verb.start())
        if before or pats.decision.search(sc.text, verb.end(), min(hi, verb.end() + OBJECT_REACH)):
            return True
    return False


def _court_before(sc: Scan, pats: Patterns, lo: int, hit: re.Match[str]) -> bool:
    """The sentence of a favour verb names a court or an appeal before it ("the judges side
    with …", "on appeal, the panel sides with …"): siding with a party alone is anyone's."""
    if pats.appeal.search(sc.text, lo, hit.start()) is not None:
        return True
    if any(m.kind == "court" and lo <= m.start < hit.start() for m in mentions(sc)):
        return True
    bodies = body_patterns.patterns(sc.lang)
    court = next(p for kind, p in bodies.subjects if kind == "court")
    return any(
        court.match(sc.text[m.start() : m.end()] + " ")
        for m in bodies.head.finditer(sc.low, lo, hit.start())
    )


def _at_court(sc: Scan, pats: Patterns) -> bool:
    """An appeal, or a court the item names (the gazetteer's, or a court's name the
    public bodies' lists know: "la Audiencia de …", "das Landgericht")."""
    if pats.appeal.search(sc.text) is not None or any(m.kind == "court" for m in mentions(sc)):
        return True
    bodies = body_patterns.patterns(sc.lang)
    court = next(p for kind, p in bodies.subjects if kind == "court")
    return any(
        court.match(sc.text[m.start() : m.end()] + " ") for m in bodies.head.finditer(sc.low)
    )
