"""A vendor's history decides what two kinds of finding mean (pure: no store access).

Extraction reads one item; some items only make sense against what the vendor did
before, which the event store's timeline holds:

- a **deployment** (the vendor supplies, trials, launches, expands or runs FR, with no
  reversal wording) by a vendor whose timeline holds an exit, shutdown, ban or
  moratorium that no later reversal undid is a ``reversal``: the vendor is back; so is
  one whose latest event is that return (a follow-up, or the return reaching a new
  country);
- a **restatement** (the vendor reaffirms or clarifies a policy) of a policy first
  reported more than a news cycle earlier is no new change (relevant=False, actor
  none); inside the news cycle it stays a follow-up of that change;
- a **continuation** (a pause, freeze or refusal told as going on: "still", "stays",
  "beyond its deadline", "another year", a new end date) of the vendor's own standing
  moratorium, for the same customers and product, is an ``extension`` once the pause's
  news cycle is over, and stays one for the extension's own follow-ups; the same told of
  a standing (untimed) ban is a restatement of it. With no such stop on the timeline
  the finding is left as read, except that an item which also pauses anew ("halts …;
  the halt stays until a law passes") is that first pause, a moratorium.

The caller reads the timeline (``bot.clustering.timeline``) where a finding is
recorded (``bot.recording``) and passes its events here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.models import Event, Finding

STOPPING = frozenset({"exit", "shutdown", "ban", "moratorium", "extension"})
# a stop told as going on; "_fresh": the item also reports a pause verb ("halts …; the
# halt stays until …"), which with no pause on the timeline is a first pause
CONTINUATIONS = frozenset({"continuation", "continuation_fresh"})
HELD = frozenset({"moratorium", "extension", "ban"})  # stops a continuation can go on with
# customer groups one stop may name either way ("sheriffs", "law enforcement")
_KINDRED = ({"police", "law_enforcement"},)
NEWS_CYCLE_DAYS = 21  # as bot.events.rules: a report this close to the first is in its cycle
MIN_GAP_DAYS = 1.0  # a deployment reported with the stop itself is no return


def apply_history(finding: Finding, events: Sequence[Event], when: datetime) -> Finding:
    """``finding`` read against the vendor's earlier ``events`` (oldest first; events
    of other vendors or later than ``when`` are ignored)."""
    if finding.signal is None or not finding.vendor:
        return finding
    key = finding.vendor.casefold()
    earlier = [
        e for e in events
        if e.relevant and (e.vendor or "").casefold() == key and e.first_reported <= when
    ]  # fmt: skip
    if finding.signal == "deployment":
        stop = standing_stop(earlier, when)
        if stop is not None and not undone_by(stop, finding):
            stop = None
        if stop is None and earlier and earlier[-1].action == "reversal":
            stop = earlier[-1]  # more of a return: a follow-up, or a new market for it
        if stop is None:
            return finding
        return replace(
            finding,
            relevant=True,
            actor_type="vendor",
            action="reversal",
            applies_to=finding.applies_to or stop.applies_to or "everyone",
            region=finding.region or stop.region,
            confidence=max(finding.confidence, 0.6),
        )
    if finding.signal in CONTINUATIONS:
        return _continued(finding, earlier, when)
    if finding.signal == "restatement" and finding.relevant and earlier:
        first = earlier[-1].first_reported
        if _days(first, when) > NEWS_CYCLE_DAYS:
            return _no_news(finding)
    return finding


def _no_news(finding: Finding) -> Finding:
    return replace(finding, relevant=False, actor_type="none", action=None, applies_to=None)


def _continued(finding: Finding, earlier: Sequence[Event], when: datetime) -> Finding:
    """A stop told as going on, read against the vendor's own standing stop of the same
    scope: a moratorium past its news cycle (or an extension) makes an ``extension``, a
    ban past its news cycle a restatement (no change, still the vendor's word); anything
    else leaves it as read."""
    stop = held_stop(earlier, finding)
    if not finding.relevant:  # no act read: only the vendor's own standing pause
        if (
            stop is None
            or stop.action == "ban"
            or (stop.action == "moratorium" and _days(stop.first_reported, when) <= NEWS_CYCLE_DAYS)
        ):
            return finding
        return replace(
            finding,
            relevant=True,
            actor_type="vendor",
            action="extension",
            applies_to=finding.applies_to or stop.applies_to,
            product=finding.product or stop.product,
            confidence=max(finding.confidence, 0.5),
        )
    if stop is None:
        if finding.action == "extension" and finding.signal == "continuation_fresh":
            return replace(finding, action="moratorium")  # a first pause is no extension
        return finding
    fresh = _days(stop.first_reported, when) <= NEWS_CYCLE_DAYS
    if stop.action == "ban":
        if fresh or finding.action == "moratorium":
            return finding
        # the vendor repeating its standing refusal: its own word, no policy change
        return replace(finding, relevant=False, action=None, applies_to=None)
    if stop.action == "moratorium" and fresh:
        return finding  # the pause's own follow-up ("the halt stays until a law passes")
    specific = finding.applies_to not in (None, "everyone")
    return replace(
        finding,
        action="extension",
        applies_to=finding.applies_to if specific else stop.applies_to or finding.applies_to,
        product=finding.product or stop.product,
        confidence=max(finding.confidence, 0.6),
    )


def held_stop(events: Sequence[Event], finding: Finding) -> Event | None:
    """The vendor's latest moratorium, extension or ban that no reversal or exit undid,
    when its customers and product agree with ``finding``'s (one unknown or "everyone"
    agrees with any)."""
    for event in reversed(events):
        if event.action in ("reversal", "exit"):
            return None
        if event.action in HELD and _same_scope(event, finding):
            return event
    return None


def _same_scope(event: Event, finding: Finding) -> bool:
    if event.product and finding.product and event.product != finding.product:
        return False
    a, b = event.applies_to, finding.applies_to
    if a in (None, "everyone") or b in (None, "everyone") or a == b:
        return True
    return any(a in kin and b in kin for kin in _KINDRED)


def standing_stop(events: Sequence[Event], when: datetime) -> Event | None:
    """The latest stopping event (exit, shutdown, ban, moratorium) no reversal undid,
    reported at least a day before ``when``."""
    for event in reversed(events):
        if event.action == "reversal":
            return None
        if event.action in STOPPING and _days(event.first_reported, when) >= MIN_GAP_DAYS:
            return event
    return None


def undone_by(stop: Event, deployment: Finding) -> bool:
    """Does supplying FR again undo ``stop``? An exit always; else not when the two name
    different products; a shutdown, and a ban or moratorium that covered everyone, yes;
    another ban or moratorium when the deployment serves the group it covered."""
    if stop.action == "exit":
        return True
    if stop.product and deployment.product and stop.product != deployment.product:
        return False  # another product (a gated new service is no return)
    if stop.action == "shutdown" or stop.applies_to in (None, "everyone"):
        return True
    return deployment.applies_to == stop.applies_to


def _days(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 86400
