"""The next step on an authority's decision about a company, taken before another kind
of authority within weeks, is one event with the decision; a new act months later stays
apart. Invented companies, bodies and wording, on a real SQLite file through routing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.delivery.routes import route
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store
from store import entries as entries_store
from store import subscriptions as subscriptions_store

START = datetime(2024, 2, 12, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "stage.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    authorities = Filters(actor_types=("government", "regulator", "court"))
    subscriptions_store.add(opened, Destination("console", channel="authorities"), authorities)
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, *, day: float, vendor: str,
           action: str | None = "shutdown", actor: str = "vendor",
           relevant: bool = True) -> EventChange:  # fmt: skip
    entry = Entry(feed_id="wire", key=f"guid:{title}", title=title, summary=summary,
                  link=f"https://wire.example/{abs(hash(title))}",
                  published=START + timedelta(days=day), source="Wire")  # fmt: skip
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=None,
                      action=action, applies_to="everyone", region=None, confidence=0.8,
                      evidence=title)  # fmt: skip
    with store.transaction():
        entry_id = entries_store.record_entries(store, [entry])[0][0]
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
        entries_store.record_finding(store, entry_id, finding, change.event_id)
        route(store, change, alertable=True)
    return change


# --------------------------------------------------------------------------- authorities


def test_an_appeal_sought_weeks_after_a_tribunal_ruling_joins_the_ruling(store: Store) -> None:
    first = record(store, "Tribunal overturns the Kestrel Data fine",
                   "The Records Tribunal held that the Data Office lacked powers over "
                   "Kestrel Data's searches for foreign police.", day=0,
                   vendor="Kestrel Data", action=None, actor="court", relevant=False)  # fmt: skip
    later = record(store, "Data Office seeks leave to appeal the Kestrel Data ruling",
                   "The office says the Records Tribunal misread its powers over foreign "
                   "police searches.", day=26, vendor="Kestrel Data", action=None,
                   actor="regulator", relevant=False)  # fmt: skip
    assert later.event_id == first.event_id


def test_a_new_fine_months_later_by_another_body_stays_apart(store: Store) -> None:
    first = record(store, "Tribunal overturns the Kestrel Data fine",
                   "The Records Tribunal held that the Data Office lacked powers.", day=0,
                   vendor="Kestrel Data", action=None, actor="court", relevant=False)  # fmt: skip
    later = record(store, "Coastal privacy board fines Kestrel Data",
                   "The Marlow Privacy Board fined the company over local searches.",
                   day=70, vendor="Kestrel Data", action=None, actor="regulator",
                   relevant=False)  # fmt: skip
    assert later.event_id != first.event_id
