"""Event clustering logic: signatures, matching rules, voting and status wording.

Pure functions only (no SQL): ``store.events`` reads candidate events from the
database, asks ``decide`` whether a new finding belongs to each, and stores the
result. The rules, in short:

* same actor: vendors must agree (a report without a vendor needs similar wording);
* compatible action: a reversal never joins anything else, and a moratorium never
  joins its extension once the news cycle is over;
* close in time: within the news cycle (days) structured agreement is enough; a
  follow-up weeks or months later must agree on the action and on wording; after
  ``FOLLOW_UP_DAYS`` from the first report nothing joins;
* similar text: distinctive words (stopwords and words every FR story uses are
  dropped, see ``bot/data/events.yaml``), plus MinHash LSH band hashes so that
  near-duplicate copies are found by an indexed lookup whatever their vendor.

``cluster_items`` and ``clustering_metrics`` serve ``policybot eval``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from bot.events.metrics import clustering_metrics as clustering_metrics
from bot.events.signatures import names as names_of
from bot.events.signatures import (
    normalise,
    product_terms,
    terms,
    vendor_key,
    word_lists,
    words,
)
from bot.models import Entry, Event, Finding

T = TypeVar("T")

NEAR_DAYS = 10  # a report this close to an event's latest report is in its news cycle
NEWS_CYCLE_DAYS = 21  # ... as long as it is also this close to the first report
FOLLOW_UP_DAYS = 180  # nothing joins an event this long after its first report
BACKFILL_DAYS = 30  # a late-arriving older report may precede the first one by this much
MAX_TERMS = 400  # distinctive words kept per event
PRIMARY_WEIGHT = 3.0  # a vendor's own newsroom outweighs an outlet's paraphrase
MIN_WEIGHT = 0.05
NAME_WEIGHT = 3  # a shared name counts like this many shared words

STOPPING = frozenset(
    {"moratorium", "extension", "ban", "exit", "restriction", "shutdown", "settlement"}
)
SPECIFIC_ACTORS = frozenset({"vendor", "government", "regulator", "court"})
WORLDWIDE = frozenset({"global", "worldwide", "world", "international"})


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class EventUpdate:
    """One follow-up of an event (``store.events.get_update``): a new mention, or a
    canonical field that changed (``detail["changes"]``: [{field, old, new}])."""

    id: int
    event_id: int
    seq: int
    kind: str  # "mention" | "field"
    entry_id: int | None
    detail: Mapping[str, Any]
    created_at: datetime | None = None


@dataclass(frozen=True)
class StatusLine:
    """Current status of one vendor product (or the vendor as a whole)."""

    product: str | None
    text: str  # "Rekognition: police use paused indefinitely since 2021-05"
    event_id: int
    since: date


@dataclass(frozen=True)
class Timeline:
    vendor: str
    events: tuple[Event, ...]  # oldest first
    status: tuple[StatusLine, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "event" | "entry"
    id: int
    title: str
    snippet: str
    link: str | None
    published: datetime | None
    score: float  # higher is better
    event_id: int | None = None
    vendor: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Profile:
    """What matching compares: a finding with its entry, or a stored event."""

    vendor_key: str
    actor_type: str
    relevant: bool
    action: str | None
    product_terms: frozenset[str]
    region: str | None
    first: datetime
    last: datetime
    terms: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)


# --------------------------------------------------------------------------- profiles


def finding_profile(entry: Entry, finding: Finding, when: datetime) -> Profile:
    exclude = words(finding.vendor or "")
    return Profile(
        vendor_key=vendor_key(finding.vendor),
        actor_type=finding.actor_type,
        relevant=finding.relevant,
        action=finding.action,
        product_terms=product_terms(finding.product, finding.vendor),
        region=finding.region,
        first=when,
        last=when,
        terms=terms(entry.text, exclude=exclude),
        names=names_of(entry.title, entry.summary, exclude=exclude),
    )


def pack_terms(terms: Iterable[str], names: Iterable[str]) -> str:
    """Store an event's words in one column: ``terms | names``."""
    return f"{' '.join(sorted(terms)[:MAX_TERMS])} | {' '.join(sorted(names)[:MAX_TERMS])}"


def unpack_terms(packed: str) -> tuple[frozenset[str], frozenset[str]]:
    terms, _, names = packed.partition("|")
    return frozenset(terms.split()), frozenset(names.split())


def similarity(new: Profile, event: Profile) -> tuple[float, int]:
    """(weighted share of ``new``'s distinctive words found in ``event``, shared words).

    Names (capitalised mid-sentence: places, people, organisations) count
    ``NAME_WEIGHT`` times: they tell two stories on the same theme apart.
    """
    shared = len(new.terms & event.terms)
    shared_names = len(new.names & event.names)
    found = shared + (NAME_WEIGHT - 1) * shared_names
    total = max(4, len(new.terms)) + (NAME_WEIGHT - 1) * len(new.names)
    return found / total, shared


def action_relation(a: str | None, b: str | None) -> str:
    """``same`` | ``compatible`` | ``conflict`` | ``unknown`` (one side has no action)."""
    if not a or not b:
        return "unknown"
    if a == b:
        return "same"
    if a in STOPPING and b in STOPPING:
        return "compatible"
    return "conflict"  # a reversal never joins a pause, ban or shutdown


def product_relation(a: frozenset[str], b: frozenset[str]) -> str:
    if not a or not b:
        return "unknown"
    return "same" if a & b else "conflict"


def actor_conflict(a: str, b: str) -> bool:
    """Different actors; ``none`` next to ``vendor`` is commentary on the vendor's move."""
    return a != b and {a, b} != {"none", "vendor"}


def region_conflict(new: Profile, event: Profile) -> bool:
    """Regions tell governments, regulators and courts apart (vendors' are too noisy)."""
    if new.actor_type in ("vendor", "none") or not new.region or not event.region:
        return False
    a, b = normalise(new.region).strip(), normalise(event.region).strip()
    return a != b and a not in WORLDWIDE and b not in WORLDWIDE


def days_between(a: datetime, b: datetime) -> float:
    return (a - b).total_seconds() / 86400.0


class Comparison(NamedTuple):
    """How a new finding relates to one candidate event (a named tuple: one is built
    per candidate event of every recorded entry, so construction must be cheap)."""

    near: bool  # within the event's news cycle
    gap: float  # days outside the event's span of reports
    vendor: str  # "same" | "one" (only one side names a vendor) | "none"
    action: str
    product: str
    actor_conflict: bool
    region_conflict: bool
    sim: float
    shared: int
    shared_names: int

    @property
    def conflicts(self) -> int:
        return (
            (self.action == "conflict")
            + (self.product == "conflict")
            + self.actor_conflict
            + self.region_conflict
        )


def compare(new: Profile, event: Profile) -> Comparison | None:
    """None when time or vendor rule the event out outright."""
    since_first = days_between(new.first, event.first)
    if since_first > FOLLOW_UP_DAYS or since_first < -BACKFILL_DAYS:
        return None
    if new.vendor_key and event.vendor_key and new.vendor_key != event.vendor_key:
        return None
    gap = max(0.0, days_between(event.first, new.first), days_between(new.first, event.last))
    sim, shared = similarity(new, event)
    return Comparison(
        near=gap <= NEAR_DAYS and abs(since_first) <= NEWS_CYCLE_DAYS,
        gap=gap,
        vendor="same" if new.vendor_key and event.vendor_key else
        ("one" if new.vendor_key or event.vendor_key else "none"),
        action=action_relation(new.action, event.action),
        product=product_relation(new.product_terms, event.product_terms),
        actor_conflict=actor_conflict(new.actor_type, event.actor_type),
        region_conflict=region_conflict(new, event),
        sim=sim,
        shared=shared,
        shared_names=len(new.names & event.names),
    )  # fmt: skip


_ACTION_SCORE = {"same": 1.5, "compatible": 0.5}


def decide(new: Profile, event: Profile) -> float | None:
    """Score for joining ``new`` to ``event`` (higher is better), None when it must not."""
    c = compare(new, event)
    if c is None:
        return None
    ok = _near_ok(new, c) if c.near else _follow_up_ok(new, c)
    if not ok:
        return None
    score = 3.0 * (c.vendor == "same") + 4.0 * c.sim + 0.1 * min(c.shared, 10)
    score += _ACTION_SCORE.get(c.action, 0.0)
    score += 2.0 * (c.product == "same") + (1.0 if c.near else 0.0) - 0.02 * c.gap
    return score


def _near_ok(new: Profile, c: Comparison) -> bool:
    """Within the news cycle, the same actor with nothing contradicting is the same event."""
    if c.conflicts:  # one contradiction is forgiven only when the wording agrees
        return c.conflicts == 1 and c.sim >= 0.35 and c.shared >= 3
    if c.vendor == "same":
        return True
    if c.vendor == "one":  # a vendor on one side only: the wording must agree
        return c.sim >= 0.3 and c.shared >= 3
    if new.actor_type == "none":  # no vendor, no actor: only the words connect them
        return c.sim >= 0.2 and c.shared >= 3
    return c.shared >= 2 or c.shared_names >= 1


def _follow_up_ok(new: Profile, c: Comparison) -> bool:
    """Weeks or months later: the same change, told in similar words."""
    if c.conflicts or c.shared < 3:
        return False
    if c.vendor == "same":  # e.g. a moratorium and its extension never pass: actions differ
        return c.action == "same" and (c.product == "same" or c.sim >= 0.25)
    if c.vendor == "none" and new.actor_type in SPECIFIC_ACTORS:
        return c.shared_names >= 1 and c.sim >= 0.15
    return False


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


# --------------------------------------------------------------------------- status


def status_text(event: Event, label: str) -> str:
    """``Rekognition: police use paused indefinitely since 2021-05``."""
    data = word_lists()
    template = str(data["status"].get(event.action or "", "policy changed"))
    who = str(data["status_who"].get(event.applies_to or "", ""))
    text = template.replace("{who}", who)
    duration = (event.duration or "").strip()
    if duration:
        low = normalise(duration)
        if low.startswith("indefinite"):
            text += " indefinitely"
        elif low[:1].isdigit():
            text += f" for {duration}"
        elif low.startswith(("until", "pending", "while")):
            text += f" {duration}"
        else:
            text += f" ({duration})"
    if event.region and normalise(event.region) not in WORLDWIDE:
        text += f" in {event.region}"
    since = status_since(event)
    return f"{label}: {text} since {since:%Y-%m}"


def status_since(event: Event) -> date:
    if event.action in ("extension", "reversal", "settlement") or event.effective is None:
        return event.first_reported.date()
    return event.effective


def status_lines(vendor: str, events: Sequence[Event]) -> tuple[StatusLine, ...]:
    """Latest relevant event per product (None = the vendor as a whole), oldest first."""
    latest: dict[frozenset[str], Event] = {}
    for event in sorted(events, key=lambda e: e.first_reported):
        if not event.relevant or not event.action:
            continue
        latest[product_terms(event.product)] = event
    lines = [
        StatusLine(
            product=event.product,
            text=status_text(event, event.product or vendor),
            event_id=event.id,
            since=status_since(event),
        )
        for event in latest.values()
    ]
    return tuple(sorted(lines, key=lambda line: (line.since, line.text)))


# --------------------------------------------------------------------------- eval


def cluster_items(items: Sequence[tuple[Entry, Finding | None]]) -> list[str | None]:
    """Run the real store clustering over ``items`` in order; each item's event key.

    Uses a throwaway SQLite file, so evaluation measures exactly what the bot does.
    """
    import tempfile

    from store import Store
    from store import entries as entries_store
    from store import events as events_store

    keys: list[str | None] = []
    with tempfile.TemporaryDirectory(prefix="policybot-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.db")
        try:
            for entry, finding in items:
                with store.transaction():
                    new = entries_store.record_entries(store, [entry])
                    if finding is None or not new:
                        keys.append(None)
                        continue
                    entry_id = new[0][0]
                    change = events_store.record_finding(
                        store, entry_id=entry_id, entry=entry, finding=finding
                    )
                    entries_store.record_finding(store, entry_id, finding, change.event_id)
                event = events_store.get_event(store, change.event_id)
                keys.append(event.key if event else None)
        finally:
            store.close()
    return keys
