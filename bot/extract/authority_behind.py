"""The authority behind a company's news, read from the headline's shape and the
authority signals (``bot/data/authority_signals.yaml``, read by ``authority``):

- ``directed``: the company acts at a regulator's or government's direction ("agrees
  with the consumer agency to stop …", "… su ordine del garante");
- ``place_subject``: a country or state is the whole subject of the headline's verb
  ("Freedonia fines …"), or a name passes or adopts a ban or law there;
- ``paid_to``: the company pays a fine or the state: money over past conduct is that
  authority's act;
- ``listed``: a government puts the company on a trade list;
- ``passive_object``: the company is ordered, fined or barred in the headline;
- ``named_subject``: whether an authority's item names its subject company as a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract import compiled
from bot.extract.attribution import acting_authority, mentions
from bot.extract.authority import (
    SIGNALS_FILE,
    compile_items,
    in_org_name,
    lang_list,
    raw_signals,
    signals,
)
from bot.extract.gate import gated
from bot.extract.language import detect
from bot.extract.resources import DataFileError, resources
from bot.extract.scan import Scan
from bot.extract.sentences import clause_end, clause_start

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
                if actor and not in_org_name(sc.text, actor.start(), actor.end()):
                    return kind
    return None


def _after_background(sc: Scan, lo: int, pos: int) -> bool:
    """A background opener ("after", "years after", "since") stands in [lo, pos) after
    the clause's first words: what follows it is an earlier event."""
    opener = resources().fronted
    return any(m.start() > lo for m in opener.finditer(sc.text, lo, pos)
               if m.start() == 0 or not sc.text[m.start() - 1].isalnum())  # fmt: skip


@lru_cache(maxsize=1)
def _place_subject() -> re.Pattern[str]:
    raw = raw_signals()
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
    raw = raw_signals()
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
    raw = raw_signals()
    section = raw.get("paid") or {}
    places = "|".join(sorted((str(p) for p in raw.get("places") or []), key=len, reverse=True))
    out = []
    for kind in ("regulator", "government"):
        items = lang_list(section.get(kind), lang, f"paid.{kind}")
        items = [p.replace("{place}", f"(?-i:{places or '(?!)'})") for p in items]
        out.append((kind, compile_items(items, f"paid.{kind}")))
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
            and not in_org_name(sc.text, h.start, h.end)
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
            h.label == m and not in_org_name(sc.text, h.start, h.end) for h in sc.authorities
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
    return compile_items(lang_list(raw_signals().get("listed"), lang, "listed"), "listed")


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
