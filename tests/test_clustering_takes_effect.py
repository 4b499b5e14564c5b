"""A vendor's change announced for a later date, told again when that date comes, is the
same event (``bot.events.followups.takes_effect``), however long after the announcement
and in whatever words; the same move told weeks later at no announced date, a change
in force at once, or another action on the date stay apart. Invented vendors, sentences
written for these tests, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.models import Destination, Entry, Filters, Finding
from store import Store
from store import subscriptions as subscriptions_store
from tests.test_clustering_noise import START, alerts, record, report


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "takes-effect.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    yield opened
    opened.close()


def on(day: int) -> date:
    return (START + timedelta(days=day)).date()


def told(title: str, summary: str, day: float, effective: date | None, action: str = "shutdown",
         vendor: str = "Tessaline") -> tuple[Entry, Finding]:  # fmt: skip
    entry, finding = report(title, summary, day=day, vendor=vendor, action=action,
                            product=None, region=None)  # fmt: skip
    return entry, replace(finding, effective=effective)


ANNOUNCED = ("Tessaline doorbells lose visitor recognition in March",
             "An app notice says the cameras stop greeting known callers by name on the date set.")  # fmt: skip
# the announced change happening, told on or just after the date, in new words
HAPPENED = [
    ("Doorbell owners report Tessaline no longer names who is at the door",
     "Alerts now read only 'someone is at your door', users posted this morning."),
    ("Tessaline's known-caller list disappears from its app",
     "Owners who had labelled relatives found the settings page removed."),
    ("Tessaline ends the name-your-visitors feature on schedule",
     "A support article confirms the change reached every doorbell overnight."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), HAPPENED, ids=["owners", "list", "schedule"])
def test_the_change_told_when_it_takes_effect_joins_its_announcement(
    store: Store, title: str, summary: str
) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(56)))
    again, _ = record(store, told(title, summary, day=57, effective=on(57)))
    assert again.event_id == first.event_id and alerts(store) == 1


def test_a_day_or_two_before_the_date_also_tells_it(store: Store) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(56)))
    again, _ = record(store, told(*HAPPENED[0], day=54, effective=on(56)))
    assert again.event_id == first.event_id


# (a switch-off is made once: the same vendor's switch-off told weeks later is that one,
# at any date, see test_clustering_once_only; a restriction can be tightened again)


def test_the_same_move_weeks_later_at_no_announced_date_is_a_new_event(store: Store) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(56), action="restriction"))
    again, _ = record(store, told(*HAPPENED[1], day=75, effective=on(75), action="restriction"))
    assert again.event_id != first.event_id and alerts(store) == 2


def test_a_change_in_force_at_once_sets_no_date_to_wait_for(store: Store) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(0), action="restriction"))
    again, _ = record(store, told(*HAPPENED[2], day=57, effective=on(57), action="restriction"))
    assert again.event_id != first.event_id


def test_another_action_on_the_date_is_not_the_announced_change(store: Store) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(56)))
    back, _ = record(store, told("Tessaline keeps visitor recognition for subscribers",
                                 "Paying owners can still have callers named at the door.",
                                 day=56, effective=on(56), action="reversal"))  # fmt: skip
    assert back.event_id != first.event_id


def test_another_vendor_on_the_date_is_not_the_announced_change(store: Store) -> None:
    first, _ = record(store, told(*ANNOUNCED, day=0, effective=on(56)))
    other, _ = record(store, told(*HAPPENED[0], day=56, effective=on(56), vendor="Corvell"))
    assert other.event_id != first.event_id
