"""Digests: one message per destination listing the period's events grouped by vendor,
daily or weekly (Mondays) at a local time, or nothing when nothing happened.

The daemon's scheduler calls ``send_due`` every minute (and at start, so a digest
missed while the daemon was down goes out once on the next start, covering the
whole gap since the last one). Each period is claimed in the store before posting
(``store.digests``): a digest is never sent twice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.delivery.links import safe_url
from bot.delivery.poster import DeliveryError, Poster
from bot.delivery.render import day, headline, one_line, plural
from bot.delivery.routes import matches
from bot.models import DigestPlan, Event, Message, Section, Subscription
from store import Store
from store import digests as digests_store
from store import subscriptions as subscriptions_store

log = logging.getLogger(__name__)

EVERY = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
MAX_GAP = timedelta(days=31)  # a digest after a long outage covers at most this much


class PlanError(ValueError):
    """A digest time or time zone that cannot be used; the message shows valid ones."""


def check_plan(every: str, at: str, tz: str) -> DigestPlan:
    if every not in EVERY:
        raise PlanError(f"digest must be daily or weekly, got {every!r}")
    hours, sep, minutes = at.partition(":")
    if not (
        sep and hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60
    ):
        raise PlanError(f"--at {at!r} is not a time of day; write HH:MM, e.g. 08:00 or 17:30")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise PlanError(f"--tz {tz!r} is not a time zone; write e.g. Europe/Paris, UTC") from None
    return DigestPlan(every=every, at=f"{int(hours):02d}:{int(minutes):02d}", tz=tz)


def period_end(plan: DigestPlan, now: datetime) -> datetime:
    """The latest scheduled digest time at or before ``now`` (UTC), in local wall time
    (so 08:00 Paris stays 08:00 across daylight saving changes)."""
    zone = ZoneInfo(plan.tz)
    local = now.astimezone(zone)
    hours, minutes = (int(x) for x in plan.at.split(":"))
    moment = local.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    if plan.every == "weekly":
        moment -= timedelta(days=moment.weekday())  # Mondays
    while moment > local:
        moment -= EVERY[plan.every]
    return moment.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True)
class DigestJob:
    subscription: Subscription
    start: datetime
    end: datetime


def due(store: Store, now: datetime) -> list[DigestJob]:
    """The digests whose period has ended and that were not sent (or found empty) yet."""
    jobs = []
    for sub in subscriptions_store.list_subscriptions(store, active_only=True):
        plan = sub.digest
        if plan is None:
            continue
        end = period_end(plan, now)
        if plan.since is not None and end <= plan.since:
            continue  # the plan is newer than this period
        last = digests_store.last_period_end(store, sub.id)
        if last is not None and last >= end:
            continue
        # from the last digest (or the plan's start): a missed period is covered, once
        base = last if last is not None else plan.since
        start = base if base is not None and base > end - MAX_GAP else end - EVERY[plan.every]
        jobs.append(DigestJob(sub, start, end))
    return jobs


def digest_message(job: DigestJob, events: Sequence[Event]) -> Message:
    """One message: the period's events grouped by vendor (authority actions by actor)."""
    zone = ZoneInfo(job.subscription.digest.tz if job.subscription.digest else "UTC")
    span = (
        f"{job.start.astimezone(zone):%Y-%m-%d %H:%M} – {job.end.astimezone(zone):%Y-%m-%d %H:%M}"
    )
    every = job.subscription.digest.every if job.subscription.digest else "daily"
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.vendor or event.actor_type.capitalize(), []).append(event)
    sections, lines = [], [f"policybot {every} digest, {span}: {plural(len(events), 'event')}"]
    for vendor, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold())):
        rows = [
            f"{day(e.first_reported)} {headline(e)}: {one_line(e.title, 160)}"
            + (f" {safe_url(e.link)}" if safe_url(e.link) else "")
            for e in members
        ]
        lines += [f"{vendor}:", *(f"  {row}" for row in rows)]
        sections.append(Section(title=f"{one_line(vendor, 80)} ({len(members)})",
                                body="\n".join(rows)[:2800]))  # fmt: skip
    return Message(
        text="\n".join(lines),
        sections=tuple(sections[:20]),
        footer=f"{every.capitalize()} digest · {span} ({zone.key})",
        ephemeral=False,
    )


@dataclass(frozen=True)
class DigestSummary:
    sent: int = 0
    empty: int = 0
    failed: int = 0


async def send_due(
    store: Store,
    posters: Mapping[str, Poster],
    *,
    now: datetime,
    max_age_days: int | None = 14,
) -> DigestSummary:
    """Send every digest that is due now (see ``due``); each period at most once."""
    sent = empty = failed = 0
    for job in due(store, now):
        sub = job.subscription
        poster = posters.get(sub.destination.platform)
        if poster is None:
            continue  # its platform is not configured in this process
        if not digests_store.claim(store, sub.id, job.start, job.end):
            continue
        reported_after = job.start - timedelta(
            days=max_age_days if max_age_days is not None else 36500
        )
        found = digests_store.recorded_events(
            store, job.start, job.end, reported_after=reported_after
        )
        events = [e for e in found if matches(sub.filters, e)]
        if not events:
            digests_store.finish(store, sub.id, job.end, status="empty")
            empty += 1
            continue
        try:
            posted = await poster.post(sub.destination, digest_message(job, events))
        except DeliveryError as exc:
            log.warning("digest for %s failed: %s", sub.destination, exc)
            digests_store.finish(store, sub.id, job.end, status="failed", events=len(events),
                                 error=str(exc))  # fmt: skip
            failed += 1
            continue
        digests_store.finish(
            store, sub.id, job.end, status="sent", events=len(events), ref=posted.ref
        )
        sent += 1
    return DigestSummary(sent=sent, empty=empty, failed=failed)
