"""Prometheus metrics: the only module importing ``prometheus_client``.

Two kinds of numbers. Things that happen in this process (fetches and their
latency, entries recorded, findings, outbox rows queued, delivery attempts, ops
messages) are counted where they happen, through the small functions below.
Things the database knows (feeds by status, stored entries and events, rows by
destination and outcome, the outbox backlog and its oldest row, the last poll)
are read at scrape time by ``StoreCollector``, so they are right after a restart
and whichever process wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.delivery.render import destination_text
from bot.models import Destination
from store import Store
from store import ops as ops_store

disable_created_metrics()  # no *_created series: start times say nothing to an operator
COUNTED = CollectorRegistry(auto_describe=True)  # this process's counters
FETCHES = Counter("policybot_fetches", "Feed fetches by outcome (ok, not_modified, "
                  "gone, rate_limited, error).", ["outcome"], registry=COUNTED)  # fmt: skip
FETCH_SECONDS = Histogram(
    "policybot_fetch_duration_seconds", "Time to fetch one feed (headers and body).",
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0), registry=COUNTED,
)  # fmt: skip
POLLS = Counter("policybot_polls", "Poll cycles completed.", registry=COUNTED)
ENTRIES = Counter("policybot_entries_recorded", "New feed entries recorded.", registry=COUNTED)
FINDINGS = Counter("policybot_findings", "Entries read as a facial-recognition policy "
                   "finding.", registry=COUNTED)  # fmt: skip
QUEUED = Counter("policybot_outbox_queued", "Outbox rows written, by kind (alert, update).",
                 ["kind"], registry=COUNTED)  # fmt: skip
DELIVERIES = Counter("policybot_delivery_attempts", "Delivery attempts by platform and outcome "
                     "(sent, retry, failed).", ["platform", "outcome"], registry=COUNTED)  # fmt: skip
OPS = Counter("policybot_ops_messages", "Ops-channel messages by outcome (sent, failed).",
              ["outcome"], registry=COUNTED)  # fmt: skip
ProcessCollector(registry=COUNTED)


def fetched(outcome: str, seconds: float) -> None:
    FETCHES.labels(outcome).inc()
    FETCH_SECONDS.observe(max(seconds, 0.0))


def recorded(*, entries: int, findings: int, alerts: int, updates: int) -> None:
    ENTRIES.inc(entries)
    FINDINGS.inc(findings)
    QUEUED.labels("alert").inc(alerts)
    QUEUED.labels("update").inc(updates)


def polled() -> None:
    POLLS.inc()


def delivered(platform: str, outcome: str) -> None:
    DELIVERIES.labels(platform, outcome).inc()


def ops_message(outcome: str) -> None:
    OPS.labels(outcome).inc()


class StoreCollector(Collector):
    """Gauges read from the database at each scrape."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        rows = ops_store.metric_rows(self.store)
        now = datetime.now(UTC)
        feeds = GaugeMetricFamily("policybot_feeds", "Feeds by status (new, ok, failing, "
                                  "dead, gone).", labels=["status"])  # fmt: skip
        for status, count in sorted(rows["feeds"].items()):
            feeds.add_metric([status], count)
        yield feeds
        for name, key, text in (
            ("policybot_stored_entries", "entries", "Entries in the database."),
            ("policybot_stored_findings", "relevant_findings", "Findings in the database."),
            ("policybot_stored_events", "events", "Events (policy changes) in the database."),
        ):
            yield GaugeMetricFamily(name, text, value=rows["totals"][key])
        yield self._deliveries(rows["deliveries"])
        yield GaugeMetricFamily("policybot_outbox_depth", "Deliveries waiting (pending or "
                                "sending).", value=rows["backlog"])  # fmt: skip
        oldest = rows["oldest_pending"]
        age = (now - oldest).total_seconds() if oldest else 0.0
        yield GaugeMetricFamily("policybot_outbox_oldest_pending_age_seconds", "Age of the oldest "
                                "waiting delivery (0 when none).", value=max(age, 0.0))  # fmt: skip
        for name, key, text in (
            ("policybot_last_poll_timestamp_seconds", "last_poll", "When the last poll cycle "
             "ended (Unix time)."),
            ("policybot_last_successful_fetch_timestamp_seconds", "last_success", "When a feed "
             "was last fetched successfully (Unix time)."),
        ):  # fmt: skip
            stamp = rows[key]
            yield GaugeMetricFamily(name, text, value=stamp.timestamp() if stamp else 0.0)
        ops = GaugeMetricFamily("policybot_ops_notices", "Ops-channel deliveries by status.",
                                labels=["status"])  # fmt: skip
        for status, count in sorted(rows["ops"].items()):
            ops.add_metric([status], count)
        yield ops

    @staticmethod
    def _deliveries(rows: list[dict[str, object]]) -> GaugeMetricFamily:
        family = GaugeMetricFamily(
            "policybot_deliveries", "Outbox rows by destination, kind (alert, update) and "
            "outcome (pending, sending, sent, failed).",
            labels=["destination", "kind", "outcome"],
        )  # fmt: skip
        for row in rows:
            dest = Destination(str(row["platform"]), channel=str(row["channel"] or "") or None,
                               webhook_url=str(row["webhook_url"] or "") or None)  # fmt: skip
            count = row["n"]
            assert isinstance(count, int)
            family.add_metric([destination_text(dest), str(row["kind"]), str(row["status"])], count)
        return family


class Metrics:
    """The /metrics page of one store: this process's counters plus the store gauges."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self, store: Store) -> None:
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(_Counted())
        self.registry.register(StoreCollector(store))

    def page(self) -> bytes:
        return generate_latest(self.registry)


class _Counted(Collector):
    def collect(self) -> Iterator[Metric]:
        yield from COUNTED.collect()
