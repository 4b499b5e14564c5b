"""Which authority acts in an item that names no policy act through the cue lists.

The main cue path (acts.py) finds an authority when one of its gazetteer words stands
before one of its verbs in a clause. Coverage of authority decisions is often worded
more loosely: a title + person ("Governor X's signature caps ..."), a bare place as the
party ("Texas secures a settlement"), a regulator's findings as speech ("the watchdog
says X must delete"), a court's reversal of a regulator ("judges annul the fine").
``authority_kind`` reads those families from ``bot/data/authority_signals.yaml``:
a kind scores in each sentence where one of its actors and one of its acts occur
together (or a strong phrase occurs), the headline counting double; sentences about a
study, a campaign or a filed lawsuit are skipped. A court beats a regulator it rules
on, a regulator beats a government on a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.extract import compiled
from bot.extract.attribution import (
    CONDITION,
    addressee,
    customer_group,
    in_condition,
    mentions,
    waited_for,
)
from bot.extract.gate import WordGate, gated
from bot.extract.language import detect
from bot.extract.resources import DATA_DIR, DataFileError
from bot.extract.scan import Scan
from bot.yaml_loader import read_data_file

SIGNALS_FILE: Path = DATA_DIR / "authority_signals.yaml"
KINDS = ("court", "regulator", "government")  # tie order: the first wins
ROLES = ("actors", "acts", "strong")
TITLE_WEIGHT = 2.0
MIN_SCORE = 1.0
_NEVER = compiled.compile(r"(?!)")


@dataclass(frozen=True)
class Signals:
    """Compiled patterns for one language."""

    patterns: dict[tuple[str, str], re.Pattern[str]]  # (kind, role) → pattern
    skip: re.Pattern[str]
    directed: re.Pattern[str]


def compile_items(items: list[str], where: str) -> re.Pattern[str]:
    if not items:
        return _NEVER
    body = "|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True))
    try:
        return compiled.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{SIGNALS_FILE}: {where} has an invalid regex ({exc})") from exc


# Short items are often detected as a close neighbour language, and English names of
# bodies travel into other languages' headlines: a language's signals include these.
_ALSO = {"es": ("pt", "en"), "pt": ("es", "en"), "fr": ("en",), "de": ("en",), "it": ("en",)}


def lang_list(section: Any, lang: str, where: str) -> list[str]:
    if section is None:
        return []
    if not isinstance(section, dict):
        raise DataFileError(f"{SIGNALS_FILE}: {where} must map languages to pattern lists")
    out: list[str] = []
    for code in (lang, *_ALSO.get(lang, ())):
        items = section.get(code) or []
        if not isinstance(items, list):
            raise DataFileError(f"{SIGNALS_FILE}: {where}.{code} must be a list of patterns")
        out += [str(p) for p in items]
    return out


def read_signals(path: Path) -> dict[str, Any]:
    """The signals file as a mapping (DataFileError names the file and the fix)."""
    raw = read_data_file(path)
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: expected a mapping with {', '.join(KINDS)}")
    return raw


@lru_cache(maxsize=1)
def raw_signals() -> dict[str, Any]:
    return read_signals(SIGNALS_FILE)


@lru_cache(maxsize=8)
def signals(lang: str) -> Signals:
    """The compiled signals for ``lang`` (compiled once per language per process)."""
    raw = raw_signals()
    patterns = {}
    bodies = _body_names()
    for kind in KINDS:
        section = raw.get(kind) or {}
        for role in ROLES:
            where = f"{kind}.{role}"
            items = lang_list(section.get(role), lang, where)
            if role == "actors" and kind in bodies:  # one list of a court's or a
                items += lang_list(bodies[kind], lang, f"bodies.{kind}")  # regulator's names
            patterns[(kind, role)] = compile_items(items, where)
    return Signals(
        patterns,
        compile_items(lang_list(raw.get("skip"), lang, "skip"), "skip"),
        compile_items(lang_list(raw.get("directed"), lang, "directed"), "directed"),
    )


@lru_cache(maxsize=1)
def _body_names() -> dict[str, Any]:
    """The head nouns of courts and regulators as clause subjects (public_bodies.yaml,
    ``bodies``): the same names act here, so a body named in one list is named in both
    ("departamento de defesa do consumidor", "Senacon", "Datenschutzaufsicht")."""
    raw = read_signals(DATA_DIR / "public_bodies.yaml").get("bodies") or {}
    if not isinstance(raw, dict):
        raise DataFileError(
            f"{DATA_DIR / 'public_bodies.yaml'}: bodies must map kinds to languages"
        )
    return {kind: raw[kind] for kind in ("court", "regulator") if isinstance(raw.get(kind), dict)}


@lru_cache(maxsize=1)
def _weak_fr() -> WordGate:
    terms = [str(p) for key in ("weak_fr", "camera_terms") for p in raw_signals().get(key) or []]
    return WordGate(compile_items(terms, "weak_fr"))


def weak_fr(low: str) -> bool:
    """The text names face or biometric data, or smart or surveillance cameras, without
    an FR term (see the data file): enough for an authority's decision only."""
    return _weak_fr().search(low) is not None


@lru_cache(maxsize=1)
def _ngo_words() -> re.Pattern[str]:
    words = [str(w) for w in raw_signals().get("ngo_words") or []]
    return compiled.compile(r"\b(?:" + "|".join(words or ["(?!)"]) + r")\b")


_CAP_RUN_BEFORE = compiled.compile(r"(?:[A-Z][\w'-]*\s+(?:(?:of|for|on|the|and)\s+)?){1,4}$")
_CAP_RUN_AFTER = compiled.compile(r"^(?:\s+(?:(?:of|for|on|the|and)\s+)?[A-Z][\w'-]*){1,4}")


def in_org_name(text: str, start: int, end: int) -> bool:
    """A capitalised authority word inside an organisation's name ("the Civic Rights
    Council", "Council on Digital Liberties") does not name an authority."""
    if not text[start:end][:1].isupper():
        return False
    before = _CAP_RUN_BEFORE.search(text, max(0, start - 50), start)
    after = _CAP_RUN_AFTER.match(text[end : end + 50])
    run = (before.group(0) if before else "") + (after.group(0) if after else "")
    return _ngo_words().search(run) is not None


def _sentence_score(text: str, lo: int, hi: int, sig: Signals, kind: str) -> bool:
    """The sentence [lo, hi) tells an act of an authority of ``kind``. (Its patterns are
    read through their word gates: where each may match is worked out once per text
    and reused sentence by sentence and kind by kind.)"""
    for strong in gated(sig.patterns[(kind, "strong")]).finditer(text, lo, hi):
        if not _conditional(text, lo, strong.start()):
            return True
    actors = [
        (m.start(), m.end())
        for m in gated(sig.patterns[(kind, "actors")]).finditer(text, lo, hi)
        if not in_org_name(text, m.start(), m.end()) and not _conditional(text, lo, m.start())
        and not _located(text, lo, m.start(), m.end())
    ]  # fmt: skip
    if not actors:
        return False
    for act in gated(sig.patterns[(kind, "acts")]).finditer(text, lo, hi):
        if any(a < act.end() and act.start() < b for a, b in actors):
            continue
        if any(_RELATIVE_GAP.match(text[b : act.start()]) for _, b in actors if b <= act.start()):
            continue  # "statutes that require consent": a standing law, no act
        if _conditional(text, lo, act.start()):
            continue  # "until lawmakers vote": the condition of someone else's act
        return True
    return False


# a preposition of place right before a name: "a sheriff's office in Arizona", "usuarios
# de Illinois", "aus Bayern" (six languages)
_LOCATIVE = compiled.compile(
    r"(?i)(?<![\w-])(?:in|of|from|across|at|en|de|del|dans|du|des|à|au|aux|aus|im|in der|"
    r"nel|nella|di|da|em|no|na|do)\s+$"
)


def _located(text: str, lo: int, start: int, end: int) -> bool:
    """The actor is a place named after a preposition of place: where something happens
    or whose people it concerns, not an authority acting ("has licensed X in Arizona")."""
    if text.startswith(("'s", "’s"), end):
        return False  # "of New York's moratorium": the place owns the act
    return _place_name().fullmatch(text, start, end) is not None and (
        _LOCATIVE.search(text, max(lo, start - 12), start) is not None
        # "an Illinois privacy suit": the place names the law a suit is under
        or _INDEFINITE.search(text, max(lo, start - 6), start) is not None
    )


_INDEFINITE = compiled.compile(r"(?i)(?<![\w-])an?\s+$")


@lru_cache(maxsize=1)
def _place_name() -> re.Pattern[str]:
    places = "|".join(
        sorted((str(p) for p in raw_signals().get("places") or []), key=len, reverse=True)
    )
    try:
        return compiled.compile(rf"(?:{places or '(?!)'})")
    except re.error as exc:
        raise DataFileError(f"{SIGNALS_FILE}: places: invalid regex ({exc})") from exc


def _conditional(text: str, lo: int, pos: int) -> bool:
    return CONDITION.search(text, max(lo, pos - 60), pos) is not None or waited_for(
        text, max(lo, pos - 60), pos
    )


_RELATIVE_GAP = compiled.compile(r"^\s+(?:that|which|who)\s+$", re.IGNORECASE)


def authority_kind(sc: Scan) -> str | None:
    """The authority kind an item with no policy act reports, or None (never for a
    speculative headline that names no authority: "X said to be weighing …")."""
    if any(
        h.label in ("speculation", "hearsay") and sc.in_title(h.start) for h in sc.non_policy
    ) and not any(sc.in_title(h.start) for h in sc.authorities):
        return None
    sig = signals(detect(sc.low))
    scores = dict.fromkeys(KINDS, 0.0)
    for lo, hi in sc.sentences:
        if gated(sig.skip).search(sc.text, lo, hi):
            continue
        weight = TITLE_WEIGHT if sc.in_title(lo) else 1.0
        for kind in KINDS:
            if _sentence_score(sc.text, lo, hi, sig, kind):
                scores[kind] += weight
    best = max(KINDS, key=lambda k: scores[k])  # max keeps the first on a tie
    return best if scores[best] >= MIN_SCORE else None


def headline_kind(sc: Scan) -> str | None:
    """The authority kind the headline alone reports ("… clouded by fresh US
    blacklisting"), or None."""
    if not sc.sentences:
        return None
    sig = signals(detect(sc.low))
    lo, hi = sc.sentences[0]
    if gated(sig.skip).search(sc.text, lo, hi):
        return None
    return next((k for k in KINDS if _sentence_score(sc.text, lo, hi, sig, k)), None)


def hedged(sc: Scan, start: int, end: int) -> bool:
    """An authority act at ``start``-``end`` that a study, a campaign, a call, a filed
    lawsuit or a proposal governs ("Civic group urges the council to ban ...", "a bill
    that would ban ..."): no decision of the authority."""
    s_start, _ = sc.sentences[sc.sentence_of(start)]
    # (through its word gate: where it may match is worked out once per text)
    return gated(signals(detect(sc.low)).skip).search(sc.text, s_start, end) is not None


_PRONOUN_BEFORE = compiled.compile(r"(?i)\b(?:it|they|he|she|who|which)\s+$")


def acting_mention(sc: Scan, start: int, end: int) -> bool:
    """An authority mention that may act: not inside an organisation's name ("Civic Rights
    Council"), not governed by a call, a study, a filing or a proposal, not a customer
    group ("government sales") and not a vendor's addressee ("X tells the council")."""
    if _PRONOUN_BEFORE.search(sc.text, max(0, start - 8), start) or any(
        0 < start - v.end <= 1 for v in sc.vendors
    ):
        return False  # "as it courts buyers", "Ostrel courts …": a verb, no court
    found = mentions(sc)
    i = next((k for k, m in enumerate(found) if m.start == start), None)
    if i is not None and (customer_group(sc, found[i]) or addressee(sc, found[: i + 1], i)):
        return False
    if in_condition(sc, start):
        return False  # "devront attendre une loi", "until Congress acts": a condition
    return not in_org_name(sc.text, start, end) and not hedged(sc, start, end)
