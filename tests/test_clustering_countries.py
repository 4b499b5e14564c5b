"""Two acts of one country stay two events and two alerts, on a real SQLite file with
the routing that alerts on them: a country is no name two authority reports share. Two
acts of one country in one news cycle are told by its own press (which names its
country on every story), by foreign press in one language, or abroad in two languages;
in every case the country is all they share (it was once a key across languages: it
merged a regulator's two fines told in English and Italian).

Every body, place and report is invented and written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2025, 6, 2, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "countries.db")
    yield opened
    opened.close()


def report(store: Store, story: tuple[str, str], *, day: float, actor: str = "government",
           action: str | None = None) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, story[0], story[1], START + timedelta(days=day), actor=actor,
                         action=action)  # fmt: skip


# --------------------------------------------------------------------------- two acts, one country

APART = [
    pytest.param(
        ("Landesregierung in Orlbach untersagt Gesichtserkennung an allen Schulen",
         "Für die deutsche Bildungspolitik sei das eine neue Grenze, sagte die Ministerin."),
        ("Velmsdorfer Stadtrat beschließt Aus für Kameras am Bahnhof",
         "Als erste Gemeinde in Deutschland verzichtet sie auf den automatischen Abgleich."),
        ("government", "government"), "ban",
        id="two German acts told in German",
    ),
    pytest.param(
        ("La ville de Sorlange interdit les caméras faciales près des crèches",
         "Le maire parle d'une décision inédite en France."),
        ("Le département de la Vinière renonce aux portiques biométriques des collèges",
         "Les élus français du territoire ont voté à main levée."),
        ("government", "government"), "ban",
        id="two French acts told in French",
    ),
    pytest.param(
        ("Swedish county board bars face matching at its hospitals",
         "Patients had complained about the gates at entrances."),
        ("Sweden's second city votes down camera identification in trams",
         "Councillors said commuters never agreed to it."),
        ("government", "government"), "ban",
        id="two Swedish acts told in English",
    ),
    pytest.param(
        ("El Gobierno de Navalia veta el reconocimiento facial en los estadios",
         "La medida llega tras meses de debate en la política española."),
        ("Spanish region shelves biometric entry for its public libraries",
         "Readers will keep using paper cards, officials said."),
        ("government", "government"), "ban",
        id="a Spanish report of a Spanish act, an English one of another",
    ),
    pytest.param(
        ("A Hungarian court tells the transit operator to pause its gate cameras",
         "Judges want proof that riders consented."),
        ("El Parlamento húngaro aprueba multas por ocultar el rostro en manifestaciones",
         "La oposición abandonó la sala antes de votar."),
        ("court", "government"), None,
        id="a court's ruling and a parliament's vote in one country",
    ),
    pytest.param(
        ("Austrian lawmakers outlaw face scanning at football grounds",
         "Clubs have until the winter break to take the gates down."),
        ("Austria, il Parlamento vieta le telecamere biometriche negli ospedali",
         "I pazienti non potranno essere identificati all'ingresso dei reparti."),
        ("government", "government"), "ban",
        id="one parliament's two bans, told in English and Italian",
    ),
    pytest.param(
        ("Portuguese privacy regulator fines a supermarket chain over entry cameras",
         "Shoppers were never asked before their faces were compared."),
        ("Le régulateur portugais sanctionne une clinique pour ses portiques biométriques",
         "Les patients étaient reconnus à l'accueil sans information préalable."),
        ("regulator", "regulator"), None,
        id="one regulator's two fines, told in English and French",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second", "actors", "action"), APART)
def test_two_acts_of_one_country_the_same_week_are_two_alerts(
    store: Store, first: tuple[str, str], second: tuple[str, str], actors: tuple[str, str],
    action: str | None,
) -> None:  # fmt: skip
    opened, _ = report(store, first, day=0, actor=actors[0], action=action)
    other, alerted = report(store, second, day=2, actor=actors[1], action=action)
    assert other.created and other.event_id != opened.event_id and alerted == 1


def test_two_countries_acts_the_same_days_stay_apart(store: Store) -> None:
    opened, _ = report(
        store, ("Hungarian lawmakers let police scan faces at banned rallies",
                "The amendment passed in a single sitting."), day=0)  # fmt: skip
    other, alerted = report(
        store, ("Polonia aprueba cámaras con reconocimiento facial en estadios",
                "La norma entra en vigor en otoño."), day=1)  # fmt: skip
    assert other.created and other.event_id != opened.event_id and alerted == 1
