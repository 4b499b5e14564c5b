"""An authority's report keeps the name it was keyed by (the company acted on, or a
judge, minister or town the extraction took for one) among its names: a retelling that
names the act under that name and keys it differently (no vendor, or another) is the
same event; another act the same week on another subject stays apart. Invented places,
people and bodies, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2024, 9, 2, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "subject.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float, actor: str = "court",
           vendor: str | None = None) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor=vendor)  # fmt: skip


def test_a_judge_keyed_as_vendor_then_named_alone_is_one_ruling(store: Store) -> None:
    first, _ = record(
        store,
        "Una jueza de Valdemora para las cámaras que reconocen caras",
        "Inés Corvalán admitió el recurso de una asociación vecinal contra el sistema municipal.",
        day=0,
        vendor="Inés Corvalán",
    )
    again, written = record(
        store,
        "Corvalán deja sin efecto el programa de vigilancia facial",
        "La medida cautelar rige hasta que el ayuntamiento explique el uso de los datos.",
        day=1,
    )
    assert again.event_id == first.event_id and written == 0


def test_a_town_keyed_as_vendor_is_the_same_vote_told_in_english(store: Store) -> None:
    first, _ = record(
        store,
        "Pietralba sospende per tre anni il riconoscimento facciale delle sue videocamere",
        "La giunta ha approvato lo stop per uffici comunali e vigili.",
        day=0,
        actor="government",
        vendor="Pietralba",
    )
    again, written = record(
        store,
        "Italian town freezes face recognition on its cameras for three years",
        "Pietralba's council voted the pause for municipal offices and local police.",
        day=2,
        actor="government",
    )
    assert again.event_id == first.event_id and written == 0


def test_another_subject_the_same_week_stays_apart(store: Store) -> None:
    first, _ = record(
        store,
        "Una jueza de Valdemora para las cámaras que reconocen caras",
        "Inés Corvalán admitió el recurso de una asociación vecinal contra el sistema municipal.",
        day=0,
        vendor="Inés Corvalán",
    )
    other, written = record(
        store,
        "Un tribunal de Ribalta anula la multa a una cadena de gimnasios",
        "Los magistrados consideran que el control facial de acceso tenía consentimiento.",
        day=1,
    )
    assert other.event_id != first.event_id and written == 1


def test_a_place_opening_each_report_ties_a_german_vote_to_its_retelling(store: Store) -> None:
    first, _ = record(
        store,
        "Tannbrucker Gemeinderat untersagt Gesichtsabgleich an Rathauskameras",
        "Die Verwaltung muss laufende Versuche bis Jahresende einstellen.",
        day=0,
        actor="government",
    )
    again, written = record(
        store,
        "Small town votes down face matching on its hall cameras",
        "Tannbruck's decision binds the municipal offices only.",
        day=2,
        actor="government",
    )
    assert again.event_id == first.event_id and written == 0


def test_a_bill_and_its_signature_weeks_later_are_one_act(store: Store) -> None:
    first, _ = record(
        store,
        "Marravia lawmakers send a face-recognition limits bill to the governor",
        "The measure caps police searches at violent felonies and requires yearly audits.",
        day=0,
        actor="government",
    )
    later, written = record(
        store,
        "Governor signs face-recognition limits for police into law",
        "Marravia's governor signed the measure capping police searches; audits start next year.",
        day=15,
        actor="government",
    )
    assert later.event_id == first.event_id and written == 0


def test_another_places_signature_weeks_later_stays_apart(store: Store) -> None:
    first, _ = record(
        store,
        "Marravia lawmakers send a face-recognition limits bill to the governor",
        "The measure caps police searches at violent felonies and requires yearly audits.",
        day=0,
        actor="government",
    )
    later, written = record(
        store,
        "Governor signs face-recognition limits for police into law",
        "Ostenland's governor signed the measure capping police searches; audits start next year.",
        day=15,
        actor="government",
    )
    assert later.event_id != first.event_id and written == 1
