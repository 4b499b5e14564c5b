"""Two reports that each name an authority body (``bot/data/authority_names.yaml``) and
name none in common are two bodies' acts, even on one company in one news cycle; a
retelling that names the same body under another of its names, or names both bodies,
or names none, still joins. Two kinds of authority where only one side names a body (a
regulator's order and a court ruling or a council vote that never names it) are two
acts too. Invented companies and wording, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.events.identity import other_bodies
from bot.events.profile import Profile
from bot.models import EventChange
from store import Store
from tests.authority_events import authority_store, record_report

START = datetime(2025, 3, 3, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "bodies.db")
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, day: float, actor: str = "regulator",
           vendor: str | None = "Quorvane", action: str | None = None,
           ) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor=vendor, action=action)  # fmt: skip


def test_two_regulators_acting_on_one_company_in_a_week_are_two_alerts(store: Store) -> None:
    first, alerts = record(
        store,
        "Information Commissioner opens a formal inquiry into Quorvane's crowd scanning",
        "The ICO wants the start-up to explain where its stadium face templates are kept.",
        day=0,
    )
    second, more = record(
        store,
        "La CNIL inflige une amende à Quorvane pour ses portiques de reconnaissance faciale",
        "Le gendarme des données reproche à Quorvane de conserver les gabarits des visiteurs.",
        day=6,
    )
    assert first.created and second.created and second.event_id != first.event_id
    assert alerts == 1 and more == 1


def test_two_regulators_read_as_the_company_stopping_stay_apart(store: Store) -> None:
    first, _ = record(
        store,
        "Quorvane halts face search for British users after the ICO steps in",
        "The Information Commissioner's Office told the firm to stop processing local photos.",
        day=0, actor="vendor", action="shutdown",
    )  # fmt: skip
    second, _ = record(
        store,
        "Quorvane stops its face search in Ireland at the Data Protection Commission's request",
        "The Irish watchdog had asked the firm to stop scraping photos of local residents.",
        day=15, actor="vendor", action="shutdown",
    )  # fmt: skip
    assert second.event_id != first.event_id


def test_one_body_under_two_of_its_names_is_one_act(store: Store) -> None:
    first, _ = record(
        store,
        "CNIL orders Quorvane to erase visitors' face templates within two months",
        "The French authority found no legal basis for the scanning gates.",
        day=0,
    )
    again, written = record(
        store,
        "Commission nationale de l'informatique : Quorvane a deux mois pour effacer les gabarits",
        "La mise en demeure vise les portiques installés dans trois salles de concert.",
        day=2,
    )
    assert again.event_id == first.event_id and written == 0


def test_a_report_naming_both_bodies_joins_the_act_it_shares_a_body_with(store: Store) -> None:
    first, _ = record(
        store,
        "CNIL fines Quorvane over its concert-hall face gates",
        "The penalty follows complaints from ticket holders in Lyon.",
        day=0,
    )
    again, _ = record(
        store,
        "After the CNIL's fine, Quorvane faces questions from the ICO as well",
        "British officials are reading the French decision on the concert-hall gates.",
        day=3,
    )
    assert again.event_id == first.event_id


def test_a_report_naming_no_body_is_not_kept_apart(store: Store) -> None:
    first, _ = record(
        store,
        "ICO reprimands Quorvane for scanning shoppers' faces without notice",
        "The reprimand covers six shopping centres in the Midlands.",
        day=0,
    )
    again, _ = record(
        store,
        "Quorvane reprimanded over shopping-centre face scanning",
        "The watchdog said signs at the six Midlands centres were too small to read.",
        day=1,
    )
    assert again.event_id == first.event_id


def _profile(*names: str) -> Profile:
    return Profile(vendor_key="quorvane", actor_type="regulator", relevant=False, action=None,
                   product_terms=frozenset(), region=None, first=START, last=START,
                   names=frozenset(names))  # fmt: skip


@pytest.mark.parametrize(
    ("new", "event", "apart"),
    [
        (("@ico", "quorvane"), ("@cnil", "quorvane"), True),
        (("@ico",), ("@cnil", "@ico"), False),
        (("quorvane",), ("@cnil",), False),
        (("@ftc",), ("lyon",), False),
    ],
)
def test_other_bodies_needs_a_body_on_each_side_and_none_shared(
    new: tuple[str, ...], event: tuple[str, ...], apart: bool
) -> None:
    assert other_bodies(_profile(*new), _profile(*event)) is apart


# --------------------------------------------------------------------------- body left out


def test_a_court_ruling_that_never_names_the_regulator_is_not_its_order(store: Store) -> None:
    order, _ = record(
        store,
        "Dutch DPA orders Quorvane to stop matching faces at Rotterdam gyms",
        "The Autoriteit Persoonsgegevens gave the firm until spring to delete member templates.",
        day=0,
    )
    ruling, more = record(
        store,
        "Appeals judges let Rotterdam gym members sue Quorvane as a group",
        "The court said members whose face templates were stored may pursue one joint claim.",
        day=9, actor="court",
    )  # fmt: skip
    assert ruling.event_id != order.event_id and ruling.created and more == 1


def test_a_councils_vote_is_not_a_regulators_guidance_of_the_same_days(store: Store) -> None:
    guidance, _ = record(
        store,
        "Garante tells Verbania shopkeepers how to run entrance face scanners",
        "The Italian authority says Verbania retailers must post notices and delete scans daily.",
        day=0, vendor=None,
    )  # fmt: skip
    vote, more = record(
        store,
        "Verbania councillors vote to keep face scanners out of municipal shops",
        "The ban on entrance scanners in shops the town rents out passed by 19 votes to 6.",
        day=2, actor="government", vendor=None,
    )  # fmt: skip
    assert vote.event_id != guidance.event_id and more == 1


def test_a_court_ruling_on_the_regulators_fine_that_names_it_joins(store: Store) -> None:
    fine, _ = record(
        store,
        "CNIL fines Quorvane for face gates at three Lyon concert halls",
        "The penalty is the largest the CNIL has imposed on a ticketing supplier.",
        day=0,
    )
    ruling, _ = record(
        store,
        "Conseil d'État upholds the CNIL's fine on Quorvane",
        "Judges found the Lyon face gates had no valid consent from concert-goers.",
        day=6, actor="court",
    )  # fmt: skip
    assert ruling.event_id == fine.event_id
