"""What one fetch yields, written: the feed's state, its new entries, their findings,
events and outbox rows, in one transaction (the writer thread of a cycle, or the
caller's thread: ``process_result``)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from bot.config import Config
from bot.cpu import KnownNames, ParseJob, ParseOutput, parse_and_extract, read_again
from bot.models import PRIMARY_KINDS, Entry, FeedState, FetchResult, FetchSettings, Finding
from bot.poll_summary import FeedOutcome
from bot.rereading import Ask, Readings
from bot.sources.backoff import next_state
from store import Store, event_reads
from store import entries as entries_store
from store import feeds as feeds_store

log = logging.getLogger(__name__)


def record_crash(
    store: Store,
    config: Config,
    feed: FeedState,
    result: FetchResult,
    exc: Exception,
    now: datetime,
) -> FeedOutcome:
    """Back the feed off with the error recorded; its entries are retried next time."""
    error = (
        f"feed {feed.name!r} ({feed.url}): processing failed ({type(exc).__name__}: {exc}). "
        "This is a policybot bug: run with -vv and report it; the feed is retried with backoff."
    )
    failed = replace(result, outcome="error", error=error)
    state = next_state(feed, failed, settings=config.settings, now=now, parse_error=error)
    feeds_store.save_feed_state(store, state)
    return FeedOutcome(feed.id, "error", error=error)


def process_result(
    store: Store, config: Config, feed: FeedState, result: FetchResult, *, now: datetime
) -> FeedOutcome:
    """Parse one fetch in this thread and write what it yields (sync)."""
    if feed.kind == "page":
        return process_page(store, config, feed, result, now=now)
    work = None
    if result.outcome == "ok":
        known = partial(entries_store.known_keys, store, feed.id)
        vendors = partial(event_reads.fr_vendor_names, store)
        work = parse_and_extract(ParseJob(result, feed.id, feed.name), known, vendors)
    return write_result(store, config, feed, result, work, now)


def write_result(
    store: Store,
    config: Config,
    feed: FeedState,
    result: FetchResult,
    work: ParseOutput | None,
    now: datetime,
    *,
    quiet: bool = False,
    ask: Ask = read_again,
) -> FeedOutcome:
    """Write everything one fetch yields in one transaction (the writer thread);
    ``quiet``: the caller logs the feed's error (once, after the commit); ``ask``
    reads items again with the FR vendors known at their write (``bot.rereading``)."""
    parse_error = work.error if work else None
    state = next_state(feed, result, settings=config.settings, now=now, parse_error=parse_error)
    baseline = not feed.baseline_done
    if result.outcome == "ok" and parse_error is None:
        state = replace(state, baseline_done=True)
    with store.transaction():
        feeds_store.save_feed_state(store, state)
        new, found, alerts, follow_ups = (
            _record(store, config, feed, work, baseline=baseline, now=now, ask=ask)
            if work
            else (0,) * 4
        )
    error = parse_error or result.error
    if state.status == "dead":  # an unconfirmed address that never worked: say so plainly
        error = state.last_error
    if error and not quiet:
        log.warning("%s", error)
    outcome = "error" if parse_error else result.outcome
    return FeedOutcome(
        feed.id, outcome, new, found, alerts, follow_ups, baseline and bool(new), error
    )


def process_page(
    store: Store, config: Config, feed: FeedState, result: FetchResult, *, now: datetime
) -> FeedOutcome:
    """One fetch of a watched page (kind "page"), in one transaction (sync)."""
    from bot import page_pipeline

    page, state, text_error = page_pipeline.process(store, config, feed, result, now=now)
    error = text_error or result.error or page.report
    if state.status == "dead":
        error = state.last_error
    if error and error is not page.report:  # the caller reports failures, once each
        log.info("%s", error)
    outcome = "error" if text_error else result.outcome
    return FeedOutcome(feed.id, outcome, page.entries, page.findings, page.alerts,
                       page.follow_ups, page.kind == "baseline" and not feed.baseline_done,
                       error)  # fmt: skip


def _record(
    store: Store,
    config: Config,
    feed: FeedState,
    work: ParseOutput,
    *,
    baseline: bool,
    now: datetime,
    ask: Ask = read_again,
) -> tuple[int, int, int, int]:
    """Record the new entries of ``work``, then extract, cluster and route each. The
    worker's reading with the FR vendors it knew stands where the vendors the store
    knows now cannot change it; otherwise ``ask`` reads the item again (see
    ``bot.rereading``)."""
    from bot import clustering
    from bot.delivery.routes import route

    new = entries_store.record_entries(store, work.entries, baseline=baseline, now=now)
    readings = Readings(work, [entry for _, entry in new], feed.name, ask)
    vendors = _KnownVendorNames(store)
    findings = alerts = follow_ups = 0
    repeats = entries_store.may_repeat(store, new)  # one query: the others repeat nothing
    for entry_id, entry in new:
        if entry_id in repeats and entries_store.same_article(store, entry_id, entry) is not None:
            continue  # an article already recorded through another feed: one report
        finding = readings.finding(entry, vendors.names())
        if finding is None:
            continue
        finding = with_history(store, entry, finding, now)
        findings += 1
        change = clustering.record_finding(
            store,
            entry_id=entry_id,
            entry=entry,
            finding=finding,
            primary=feed.kind in PRIMARY_KINDS,
            max_updates=config.max_updates_per_event,
        )
        if change.created or _NAMING_FIELDS.intersection(change.fields_changed):
            vendors.forget()  # the event store's FR vendors may have changed
        entries_store.record_finding(store, entry_id, finding, change.event_id)
        # an authority's act looked back on opens no alerted event of its own
        retold = change.created and finding.signal == "retrospective"
        alertable = not baseline and is_fresh(entry, config.settings, now) and not retold
        written = route(store, change, alertable=alertable)
        # rows for a change that carries an update are follow-ups in alerted threads
        if change.update_id is None:
            alerts += written
        else:
            follow_ups += written
    return len(new), findings, alerts, follow_ups


# an event's fields that ``store.event_reads.fr_vendor_names`` reads (vendor_key follows vendor)
_NAMING_FIELDS = frozenset({"vendor", "relevant", "actor_type"})


class _KnownVendorNames:
    """The store's FR vendor names (``store.event_reads.fr_vendor_names``), read once
    until clustering writes again."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: KnownNames | None = None

    def names(self) -> KnownNames:
        if self._names is None:
            changed, acted = event_reads.fr_vendor_names(self.store)
            self._names = (tuple(changed), tuple(acted))
        return self._names

    def forget(self) -> None:
        self._names = None


def with_history(store: Store, entry: Entry, finding: Finding, now: datetime) -> Finding:
    """The finding read against its vendor's timeline (deployments after an exit are
    reversals; restatements of an old policy are no news): see bot.extract.history.
    The timeline holds the vendor's history under its other names too (a short or long
    form, a gazetteer alias, its product's name): see ``bot.clustering.history``."""
    if finding.signal is None or not finding.vendor:
        return finding
    from bot import clustering
    from bot.extract.history import apply_history

    events = clustering.history(store, finding.vendor)
    return apply_history(finding, events, entry.published or now)


def is_fresh(entry: Entry, settings: FetchSettings, now: datetime) -> bool:
    """Entries older than max_alert_age_days are recorded but never alert."""
    if settings.max_alert_age_days is None or entry.published is None:
        return True
    return now - entry.published <= timedelta(days=settings.max_alert_age_days)
