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

from bot import yaml_loader
from bot.extract import compiled
from bot.extract.attribution import (
    CONDITION,
    acting_authority,
    addressee,
    customer_group,
    in_condition,
    mentions,
    waited_for,
)
from bot.extract.gate import WordGate, gated
from bot.extract.language import detect
from bot.extract.resources import DATA_DIR, DataFileError, resources
from bot.extract.scan import Scan
from bot.extract.sentences import clause_end, clause_start
from bot.yaml_loader import load_data

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


def _compile(items: list[str], where: str) -> re.Pattern[str]:
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


def _lang_list(section: Any, lang: str, where: str) -> list[str]:
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
    try:
        raw = load_data(path)
    except (OSError, yaml_loader.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc}); fix the file") from exc
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: expected a mapping with {', '.join(KINDS)}")
    return raw


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return read_signals(SIGNALS_FILE)


@lru_cache(maxsize=8)
def signals(lang: str) -> Signals:
    """The compiled signals for ``lang`` (compiled once per language per process)."""
    raw = _raw()
    patterns = {}
    bodies = _body_names()
    for kind in KINDS:
        section = raw.get(kind) or {}
        for role in ROLES:
            where = f"{kind}.{role}"
            items = _lang_list(section.get(role), lang, where)
            if role == "actors" and kind in bodies:  # one list of a court's or a
                items += _lang_list(bodies[kind], lang, f"bodies.{kind}")  # regulator's names
            patterns[(kind, role)] = _compile(items, where)
    return Signals(
        patterns,
        _compile(_lang_list(raw.get("skip"), lang, "skip"), "skip"),
        _compile(_lang_list(raw.get("directed"), lang, "directed"), "directed"),
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
    terms = [str(p) for key in ("weak_fr", "camera_terms") for p in _raw().get(key) or []]
    return WordGate(_compile(terms, "weak_fr"))


def weak_fr(low: str) -> bool:
    """The text names face or biometric data, or smart or surveillance cameras, without
    an FR term (see the data file): enough for an authority's decision only."""
    return _weak_fr().search(low) is not None


@lru_cache(maxsize=1)
def _ngo_words() -> re.Pattern[str]:
    words = [str(w) for w in _raw().get("ngo_words") or []]
    return compiled.compile(r"\b(?:" + "|".join(words or ["(?!)"]) + r")\b")


_CAP_RUN_BEFORE = compiled.compile(r"(?:[A-Z][\w'-]*\s+(?:(?:of|for|on|the|and)\s+)?){1,4}$")
_CAP_RUN_AFTER = compiled.compile(r"^(?:\s+(?:(?:of|for|on|the|and)\s+)?[A-Z][\w'-]*){1,4}")


def _in_org_name(text: str, start: int, end: int) -> bool:
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
        if not _in_org_name(text, m.start(), m.end()) and not _conditional(text, lo, m.start())
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
    places = "|".join(sorted((str(p) for p in _raw().get("places") or []), key=len, reverse=True))
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


DIRECTED_REACH = 40  # characters from the directing phrase to the authority's name


def directed(sc: Scan, starts: list[int]) -> str | None:
    """The regulator or government at whose direction the company acts, when a sentence
    holding one of its acts (at ``starts``) says so ("Pulsefit agrees with the consumer
    agency to stop scanning faces", "... su ordine del garante")."""
    sig = signals(detect(sc.low))
    if gated(sig.directed).search(sc.text) is None:  # (the whole text: gated)
        return None
    # the headline frames the whole item; a fronted "After an inquiry by …," its sentence
    for p in sorted({*starts, 0, *(hi for lo, hi in sc.fronted)}):
        s_lo, hi = sc.sentences[sc.sentence_of(p)]
        # the act's own clause, or a fronted "After an inquiry by the commissioner, …"
        lo = clause_start(sc.breaks, s_lo, p)
        lo = s_lo if any(a <= s_lo < b for a, b in sc.fronted) else lo
        # the phrase opens in the act's clause and may run past its end: a trailing
        # "tras la sanción de la agencia" starts a clause of its own at its preposition
        end = clause_end(sc.breaks, hi, p)
        for m in gated(sig.directed).finditer(sc.text, lo, hi):
            if m.start() > end:
                break
            if _after_background(sc, s_lo, m.start()):
                continue  # "four years after shelving it amid protests by …": the past
            reach = min(hi, m.end() + DIRECTED_REACH)
            for kind in ("regulator", "government"):  # "under the commissioner's order"
                actor = gated(sig.patterns[(kind, "actors")]).search(sc.text, m.start(), reach)
                if actor and not _in_org_name(sc.text, actor.start(), actor.end()):
                    return kind
    return None


def _after_background(sc: Scan, lo: int, pos: int) -> bool:
    """A background opener ("after", "years after", "since") stands in [lo, pos) after
    the clause's first words: what follows it is an earlier event."""
    opener = resources().fronted
    return any(m.start() > lo for m in opener.finditer(sc.text, lo, pos)
               if m.start() == 0 or not sc.text[m.start() - 1].isalnum())  # fmt: skip


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
    return not _in_org_name(sc.text, start, end) and not hedged(sc, start, end)


@lru_cache(maxsize=1)
def _place_subject() -> re.Pattern[str]:
    raw = _raw()
    places = "|".join(sorted((str(p) for p in raw.get("places") or []), key=len, reverse=True))
    verbs = raw.get("place_verbs") or {}
    groups = "|".join(
        f"(?P<{kind}>{'|'.join(str(v) for v in verbs.get(kind) or ['(?!)'])})"
        for kind in ("regulator", "government")
    )
    try:
        return compiled.compile(rf"^\W*(?:{places or '(?!)'})(?:'s \w+)?\s+(?:{groups})(?!\w)")
    except re.error as exc:
        raise DataFileError(f"{SIGNALS_FILE}: places/place_verbs: invalid regex ({exc})") from exc


def place_subject(sc: Scan) -> str | None:
    """A country or state that is the whole subject of the headline's verb ("Freedonia
    fines Veritrace", "Utah bars state troopers from face searches"): its authority kind;
    any other name that passes or adopts a ban or law there: a government."""
    m = _place_subject().match(sc.text, 0, sc.title_end)
    if m:
        return m.lastgroup
    law = _law_subject().match(sc.text, 0, sc.title_end)
    if law is None:
        return None
    # a known company, or another actor ("Investors vote …"), is no legislature; a name
    # only the item's wording made a company ("Port Hollis approves …") may be one
    res = resources()
    named = [
        (v.start, v.end) for v in sc.vendors
        if v.fr or v.vendor in res.vendor_info or res.names.suffix.search(v.vendor.split()[-1])
    ]  # fmt: skip
    named += [(h.start, h.end) for h in sc.entities if h.label == "other"]
    if any(lo < law.end(1) and law.start(1) < hi for lo, hi in named):
        return None
    return "government"


@lru_cache(maxsize=1)
def _law_subject() -> re.Pattern[str]:
    raw = _raw()
    verbs = "|".join(str(v) for v in raw.get("law_verbs") or ["(?!)"])
    objects = "|".join(str(v) for v in raw.get("law_objects") or ["(?!)"])
    name = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}"
    try:
        return compiled.compile(
            rf"^\W*({name})(?:'s \w+)?\s+(?i:{verbs})\s+(?:[\w'-]+\s+){{0,5}}?(?i:{objects})(?!\w)"
        )
    except re.error as exc:
        raise DataFileError(
            f"{SIGNALS_FILE}: law_verbs/law_objects: invalid regex ({exc})"
        ) from exc


@lru_cache(maxsize=8)
def _paid(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = _raw()
    section = raw.get("paid") or {}
    places = "|".join(sorted((str(p) for p in raw.get("places") or []), key=len, reverse=True))
    out = []
    for kind in ("regulator", "government"):
        items = _lang_list(section.get(kind), lang, f"paid.{kind}")
        items = [p.replace("{place}", f"(?-i:{places or '(?!)'})") for p in items]
        out.append((kind, _compile(items, f"paid.{kind}")))
    return tuple(out)


def paid_to(sc: Scan, acts: tuple[int, ...] = ()) -> str | None:
    """The authority a headline says a company pays (a fine, the state, "the attorney
    general collects $N from X"): money over past conduct is that authority's action.
    Also a payer whose item names the authority, when the policy acts found (starting
    at ``acts``) are only what it pays for ("pays over face tags it switched off")."""
    if _MONEY.search(sc.low, 0, sc.title_end) is None:
        return None
    for kind, pattern in _paid(detect(sc.low)):
        m = pattern.search(sc.text, 0, sc.title_end)
        if m is None:
            continue
        # "the privacy commissioner collects $N from X": who collects is named before
        # the money verb, and a regulator collecting is a regulator's act
        if kind == "government" and any(
            h.label == "regulator" and h.end <= m.start()
            and not _in_org_name(sc.text, h.start, h.end)
            for h in sc.authorities
        ):  # fmt: skip
            return "regulator"
        return kind
    over = _PAYS_FOR.search(sc.text, 0, sc.title_end)
    if acts and (over is None or min(acts) < over.end()):
        return None
    # "X pays over its old face feature" + "the state's prosecutors announced …": the
    # authority the item names is the payee (not a class of users or plaintiffs)
    if _PAYS.search(sc.text, 0, sc.title_end) and not _PRIVATE_PAYEE.search(sc.low):
        return next((m for m in ("regulator", "government") if any(
            h.label == m and not _in_org_name(sc.text, h.start, h.end) for h in sc.authorities
        )), None)  # fmt: skip
    return None


# Any headline that could tell of money paid (a cheap gate before the patterns).
_MONEY = compiled.compile(
    r"pa(?:y|id|ie|g)|payout|verse|zahl|collect|fine|penalt|amende|multa|coima|bußgeld"
)
_PAYS = compiled.compile(r"(?i)\bpa(?:ys|id|ying)\b(?! (?:for|off)\b)")
_PAYS_FOR = compiled.compile(r"(?i)\bpa(?:ys|id|ying)\b(?:\s+\S+){0,4}?\s+(?:over|for)\b")
_PRIVATE_PAYEE = compiled.compile(
    r"\b(?:class|plaintiffs?|users|members|customers|consumers|shareholders|investors)\b"
)


def named_subject(sc: Scan, vendor: str) -> bool:
    """Whether an authority's item names its subject company as a name: in German, where
    every noun is capitalised, only a known or gazetteer vendor, a name with a company
    suffix or one named twice is one."""
    if detect(sc.low) != "de":
        return True
    res = resources()
    hits = [v for v in sc.vendors if v.vendor == vendor]
    if any(v.fr for v in hits) or vendor in res.vendor_info or len(hits) > 1:
        return True
    return res.names.suffix.search(vendor.split()[-1]) is not None


@lru_cache(maxsize=8)
def _listed(lang: str) -> re.Pattern[str]:
    return _compile(_lang_list(_raw().get("listed"), lang, "listed"), "listed")


def listed(sc: Scan) -> str | None:
    """A headline putting a company on a government's trade list ("X joins the investment
    blacklist", "X entra na lista de restrições comerciais"): the government acts on it."""
    found = gated(_listed(detect(sc.low))).search(sc.text, 0, sc.title_end)
    return "government" if found is not None else None


_PASSIVE_TITLE = compiled.compile(
    # ("told" only as a passive's: "X told to stop", not "X told a judge …")
    r"\s+(?:(?:is|was|has been|have been|gets?|got)\s+)?(?:ordered|told(?=\s+(?:to|not)\b)|forced|required|"
    r"compelled|fined|banned|barred|blocked|sanctioned|penali[sz]ed|prohibited|condemned|"
    r"condamnée?|sanctionnée?|multad[oa]|condenad[oa]|sanzionat[oa]|multat[oa])\b",
    re.IGNORECASE,
)


def passive_object(sc: Scan) -> str | None:
    """A headline whose company is ordered, fined or barred ("X ordered to delete …",
    "X fined over …"): the authority the item names acts on it."""
    first = next((v.end for v in sc.vendors if sc.in_title(v.start)), None)
    if first is None:  # a name the gazetteer does not know opening the headline
        name = _OPENING_NAME.match(sc.text, 0, sc.title_end)
        first = name.end() if name else None
    if first is None or not _PASSIVE_TITLE.match(sc.text, first, sc.title_end):
        return None
    return acting_authority(sc, mentions(sc))


_OPENING_NAME = compiled.compile(r"\W*[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}")
