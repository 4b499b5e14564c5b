"""An authority's act retold within days, in another language or in other words, is one
event (one alert in the authority channel); other acts stay apart. Invented places and
bodies, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2023, 3, 6, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "echo.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float, actor: str = "government",
           vendor: str | None = None) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor=vendor)  # fmt: skip


def test_a_ban_retold_in_another_language_the_next_day_is_one_event(store: Store) -> None:
    first, _ = record(
        store,
        "Harwick bars its police from facial recognition",
        "The council voted seven to two on Tuesday.",
        day=0,
    )
    again, written = record(
        store,
        "Harwick prohíbe a su policía el reconocimiento facial",
        "El concejo municipal lo aprobó por siete votos a dos.",
        day=1,
    )
    assert again.event_id == first.event_id and written == 0


def test_two_places_acting_the_same_week_stay_apart(store: Store) -> None:
    first, _ = record(
        store,
        "Harwick bars its police from facial recognition",
        "The council voted seven to two on Tuesday.",
        day=0,
    )
    other, written = record(
        store,
        "Delmere halts its facial recognition pilot at schools",
        "The education board cited costs.",
        day=1,
    )
    assert other.event_id != first.event_id and written == 1


def test_a_retelling_weeks_later_needs_more_than_one_shared_word(store: Store) -> None:
    first, _ = record(
        store,
        "Harwick bars its police from facial recognition",
        "The council voted seven to two on Tuesday.",
        day=0,
    )
    later, _ = record(
        store,
        "Harwick debates drones for its police",
        "A committee heard residents on Monday.",
        day=9,
    )
    assert later.event_id != first.event_id


@pytest.mark.parametrize(
    ("title", "summary"),
    [("Appeals panel backs fitness chain over gym-entry face checks",
      "Lawyers say clubs may turn away people they excluded before."),
     ("Una commissione d'appello dà ragione alla catena di palestre",
      "Secondo la Appeals Board i club possono respingere chi è già stato escluso.")],
    ids=["one-word-and-the-body", "other-language"],
)  # fmt: skip
def test_a_vendorless_retelling_naming_the_body_within_days_joins_the_ruling(
    store: Store, title: str, summary: str
) -> None:
    """One shared word, and it names the body that ruled: within days, the same act."""
    first, _ = record(store, "Appeals board trims watchdog's decision on Fennick Gyms",
                      "The Data Appeals Board kept the missing-consent finding but "
                      "struck out the banned-visitor register.", day=0, actor="court",
                      vendor="Fennick Gyms")  # fmt: skip
    again, written = record(store, title, summary, day=3, actor="court")
    assert again.event_id == first.event_id and written == 0


def test_a_vendorless_ruling_naming_another_body_stays_apart(store: Store) -> None:
    first, _ = record(store, "Appeals board trims watchdog's decision on Fennick Gyms",
                      "The Data Appeals Board kept the missing-consent finding.", day=0,
                      actor="court", vendor="Fennick Gyms")  # fmt: skip
    other, written = record(store, "Court halts a city's face cameras",
                            "The Ostberg Court suspended the cameras pending a full hearing.",
                            day=2, actor="court")  # fmt: skip
    assert other.event_id != first.event_id and written == 1


def test_a_vendorless_retelling_a_week_later_needs_more(store: Store) -> None:
    first, _ = record(store, "Appeals board trims watchdog's decision on Fennick Gyms",
                      "The Data Appeals Board kept the missing-consent finding but "
                      "struck out the banned-visitor register.", day=0, actor="court",
                      vendor="Fennick Gyms")  # fmt: skip
    later, _ = record(store, "Appeals panel backs fitness chain over gym-entry face checks",
                      "Lawyers say clubs may turn away people they excluded before.", day=8,
                      actor="court")  # fmt: skip
    assert later.event_id != first.event_id
