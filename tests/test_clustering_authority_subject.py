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
        "Portiques faciaux du port de Kerlouan : le tribunal administratif ordonne leur arrêt",
        "La juge Maëlle Tanguy a donné raison à un syndicat de dockers.",
        day=0,
        vendor="Maëlle Tanguy",
    )
    again, written = record(
        store,
        "Portiques du port : Tanguy exige une étude d'impact avant toute reprise",
        "Le port dispose de trois mois pour produire le document.",
        day=1,
    )
    assert again.event_id == first.event_id and written == 0


def test_a_town_keyed_as_vendor_is_the_same_ban_told_in_english(store: Store) -> None:
    first, _ = record(
        store,
        "Vale Serrano proíbe câmeras com reconhecimento facial nas escolas municipais",
        "A câmara aprovou a regra por unanimidade; as escolas têm até março para retirar os aparelhos.",
        day=0,
        actor="government",
        vendor="Vale Serrano",
    )
    again, written = record(
        store,
        "Classrooms in a small Brazilian municipality lose their face-reading cameras",
        "Vale Serrano's councillors gave schools until March to remove the devices.",
        day=2,
        actor="government",
    )
    assert again.event_id == first.event_id and written == 0


def test_another_subject_the_same_week_stays_apart(store: Store) -> None:
    first, _ = record(
        store,
        "Portiques faciaux du port de Kerlouan : le tribunal administratif ordonne leur arrêt",
        "La juge Maëlle Tanguy a donné raison à un syndicat de dockers.",
        day=0,
        vendor="Maëlle Tanguy",
    )
    other, written = record(
        store,
        "Le Conseil d'État valide le contrôle facial à l'entrée d'un stade breton",
        "Les supporters avaient été informés par affichage.",
        day=1,
    )
    assert other.event_id != first.event_id and written == 1


def test_a_place_opening_each_report_ties_a_german_vote_to_its_retelling(store: Store) -> None:
    first, _ = record(
        store,
        "Oberhaldener Kreistag beendet Gesichtserkennung im Kreiskrankenhaus",
        "Der Probebetrieb an den Eingängen endet zum Quartalsende.",
        day=0,
        actor="government",
    )
    again, written = record(
        store,
        "Hospital entrances go back to plain badges after a district vote",
        "Oberhalden's assembly ended the face-scan trial at the end of the quarter.",
        day=2,
        actor="government",
    )
    assert again.event_id == first.event_id and written == 0


@pytest.mark.parametrize(
    ("voting_place", "same_act"),
    [("Esterholt", True), ("Varrowdale", False)],  # the committee's own place / another's
)
def test_a_committee_report_and_a_vote_weeks_later_are_one_act_only_in_one_place(
    store: Store, voting_place: str, same_act: bool
) -> None:
    first, _ = record(
        store,
        "Committee of the Esterholt regional parliament backs a ban on face scans at protests",
        "The report asks for fines on any body that runs recognition software on marchers.",
        day=0,
        actor="government",
    )
    later, written = record(
        store,
        "Regional parliament outlaws facial recognition at demonstrations",
        f"{voting_place}'s deputies passed the ban 41 to 9; it takes effect in spring.",
        day=12,
        actor="government",
    )
    assert (later.event_id == first.event_id) is same_act
    assert written == (0 if same_act else 1)
