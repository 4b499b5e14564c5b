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
  also name the same product (words alone do not tell a pause from its extension); a
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
  both are about and however close in time;
* an authority's act on one company is followed for weeks by the company and one more
  shared name (``_staged_on_subject``), and a regulator contesting the ruling on its own
  act is that act's event (``_contested_act``);
* similar text: distinctive words (stopwords and words every FR story uses are
  dropped, see ``bot/data/events.yaml``), plus MinHash LSH band hashes so that
  near-duplicate copies are found by an indexed lookup whatever their vendor.

"""

from __future__ import annotations

from typing import NamedTuple

from bot import vocabulary
from bot.events.identity import (
    may_name_a_unit,
    named_unit,
    other_bodies,
    same_subject,
    stands_in_for,
    subject_named,
    vendor_named,
)
from bot.events.overlap import place_names, similarity
from bot.events.profile import (
    AUTHORITIES,
    BACKFILL_DAYS,
    ECHO_DAYS,
    FOLLOW_UP_DAYS,
    LATE_DAYS,
    NEAR_DAYS,
    NEWS_CYCLE_DAYS,
    QUIET_DAYS,
    SAME_STORY_DAYS,
    STRONG_SIM,
    Profile,
    both_authorities,
    days_between,
)
from bot.events.signatures import normalise
from bot.events.vendor_names import same_vendor, vendor_head

__all__ = [  # part of the matching rules, kept in profile, identity, overlap and vendor_names
    "BACKFILL_DAYS", "FOLLOW_UP_DAYS", "NEAR_DAYS", "NEWS_CYCLE_DAYS", "Profile",
    "may_name_a_unit", "named_unit", "same_vendor", "similarity", "stands_in_for", "subject_named",
    "vendor_head",
]  # fmt: skip

STOPPING: frozenset[str] = frozenset(vocabulary.STOPPING)  # compatible with each other
REVERSAL: str = vocabulary.Action.REVERSAL.value
COURT: str = vocabulary.ActorType.COURT.value
SPECIFIC_ACTORS: frozenset[str] = frozenset(vocabulary.ACTING)
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
    place_names: int = 0  # words written as a name on either side and found on the other
    same_story: bool = False  # same vendor and region, less than SAME_STORY_DAYS after the first
    turnaround: bool = False  # one side resumes (a reversal), the other stops
    new_market: bool = False  # the report names a region the event does not cover
    vendor_authority: bool = False  # one side's actor is the vendor, the other's an authority
    inferred: bool = False  # the report's action was inferred from the timeline
    # both are authority reports about one company: keyed by it on both sides, or on one
    # side and named in the other's words ("the watchdog fines Ondine" / "the first
    # fine for face scanning hits Ondine")
    subject: bool = False
    vendor_named: bool = False  # the side keyed by no vendor names the other's vendor

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
    if (
        new.vendor_key and event.vendor_key and not same_vendor(new.vendor_key, event.vendor_key)
        and not stands_in_for(new, event) and not subject_named(new, event)
        and not named_unit(new, event)
    ):  # fmt: skip
        return None
    if other_bodies(new, event):  # two authorities' acts (on one company or none)
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
        place_names=place_names(new, event),
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
        if c.conflicts == 1 and c.sim >= STRONG_SIM and c.shared >= 3 and not c.turnaround:
            return True
        # ... or when it is the action or the kind of authority and all else agrees
        return (
            _action_mistake(c) or _inferred_return(c) or _authority_mistake(c)
            or _actor_mistake(c) or _authority_retold(c)
        )  # fmt: skip
    if c.vendor == "same":  # a comment must also share a word: big vendors have many stories
        return not c.commentary or c.shared >= 1 or c.shared_names >= 1 or c.product == "same"
    if c.vendor == "one":  # a vendor on one side only: the wording must agree ...
        if new.actor_type in AUTHORITIES:  # ... or name the same body or place
            return (
                (c.sim >= 0.3 and c.shared >= 3) or (c.place_names >= 1 and c.shared >= 2)
                # retold within days: two shared words, or one that names the body or place
                or (c.gap <= ECHO_DAYS and (c.shared >= 2 or c.place_names >= 1))
            )  # fmt: skip
        return (c.sim >= 0.3 and c.shared >= 3) or c.vendor_named
    if new.actor_type == "none":  # no vendor, no actor: only the words connect them
        return c.sim >= 0.2 and c.shared >= 3
    if new.actor_type in AUTHORITIES and c.gap <= ECHO_DAYS:
        # one act retold within days, in another language or words: one shared word,
        # or the same body under any of its names (``bot.events.bodies``), or the same
        # place or person named (as the sentence's opening word on one side)
        return c.shared >= 1 or c.shared_names >= 1 or c.place_names >= 1
    return c.shared >= 2 or c.shared_names >= 1


def _action_mistake(c: Comparison) -> bool:
    """Extraction mis-reads one report's action more often than a vendor reverses itself
    within days: the only conflict is the action, and vendor, region and date agree."""
    return c.conflicts == 1 and c.action == "conflict" and c.same_story


def _inferred_return(c: Comparison) -> bool:
    """A return that only the vendor's timeline suggests (it supplies or serves someone,
    after a stop: ``bot.extract.history``) told within the stop's news cycle is the
    stop's context (whom the vendor still serves, what it declines to widen the stop
    to), not a second event: a vendor back within days says so in words. Forgiven when
    the only conflict is that action and the vendor is the same."""
    return (
        c.conflicts == 1 and c.action == "conflict" and c.turnaround and c.inferred
        and c.vendor == "same"
    )  # fmt: skip


def _authority_retold(c: Comparison) -> bool:
    """One authority's act retold within days, where one report names the body or
    place the other does but reads another kind of authority as acting (a court's
    suspension told as the mayor's defeat, a regulator's opinion told as a court's
    "red card"): forgiven when nothing else conflicts and a name is shared."""
    return (
        c.conflicts == 1 and c.authorities and c.gap <= ECHO_DAYS
        and (c.shared_names >= 1 or (c.place_names >= 1 and c.shared >= 2))
    )  # fmt: skip


def _authority_mistake(c: Comparison) -> bool:
    """A court ruling on a regulator's fine is told with both in it: which authority acts
    is mis-read more often than two act on one vendor in the same news cycle. Forgiven
    when the vendor is the same, nothing else conflicts and some wording is shared."""
    return (
        c.conflicts == 1 and c.authorities and c.vendor == "same"
        and (c.shared >= 2 or c.shared_names >= 1)
    )  # fmt: skip


def _actor_mistake(c: Comparison) -> bool:
    """A vendor announcing its own change to a city council, a judge or lawmakers is
    read as that authority acting more often than an authority acts on the vendor in the
    same days: forgiven when the only conflict is vendor against authority, one of the
    two states no action (an authority's act carries none), vendor, region and date
    agree, and they share some wording (an authority's other act on the vendor that
    week, told in other words, stays apart)."""
    return (
        c.conflicts == 1 and c.actor_conflict and c.vendor_authority
        and c.action == "unknown" and c.same_story and (c.shared >= 1 or c.shared_names >= 1)
    )  # fmt: skip


def _quiet_follow_up(new: Profile, c: Comparison) -> bool:
    """A vendor's next stopping change rarely comes within a month of the last report on
    its previous one: a relevant report of the same vendor with the same or a compatible
    action (not an extension) joins then, whatever its words, and votes."""
    return (
        c.vendor == "same" and new.relevant and c.action in ("same", "compatible")
        and not c.extension and c.gap <= QUIET_DAYS
    )  # fmt: skip


def _staged_on_subject(new: Profile, c: Comparison) -> bool:
    """One authority's act on one company, told again weeks later (a probe then its
    deadline missed, a fine then its "first of its kind" retelling): the company acted
    on, the same kind of authority and a body, place or person both name carry it, in
    whatever words, while the act is still news (``LATE_DAYS``); a court's next decision
    after its news went quiet is a new ruling. (Keyed on one side only, the company's
    own name is among ``place_names``: one more name must be shared.)"""
    places = 1 + (c.vendor == "one")
    if not c.subject or c.action != "unknown" or c.gap > LATE_DAYS or c.place_names < places:
        return False
    return not (new.actor_type == COURT and c.gap > QUIET_DAYS)


def _contested_act(c: Comparison) -> bool:
    """An authority contesting another's act on the same company (a regulator appealing
    the court ruling that overturned its fine, a court suspending a regulator's order):
    two kinds of authority on one company, each naming bodies the other names, within a
    month. The only conflict is which authority acts."""
    return (
        c.subject and c.authorities and c.conflicts == 1 and c.action == "unknown"
        and c.gap <= QUIET_DAYS and c.place_names >= 2 and c.shared_names >= 1
    )  # fmt: skip


def _follow_up_ok(new: Profile, c: Comparison) -> bool:
    """Weeks or months later: the same change, told in similar words, in the same
    market."""
    if _contested_act(c):
        return True
    if c.conflicts or (c.vendor == "same" and c.new_market):
        return False
    if _staged_on_subject(new, c):
        return True
    if c.vendor != "one" and new.actor_type in AUTHORITIES and c.action == "unknown":
        # one act of a legislature or regulator is told in stages (bill, vote,
        # signature, entry into force; a proposed then final order) in different words:
        # the same kind of authority, the same vendor or none, and the same named place
        # or body carry it; a court's later decision (a final judgment after an
        # injunction) is a new ruling once its news has gone quiet
        if new.actor_type == COURT and c.gap > QUIET_DAYS:
            return False
        return c.place_names >= 1 and c.sim >= 0.1
    if _quiet_follow_up(new, c):
        return True
    if c.shared < 3:
        return False
    if c.vendor == "same" and new.relevant and c.gap > LATE_DAYS and c.product != "same":
        # months after the event went quiet, a vendor's next move on the same line of
        # business (a pause prolonged, a contract after a refusal) is told in the same
        # words: only the same named product still ties a policy report to the event
        return False
    if c.vendor == "same":
        if c.action == "same":
            return c.product == "same" or c.sim >= 0.25
        # a compatible action is likely a mis-read of the same change: it may join
        # (and vote) if the product matches or the wording is very close; a moratorium and its
        # extension stay apart (``c.extension``)
        return (
            c.action == "compatible"
            and not c.extension
            and ((c.product == "same" and c.sim >= 0.25) or c.sim >= STRONG_SIM)
        )
    if c.vendor == "none" and new.actor_type in SPECIFIC_ACTORS:
        return c.shared_names >= 1 and c.sim >= 0.15
    return False
