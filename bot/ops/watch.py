"""What the ops channel is told, decided from facts (pure: no store, no I/O).

Each watched subject (a feed, an alert destination, the outbox) has a state,
observed from the store each check. A message goes out when the state differs
from the last announced one, at most once per ``min_gap`` per subject (a state
that flaps back within the gap is never announced), so one change is one
message, never one per tick. When many subjects change at once (a first start
with many broken feeds, an outage of the network) they share one message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

OK = "ok"


@dataclass(frozen=True)
class OpsSettings:
    """Thresholds of the ops channel (feeds.yaml ``ops:`` or POLICYBOT_OPS_*)."""

    feed_failing_after: int = 6 * 3600  # seconds a feed fails before it is reported
    destination_failing_after: int = 15 * 60  # seconds of a destination's outage
    outbox_max_pending: int = 200  # deliveries waiting before the outbox is "backing up"
    outbox_max_age: int = 3600  # seconds the oldest waiting delivery may wait
    min_gap: int = 1800  # seconds between two messages about one subject
    weekly: bool = True  # a weekly health summary, Mondays 09:00 UTC
    group_over: int = 3  # more changes than this in one check share one message


@dataclass(frozen=True)
class Observation:
    subject: str  # "feed:ID", "destination:ID", "outbox"
    state: str  # OK or what is wrong ("failing", "gone", "moved", "backed_up")
    name: str  # who, for people: a feed's name, a destination
    detail: str = ""  # the error, the new address, the counts


@dataclass(frozen=True)
class Known:
    """The last announced state of a subject (``store.ops.Fact``, the fields used here)."""

    state: str
    announced_at: datetime | None


@dataclass(frozen=True)
class Change:
    observation: Observation
    before: str  # the previous state (OK for a subject seen for the first time)
    announce: bool  # False: recorded silently (a healthy subject seen for the first time)


def feed_state(row: Mapping[str, object], now: datetime, settings: OpsSettings) -> Observation:
    """A feed's ops state from its store row (status, failures, addresses)."""
    name = str(row["name"])
    subject = f"feed:{row['id']}"
    status = str(row["status"])
    error = str(row.get("last_error") or "")
    if status in ("gone", "dead"):
        return Observation(subject, "gone", name, error)
    if status == "failing":
        since = row.get("last_success_at") or row.get("created_at")
        assert isinstance(since, datetime)
        if (now - since).total_seconds() >= settings.feed_failing_after:
            return Observation(subject, "failing", name, error)
        return Observation(subject, OK, name)
    if row.get("url") and row.get("config_url") and row["url"] != row["config_url"]:
        return Observation(subject, "moved", name, str(row["url"]))
    return Observation(subject, OK, name)


def destination_state(
    row: Mapping[str, object], name: str, now: datetime, settings: OpsSettings
) -> Observation:
    subject = f"destination:{row['id']}"
    if row.get("status") == "failing":
        return Observation(subject, "failing", name, str(row.get("last_error") or ""))
    since = row.get("outage_since")
    if isinstance(since, datetime):
        lasted = (now - since).total_seconds()
        if lasted >= settings.destination_failing_after:
            detail = f"unreachable for {lasted / 60:.0f} min: {row.get('outage_error') or ''}"
            return Observation(subject, "failing", name, detail.strip().rstrip(":"))
    return Observation(subject, OK, name)


def outbox_state(
    waiting: int, oldest: datetime | None, now: datetime, settings: OpsSettings
) -> Observation:
    age = (now - oldest).total_seconds() if oldest else 0.0
    detail = f"{waiting} deliveries waiting, the oldest for {age / 60:.0f} min"
    if waiting > settings.outbox_max_pending or age > settings.outbox_max_age:
        return Observation("outbox", "backed_up", "the outbox", detail)
    return Observation("outbox", OK, "the outbox", detail)


def changes(
    known: Mapping[str, Known],
    observed: Iterable[Observation],
    now: datetime,
    settings: OpsSettings,
) -> list[Change]:
    """The subjects whose state differs from what was last announced."""
    found = []
    gap = timedelta(seconds=settings.min_gap)
    for obs in observed:
        fact = known.get(obs.subject)
        if fact is None:
            found.append(Change(obs, OK, announce=obs.state != OK))
            continue
        if fact.state == obs.state:
            continue
        if fact.announced_at is not None and now - fact.announced_at < gap:
            continue  # rate limit: look again after the gap
        found.append(Change(obs, fact.state, announce=True))
    return found


WEEK_DAY, WEEK_HOUR = 0, 9  # the weekly summary falls due Mondays 09:00 UTC


def week_start(now: datetime) -> datetime:
    """The latest Monday 09:00 UTC at or before ``now``."""
    start = (now - timedelta(days=now.weekday() - WEEK_DAY)).replace(
        hour=WEEK_HOUR, minute=0, second=0, microsecond=0
    )
    return start if start <= now else start - timedelta(days=7)
