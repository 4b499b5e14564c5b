"""An authority's act and the country it acts in, on a real SQLite file with the routing
that alerts on it (``places`` and ``homes`` in bot/data/authority_names.yaml).

* One act retold in another language shares nothing but its country, named under the
  country's name in one report and its adjective in the other: one event, one alert.
* A country is no evidence in any other case, and each of these stays two alerts: two
  acts of one country told in that country's own language the same week (its press
  names it on every story), two acts of a foreign country told in one language, a
  domestic report and a foreign one on two acts of that country, and a court's ruling
  and a parliament's vote in one country the same days (another kind of authority).

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


# --------------------------------------------------------------------------- one act, two languages

RETOLD = [
    pytest.param(
        ("Hungarian lawmakers let police scan faces at banned rallies",
         "The amendment passed in a single sitting."),
        ("Hungría autoriza a la policía a identificar rostros en marchas prohibidas",
         "La reforma se aprobó con mayoría holgada."),
        "government", None,
        id="an English adjective, the Spanish country name",
    ),
    pytest.param(
        ("Schweden: Datenschutzbehörde rügt Polizei wegen Gesichtssuche",
         "Die Beamten hätten eine App ohne Genehmigung benutzt."),
        ("Swedish officers reprimanded over an unapproved face lookup tool",
         "Staff must now be trained and affected people told."),
        "regulator", None,
        id="the German country name, an English adjective",
    ),
    pytest.param(
        ("Le Parlement grec adopte un moratoire sur les caméras faciales",
         "Le texte vise les espaces publics jusqu'en 2027."),
        ("Grecia, via libera allo stop delle telecamere che riconoscono i volti",
         "La misura riguarda piazze e stazioni."),
        "government", "moratorium",
        id="a French adjective, the Italian country name",
    ),
    pytest.param(
        ("Tribunal polaco manda desligar as câmeras biométricas do metrô",
         "A decisão vale até o fim do processo."),
        ("Warsaw-bound: Poland's judges order subway face scanners off",
         "An appeal by the operator is expected within weeks."),
        "court", "moratorium",
        id="a Portuguese adjective, the English country name",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second", "actor", "action"), RETOLD)
def test_an_act_retold_in_another_language_shares_its_country(
    store: Store, first: tuple[str, str], second: tuple[str, str], actor: str, action: str | None
) -> None:
    opened, alerted = report(store, first, day=0, actor=actor, action=action)
    again, written = report(store, second, day=1, actor=actor, action=action)
    assert opened.created and alerted == 1
    assert again.event_id == opened.event_id and written == 0


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
