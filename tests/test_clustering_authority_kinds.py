"""One authority's act on one company, told within days as a regulator's in one language
and as a government's in another, sharing little but the company's name, is one act;
the same two readings weeks apart are not. A ruling keyed by a name the extraction took
for a company (a programme's) and a retelling keyed by none, within days, sharing one
word, are one ruling as two reports keyed by none are. Of two acts on one company that
would both take a later report, the one whose places it names does. Invented names and
wording, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import Entry, EventChange, Finding
from store import Store
from tests.authority_events import authority_store, record_and_route, record_report

START = datetime(2025, 10, 6, 7, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "kinds.db")
    yield opened
    opened.close()


def record(
    store: Store, title: str, summary: str, day: float, actor: str
) -> tuple[EventChange, int]:
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor="Halvorsen Bowling")  # fmt: skip


ORDER = ("Halvorsen Bowling muss die Gesichtskameras an den Bahnen abbauen",
         "Die Aufsicht gab der Kette sechs Wochen, die gespeicherten Bilder zu löschen.")  # fmt: skip
RETOLD = [
    ("Halvorsen Bowling told to take down lane-side face cameras",
     "Officials gave the chain six weeks to comply."),
    ("Bowling chain Halvorsen Bowling ordered to drop its face cameras",
     "Players had not been asked before their faces were stored."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), RETOLD, ids=["told", "ordered"])
def test_one_act_read_as_a_regulators_and_a_governments_within_days_is_one_alert(
    store: Store, title: str, summary: str
) -> None:
    first, alerts = record(store, *ORDER, day=0, actor="regulator")
    again, more = record(store, title, summary, day=1, actor="government")
    assert again.event_id == first.event_id and not again.created and alerts == 1


def test_the_other_kind_of_authority_weeks_later_is_another_act(store: Store) -> None:
    first, _ = record(store, *ORDER, day=0, actor="regulator")
    later, more = record(store, *RETOLD[0], day=30, actor="government")
    assert later.event_id != first.event_id and later.created and more == 1


# --------------------------------------------------------------------------- a keyed name


def keyed(store: Store, title: str, summary: str, day: float, vendor: str | None
          ) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor="court",
                         vendor=vendor)  # fmt: skip


RULING = ("Il TAR sospende il progetto Sguardo Unico nelle scuole",
          "Accolto il ricorso dei genitori contro i tornelli che leggono il volto degli alunni.")  # fmt: skip
RETELLINGS = [
    ("Varchi biometrici fermi, il progetto resta in attesa: festeggiano i ragazzi",
     "L'associazione delle famiglie aveva raccolto quattrocento firme in un mese."),
    ("Niente tornelli biometrici fino all'udienza di marzo",
     "Le lezioni riprendono con i badge di carta usati fino a giugno."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), RETELLINGS, ids=["waiting", "hearing"])
def test_a_ruling_keyed_by_a_programmes_name_and_its_retelling_sharing_a_word_are_one(
    store: Store, title: str, summary: str
) -> None:
    first, _ = keyed(store, *RULING, day=0, vendor="Sguardo Unico")
    again, _ = keyed(store, title, summary, day=0.5, vendor=None)
    assert again.event_id == first.event_id and not again.created


def test_a_ruling_keyed_by_a_name_and_a_report_sharing_nothing_stay_apart(store: Store) -> None:
    first, _ = keyed(store, *RULING, day=0, vendor="Sguardo Unico")
    other, _ = keyed(store, "Il giudice ordina a una clinica di cancellare le foto dei pazienti",
                     "La struttura le conservava senza consenso all'accettazione.", day=1,
                     vendor=None)  # fmt: skip
    assert other.event_id != first.event_id


# --------------------------------------------------------------------------- which act


def on_company(store: Store, title: str, summary: str, day: float, region: str | None
               ) -> EventChange:  # fmt: skip
    entry = Entry(feed_id="wire", key=f"guid:{title}", title=title, summary=summary,
                  link=f"https://wire.example/{abs(hash(title))}",
                  published=START + timedelta(days=day), source="Wire")  # fmt: skip
    finding = Finding(relevant=False, actor_type="regulator", vendor="Quorvane", product=None,
                      action=None, applies_to=None, region=region, confidence=0.7,
                      evidence=title)  # fmt: skip
    return record_and_route(store, entry, finding)[0]


def test_a_later_report_joins_the_act_on_the_company_whose_place_it_names(store: Store) -> None:
    first = on_company(store, "Hollisport privacy office opens a case against Quorvane",
                       "The Hollisport office asks how long the kiosk templates are kept.",
                       day=0, region="US")  # fmt: skip
    other = on_company(store, "Quorvane fined over lobby cameras in Tarvena",
                       "The data authority found visitors were scanned without notice.",
                       day=8, region="EU")  # fmt: skip
    assert other.event_id != first.event_id
    later = on_company(store, "Hollisport deadline passes without answers from Quorvane",
                       "The office had given the firm until this week to reply.",
                       day=12, region=None)  # fmt: skip
    assert later.event_id == first.event_id
