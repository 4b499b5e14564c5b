"""Whether a finding joins an event: the comparison and the join decision (pure).

The rules, in short:

* same actor: vendors must agree, one name being the other's leading words ("Ondine"
  and "Ondine Analytics"); a report without a vendor needs similar wording;
* compatible action: a reversal joins a stopping action only inside the news cycle
  and only if the vendor, the region and the date all match (extraction mistakes one of them), and a
  moratorium never joins its extension once the news cycle is over;
* close in time: within the news cycle (days) structured agreement is enough; a
  follow-up weeks or months later must agree on wording, and on the action unless
  product or wording agree strongly (then its action votes instead of vetoing); a
  vendor's policy report more than ``LATE_DAYS`` after the event's last report must
  also name the same product (unless it is told when the event's change was announced
  to take effect, with the same action: ``takes_effect``) (words alone do not tell a pause from its extension); a
  vendor's relevant report with a compatible action within ``QUIET_DAYS`` of the
  last report joins whatever its words; a later report that names a market the
  event does not cover (a rollout to another country, an expansion from "everywhere
  but" to there) is a new event of the vendor, however alike the words;
  a later stage of one authority's act (a bill signed, a law in force, an order
  made final) needs the same kind of authority, the same vendor or none, and a
  shared named place or body (a court's, within ``QUIET_DAYS``: its next decision is
  a new ruling); after
  ``FOLLOW_UP_DAYS`` from the first report nothing joins;
* one conflict is forgiven when it is the action (a reversal against a stop: same
  vendor and region, days apart), which authority acts (same vendor, same news
  cycle, some shared wording), or whether an authority or the vendor acts when one
  report states no action (same vendor and region, days apart: the vendor told a
  council, a judge or lawmakers about its own change);
* an authority's report with no vendor joins one naming a vendor in the news cycle
  when both name the same body or place (a country is no such name:
  ``bot.events.overlap``);
* a comment (no actor) joins a vendor's change only when it shares a word with it;
* identity comes from the finding's vendor only: another vendor named in the text
  (a rival's move in a headline) is no evidence of being the same story; except that,
  in the news cycle, a report keyed by no vendor that names an event's vendor is its
  report (``vendor_named``), and a vendor's change keyed by a name the event's reports
  give (its product, unit or holding) while never naming the event's vendor, with the
  same action, is the event's (``named_unit``);
* two reports that each name an authority body and name none in common
  (``other_bodies``: "the ICO" and "the CNIL") are two bodies' acts, whatever company
  both are about and however close in time; so are an event naming a body and
  another kind of authority's report that names none (``body_left_out``: a regulator's
  order and a court ruling or a parliament's vote that never names that regulator);
* an authority's act on one company is followed for weeks by the company and one more
  shared name (``_staged_on_subject``), and a regulator contesting the ruling on its own
  act is that act's event (``_contested_act``);
* similar text: distinctive words (stopwords and words every FR story uses are
  dropped, see ``bot/data/events.yaml``), plus MinHash LSH band hashes so that
  near-duplicate copies are found by an indexed lookup whatever their vendor.

"""

from __future__ import annotations

from bot import vocabulary
from bot.events.followups import Comparison, follow_up_ok, near_ok, takes_effect
from bot.events.generic_names import generic_apart, generic_named
from bot.events.identity import (
    body_left_out,
    may_name_a_unit,
    named_unit,
    opening_of,
    other_bodies,
    other_subject,
    same_subject,
    stands_in_for,
    subject_named,
    vendor_named,
)
from bot.events.overlap import names_on_both, place_names, similarity
from bot.events.profile import (
    AUTHORITIES,
    BACKFILL_DAYS,
    FOLLOW_UP_DAYS,
    NEAR_DAYS,
    NEWS_CYCLE_DAYS,
    SAME_STORY_DAYS,
    Profile,
    both_authorities,
    days_between,
)
from bot.events.signatures import normalise
from bot.events.vendor_names import same_vendor, vendor_head

__all__ = [  # part of the matching rules, kept in profile, identity, overlap, vendor_names, followups
    "BACKFILL_DAYS", "FOLLOW_UP_DAYS", "NEAR_DAYS", "NEWS_CYCLE_DAYS", "Comparison", "Profile",
    "may_name_a_unit", "named_unit", "same_vendor", "similarity", "stands_in_for", "subject_named",
    "vendor_head",
]  # fmt: skip

STOPPING: frozenset[str] = frozenset(vocabulary.STOPPING)  # compatible with each other
REVERSAL: str = vocabulary.Action.REVERSAL.value
WORLDWIDE = frozenset({"global", "worldwide", "world", "international"})


def action_relation(a: str | None, b: str | None) -> str:
    """``same`` | ``compatible`` | ``conflict`` | ``unknown`` (one side has no action)."""
    if not a or not b:
        return "unknown"
    if a == b:
        return "same"
    if a in STOPPING and b in STOPPING:
        return "compatible"
    return "conflict"  # a reversal never joins a pause, ban or shutdown


def _turnaround(a: str | None, b: str | None) -> bool:
    """One action resumes what the other stops: a report of the return of a feature
    shares the feature's words with the report of its removal, so wording alone never
    joins them."""
    if not a or not b:
        return False
    return (a == REVERSAL) != (b == REVERSAL) and (a in STOPPING or b in STOPPING)


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


def new_market(new: str | None, event: str | None) -> bool:
    """The report names a country or bloc and the event another one, or none in
    particular (worldwide): a vendor taking a change to a new market months later."""
    if not new or not event:
        return False
    a, b = normalise(new).strip(), normalise(event).strip()
    return a != b and a not in WORLDWIDE


def compare(new: Profile, event: Profile) -> Comparison | None:
    """None when time or vendor rule the event out outright."""
    since_first = days_between(new.first, event.first)
    if since_first > FOLLOW_UP_DAYS or since_first < -BACKFILL_DAYS:
        return None
    if (
        new.vendor_key and event.vendor_key and not same_vendor(new.vendor_key, event.vendor_key)
        and not stands_in_for(new, event) and not subject_named(new, event)
        and not named_unit(new, event) and not generic_named(new, event)
    ):  # fmt: skip
        return None
    if generic_apart(new, event):  # one common word keying two companies' changes
        return None
    if other_bodies(new, event):  # two authorities' acts (on one company or none)
        return None
    if (
        new.actor_type != event.actor_type and new.actor_type in AUTHORITIES
        and event.actor_type in AUTHORITIES and body_left_out(new, event)
    ):  # fmt: skip
        return None  # another kind of authority that never names the event's body
    gap = max(0.0, days_between(event.first, new.first), days_between(new.first, event.last))
    if other_subject(new, event, gap):  # another town's or body's act of the same kind
        return None
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
        place_names=place_names(new, event),
        names_on_both=names_on_both(new, event)
        if new.actor_type in AUTHORITIES and not new.vendor_key else 0,
        authorities=new.actor_type != event.actor_type
        and new.actor_type in AUTHORITIES and event.actor_type in AUTHORITIES,
        same_story=vendor == "same" and abs(since_first) < SAME_STORY_DAYS
        and regions_agree(new.region, event.region),
        new_market=new_market(new.region, event.region),
        turnaround=_turnaround(new.action, event.action),
        vendor_authority={new.actor_type, event.actor_type} & AUTHORITIES != set()
        and "vendor" in (new.actor_type, event.actor_type),
        inferred=new.inferred,
        subject=both_authorities(new, event) and same_subject(new, event, vendor),
        vendor_named=vendor == "one" and vendor_named(new, event),
        takes_effect=vendor == "same" and takes_effect(new, event),
    )  # fmt: skip


_ACTION_SCORE = {"same": 1.5, "compatible": 0.5}


def decide(new: Profile, event: Profile) -> float | None:
    """Score for joining ``new`` to ``event`` (higher is better), None when it must not."""
    c = compare(new, event)
    if c is None:
        return None
    ok = near_ok(new, c) if c.near else follow_up_ok(new, c)
    if not ok:
        return None
    score = 3.0 * (c.vendor == "same") + 4.0 * c.sim + 0.1 * min(c.shared, 10)
    score += _ACTION_SCORE.get(c.action, 0.0)
    score += 2.0 * (c.product == "same") + (1.0 if c.near else 0.0) - 0.02 * c.gap
    if c.subject:  # two authorities' acts on one company: the places they name tell which
        score += 1.5 * min(c.place_names, 2)
    if c.vendor == "none" and new.lead and new.lead & opening_of(event):
        score += 2.0  # a vendor-less act whose headline opens as the event's reports do
    return score
