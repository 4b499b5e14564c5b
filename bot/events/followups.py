"""How a report relates to a candidate event (``Comparison``) and when that is enough
to join (pure): within the news cycle, the same actor with nothing contradicting, or
one contradiction forgiven (``near_ok``); weeks or months later, the same change told
in similar words, a vendor's same move when it was announced to take effect, or a
later stage of one authority's act (``follow_up_ok``). ``bot.events.matching`` builds
the comparison and scores the joins these accept."""

from __future__ import annotations

from typing import NamedTuple

from bot import vocabulary
from bot.events.profile import (
    AUTHORITIES,
    ECHO_DAYS,
    LATE_DAYS,
    NEAR_DAYS,
    QUIET_DAYS,
    STRONG_SIM,
    TAKES_EFFECT_DAYS,
    Profile,
)
from bot.events.vendor_names import same_vendor

COURT: str = vocabulary.ActorType.COURT.value
SPECIFIC_ACTORS: frozenset[str] = frozenset(vocabulary.ACTING)


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
    # names both sides write as a name (asked for a vendor-less authority's report only)
    names_on_both: int = 0
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
    takes_effect: bool = False  # the vendor's same move told when it was to take effect

    @property
    def conflicts(self) -> int:
        return (
            (self.action == "conflict")
            + (self.product == "conflict")
            + self.actor_conflict
            + self.region_conflict
        )


def takes_effect(new: Profile, event: Profile) -> bool:
    """A vendor's relevant report with the event's action, told when the event's change
    was announced to take effect ("the doorbells stop naming callers on 1 March", then
    "owners find their doorbells no longer name anyone" on 2 March): the change happening, not a
    new one, however long after the announcement and in whatever words. Only a date
    more than a news cycle after the event's first report counts as announced (a change
    told as already in force carries the report's own date)."""
    when = event.effective
    if when is None or not new.relevant or not new.action or new.action != event.action:
        return False
    if not same_vendor(new.vendor_key, event.vendor_key):
        return False
    if (when - event.first.date()).days <= NEAR_DAYS:
        return False
    before, after = TAKES_EFFECT_DAYS
    return -before <= (new.first.date() - when).days <= after


def near_ok(new: Profile, c: Comparison) -> bool:
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
                (c.sim >= 0.3 and c.shared >= 3)
                # past a few days a report naming no company is another act of its kind
                # (another town's ban, another court's ruling) unless it writes a name
                # the event's reports write: the body, the place, the company acted on
                or (
                    c.place_names >= 1 and c.shared >= 2
                    and (c.gap <= ECHO_DAYS or bool(new.vendor_key) or c.names_on_both >= 1)
                )
                # retold within days: a shared word or a name of the body or place, as
                # with no vendor on either side (the name the extraction keyed one report
                # by, a judge, a programme, a town, is no evidence of another act)
                or (c.gap <= ECHO_DAYS and (c.shared >= 1 or c.place_names >= 1))
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
    when the vendor is the same, nothing else conflicts and some wording is shared, or
    within days in the same market (``same_story``: one act on the company told in two
    languages shares little more than its name). Two kinds of authority where only one
    report names a body never get here (``body_left_out``)."""
    return (
        c.conflicts == 1 and c.authorities and c.vendor == "same"
        and (c.shared >= 2 or c.shared_names >= 1 or c.same_story)
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


ONCE_ACTIONS: frozenset[str] = frozenset({
    vocabulary.Action.EXIT.value, vocabulary.Action.SHUTDOWN.value,
    vocabulary.Action.SETTLEMENT.value,
})  # fmt: skip


def _once_only_change(new: Profile, c: Comparison) -> bool:
    """A change a vendor makes once (it leaves the business, switches a service off,
    settles a suit): a later relevant report of the same vendor with the same such
    action, naming no other product and in no new market, is that change completed or
    at a later stage ("the templates are now gone", "the judge approves the deal"),
    told weeks later in other words, not a second one: some shared wording is enough."""
    return (
        c.vendor == "same" and new.relevant and new.action in ONCE_ACTIONS
        and c.action == "same" and c.product != "conflict" and c.shared >= 2
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


def follow_up_ok(new: Profile, c: Comparison) -> bool:
    """Weeks or months later: the same change, told in similar words, in the same
    market."""
    if _contested_act(c):
        return True
    if c.conflicts or (c.vendor == "same" and c.new_market):
        return False
    if c.takes_effect:
        return True
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
        if c.vendor == "none" and c.names_on_both < 1:
            # no company on either side: the act is known only by who acts and where, so
            # a later stage names that body or place as a name on both sides; a place
            # found among the other's words only is no such tie ("voted like the
            # capital did", a topic word one side capitalises)
            return False
        return c.place_names >= 1 and c.sim >= 0.1
    if _quiet_follow_up(new, c) or _once_only_change(new, c):
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
