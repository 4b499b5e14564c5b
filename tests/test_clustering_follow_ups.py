"""Follow-ups whose reading differs from their event's, and vendor names in several
forms, on a real SQLite file (invented vendors, sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.events import matching
from bot.models import Destination, Filters
from store import Store, event_reads
from store import subscriptions as subscriptions_store
from tests.test_clustering_noise import alerts, record, report


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "follow-ups.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    yield opened
    opened.close()


STOP = ("Brannock Vision stops selling face search to city police",
        "No municipal force will get new licences, the company says.")  # fmt: skip
# a report read as a return only because the vendor's timeline holds the stop: it tells
# whom the vendor still serves or what it will not widen the stop to
INFERRED = [
    ("Brannock Vision keeps serving federal agencies despite its police stop",
     "The firm says national agencies keep their face-search licences."),
    ("Brannock Vision chief: state troopers still get face search",
     "Asked on a panel, the executive said troopers are not covered."),
    ("Brannock Vision's face search stays with border officers",
     "Its customs contract runs on, the supplier confirmed."),
]  # fmt: skip


def inferred(title: str, summary: str, day: float):  # type: ignore[no-untyped-def]
    entry, finding = report(title, summary, day=day, vendor="Brannock Vision",
                            action="reversal", product=None)  # fmt: skip
    return entry, replace(finding, signal="deployment")


@pytest.mark.parametrize(("title", "summary"), INFERRED, ids=["federal", "troopers", "border"])
def test_a_return_only_the_timeline_suggests_inside_the_stops_news_cycle_joins_the_stop(
    store: Store, title: str, summary: str
) -> None:
    stop, _ = record(store, report(*STOP, vendor="Brannock Vision", product=None))
    change, _ = record(store, inferred(title, summary, day=9))
    assert change.event_id == stop.event_id and alerts(store) == 1
    event = event_reads.get_event(store, stop.event_id)
    assert event is not None and event.action == "ban"  # the stop's reports outvote it


def test_a_return_the_timeline_suggests_after_the_news_cycle_is_a_new_event(
    store: Store,
) -> None:
    stop, _ = record(store, report(*STOP, vendor="Brannock Vision", product=None))
    change, _ = record(store, inferred(*INFERRED[0], day=40))
    assert change.event_id != stop.event_id and alerts(store) == 2


def test_a_return_told_in_words_inside_the_news_cycle_stays_a_new_event(store: Store) -> None:
    stop, _ = record(store, report(*STOP, vendor="Brannock Vision", product=None))
    change, _ = record(store, report(
        "Brannock Vision sells face search to city police again",
        "City forces can order new licences once more, the company says.", day=9,
        vendor="Brannock Vision", action="reversal", product=None))  # fmt: skip
    assert change.event_id != stop.event_id and alerts(store) == 2


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("first", "second"),
    [("Quellmark Cloud", "Quellmark Vision"), ("Tavistra Photos", "Tavistra Review"),
     ("Oxenby Systems", "Oxenby Home")],
)  # fmt: skip
def test_two_long_names_of_one_distinctive_first_word_are_one_vendor(
    store: Store, first: str, second: str
) -> None:
    """A report gives the company's name, another its product's: one event, one alert."""
    opened, _ = record(store, report(f"{first} withdraws face naming from its photo service",
                                     vendor=first, action="restriction", product=None))  # fmt: skip
    change, _ = record(store, report(f"{second} no longer puts names to faces", day=2,
                                     vendor=second, action="restriction", product=None))  # fmt: skip
    assert change.event_id == opened.event_id and alerts(store) == 1


def test_two_companies_named_after_one_common_word_stay_apart(store: Store) -> None:
    opened, _ = record(store, report("Harbor Analytics stops police face searches",
                                     vendor="Harbor Analytics", product=None))  # fmt: skip
    change, _ = record(store, report("Harbor Devices stops police face searches", day=1,
                                     vendor="Harbor Devices", product=None))  # fmt: skip
    assert change.event_id != opened.event_id and alerts(store) == 2


def test_same_vendor_accepts_a_shared_distinctive_first_word_only() -> None:
    assert matching.same_vendor("quellmark cloud", "quellmark vision")
    assert matching.same_vendor("quellmark", "quellmark vision")
    assert not matching.same_vendor("vision labs", "vision systems")  # a common word
    assert not matching.same_vendor("harbor analytics", "harbor devices")
    assert not matching.same_vendor("kor scan", "kor vision")  # too short to tell
    assert not matching.same_vendor("quellmark cloud", "quellmarks vision")


# --------------------------------------------------------------------------- products


def stand_in(title: str, summary: str, day: float):  # type: ignore[no-untyped-def]
    """A report whose only named actor is a product ("the module Lumira")."""
    return report(title, summary, day=day, vendor="Lumira", action="moratorium",
                  product="Lumira")  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary"),
    [("No more face matching for town police, for now",
      "The camera supplier halts sales of the module Lumira to municipalities."),
     ("Sin reconocimiento facial para las policías locales",
      "El proveedor congela la venta del módulo Lumira a los ayuntamientos."),
     ("Town halls wait for face matching",
      "The add-on Lumira is off the table for municipal forces this year.")],
    ids=["en", "es", "add-on"],
)  # fmt: skip
def test_a_product_standing_in_for_its_maker_joins_the_makers_event_that_names_it(
    store: Store, title: str, summary: str
) -> None:
    opened, _ = record(store, report(
        "Corvane Labs pauses municipal sales of Lumira",
        "No town hall will get new licences for a year.", vendor="Corvane Labs",
        action="moratorium", product=None))  # fmt: skip
    change, _ = record(store, stand_in(title, summary, day=1))
    assert change.event_id == opened.event_id and alerts(store) == 1


def test_a_product_standing_in_for_its_maker_stays_apart_from_events_not_naming_it(
    store: Store,
) -> None:
    opened, _ = record(store, report(
        "Corvane Labs pauses municipal sales of its face matcher",
        "No town hall will get new licences for a year.", vendor="Corvane Labs",
        action="moratorium", product=None))  # fmt: skip
    change, _ = record(store, stand_in("No more face matching for town police",
                                       "The supplier halts the module Lumira.", day=1))  # fmt: skip
    assert change.event_id != opened.event_id


# --------------------------------------------------------------------------- months later


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [("Retailers still shut out of Corvane's face matcher",
      "Corvane's pause on shop customers runs past its six months.", "moratorium"),
     ("Corvane wins an airport face-boarding deal",
      "Corvane will supply boarding gates; shops stay off its customer list.", "ban")],
    ids=["pause-misread-extension", "contract-misread-refusal"],
)  # fmt: skip
def test_a_policy_report_months_after_the_event_went_quiet_is_a_new_event(
    store: Store, title: str, summary: str, action: str
) -> None:
    opened, _ = record(store, report(
        "Corvane pauses face-matching sales to retailers for six months",
        "Corvane's shop customers must wait while it audits watchlists.", vendor="Corvane",
        action=action, product=None))  # fmt: skip
    change, _ = record(store, report(title, summary, day=170, vendor="Corvane",
                                     action=action, product=None))  # fmt: skip
    assert change.event_id != opened.event_id


def test_a_report_months_later_on_the_same_named_product_still_joins(store: Store) -> None:
    opened, _ = record(store, report(
        "Corvane switches off Facet Search and deletes its index",
        "Facet Search templates will be erased in Europe.", vendor="Corvane",
        action="shutdown"))  # fmt: skip
    change, _ = record(store, report(
        "Regulators confirm Corvane erased the Facet Search templates",
        "Facet Search templates for Europe are gone, two watchdogs say.", day=130,
        vendor="Corvane", action="shutdown"))  # fmt: skip
    assert change.event_id == opened.event_id and alerts(store) == 1
