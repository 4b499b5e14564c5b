"""Authority reports that name no company: a later stage of one act joins it only by a
name both sides write as a name (the body, the place); another town's act of the same
kind, told weeks later in the same policy words, is its own event. Invented places, on
a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2022, 4, 4, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "stages.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float, actor: str = "government",
           vendor: str | None = None) -> EventChange:  # fmt: skip
    change, _ = record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                              vendor=vendor)  # fmt: skip
    return change


def test_a_bill_signed_weeks_after_its_vote_naming_the_same_state_joins(store: Store) -> None:
    vote = record(
        store,
        "Lower Carrow assembly passes limits on police face matching",
        "Members of the Carrow legislature voted for warrants before any face search.",
        day=0,
    )
    signed = record(
        store,
        "Governor signs Carrow's police face matching limits into law",
        "The Carrow measure requiring warrants for face searches takes effect in spring.",
        day=35,
    )
    assert signed.event_id == vote.event_id


def test_another_town_banning_weeks_later_in_the_same_words_stays_apart(store: Store) -> None:
    first = record(
        store,
        "Ellerby council bans city departments from face surveillance",
        "Councillors passed the Open Streets Ordinance, keeping facial recognition away "
        "from municipal agencies.",
        day=0,
    )
    second = record(
        store,
        "Tamsford council bars city departments from face surveillance",
        "Its councillors passed an ordinance keeping facial recognition away from "
        "municipal agencies and open streets.",
        day=40,
    )
    assert second.event_id != first.event_id


def test_a_regulator_elsewhere_acting_days_after_an_act_on_a_company_stays_apart(
    store: Store,
) -> None:
    fine = record(
        store,
        "Privacy office fines Corvane Optics over face data kept from shoppers",
        "The privacy office said the retailer's Smart Door cameras broke consent rules.",
        day=0, actor="regulator", vendor="Corvane Optics",
    )  # fmt: skip
    other = record(
        store,
        "Data watchdog in Bresca fines a gym chain over its entry scanners",
        "Members were never asked before smart door gates scanned them, the regulator found.",
        day=6, actor="regulator",
    )  # fmt: skip
    assert other.event_id != fine.event_id


def test_the_same_act_on_a_company_retold_a_week_later_naming_its_office_joins(
    store: Store,
) -> None:
    fine = record(
        store,
        "Privacy office fines Corvane Optics over face data kept from shoppers",
        "The Lindmark privacy office said the retailer's cameras stored faceprints.",
        day=0, actor="regulator", vendor="Corvane Optics",
    )  # fmt: skip
    later = record(
        store,
        "Lindmark's privacy office explains its fine over shop faceprints",
        "The office said cameras stored faceprints without telling shoppers.",
        day=7, actor="regulator",
    )  # fmt: skip
    assert later.event_id == fine.event_id
