"""Authority reports recorded straight into a real store, clustered and routed to an
authority channel: for tests of how authority events join or stay apart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot import clustering
from bot.delivery.routes import route
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store
from store import entries as entries_store
from store import subscriptions as subscriptions_store


def authority_store(path: Path) -> Store:
    """A store at ``path`` whose console channel takes government, regulator and court alerts."""
    opened = Store.open(path)
    authorities = Filters(actor_types=("government", "regulator", "court"))
    subscriptions_store.add(opened, Destination("console", channel="authorities"), authorities)
    return opened


def record_report(store: Store, title: str, summary: str, published: datetime, *, actor: str,
                  vendor: str | None = None, action: str | None = None,
                  ) -> tuple[EventChange, int]:  # fmt: skip
    """Record one authority report as a finding (relevant when it has an ``action``),
    cluster it and route it; return the event change and how many alerts or follow-ups
    routing wrote."""
    entry = Entry(feed_id="wire", key=f"guid:{title}", title=title, summary=summary,
                  link=f"https://wire.example/{abs(hash(title))}",
                  published=published, source="Wire")  # fmt: skip
    finding = Finding(relevant=action is not None, actor_type=actor, vendor=vendor,
                      product=None, action=action, applies_to=None, region=None, confidence=0.7,
                      evidence=title)  # fmt: skip
    return record_and_route(store, entry, finding)


def record_and_route(store: Store, entry: Entry, finding: Finding) -> tuple[EventChange, int]:
    """Record ``entry`` with ``finding`` like the pipeline does (one transaction: the entry,
    clustering, the finding, routing); return the event change and the outbox rows written."""
    with store.transaction():
        entry_id = entries_store.record_entries(store, [entry])[0][0]
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
        entries_store.record_finding(store, entry_id, finding, change.event_id)
        written = route(store, change, alertable=True)
    return change, written
