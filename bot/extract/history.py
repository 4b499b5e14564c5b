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
  none); inside the news cycle it stays a follow-up of that change.

The caller reads the timeline (``bot.clustering.timeline``) where a finding is
recorded (``bot.pipeline``) and passes its events here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.models import Event, Finding

STOPPING = frozenset({"exit", "shutdown", "ban", "moratorium", "extension"})
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
    if finding.signal == "restatement" and finding.relevant and earlier:
        first = earlier[-1].first_reported
        if _days(first, when) > NEWS_CYCLE_DAYS:
            return replace(finding, relevant=False, actor_type="none", action=None,
                           applies_to=None)  # fmt: skip
    return finding


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
