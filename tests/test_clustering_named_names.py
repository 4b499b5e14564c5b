"""One event under two names, on a real SQLite file, with the routing that alerts on it.

* A vendor's change whose reports are keyed by different names, one of them a product,
  unit or holding the other report names ("Harrowgate retires its app Pinfold", then
  "Pinfold users lose ..."), is one event within its news cycle (``named_unit``); a
  rival named in passing, another action, or a report weeks later stays apart.
* A report keyed by no vendor (the extraction missed the name, often in another
  language) that names the vendor of an event in its news cycle is that event's mention,
  whichever came first (``vendor_named``); one naming another vendor, or weeks later,
  stays apart.
* An authority's act on one company told again weeks later in other words (a probe and
  its missed deadline, a fine and its retelling) is one event when the company and a
  body, place or person are named on both sides (``_staged_on_subject``); a court's next
  decision after its news went quiet, or a retelling that shares only the company, stays
  apart. A regulator contesting the court ruling on its own act is that act's event
  (``_contested_act``).

Every vendor, body and place is invented and every report written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store
from store import subscriptions as subscriptions_store
from tests.authority_events import authority_store, record_and_route, record_report

START = datetime(2025, 3, 3, 9, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = authority_store(tmp_path / "names.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    yield opened
    opened.close()


def vendor_report(store: Store, title: str, summary: str, *, day: float, vendor: str | None,
                  action: str | None = "shutdown", actor: str = "vendor",
                  relevant: bool = True) -> tuple[EventChange, int]:  # fmt: skip
    """A vendor's report recorded, clustered and routed like the pipeline does."""
    entry = Entry(feed_id="desk", key=f"guid:{title}", title=title, summary=summary,
                  link=f"https://desk.example/{abs(hash(title))}",
                  published=START + timedelta(days=day), source="Desk")  # fmt: skip
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=None,
                      action=action, applies_to="consumers", region=None, confidence=0.8,
                      evidence=title)  # fmt: skip
    return record_and_route(store, entry, finding)


def authority(store: Store, title: str, summary: str, *, day: float, actor: str = "regulator",
              vendor: str | None = None) -> tuple[EventChange, int]:  # fmt: skip
    return record_report(store, title, summary, START + timedelta(days=day), actor=actor,
                         vendor=vendor)  # fmt: skip


# --------------------------------------------------------------------------- a vendor's unit

UNIT_STORIES = [
    pytest.param(
        (
            "Harrowgate Media retires its face-tagging app Pinfold",
            "The publisher says the photo app will stop suggesting who is in each picture.",
            "Harrowgate Media",
        ),
        (
            "Pinfold users get two weeks to save their albums",
            "After that the service goes dark and stored face templates are wiped.",
            "Pinfold",
        ),
        "shutdown",
        id="an app keyed apart from its publisher",
    ),
    pytest.param(
        (
            "Türklingel Ostara: In Österreich ist Schluss mit dem Gesichtsabgleich, meldet Velmora",
            "Als Begründung verweist das Unternehmen auf offene Rechtsfragen.",
            "Velmora",
        ),
        (
            "Ostara doorbells stop greeting visitors by name",
            "Owners were told by email that the naming option is gone for good.",
            "Ostara",
        ),
        "restriction",
        id="a product told in another language",
    ),
    pytest.param(
        (
            "Sightline face search now asks for a case review before any match",
            "Quintara, the Lisbon firm behind the engine, says unvetted accounts lose access.",
            "Sightline",
        ),
        (
            "Quintara puts identity matching behind an approval queue",
            "Only customers who explain their purpose in writing will be served.",
            "Quintara",
        ),
        "restriction",
        id="the product keyed first, then its maker",
    ),
]


@pytest.mark.parametrize(("first", "second", "action"), UNIT_STORIES)
def test_a_change_keyed_by_its_product_or_maker_is_one_alert(
    store: Store, first: tuple[str, str, str], second: tuple[str, str, str], action: str
) -> None:
    opened, alerted = vendor_report(store, first[0], first[1], day=0, vendor=first[2],
                                    action=action)  # fmt: skip
    again, _ = vendor_report(store, second[0], second[1], day=2, vendor=second[2],
                             action=action)  # fmt: skip
    assert opened.created and alerted == 1
    assert again.event_id == opened.event_id and not again.created


def test_a_rival_named_in_passing_keeps_its_own_event(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Harrowgate Media retires its face-tagging app Pinfold",
        "Rival Corbel Studio said it would keep its own tagging tool running.",
        day=0, vendor="Harrowgate Media")  # fmt: skip
    rival, alerted = vendor_report(
        store, "Corbel Studio follows Harrowgate and switches off face tagging",
        "The studio's albums will no longer group people.", day=3, vendor="Corbel Studio")  # fmt: skip
    assert rival.created and rival.event_id != opened.event_id and alerted == 1


def test_a_named_product_with_another_action_is_another_event(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Harrowgate Media retires its face-tagging app Pinfold",
        "The publisher says the photo app will stop suggesting who is in each picture.",
        day=0, vendor="Harrowgate Media")  # fmt: skip
    back, _ = vendor_report(
        store, "Pinfold brings back its people albums for paying users",
        "Subscribers can switch the grouping on again from the settings page.",
        day=4, vendor="Pinfold", action="reversal")  # fmt: skip
    assert back.created and back.event_id != opened.event_id


def test_a_named_product_weeks_later_is_another_event(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Harrowgate Media retires its face-tagging app Pinfold",
        "The publisher says the photo app will stop suggesting who is in each picture.",
        day=0, vendor="Harrowgate Media")  # fmt: skip
    later, _ = vendor_report(
        store, "Pinfold closes its web gallery as well",
        "The browser version goes offline at the end of the month.",
        day=40, vendor="Pinfold")  # fmt: skip
    assert later.created and later.event_id != opened.event_id


# --------------------------------------------------------------------------- a report naming no vendor

VENDORLESS = [
    pytest.param(
        (
            "Dovecraft doorbells stop naming visitors across the EU",
            "Owners keep motion alerts; the face library is deleted.",
            "Dovecraft",
        ),
        (
            "Warum Dovecraft-Kunden in Europa ihre Gesichtsbibliothek verlieren",
            "Bewegungsmeldungen bleiben, heißt es in einer Mail an die Besitzer.",
            None,
        ),
        id="the vendor's report, then one in German keyed by none",
    ),
    pytest.param(
        (
            "Caméras de caisse : Ferrandel renonce à identifier les clients",
            "Seul le comptage des passages reste proposé aux enseignes.",
            None,
        ),
        (
            "Ferrandel drops face matching from its checkout cameras",
            "Retail clients keep footfall counts only.",
            "Ferrandel",
        ),
        id="a French report keyed by none, then the vendor's",
    ),
    pytest.param(
        (
            "Owlgate closes its face-search portal to the public",
            "Paying accounts lose search on Friday and the image index is purged.",
            "Owlgate",
        ),
        (
            "What happens to your uploads now that Owlgate has gone dark?",
            "Readers asked whether pictures they submitted are still stored.",
            None,
        ),
        id="a reader-questions piece keyed by none",
    ),
]


@pytest.mark.parametrize(("first", "second"), VENDORLESS)
def test_a_report_naming_the_vendor_but_keyed_by_none_joins_its_event(
    store: Store, first: tuple[str, str, str | None], second: tuple[str, str, str | None]
) -> None:
    def keyed(report: tuple[str, str, str | None], day: float) -> tuple[EventChange, int]:
        vendor = report[2]
        return vendor_report(store, report[0], report[1], day=day, vendor=vendor,
                             action="shutdown" if vendor else None,
                             actor="vendor" if vendor else "none", relevant=bool(vendor))  # fmt: skip

    opened, _ = keyed(first, 0)
    again, _ = keyed(second, 1)
    assert opened.created and again.event_id == opened.event_id and not again.created
    alerts = store.query("SELECT COUNT(*) AS n FROM deliveries WHERE kind = 'alert'")[0]["n"]
    assert alerts == 1


def test_a_report_naming_another_vendor_stays_apart(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Dovecraft doorbells stop naming visitors across the EU",
        "Owners keep motion alerts; the face library is deleted.", day=0, vendor="Dovecraft")  # fmt: skip
    other, _ = vendor_report(
        store, "Bei Kestrelby bleibt der Gesichtsabgleich an",
        "Ein Sprecher sieht keinen Grund für eine Änderung.",
        day=1, vendor=None, action=None, actor="none", relevant=False)  # fmt: skip
    assert other.created and other.event_id != opened.event_id


def test_a_move_keyed_by_no_vendor_naming_the_vendor_stays_apart(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Dovecraft doorbells stop naming visitors across the EU",
        "Owners keep motion alerts; the face library is deleted.", day=0, vendor="Dovecraft")  # fmt: skip
    move, _ = vendor_report(
        store, "A week after Dovecraft, a Lyon start-up ends recognition at apartment entrances",
        "Its customers were told on Monday.", day=2, vendor=None)  # fmt: skip
    assert move.created and move.event_id != opened.event_id


def test_a_report_naming_the_vendor_weeks_later_stays_apart(store: Store) -> None:
    opened, _ = vendor_report(
        store, "Dovecraft doorbells stop naming visitors across the EU",
        "Owners keep motion alerts; the face library is deleted.", day=0, vendor="Dovecraft")  # fmt: skip
    later, _ = vendor_report(
        store, "Dovecraft-Klingeln: was Käufer jetzt wissen sollten",
        "Ein Ratgeber für den Kauf.", day=40, vendor=None, action=None, actor="none",
        relevant=False)  # fmt: skip
    assert later.created and later.event_id != opened.event_id


# --------------------------------------------------------------------------- an authority's act in stages

STAGED_STORIES = [
    pytest.param(
        (
            "Watchdog of Brennmark opens proceedings against face-search site Scanholm",
            "Commissioner Ilse Varn gives the operator four weeks to answer forty questions.",
            "Scanholm",
        ),
        (
            "Scanholm lets the Brennmark deadline lapse",
            "Registered offshore by now, it sent nothing back; lawyers expect a fine, perhaps "
            "a block for local users, though appeals could drag on into next year. Privacy "
            "advocates counted dozens of mirror domains serving identical results, several "
            "hosted by resellers nobody can trace.",
            "Scanholm",
        ),
        34,
        id="a probe and its missed deadline, the company named on both sides",
    ),
    pytest.param(
        (
            "Consumer office in Tarrascon fines Meridel stores for hidden face cameras",
            "The penalty covers a flagship shop that filmed shoppers without a notice.",
            "Meridel",
        ),
        (
            "First penalty of its kind lands on Meridel, Tarrascon campaigners cheer",
            "Advocates call it a template for cases still waiting in the courts.",
            None,
        ),
        18,
        id="a fine retold weeks later keyed by no company",
    ),
    pytest.param(
        (
            "La agencia de datos de Velantia sanciona a Cortexa por su lector de caras",
            "El organismo exige borrar las plantillas recogidas en dos estaciones.",
            "Cortexa",
        ),
        (
            "Cortexa todavía no cumple, denuncian en Velantia",
            "Usuarios y abogados afirman que nada cambió un mes después: los tornos siguen "
            "encendidos y nadie contesta los correos de quienes reclaman. Una asociación "
            "vecinal prepara otra denuncia colectiva y pide apoyo económico para pagar "
            "peritos independientes.",
            "Cortexa",
        ),
        30,
        id="a sanction and its aftermath in Spanish",
    ),
]


@pytest.mark.parametrize(("first", "second", "days"), STAGED_STORIES)
def test_an_act_on_one_company_told_again_weeks_later_is_one_event(
    store: Store, first: tuple[str, str, str | None], second: tuple[str, str, str | None],
    days: int,
) -> None:  # fmt: skip
    opened, alerted = authority(store, first[0], first[1], day=0, vendor=first[2])
    again, written = authority(store, second[0], second[1], day=days, vendor=second[2])
    assert opened.created and alerted == 1
    assert again.event_id == opened.event_id and written == 0


def test_a_retelling_naming_only_the_company_stays_apart(store: Store) -> None:
    opened, _ = authority(
        store, "Watchdog of Brennmark opens proceedings against face-search site Scanholm",
        "Commissioner Ilse Varn gives the operator four weeks to answer forty questions.",
        day=0, vendor="Scanholm")  # fmt: skip
    other, _ = authority(
        store, "Scanholm faces a separate privacy complaint from a photographers' union",
        "The complaint, filed abroad, targets image scraping.", day=15)  # fmt: skip
    assert other.created and other.event_id != opened.event_id


def test_an_act_two_months_later_is_another_event(store: Store) -> None:
    opened, _ = authority(
        store, "Watchdog of Brennmark opens proceedings against face-search site Scanholm",
        "Commissioner Ilse Varn gives the operator four weeks to answer forty questions.",
        day=0, vendor="Scanholm")  # fmt: skip
    later, _ = authority(
        store, "Scanholm blocked for Brennmark residents",
        "Visitors now meet a notice instead of results; the decision cites unanswered "
        "letters, missing records about stored templates, payments routed through three "
        "shell firms, and complaints from parents, teachers, actors and musicians whose "
        "portraits surfaced in searches they never made; lawyers expect months of "
        "hearings before judges decide whether ordinary members of the public deserve "
        "compensation, apologies or simply deletion.", day=60, vendor="Scanholm")  # fmt: skip
    assert later.created and later.event_id != opened.event_id


def test_a_courts_next_decision_after_a_quiet_month_is_a_new_ruling(store: Store) -> None:
    opened, _ = authority(
        store, "Judge in Harnow halts Meridel's face cameras pending trial",
        "The interim order covers all Harnow branches.", day=0, actor="court",
        vendor="Meridel")  # fmt: skip
    ruling, _ = authority(
        store, "Harnow court rules Meridel must pay shoppers it filmed",
        "The final judgment sets damages per visit.", day=40, actor="court", vendor="Meridel")  # fmt: skip
    assert ruling.created and ruling.event_id != opened.event_id


def test_a_regulator_contesting_the_ruling_on_its_fine_joins_that_ruling(store: Store) -> None:
    opened, _ = authority(
        store, "Appeals panel in Dunmere voids the Data Office fine on Orrelink",
        "The panel found the Data Office had no power over a firm serving only foreign police.",
        day=0, actor="court", vendor="Orrelink")  # fmt: skip
    again, _ = authority(
        store, "Data Office asks to challenge the Dunmere panel's Orrelink decision",
        "Its head says the panel read the statute too narrowly.", day=27, vendor="Orrelink")  # fmt: skip
    assert again.event_id == opened.event_id and not again.created


def test_a_regulators_new_act_after_a_ruling_naming_other_bodies_stays_apart(
    store: Store,
) -> None:
    opened, _ = authority(
        store, "Appeals panel in Dunmere voids the Data Office fine on Orrelink",
        "The panel found the Data Office had no power over a firm serving only foreign police.",
        day=0, actor="court", vendor="Orrelink")  # fmt: skip
    other, _ = authority(
        store, "Consumer Bureau of Ostwick opens its own Orrelink inquiry",
        "The bureau looks at how the firm markets its matching tool.", day=27,
        vendor="Orrelink")  # fmt: skip
    assert other.created and other.event_id != opened.event_id
