"""One authority, one subject, one company under several names: reports that name them
differently still make one event (one alert), and other acts stay apart. Invented
places, people and companies (and real bodies' names, the only names a body has), on a
real SQLite file through clustering and routing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.events.bodies import bodies, named_by_office, read_names
from bot.events.vendor_names import company_forms, same_vendor
from bot.models import EventChange
from bot.yaml_loader import DataFileError
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2024, 4, 8, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "identity.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float, actor: str = "regulator",
           vendor: str | None = None) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor=vendor)  # fmt: skip


# --------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("text", "key"),
    [("Die niederländische Datenschutzbehörde verhängt ein Bußgeld", "@ap-nl"),
     ("the Dutch DPA says the scans broke the law", "@ap-nl"),
     ("L'Eurocamera approva il testo", "@eu-parliament"),
     ("MEPs back the text by a wide margin", "@eu-parliament"),
     ("el gendarme de datos: la AEPD abre expediente", "@aepd"),
     ("le gendarme des données tranche", "@cnil")],
)  # fmt: skip
def test_a_body_has_one_key_under_its_names_in_every_language(text: str, key: str) -> None:
    assert key in bodies(text)


def test_a_broken_names_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "authority_names.yaml"
    broken.write_text("bodies: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="authority_names.yaml is not valid YAML"):
        read_names(broken, "bodies")
    broken.write_text("bodies: {cnil: CNIL}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="`bodies` must map keys to lists"):
        read_names(broken, "bodies")
    assert read_names(broken, "offices") == {}


def test_the_european_supervisor_is_not_the_italian_garante() -> None:
    assert bodies("il Garante europeo avverte") == frozenset({"@edps"})
    assert bodies("nothing official here, only us and the DPAs of nobody") == frozenset()


def test_a_vote_told_in_english_and_in_german_the_same_day_is_one_event(store: Store) -> None:
    first, _ = record(store, "MEPs vote to bar emotion recognition at border crossings",
                      "The plenary backed the amendment by 355 votes to 210.", day=0,
                      actor="government")  # fmt: skip
    again, written = record(store, "Grenzkontrollen ohne Emotionserkennung",
                            "Das Europaparlament nahm den Änderungsantrag mit klarer "
                            "Mehrheit an.", day=1, actor="government")  # fmt: skip
    assert again.event_id == first.event_id and not again.created and written <= 1


def test_two_bodies_acting_the_same_days_stay_apart(store: Store) -> None:
    first, _ = record(store, "Data watchdog orders a retailer to stop gate scans",
                      "The Dutch DPA gave Velloran Stores four weeks.", day=0,
                      vendor="Velloran Stores")  # fmt: skip
    other, written = record(store, "Privacy regulator opens an inquiry into school cameras",
                            "The CNIL wrote to three regional councils.", day=1)  # fmt: skip
    assert other.event_id != first.event_id and written == 1


# --------------------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [("Tarrow Leisure will contest the biometric fine",
      "The arcade chain says the watchdog misread how its entry gates store templates.",
      "Tarrow Leisure"),
     ("Commissioner Ilse Brandvik explains the arcade penalty",
      "Brandvik said Tarrow's gates kept templates of every visitor for a year.",
      "Ilse Brandvik")],
    ids=["the-subject-answers", "a-person-taken-for-the-vendor"],
)  # fmt: skip
def test_an_authority_report_naming_the_other_reports_subject_joins_it(
    store: Store, title: str, summary: str, vendor: str
) -> None:
    first, _ = record(store, "Regulator fines arcade operator over entry face scans",
                      "Commissioner Ilse Brandvik fined Tarrow Leisure 900,000 euros.", day=0,
                      vendor="Biometric Arcade Gates")  # fmt: skip
    again, written = record(store, title, summary, day=1, vendor=vendor)
    assert again.event_id == first.event_id and not again.created and written <= 1


def test_an_authority_report_about_another_subject_stays_apart(store: Store) -> None:
    first, _ = record(store, "Regulator fines arcade operator over entry face scans",
                      "The watchdog fined Tarrow Leisure 900,000 euros.", day=0,
                      vendor="Tarrow Leisure")  # fmt: skip
    other, written = record(store, "Regulator fines a stadium over turnstile face scans",
                            "The watchdog fined Orsby Arena 300,000 euros.", day=1,
                            vendor="Orsby Arena")  # fmt: skip
    assert other.event_id != first.event_id and written == 1


# --------------------------------------------------------------------------- companies


def test_a_gazetteer_company_is_one_vendor_under_its_former_names() -> None:
    forms = company_forms("oosto")
    assert "anyvision" in forms
    assert same_vendor("anyvision", "oosto")
    assert not same_vendor("oosto", "clearview ai")


def test_a_case_closed_months_later_under_the_companys_new_name_joins(store: Store) -> None:
    first, _ = record(store, "CNIL orders AnyVision to purge a casino's face watchlist",
                      "The regulator gave the company two months to delete the templates "
                      "of banned gamblers.", day=0, vendor="AnyVision")  # fmt: skip
    later, written = record(store, "CNIL closes its Oosto case",
                            "The regulator says the banned gamblers' templates were deleted "
                            "as ordered.", day=95, vendor="Oosto")  # fmt: skip
    assert later.event_id == first.event_id and not later.created


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [("a bill from Sen. Maris Okafor would require a warrant", "Maris Okafor", True),
     ("la jueza Elena Brandt suspendió el sistema", "Elena Brandt", True),
     ("Bürgermeisterin Hollbach stoppt die Kameras", "Hollbach", True),
     ("the privacy commissioner rules Tarrow Leisure broke the law", "Tarrow Leisure", False),
     ("the watchdog fined Orsby Arena", "Orsby Arena", False)],
)  # fmt: skip
def test_a_person_is_told_by_office(text: str, name: str, person: bool) -> None:
    assert named_by_office(text, name) is person


def test_a_bill_named_after_its_sponsor_and_its_signing_weeks_later_are_one_event(
    store: Store,
) -> None:
    first, _ = record(store, "Calder Bay bill would bar police face matching",
                      "The measure from Sen. Maris Okafor passed the state house and senate "
                      "of Calder Bay with wide support.", day=0, actor="government",
                      vendor="Maris Okafor")  # fmt: skip
    later, _ = record(store, "Governor signs police face matching limits",
                      "The limits on police face matching in Calder Bay take effect in "
                      "October after the governor signed the bill.", day=40,
                      actor="government")  # fmt: skip
    assert later.event_id == first.event_id and not later.created


def test_a_company_acted_on_keeps_its_own_event_weeks_later(store: Store) -> None:
    first, _ = record(store, "Calder Bay regulator fines Orsby Arena over gate scans",
                      "The Calder Bay commissioner fined Orsby Arena.", day=0,
                      vendor="Orsby Arena")  # fmt: skip
    later, _ = record(store, "Calder Bay regulator publishes new guidance on face scans",
                      "The Calder Bay commissioner set out rules for venues.", day=40)  # fmt: skip
    assert later.event_id != first.event_id


# --------------------------------------------------------------------------- kinds of authority


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [("Schiaffo alla giunta di Borgovalle sulle telecamere della stazione",
      "Lo stop alle telecamere che leggono i volti a Borgovalle è una sconfitta per il "
      "sindaco.", "government"),
     ("Anche il Garante contro le telecamere della stazione di Borgovalle",
      "Il sistema di Borgovalle non potrà più riconoscere i volti dei viaggiatori.", "regulator")],
    ids=["the-town-loses", "the-data-body-named"],
)  # fmt: skip
def test_a_ruling_retold_the_next_day_as_another_authoritys_act_is_one_event(
    store: Store, title: str, summary: str, actor: str
) -> None:
    first, _ = record(store, "Il TAR sospende le telecamere facciali della stazione di Borgovalle",
                      "I giudici amministrativi accolgono il ricorso di un'associazione "
                      "e fermano il sistema di Borgovalle.", day=0,
                      actor="court")  # fmt: skip
    again, _ = record(store, title, summary, day=1, actor=actor)
    assert again.event_id == first.event_id and not again.created


def test_another_bodys_act_the_next_day_stays_apart(store: Store) -> None:
    first, _ = record(store, "Il TAR sospende le telecamere facciali della stazione di Borgovalle",
                      "I giudici amministrativi fermano il sistema.", day=0,
                      actor="court")  # fmt: skip
    other, written = record(store, "La Regione Marche rinuncia ai varchi facciali negli ospedali",
                            "La giunta regionale abbandona il progetto dei varchi.", day=1,
                            actor="government")  # fmt: skip
    assert other.event_id != first.event_id and written == 1
