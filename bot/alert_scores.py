"""Scoring the alerts of the replay (``bot.alert_replay``) against gold labels (pure).

Per channel, every alert gets one outcome: ``right`` (the right real event with
the right action, or actor type in the authority channel), ``wrong`` (the right
event, a wrong action or actor type), ``duplicate`` (a second alert of one real
event), ``no_real_event`` (gold not relevant, or an event for the other channel);
real events the channel should have had and never got are listed apart. An alert's
real event is the majority gold ``event_id`` of its event's mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot.models import Filters
from bot.vocabulary import AUTHORITIES

CHANNELS: dict[str, Filters] = {
    "vendor": Filters(),  # the default subscription: relevant vendor policy changes
    "authority": Filters(actor_types=tuple(AUTHORITIES)),
}
OUTCOMES = ("right", "wrong", "duplicate", "no_real_event")


@dataclass(frozen=True)
class ReplayItem:
    """What the replay needs of one labelled item (the Entry fields plus its gold)."""

    id: str
    source: str
    title: str
    summary: str
    link: str | None
    published: datetime
    language: str | None
    gold: dict[str, Any]


@dataclass(frozen=True)
class Alert:
    """One alert row as routing wrote it, with the event's fields when it was written."""

    channel: str
    event_id: int
    event_key: str
    vendor: str | None
    action: str | None
    actor_type: str
    title: str
    gold_event: str | None = None  # majority gold event_id of the event's mentions
    outcome: str = ""  # one of OUTCOMES
    expected: str | None = None  # the gold action (vendor) or actor type (authority)


@dataclass(frozen=True)
class FollowUp:
    """One update routing queued for an alert's thread: which replayed item it carries."""

    channel: str
    event_id: int
    item_id: str | None


@dataclass
class ChannelReport:
    alerts: list[Alert] = field(default_factory=list)
    never_alerted: list[str] = field(default_factory=list)  # gold event ids
    follow_ups: int = 0  # updates queued for alert threads
    stray_follow_ups: int = 0  # ... whose item belongs to another real event

    def counts(self) -> dict[str, int]:
        found = Counter(alert.outcome for alert in self.alerts)
        counts = {"alerts": len(self.alerts), **{name: found[name] for name in OUTCOMES}}
        counts["never_alerted"] = len(self.never_alerted)
        counts["follow_ups"] = self.follow_ups
        counts["stray_follow_ups"] = self.stray_follow_ups
        return counts


# --------------------------------------------------------------------------- scoring


def gold_events(items: Sequence[ReplayItem]) -> dict[str, dict[str, Any]]:
    """Gold labels per gold event id (event-level: the first item's gold)."""
    events: dict[str, dict[str, Any]] = {}
    for item in items:
        event_id = item.gold.get("event_id")
        if event_id:
            events.setdefault(str(event_id), item.gold)
    return events


def majority(ids: Sequence[str], gold_of: dict[str, str | None]) -> str | None:
    """The gold event most of ``ids`` belong to (ties: the one reported first)."""
    counts = Counter(gold_of[i] for i in ids if gold_of.get(i))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def score_alerts(
    alerts: Sequence[Alert],
    members: dict[int, list[str]],
    items: Sequence[ReplayItem],
    follow_ups: Sequence[FollowUp] = (),
) -> dict[str, ChannelReport]:
    gold_of = {item.id: (str(item.gold["event_id"]) if item.gold.get("event_id") else None)
               for item in items}  # fmt: skip
    events = gold_events(items)
    reports = {name: ChannelReport() for name in CHANNELS}
    alerted: dict[str, set[str]] = {name: set() for name in CHANNELS}
    for alert in alerts:
        gold_event = majority(members.get(alert.event_id, []), gold_of)
        gold = events.get(gold_event or "")
        outcome, expected = _judge(alert, gold, gold_event in alerted[alert.channel])
        if outcome in ("right", "wrong") and gold_event:
            alerted[alert.channel].add(gold_event)
        reports[alert.channel].alerts.append(
            replace(alert, gold_event=gold_event, outcome=outcome, expected=expected)
        )
    thread_event = {(a.channel, a.event_id): a.gold_event for r in reports.values()
                    for a in r.alerts}  # fmt: skip
    for follow_up in follow_ups:
        report = reports[follow_up.channel]
        report.follow_ups += 1
        own = gold_of.get(follow_up.item_id or "")
        thread = thread_event.get((follow_up.channel, follow_up.event_id))
        report.stray_follow_ups += own is not None and own != thread
    for name, report in reports.items():
        report.never_alerted = [
            event_id
            for event_id, gold in events.items()
            if _belongs(name, gold) and event_id not in alerted[name]
        ]
    return reports


def _belongs(channel: str, gold: dict[str, Any] | None) -> bool:
    """Is the gold event one this channel should alert about?"""
    if gold is None:
        return False
    if channel == "vendor":
        return bool(gold.get("relevant")) and gold.get("actor_type", "vendor") == "vendor"
    return gold.get("actor_type") in AUTHORITIES


def _judge(alert: Alert, gold: dict[str, Any] | None, repeated: bool) -> tuple[str, str | None]:
    if not _belongs(alert.channel, gold):
        return "no_real_event", None
    assert gold is not None
    if repeated:
        return "duplicate", None
    if alert.channel == "vendor":
        expected = gold.get("action")
        return ("right" if alert.action == expected else "wrong"), expected
    expected = gold.get("actor_type")
    return ("right" if alert.actor_type == expected else "wrong"), expected


# --------------------------------------------------------------------------- report


def as_json(reports: dict[str, ChannelReport]) -> dict[str, Any]:
    return {
        name: {
            **report.counts(),
            "right_share": _share(report),
            "problems": [
                {
                    "event": a.event_key,
                    "title": a.title,
                    "outcome": a.outcome,
                    "gold_event": a.gold_event,
                    "predicted": _predicted(a),
                    "expected": a.expected,
                }
                for a in report.alerts
                if a.outcome != "right"
            ],  # fmt: skip
            "never_alerted_events": report.never_alerted,
        }
        for name, report in reports.items()
    }


def _share(report: ChannelReport) -> float:
    alerts = len(report.alerts)
    return round(sum(a.outcome == "right" for a in report.alerts) / alerts, 4) if alerts else 0.0


def _predicted(alert: Alert) -> str | None:
    return alert.action if alert.channel == "vendor" else alert.actor_type


def format_lines(reports: dict[str, ChannelReport]) -> Iterator[str]:
    yield "alert-level report (items replayed as feeds through store, clustering and routing)"
    yield (f"  {'channel':<10}{'alerts':>7}{'right':>7}{'wrong':>7}{'dup':>5}"
           f"{'no event':>10}{'never alerted':>15}{'right %':>9}")  # fmt: skip
    for name, report in reports.items():
        c = report.counts()
        yield (f"  {name:<10}{c['alerts']:>7}{c['right']:>7}{c['wrong']:>7}{c['duplicate']:>5}"
               f"{c['no_real_event']:>10}{c['never_alerted']:>15}{100 * _share(report):>8.1f}%")  # fmt: skip
    for name, report in reports.items():
        yield (f"  {name} threads: {report.follow_ups} follow-ups, "
               f"{report.stray_follow_ups} of them about another real event")  # fmt: skip
    yield "  (right: right event and action (vendor) or actor type (authority); wrong: right event,"
    yield "   wrong action or actor type; dup: a second alert of one gold event; no event: gold"
    yield "   not relevant or not for this channel)"
    for name, report in reports.items():
        for alert in report.alerts:
            if alert.outcome == "right":
                continue
            detail = f"{alert.outcome}: {_predicted(alert)}"
            if alert.outcome == "wrong":
                detail += f" (gold {alert.expected})"
            yield f"  - {name} {detail}, gold event {alert.gold_event}: {alert.title}"
        for event_id in report.never_alerted:
            yield f"  - {name} never alerted: {event_id}"
