"""What matching compares (``Profile``: a finding with its entry, or a stored event) and
the windows it compares them in (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot import vocabulary

NEAR_DAYS = 10  # a report this close to an event's latest report is in its news cycle
NEWS_CYCLE_DAYS = 21  # ... as long as it is also this close to the first report
FOLLOW_UP_DAYS = 180  # nothing joins an event this long after its first report
BACKFILL_DAYS = 30  # a late-arriving older report may precede the first one by this much
NAME_WEIGHT = 3  # a shared name counts like this many shared words
SAME_STORY_DAYS = 7  # one action conflict is forgiven less than this after the first report
STRONG_SIM = 0.35  # wording agreement that lets a follow-up's action vote, not veto
QUIET_DAYS = 30  # a vendor's relevant follow-up this close to the last report joins
LATE_DAYS = 45  # a vendor's relevant report later than this after the last one needs its product
ECHO_DAYS = 3  # an authority's act retold this close to its last report, in other words
TAKES_EFFECT_DAYS = (3, 7)  # a report this close to an announced date (before, after) tells it
AUTHORITIES: frozenset[str] = frozenset(vocabulary.AUTHORITIES)


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
    # the action was read from the vendor's timeline (a deployment told after a stop,
    # bot.extract.history), not stated: no return wording backs it
    inferred: bool = False
    # the vendor is a product's name standing in for its unnamed maker ("del modulo X")
    stand_in: bool = False
    # a report keyed by no vendor (not an authority's): its capitalised words' first
    # words, the vendor keys it may name (``vendor_named``; the store asks for them)
    heads: tuple[str, ...] = ()
    # the date the change takes effect (the finding's, or the event's as voted)
    effective: date | None = None
    # the names the report's headline opens with (``bot.events.signatures.opening_names``
    # of the title, unmarked); a report's only (a stored event has none)
    lead: frozenset[str] = field(default_factory=frozenset)


def days_between(a: datetime, b: datetime) -> float:
    return (a - b).total_seconds() / 86400.0


def both_authorities(new: Profile, event: Profile) -> bool:
    """Both are a government's, regulator's or court's act: their vendor is the company
    acted on, or a person, place or body the extraction took for one."""
    return new.actor_type in AUTHORITIES and event.actor_type in AUTHORITIES
