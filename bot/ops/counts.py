"""This process's counts of what happens (fetches, their latency, entries recorded,
findings, outbox rows queued, delivery attempts, ops messages), kept as plain numbers.

Counted where things happen, at the cost of a dictionary update; ``bot.ops.metrics``
turns them into Prometheus series when ``/metrics`` is scraped, so a ``policybot
poll`` (which serves no metrics) never loads ``prometheus_client`` (some 2 MB and
12,000 objects in every polling process).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# upper bounds (seconds) of the fetch-latency histogram's buckets (+Inf follows)
FETCH_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass
class Counts:
    """The counters of one process (``COUNTS``); labels are the keys."""

    fetches: Counter[str] = field(default_factory=Counter)  # by outcome
    fetch_buckets: list[int] = field(default_factory=lambda: [0] * (len(FETCH_BUCKETS) + 1))
    fetch_seconds: float = 0.0
    polls: int = 0
    entries: int = 0
    findings: int = 0
    queued: Counter[str] = field(default_factory=Counter)  # by kind: alert, update
    deliveries: Counter[tuple[str, str]] = field(default_factory=Counter)  # (platform, outcome)
    ops: Counter[str] = field(default_factory=Counter)  # by outcome


COUNTS = Counts()


def fetched(outcome: str, seconds: float) -> None:
    seconds = max(seconds, 0.0)
    COUNTS.fetches[outcome] += 1
    COUNTS.fetch_seconds += seconds
    bucket = next((i for i, bound in enumerate(FETCH_BUCKETS) if seconds <= bound),
                  len(FETCH_BUCKETS))  # fmt: skip
    COUNTS.fetch_buckets[bucket] += 1


def recorded(*, entries: int, findings: int, alerts: int, updates: int) -> None:
    COUNTS.entries += entries
    COUNTS.findings += findings
    COUNTS.queued["alert"] += alerts
    COUNTS.queued["update"] += updates


def polled() -> None:
    COUNTS.polls += 1


def delivered(platform: str, outcome: str) -> None:
    COUNTS.deliveries[platform, outcome] += 1


def ops_message(outcome: str) -> None:
    COUNTS.ops[outcome] += 1
