"""One act told in two languages shares its concepts (``concepts`` in
bot/data/events.yaml: "multa", "Bussgeld" and "fine" are one concept when two reports
are compared), counted only beside a shared word or name or the same vendor. Invented
bodies and places, on a real SQLite file, through clustering and routing into an
authority channel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.events.signatures import terms
from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2024, 9, 2, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "concepts.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float,
           actor: str = "regulator") -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor)


def test_words_of_five_languages_give_one_concept() -> None:
    assert {"~fine", "~school"} <= terms("Sanzione al liceo per le telecamere")
    assert {"~fine", "~school"} <= terms("Bussgeld für Schulen mit Kameras")
    assert {"~fine", "~school", "fine"} <= terms("A fine for the school")
    assert "~ruling" in terms("El tribunal dicta sentencia")
    assert {"~fine", "~shop"} <= terms("Penalty for a store chain")  # English synonyms too
    assert {"~station", "~subway"} <= terms("nas estações do metro")
    assert terms("harbour") == {"harbour"}  # a word no concept lists is itself only
    # the vendor's own words say nothing about the concepts they name
    assert "~gym" not in terms("Brindle Gyms scans members", exclude=["Brindle Gyms"])


def test_a_fine_retold_in_italian_days_later_is_one_alert(store: Store) -> None:
    first, alerts = record(store, "Privacy watchdog fines rail operator over face scans at stations",
                           "Travellers were never asked before the gates matched them.", day=0)  # fmt: skip
    again, written = record(store, "Sanzione all'operatore ferroviario per le scansioni nelle stazioni",
                            "I passeggeri non avevano dato alcun consenso.", day=4)  # fmt: skip
    assert alerts == 1
    assert again.event_id == first.event_id and written == 0


def test_a_fine_retold_in_german_days_later_is_one_alert(store: Store) -> None:
    first, _ = record(store, "Regulator fines digital ticket seller over face scans without consent",
                      "Riders at the main station were matched against a photo list.", day=0)  # fmt: skip
    again, written = record(store, "Digitale Fahrkarten: Bussgeld wegen Gesichtsscans im Bahnhof",
                            "Eine Einwilligung der Fahrgäste lag nicht vor.", day=5)  # fmt: skip
    assert again.event_id == first.event_id and written == 0


def test_two_courts_in_two_countries_sharing_only_a_concept_stay_apart(store: Store) -> None:
    first, _ = record(store, "Gericht in Kessenich stoppt Gesichtskontrollen am Flughafen",
                      "Die Richter verlangen eine gesetzliche Grundlage.", day=0,
                      actor="court")  # fmt: skip
    other, written = record(store, "Un juez de Valdoria frena el control facial del aeropuerto",
                            "La resolución llega tras la queja de un pasajero.", day=2,
                            actor="court")  # fmt: skip
    assert other.event_id != first.event_id and written == 1


def test_two_fines_sharing_only_that_concept_stay_apart(store: Store) -> None:
    first, _ = record(store, "Watchdog fines dental clinic over staff face clock-ins",
                      "Employees could not refuse the scanner.", day=0)  # fmt: skip
    other, written = record(store, "Multa a un negozio di scarpe per il riconoscimento dei clienti",
                            "Il garante contesta la mancata informativa.", day=1)  # fmt: skip
    assert other.event_id != first.event_id and written == 1


def test_two_acts_in_one_language_that_share_no_concept_stay_apart(store: Store) -> None:
    first, _ = record(store, "Regulator orders airport to delete boarding face templates",
                      "Passengers had been enrolled without notice.", day=0)  # fmt: skip
    other, written = record(store, "Watchdog fines gym chain over members' face entry",
                            "Members had no other way in.", day=4)  # fmt: skip
    assert other.event_id != first.event_id and written == 1
