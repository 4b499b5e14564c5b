"""One fetch of a watched policy page: text → version → sentence changes → events.

Called by ``bot.pipeline`` for feeds of kind "page", inside the feed's one
transaction. The page's text (``bot.sources.page_text``) is stepped through the
watch policy (``bot.sources.pages``); a confirmed change is stored as a new
version, and each changed sentence is read by the extractor (``extract(Entry)``).
Where a change is a vendor FR policy change, it is recorded like any news item
(``bot.clustering.record_finding``, a primary source) and routed, so it clusters
with news coverage of the same change whichever comes first; its evidence is the
sentence's old and new wording and its link points at the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot import clustering
from bot.config import Config
from bot.delivery.routes import route
from bot.extract import extract
from bot.models import Entry, FeedConfig, FeedState, FetchResult, Finding, SentenceChange
from bot.sources import pages
from bot.sources.backoff import next_state
from bot.vendor_lookup import page_vendor
from store import Store
from store import entries as entries_store
from store import feeds as feeds_store
from store import pages as pages_store

if TYPE_CHECKING:  # read at run time only when a page is fetched (lxml, trafilatura)
    from bot.sources.page_text import PageText

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageOutcome:
    kind: str  # pages.PageStep.kind
    seq: int = 0  # the version recorded by this fetch (0: none)
    entries: int = 0
    findings: int = 0
    alerts: int = 0
    follow_ups: int = 0
    report: str | None = None  # the unstable-page report (once)

    @property
    def recheck(self) -> bool:
        """A new text waits for a second fetch to confirm it."""
        return self.kind == "pending"


def process(
    store: Store, config: Config, feed: FeedState, result: FetchResult, *, now: datetime
) -> tuple[PageOutcome, FeedState, str | None]:
    """One fetch of the page: its text recorded and the feed state saved, in one
    transaction; returns what it did, the feed's new state and a text error."""
    source = _source(config, feed)
    text, text_error = read_text(result, source) if result.outcome == "ok" else (None, None)
    state = next_state(feed, result, settings=config.settings, now=now, parse_error=text_error)
    if text is not None:
        state = replace(state, baseline_done=True)
    page = PageOutcome("none")
    with store.transaction():
        if result.outcome == "not_modified":
            text = unconfirmed_text(store, source)
        if text is not None:
            page = record(store, source, text, url=result.final_url or feed.url, now=now,
                          alertable=True, max_updates=config.max_updates_per_event)  # fmt: skip
        if page.recheck and state.next_due_at is not None:  # confirm the new text soon
            soon = now + timedelta(seconds=pages.CONFIRM_AFTER)
            state = replace(state, next_due_at=min(state.next_due_at, soon))
        feeds_store.save_feed_state(store, state)
    return page, state, text_error


def _source(config: Config, feed: FeedState) -> FeedConfig:
    """The page's configuration (selector, vendor); a page no longer configured is
    read with its main text."""
    for source in config.feeds:
        if source.id == feed.id:
            return source
    return FeedConfig(id=feed.id, name=feed.name, url=feed.url, kind=feed.kind,
                      interval=feed.interval)  # fmt: skip


def read_text(result: FetchResult, source: FeedConfig) -> tuple[PageText | None, str | None]:
    """The page's policy text, or an error naming the page, the problem and the fix."""
    from bot.sources.page_text import PageTextError, page_text

    content_type = next((v for k, v in result.headers if k == "content-type"), "")
    try:
        return page_text(result.body, content_type=content_type, selector=source.selector), None
    except PageTextError as exc:
        return None, f"page {source.name!r} ({result.final_url or source.url}): {exc}."


def unconfirmed_text(store: Store, source: FeedConfig) -> PageText | None:
    """On a 304 Not Modified: the last fetch's text when it still waits for a second
    sighting (the server says it has not changed since, which confirms it)."""
    row = pages_store.watch_row(store, source.id)
    last, text = row.get("last_hash"), row.get("last_text")
    if not last or not text or last == row.get("current_hash"):
        return None
    from bot.sources.page_text import PageText

    return PageText(tuple(str(text).split("\n")))


def record(
    store: Store,
    source: FeedConfig,
    text: PageText,
    *,
    url: str,
    now: datetime,
    alertable: bool,
    max_updates: int,
) -> PageOutcome:
    """Step the page's watch with this fetch's text and write what follows (sync)."""
    watch = _watch(store, source)
    step = pages.step(watch, text, selector=source.selector)
    seq = 0
    if step.kind == "baseline":
        seq = pages_store.add_version(store, source.id, text=text.text, digest=text.digest,
                                      url=url, seen_at=now, baseline=True, note=step.reason,
                                      changes=step.changes)  # fmt: skip
    elif step.kind == "changed":
        seq = pages_store.add_version(store, source.id, text=text.text, digest=text.digest,
                                      url=url, seen_at=now, baseline=False, changes=step.changes)  # fmt: skip
    pages_store.save_watch(store, source.id, selector=source.selector, last_hash=text.digest,
                           last_text=text.text, churn=step.churn, unstable_note=step.note,
                           now=now)  # fmt: skip
    if step.kind == "unstable":
        log.warning("%s", step.note)
        return PageOutcome(step.kind, report=step.note)
    if step.kind != "changed":
        return PageOutcome(step.kind, seq=seq)
    return _record_changes(store, watch, source, step.changes, seq=seq, now=now,
                           alertable=alertable, max_updates=max_updates)  # fmt: skip


def _watch(store: Store, source: FeedConfig) -> pages.PageWatch:
    row = pages_store.watch_row(store, source.id)
    return pages.PageWatch(
        feed_id=source.id,
        name=source.name,
        url=source.url,
        selector=str(row.get("selector") or ""),
        current_seq=int(row.get("current_seq") or 0),
        current_text=row.get("current_text"),
        current_hash=row.get("current_hash"),
        last_hash=row.get("last_hash"),
        last_text=row.get("last_text"),
        churn=int(row.get("churn") or 0),
        unstable_note=row.get("unstable_note"),
    )


def _record_changes(
    store: Store,
    watch: pages.PageWatch,
    source: FeedConfig,
    changes: tuple[SentenceChange, ...],
    *,
    seq: int,
    now: datetime,
    alertable: bool,
    max_updates: int,
) -> PageOutcome:
    vendor = source.vendor or page_vendor(source.url, source.name)
    picked: dict[tuple[str | None, str | None, str | None], tuple[SentenceChange, Finding]] = {}
    for change in changes:
        finding = _policy_finding(change, source, vendor, now)
        if finding is not None:
            picked.setdefault((finding.vendor, finding.action, finding.applies_to),
                              (change, finding))  # fmt: skip
    entries = [
        (pages.change_entry(watch, change, seq=seq, index=index, when=now), finding)
        for index, (change, finding) in enumerate(picked.values(), start=1)
    ]
    found = {entry.key: finding for entry, finding in entries}
    new = entries_store.record_entries(store, [entry for entry, _ in entries], now=now)
    alerts = follow_ups = 0
    event_ids = []
    for entry_id, entry in new:
        finding = pages.rebased(found[entry.key], entry)
        recorded = clustering.record_finding(store, entry_id=entry_id, entry=entry,
                                             finding=finding, primary=True,
                                             max_updates=max_updates)  # fmt: skip
        entries_store.record_finding(store, entry_id, finding, recorded.event_id)
        event_ids.append(recorded.event_id)
        written = route(store, recorded, alertable=alertable)
        if recorded.update_id is None:
            alerts += written
        else:
            follow_ups += written
    pages_store.set_version_events(store, source.id, seq, event_ids)
    return PageOutcome("changed", seq=seq, entries=len(new), findings=len(new),
                       alerts=alerts, follow_ups=follow_ups)  # fmt: skip


def _policy_finding(
    change: SentenceChange, source: FeedConfig, vendor: str | None, now: datetime
) -> Finding | None:
    old = _read(change.old, source, vendor, now)
    new = _read(change.new, source, vendor, now)
    return pages.policy_finding(change, old, new)


def _read(sentence: str | None, source: FeedConfig, vendor: str | None,
          now: datetime) -> Finding | None:  # fmt: skip
    if not sentence:
        return None
    probe: Entry = pages.evidence_probe(sentence, feed_id=source.id, vendor=vendor, when=now)
    try:
        return extract(probe)
    except Exception:  # one odd sentence must not stop the page
        log.exception("extraction failed on a sentence of page %r", source.name)
        return None
