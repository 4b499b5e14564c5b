"""Prometheus metrics: the only module importing ``prometheus_client``.

Two kinds of numbers. Things that happen in this process (fetches and their
latency, entries recorded, findings, outbox rows queued, delivery attempts, ops
messages) are counted where they happen, as plain numbers in ``bot.ops.counts``,
and become series here at scrape time (so a process that serves no /metrics never
imports this module). Things the database knows (feeds by status, stored entries
and events, rows by destination and outcome, the outbox backlog and its oldest row,
the last poll) are read at scrape time by ``StoreCollector``, so they are right
after a restart and whichever process wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

from bot.delivery.render import destination_text
from bot.models import Destination
from bot.ops.counts import COUNTS, FETCH_BUCKETS, Counts
from store import Store
from store import ops as ops_store


def counted(counts: Counts = COUNTS) -> Iterator[Metric]:
    """This process's counters (``bot.ops.counts``) as Prometheus families."""
    fetches = CounterMetricFamily("policybot_fetches", "Feed fetches by outcome (ok, "
                                  "not_modified, gone, rate_limited, error).", labels=["outcome"])  # fmt: skip
    for outcome, n in counts.fetches.items():
        fetches.add_metric([outcome], n)
    yield fetches
    cumulative, buckets = 0, []
    for bound, n in zip([*FETCH_BUCKETS, float("inf")], counts.fetch_buckets, strict=True):
        cumulative += n
        buckets.append((floatToGoString(bound), cumulative))
    yield HistogramMetricFamily("policybot_fetch_duration_seconds", "Time to fetch one feed "
                                "(headers and body).", buckets=buckets,
                                sum_value=counts.fetch_seconds)  # fmt: skip
    yield CounterMetricFamily("policybot_polls", "Poll cycles completed.", value=counts.polls)
    yield CounterMetricFamily("policybot_entries_recorded", "New feed entries recorded.",
                              value=counts.entries)  # fmt: skip
    yield CounterMetricFamily("policybot_findings", "Entries read as a facial-recognition policy "
                              "finding.", value=counts.findings)  # fmt: skip
    queued = CounterMetricFamily("policybot_outbox_queued", "Outbox rows written, by kind "
                                 "(alert, update).", labels=["kind"])  # fmt: skip
    for kind, n in counts.queued.items():
        queued.add_metric([kind], n)
    yield queued
    deliveries = CounterMetricFamily("policybot_delivery_attempts", "Delivery attempts by "
                                     "platform and outcome (sent, retry, failed).",
                                     labels=["platform", "outcome"])  # fmt: skip
    for (platform, outcome), n in counts.deliveries.items():
        deliveries.add_metric([platform, outcome], n)
    yield deliveries
    ops = CounterMetricFamily("policybot_ops_messages", "Ops-channel messages by outcome "
                              "(sent, failed).", labels=["outcome"])  # fmt: skip
    for outcome, n in counts.ops.items():
        ops.add_metric([outcome], n)
    yield ops


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
        ProcessCollector(registry=self.registry)

    def page(self) -> bytes:
        return generate_latest(self.registry)


class _Counted(Collector):
    def collect(self) -> Iterator[Metric]:
        yield from counted()
