"""Event matching rules: profiles, candidate windows, the join decision, voting weights.

Pure functions only (no SQL): ``bot.clustering`` asks ``store.events`` for the
candidate events of a finding (``candidate_query``), lets ``best_candidate`` pick
one with ``decide``, and stores the result. The rules, in short:

* same actor: vendors must agree (a report without a vendor needs similar wording);
* compatible action: a reversal joins a stopping action only within the news cycle
  when vendor, region and date agree (extraction mistakes one of them), and a
  moratorium never joins its extension once the news cycle is over;
* close in time: within the news cycle (days) structured agreement is enough; a
  follow-up weeks or months later must agree on wording, and on the action unless
  product or wording agree strongly (then its action votes instead of vetoing);
  after ``FOLLOW_UP_DAYS`` from the first report nothing joins;
* identity comes from the finding's vendor only: another vendor named in the text
  (a rival's move in a headline) is no evidence of being the same story;
* similar text: distinctive words (stopwords and words every FR story uses are
  dropped, see ``bot/data/events.yaml``), plus MinHash LSH band hashes so that
  near-duplicate copies are found by an indexed lookup whatever their vendor.

"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple, TypeVar

from bot.events.records import CandidateEvent, CandidateQuery
from bot.events.signatures import names as names_of
from bot.events.signatures import normalise, product_terms, stem, terms, vendor_key, words
from bot.models import Entry, Finding

T = TypeVar("T")

NEAR_DAYS = 10  # a report this close to an event's latest report is in its news cycle
NEWS_CYCLE_DAYS = 21  # ... as long as it is also this close to the first report
FOLLOW_UP_DAYS = 180  # nothing joins an event this long after its first report
BACKFILL_DAYS = 30  # a late-arriving older report may precede the first one by this much
MAX_TERMS = 400  # distinctive words kept per event
PRIMARY_WEIGHT = 3.0  # a vendor's own newsroom outweighs an outlet's paraphrase
MIN_WEIGHT = 0.05
NAME_WEIGHT = 3  # a shared name counts like this many shared words
SAME_STORY_DAYS = 7  # one action conflict is forgiven this close to the first report
STRONG_SIM = 0.35  # wording agreement that lets a follow-up's action vote, not veto

STOPPING = frozenset(
    {"moratorium", "extension", "ban", "exit", "restriction", "shutdown", "settlement"}
)
SPECIFIC_ACTORS = frozenset({"vendor", "government", "regulator", "court"})
AUTHORITIES = frozenset({"government", "regulator", "court"})
WORLDWIDE = frozenset({"global", "worldwide", "world", "international"})


# --------------------------------------------------------------------------- values


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


def similarity(new: Profile, event: Profile) -> tuple[float, int, int]:
    """(weighted share of ``new``'s distinctive words found in ``event``, shared words,
    shared names).

    Names (capitalised mid-sentence: places, people, organisations) count
    ``NAME_WEIGHT`` times: they tell two stories on the same theme apart.
    """
    terms, names = new.terms, new.names
    if event.vendor_key and new.vendor_key != event.vendor_key:
        # the event's vendor named in a report whose finding has no vendor is not
        # agreement: identity comes from the finding's vendor only
        own = _vendor_words(event.vendor_key)
        terms, names = terms - own, names - own
    shared = len(terms & event.terms)
    shared_names = len(names & event.names)
    found = shared + (NAME_WEIGHT - 1) * shared_names
    total = max(4, len(terms)) + (NAME_WEIGHT - 1) * len(names)
    return found / total, shared, shared_names


def _vendor_words(key: str) -> frozenset[str]:
    return frozenset(stem(word) for word in key.split())


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


def regions_agree(a: str | None, b: str | None) -> bool:
    """Equal, or one side does not say (worldwide is what extraction says by default)."""
    if not a or not b:
        return True
    a, b = normalise(a).strip(), normalise(b).strip()
    return a == b or a in WORLDWIDE or b in WORLDWIDE


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
    extension: bool = False  # one side is an extension, the other is not
    authorities: bool = False  # two different authority types (the actor conflict)
    commentary: bool = False  # one side reports no policy action (actor "none")
    same_story: bool = False  # same vendor and region, within SAME_STORY_DAYS of the first

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
    sim, shared, shared_names = similarity(new, event)
    vendor = "same" if new.vendor_key and event.vendor_key else (
        "one" if new.vendor_key or event.vendor_key else "none")  # fmt: skip
    return Comparison(
        near=gap <= NEAR_DAYS and abs(since_first) <= NEWS_CYCLE_DAYS,
        gap=gap,
        vendor=vendor,
        action=action_relation(new.action, event.action),
        product=product_relation(new.product_terms, event.product_terms),
        actor_conflict=actor_conflict(new.actor_type, event.actor_type),
        region_conflict=region_conflict(new, event),
        sim=sim,
        shared=shared,
        shared_names=shared_names,
        extension=(new.action == "extension") != (event.action == "extension"),
        commentary="none" in (new.actor_type, event.actor_type),
        authorities=new.actor_type != event.actor_type
        and new.actor_type in AUTHORITIES and event.actor_type in AUTHORITIES,
        same_story=vendor == "same" and abs(since_first) <= SAME_STORY_DAYS
        and regions_agree(new.region, event.region),
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
    if c.conflicts:  # one contradiction is forgiven when the wording agrees ...
        if c.conflicts == 1 and c.sim >= STRONG_SIM and c.shared >= 3:
            return True
        # ... or when it is the action or the kind of authority and all else agrees
        return _action_mistake(c) or _authority_mistake(c)
    if c.vendor == "same":  # a comment must also share a word: big vendors have many stories
        return not c.commentary or c.shared >= 1 or c.shared_names >= 1 or c.product == "same"
    if c.vendor == "one":  # a vendor on one side only: the wording must agree
        return c.sim >= 0.3 and c.shared >= 3
    if new.actor_type == "none":  # no vendor, no actor: only the words connect them
        return c.sim >= 0.2 and c.shared >= 3
    return c.shared >= 2 or c.shared_names >= 1


def _action_mistake(c: Comparison) -> bool:
    """Extraction mis-reads one report's action more often than a vendor reverses itself
    within days: the only conflict is the action, and vendor, region and date agree."""
    return c.conflicts == 1 and c.action == "conflict" and c.same_story


def _authority_mistake(c: Comparison) -> bool:
    """A court ruling on a regulator's fine is told with both in it: which authority acts
    is mis-read more often than two act on one vendor in the same days. Forgiven when
    vendor, region and date agree and some wording is shared."""
    return (
        c.conflicts == 1 and c.authorities and c.same_story
        and (c.shared >= 2 or c.shared_names >= 1)
    )  # fmt: skip


def _follow_up_ok(new: Profile, c: Comparison) -> bool:
    """Weeks or months later: the same change, told in similar words."""
    if c.conflicts or c.shared < 3:
        return False
    if c.vendor == "same":
        if c.action == "same":
            return c.product == "same" or c.sim >= 0.25
        # a compatible action is likely a mis-read of the same change: it may join
        # (and vote) when product or wording agree strongly; a moratorium and its
        # extension stay apart (``c.extension``)
        return (
            c.action == "compatible"
            and not c.extension
            and ((c.product == "same" and c.sim >= 0.25) or c.sim >= STRONG_SIM)
        )
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
        action=new.action or "",
        actor_type=new.actor_type,
        lo=first - timedelta(days=FOLLOW_UP_DAYS),
        hi=first + timedelta(days=BACKFILL_DAYS),
        near_lo=first - timedelta(days=NEWS_CYCLE_DAYS),
        near_hi=first + timedelta(days=NEAR_DAYS),
        bands=tuple(bands),
    )


@lru_cache(maxsize=8192)
def candidate_profile(event: CandidateEvent) -> Profile:
    """A stored event's profile (cached: recent events are candidates for many entries
    in a row; the candidate's values are the cache key)."""
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
    )


def best_candidate(
    new: Profile, candidates: Iterable[CandidateEvent]
) -> tuple[CandidateEvent, Profile] | None:
    """The candidate ``decide`` scores highest (the first one on a tie), or None."""
    best, best_score = None, float("-inf")
    vendor = new.vendor_key
    for candidate in candidates:
        if vendor and candidate.vendor_key and candidate.vendor_key != vendor:
            continue  # another vendor's event (a band match): decide says None
        event = candidate_profile(candidate)
        score = decide(new, event)
        if score is not None and score > best_score:
            best, best_score = (candidate, event), score
    return best


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
