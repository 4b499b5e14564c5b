"""Event rules around matching: profiles, candidate windows, voting weights, keys.

Pure functions only (no SQL): ``bot.clustering`` asks ``store.events`` for the
candidate events of a finding (``candidate_query``), lets ``best_candidate`` pick
one with ``bot.events.matching.decide`` (where the join rules are), and stores the
result."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TypeVar

from bot.events.bodies import bodies
from bot.events.generic_names import company_heads, generic_key, generic_named
from bot.events.matching import (
    AUTHORITIES,
    BACKFILL_DAYS,
    FOLLOW_UP_DAYS,
    NEAR_DAYS,
    NEWS_CYCLE_DAYS,
    REVERSAL,
    Profile,
    decide,
    may_name_a_unit,
    named_unit,
    same_vendor,
    stands_in_for,
    subject_named,
    vendor_head,
)
from bot.events.records import CandidateEvent, CandidateQuery
from bot.events.signatures import (
    OPENING,
    capital_heads,
    name_word,
    opening_names,
    product_terms,
    terms,
    vendor_key,
    words,
)
from bot.events.signatures import names as names_of
from bot.events.vendor_names import company_forms
from bot.models import Entry, Finding

T = TypeVar("T")

MAX_TERMS = 400  # distinctive words kept per event
PRIMARY_WEIGHT = 3.0  # a vendor's own newsroom outweighs an outlet's paraphrase
MIN_WEIGHT = 0.05


# --------------------------------------------------------------------------- profiles


def finding_profile(entry: Entry, finding: Finding, when: datetime) -> Profile:
    exclude = words(finding.vendor or "")
    names = names_of(entry.title, entry.summary, exclude=exclude) | bodies(entry.text)
    lead = opening_names(entry.title, "")
    if finding.actor_type in AUTHORITIES:
        # an authority's report names its subject (the company acted on, or a person or
        # place the extraction took for one): the name identifies the act across reports
        # that key it differently ("La juge Maëlle Tanguy …" and "Tanguy exige …")
        names |= {name_word(w) for w in exclude} - {""}
        names |= opening_names(entry.title, entry.summary)
    else:  # a headline's opening name: whose change the report tells (``named_unit``)
        names |= lead
    key = vendor_key(finding.vendor)
    return Profile(
        vendor_key=key,
        actor_type=finding.actor_type,
        relevant=finding.relevant,
        action=finding.action,
        product_terms=product_terms(finding.product, finding.vendor),
        region=finding.region,
        first=when,
        last=when,
        terms=terms(entry.text, exclude=exclude),
        names=names,
        inferred=finding.signal == "deployment" and finding.action == REVERSAL,
        stand_in=bool(finding.product)
        and vendor_key(finding.product) == vendor_key(finding.vendor),
        heads=_heads(entry, finding, key),
        effective=finding.effective,
        lead=frozenset(name[len(OPENING) :] for name in lead),
    )


def _heads(entry: Entry, finding: Finding, key: str) -> tuple[str, ...]:
    """The vendor keys a report may name: for one keyed by no vendor, the first words of
    its capitalised words (``bot.events.identity.vendor_named``); for a vendor's report
    keyed by a common word, its headline's that are no common word
    (``bot.events.generic_names``);
    none otherwise (an authority's report names its subject by its own rules)."""
    if finding.actor_type in AUTHORITIES:
        return ()
    if not finding.vendor:
        return capital_heads(entry.title, entry.summary)
    if generic_key(key):
        return company_heads(entry.title, "", key)
    return ()


def pack_terms(terms: Iterable[str], names: Iterable[str]) -> str:
    """Store an event's words in one column: ``terms | names``."""
    return f"{' '.join(sorted(terms)[:MAX_TERMS])} | {' '.join(sorted(names)[:MAX_TERMS])}"


def unpack_terms(packed: str) -> tuple[frozenset[str], frozenset[str]]:
    terms, _, names = packed.partition("|")
    return frozenset(terms.split()), frozenset(names.split())


def owned_key(vendor_key: str, stand_in: bool = False) -> str:
    """For a product standing in for its maker, its first word as a packed column holds
    it (' word '): the store finds the events whose reports name it; '' otherwise."""
    word = name_word(vendor_head(vendor_key)) if vendor_key and stand_in else ""
    return f" {word} " if word else ""


# --------------------------------------------------------------------------- voting


def vote(ballots: Iterable[tuple[T | None, float]]) -> T | None:
    """The value with the most weight; ties go to the value seen first; None abstains."""
    totals: dict[T, float] = {}
    for value, weight in ballots:
        if value is None or value == "":
            continue
        totals[value] = totals.get(value, 0.0) + weight
    best: T | None = None
    for value, total in totals.items():  # insertion order breaks ties
        if best is None or total > totals[best] + 1e-9:
            best = value
    return best


def mention_weight(confidence: float, primary: bool) -> float:
    return max(confidence, MIN_WEIGHT) * (PRIMARY_WEIGHT if primary else 1.0)


# --------------------------------------------------------------------------- candidates


def candidate_query(
    entry_id: int, new: Profile, bands: Sequence[tuple[int, int]]
) -> CandidateQuery:
    """The store query for events that ``decide`` could accept for ``new``: the same
    vendor (or none) in the news cycle, the same vendor and action or the same actor
    within the follow-up window, or a shared LSH band in that window."""
    first = new.first
    return CandidateQuery(
        entry_id=entry_id,
        vendor_key=new.vendor_key,
        vendor_head=vendor_head(new.vendor_key),
        action=new.action or "",
        actor_type=new.actor_type,
        lo=first - timedelta(days=FOLLOW_UP_DAYS),
        hi=first + timedelta(days=BACKFILL_DAYS),
        near_lo=first - timedelta(days=NEWS_CYCLE_DAYS),
        near_hi=first + timedelta(days=NEAR_DAYS),
        bands=tuple(bands),
        owned_key=owned_key(new.vendor_key, new.stand_in or may_name_a_unit(new)),
        other_names=other_names(new.vendor_key),
        named_heads=new.heads,
    )


def other_names(key: str) -> tuple[str, ...]:
    """The keys the vendor's company is also stored under: its other gazetteer names,
    and their first words (a report may give a former name's first word alone)."""
    forms = company_forms(key) if key else ()
    return tuple(sorted({*forms, *(vendor_head(form) for form in forms)} - {key}))


@lru_cache(maxsize=32)
def candidate_profile(event: CandidateEvent) -> Profile:
    """A stored event's profile (cached: recent events are candidates for many entries
    in a row; the candidate's values are the cache key, so an event that grew is a new
    key). A profile of a busy event weighs tens of KB: 8,192 of them held 94 MB after
    a cold cycle over a thousand feeds; 256 recent ones stay near 10 MB."""
    first = _parse_utc(event.first_reported) or datetime.now(UTC)
    terms_, names = unpack_terms(str(event.terms or ""))
    return Profile(
        vendor_key=str(event.vendor_key or ""),
        actor_type=str(event.actor_type),
        relevant=bool(event.relevant),
        action=event.action,
        product_terms=product_terms(event.product, event.vendor_key),
        region=event.region,
        first=first,
        last=_parse_utc(event.last_reported) or first,
        terms=terms_,
        names=names,
        effective=_parse_date(event.effective),
    )


def may_be_a_product(new: Profile, candidates: Iterable[CandidateEvent]) -> bool:
    """The finding's vendor is a product standing in for its unnamed maker and no
    candidate event has it: the maker's events (``bot.events.matching.stands_in_for``)
    are asked for too."""
    vendor = new.vendor_key
    return (
        (new.stand_in or may_name_a_unit(new))
        and bool(vendor)
        and not any(c.vendor_key and same_vendor(c.vendor_key, vendor) for c in candidates)
    )


def best_candidate(
    new: Profile, candidates: Iterable[CandidateEvent]
) -> tuple[CandidateEvent, Profile] | None:
    """The candidate ``decide`` scores highest (the first one on a tie), or None."""
    best, best_score = None, float("-inf")
    vendor = new.vendor_key
    for candidate in candidates:
        event = candidate_profile(candidate)
        if (
            vendor
            and candidate.vendor_key
            and not same_vendor(candidate.vendor_key, vendor)
            and not stands_in_for(new, event)
            and not named_unit(new, event)
            and not subject_named(new, event)
            and not generic_named(new, event)
        ):
            continue  # another vendor's event (a band match): decide says None
        score = decide(new, event)
        if score is not None and score > best_score:
            best, best_score = (candidate, event), score
    return best


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def event_key(finding: Finding, when: datetime, entry_id: int) -> str:
    """A new event's readable, unique key: ``amazon-2020-06-10-42``."""
    slug = "-".join(words(finding.vendor or finding.actor_type)) or "event"
    return f"{slug}-{when:%Y-%m-%d}-{entry_id}"


def joined_terms(packed: str, new: Profile, event: Profile) -> str:
    """The event's packed words after the join. ``event`` is the profile read from the
    same row (its words are ``unpack_terms(packed)``), so a mention that brings no new
    word leaves the stored text as it is without re-sorting it."""
    if packed and new.terms <= event.terms and new.names <= event.names:
        return packed
    return pack_terms(event.terms | new.terms, event.names | new.names)
