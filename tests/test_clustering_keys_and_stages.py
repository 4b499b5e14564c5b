"""Which fields must agree for one vendor's change to stay one event, on a real SQLite
file with the vendor channel subscribed (invented vendors, sentences written for these
tests):

* a vendor key the extraction read from one common word ("API", "Retail") is no
  identity: it stands for the company the report names (``bot.events.generic_names``);
* a change made once (an exit, a switch-off, a settlement) told again weeks later by
  the same vendor is that change completed or at a later stage
  (``bot.events.followups._once_only_change``);
* a report keyed by what a vendor owns, while its headline opens with the vendor,
  belongs with the vendor's own report of the change (``bot.events.identity.named_unit``);
* an authority report naming no company, past the news cycle, whose headline opens
  with a town the event never writes is that town's act (``identity.other_subject``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.events.generic_names import company_heads, generic_key
from bot.models import Destination, Filters
from store import Store
from store import subscriptions as subscriptions_store
from tests.authority_events import record_report
from tests.test_clustering_noise import START, alerts, record, report


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "keys.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    yield opened
    opened.close()


# --------------------------------------------------------------------------- common words


@pytest.mark.parametrize("key", ["api", "retail", "seguridad", "mira"])
def test_one_common_word_is_a_generic_key(key: str) -> None:
    assert generic_key(key)


@pytest.mark.parametrize("key", ["quillrest", "amazon", "cloud vision", ""])
def test_a_word_of_its_own_or_two_words_are_not_generic(key: str) -> None:
    assert not generic_key(key)


def test_the_companies_a_report_names_skip_common_words_and_the_key() -> None:
    heads = company_heads("Retail chains drop Quillrest's face alerts after Mondragal deal",
                          "The Brazilian group said stores stop on Monday.", "retail")  # fmt: skip
    assert heads[:2] == ("quillrest", "mondragal") and "retail" not in heads


def test_two_clouds_gating_their_face_apis_the_same_week_stay_apart(store: Store) -> None:
    first, _ = record(store, report(
        "Face lookup now needs a signed form at Quillrest", "Its API asks developers why.",
        vendor="API", action="restriction", product=None))  # fmt: skip
    second, _ = record(store, report(
        "Vantorra wants a written reason before its image cloud names a face",
        "The API will refuse unvetted accounts from Monday.", day=2,
        vendor="API", action="restriction", product=None))  # fmt: skip
    assert second.event_id != first.event_id and alerts(store) == 2


def test_a_change_keyed_by_its_api_then_by_the_vendor_is_one_event(store: Store) -> None:
    first, _ = record(store, report(
        "Quillrest's matching API stops naming faces for unvetted apps",
        "Developers must now file a use case.", vendor="API", action="restriction",
        product=None))  # fmt: skip
    second, _ = record(store, report(
        "Quillrest Systems schränkt den Gesichtsabgleich seiner API ein",
        "Entwickler brauchen eine Freigabe.", day=1, vendor="Quillrest Systems",
        action="restriction", product=None))  # fmt: skip
    assert second.event_id == first.event_id and alerts(store) == 1


def test_a_vendor_named_by_a_common_word_keeps_its_event_when_customers_are_named(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Lanterna desliga a identificação facial nas lojas", "A empresa apaga os cadastros.",
        vendor="Lanterna", action="shutdown", product=None))  # fmt: skip
    second, _ = record(store, report(
        "Fim das listas: lojistas perdem o serviço da Lanterna",
        "Drogarias Pelotim e Casa Ferrenho dizem que voltam aos alarmes comuns.", day=1,
        vendor="Lanterna", action="shutdown", product=None))  # fmt: skip
    assert second.event_id == first.event_id and alerts(store) == 1


def test_a_change_keyed_by_the_vendor_then_by_its_api_is_one_event(store: Store) -> None:
    first, _ = record(store, report(
        "Quillrest Systems restricts face matching to vetted developers",
        "Apps must file a use case first.", vendor="Quillrest Systems",
        action="restriction", product=None))  # fmt: skip
    second, _ = record(store, report(
        "La API de Quillrest deja de identificar rostros sin permiso",
        "Los desarrolladores necesitan aprobación.", day=1, vendor="API",
        action="restriction", product=None))  # fmt: skip
    assert second.event_id == first.event_id and alerts(store) == 1


# --------------------------------------------------------------------------- once only


def test_a_switch_off_confirmed_two_months_later_is_the_same_event(store: Store) -> None:
    first, _ = record(store, report(
        "Orlenby will turn off its face sign-in for shift workers at the end of the year",
        "Stored face prints of staff are to be deleted.", vendor="Orlenby",
        action="shutdown", product=None, region=None))  # fmt: skip
    later, _ = record(store, report(
        "Orlenby says the staff face prints have now been deleted",
        "The sign-in terminals accept badges only.", day=64, vendor="Orlenby",
        action="shutdown", product=None, region=None))  # fmt: skip
    assert later.event_id == first.event_id and alerts(store) == 1


def test_a_settlement_approved_five_weeks_later_is_the_same_event(store: Store) -> None:
    first, _ = record(store, report(
        "Under a class-action deal, Pennick will no longer offer its face alerts to Ohio stores",
        "The deal still needs a judge.", vendor="Pennick", action="settlement",
        product=None, region=None))  # fmt: skip
    later, _ = record(store, report(
        "A county judge signs off on the Pennick deal after hearing objectors",
        "Its limits now bind the company for five years; class members get vouchers.",
        day=36, vendor="Pennick",
        action="settlement", product=None, region=None))  # fmt: skip
    assert later.event_id == first.event_id and alerts(store) == 1


def test_a_switch_off_of_another_named_product_weeks_later_is_a_new_event(store: Store) -> None:
    first, _ = record(store, report(
        "Orlenby turns off face sign-in for shift workers", "Stored face prints go.",
        vendor="Orlenby", action="shutdown", product="Orlenby ShiftFace", region=None))  # fmt: skip
    later, _ = record(store, report(
        "Orlenby retires face search in its visitor kiosks", "Stored face prints go too.",
        day=64, vendor="Orlenby", action="shutdown", product="Orlenby Kiosk",
        region=None))  # fmt: skip
    assert later.event_id != first.event_id and alerts(store) == 2


def test_a_second_pause_months_later_is_not_a_once_only_change(store: Store) -> None:
    first, _ = record(store, report(
        "Orlenby pauses face search sales to county sheriffs", "For one year.",
        vendor="Orlenby", action="moratorium", product=None, region=None))  # fmt: skip
    later, _ = record(store, report(
        "Orlenby pauses face search sales to county sheriffs again", "Another year.",
        day=64, vendor="Orlenby", action="moratorium", product=None, region=None))  # fmt: skip
    assert later.event_id != first.event_id


# --------------------------------------------------------------------------- headline subject


def test_the_owners_report_joins_its_products_event_when_the_headline_opens_with_it(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Wendrick's GlintScan shuts, taking its stored faces with it",
        "Searches return nothing since Tuesday.", vendor="GlintScan", action="shutdown",
        product=None))  # fmt: skip
    second, _ = record(store, report(
        "GlintScan cesse de fonctionner : Wendrick efface ses visages",
        "Le service de recherche ferme.", day=1, vendor="Wendrick", action="restriction",
        product=None))  # fmt: skip
    assert second.event_id == first.event_id and alerts(store) == 1


def test_a_rival_naming_the_vendor_stays_apart_when_its_headline_opens_with_itself(
    store: Store,
) -> None:
    first, _ = record(store, report(
        "Wendrick halts face search sales to police, unlike Quorrick",
        "The company cites misuse.", vendor="Wendrick", action="ban",
        product=None))  # fmt: skip
    second, _ = record(store, report(
        "Quorrick halts police face search too, days after Wendrick",
        "It follows the rival's decision.", day=2, vendor="Quorrick", action="ban",
        product=None))  # fmt: skip
    assert second.event_id != first.event_id and alerts(store) == 2


# --------------------------------------------------------------------------- another place


def _authority(store: Store, title: str, summary: str, day: float) -> int:
    change, _ = record_report(store, title, summary, START + timedelta(days=day),
                              actor="government")  # fmt: skip
    return change.event_id


def test_another_town_opening_its_headline_weeks_later_is_its_own_act(store: Store) -> None:
    first = _authority(store, "Brackwell council outlaws face surveillance by city departments",
                       "The vote follows Dunholt, which passed a similar rule in spring.", 0)  # fmt: skip
    later = _authority(store, "Tressany bars face surveillance from its municipal offices too",
                       "Like Dunholt and Brackwell before it, the council voted unanimously.",
                       20)  # fmt: skip
    assert later != first


def test_a_later_stage_whose_headline_opens_with_the_same_town_joins(store: Store) -> None:
    first = _authority(store, "Brackwell council outlaws face surveillance by city departments",
                       "The vote follows Dunholt, which passed a similar rule in spring.", 0)  # fmt: skip
    later = _authority(store, "Brackwell mayor signs the face surveillance ordinance",
                       "The Brackwell rule takes effect next month.", 20)  # fmt: skip
    assert later == first


def test_inside_the_news_cycle_a_retelling_opening_with_another_name_still_joins(
    store: Store,
) -> None:
    first = _authority(store, "Brackwell council outlaws face surveillance by city departments",
                       "Departments lose face surveillance tools.", 0)  # fmt: skip
    later = _authority(store, "Gesichtsüberwachung: Brackwell verbietet sie der Stadtverwaltung",
                       "Brackwell folgt damit Dunholt.", 3)  # fmt: skip
    assert later == first


def test_a_later_stage_opening_with_the_signers_name_still_joins(store: Store) -> None:
    first = _authority(store, "Carrowmore assembly sends face matching limits to the governor",
                       "The bill covers state agencies and city police alike.", 0)  # fmt: skip
    later = _authority(store, "Halvey signs the face matching limits with one line struck",
                       "Carrowmore's governor removed a study board the bill had created.",
                       16)  # fmt: skip
    assert later == first


def test_a_town_signing_its_own_ban_joins_its_event_not_the_town_that_cited_it(
    store: Store,
) -> None:
    elder = _authority(store, "Brackwell council outlaws face surveillance by city departments",
                       "Departments lose face surveillance tools next year.", 0)  # fmt: skip
    younger = _authority(store, "Tressany bars face surveillance from its municipal offices too",
                         "Like Brackwell before it, the council voted unanimously.", 20)  # fmt: skip
    signed = _authority(store, "Brackwell mayor signs the face surveillance ordinance",
                        "The Brackwell rule takes effect next month.", 24)  # fmt: skip
    assert younger != elder and signed == elder
