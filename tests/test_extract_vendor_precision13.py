"""Vendor-channel precision and action choice (issue 12, prec13). Invented companies and
wording throughout; each case stands for a family, not a sentence:

- a stop said to go on past its term ("läuft nicht aus", "won't be lifted", "va avanti",
  "anche dopo", "también en 2026") is read against the vendor's standing pause;
- a business ending FR at its own sites ("at its cinemas", "in seinen Filialen", "nei
  suoi punti vendita") or a sports club is a user of FR, not a vendor; a vendor that
  stops serving clubs, or switches its service off at client sites, stays a vendor;
- a clause of time with its own subject ("before it stopped selling", "desde que cerró",
  "après avoir fermé", "nachdem es … eingestellt hatte") is background to the news;
- limits on a launch that follows the vendor's own earlier stop are the terms of a
  return, and so is a gated launch ("reopens … to vetted buyers only") after one;
- stopping sales told once bare and once with its customers is a refusal of that group.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.extract import extract, known_vendors
from bot.extract.history import apply_history
from bot.models import Event
from tests.extract_helpers import entry, found

WHEN = datetime(2025, 3, 3, tzinfo=UTC)


def _event(vendor: str, action: str, applies_to: str = "everyone", region: str = "global") -> Event:
    first = WHEN - timedelta(days=400)
    return Event(
        id=1, key="k", relevant=True, actor_type="vendor", vendor=vendor, product=None,
        action=action, applies_to=applies_to, region=region, effective=first.date(),
        duration=None, title="t", evidence="e", link=None, confidence=0.8,
        first_reported=first,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Morrowby: Die Pause für Jobcenter läuft nicht wie geplant aus", ""),
        ("Morrowby's job-centre freeze won't be lifted in April",
         "Job centres stay without its face matching."),
        ("Morrowby Analytics: lo stop ai centri per l'impiego andrà avanti",
         "Il riconoscimento facciale resta fuori dai centri pubblici."),
        ("Morrowby Analytics: i centri per l'impiego restano senza riconoscimento facciale anche dopo maggio",
         ""),
        ("La pausa de Morrowby Analytics para los centros de empleo seguirá también en 2026",
         "La empresa espera una auditoría."),
    ],
)  # fmt: skip
def test_a_stop_said_not_to_end_goes_on(title: str, summary: str) -> None:
    f = extract(entry(title, summary + " Morrowby Analytics sells face recognition.", WHEN),
                known_vendors(["Morrowby Analytics"]))  # fmt: skip
    assert f is not None
    stop = _event("Morrowby Analytics", "moratorium", "government")
    later = apply_history(replace(f, applies_to=f.applies_to or "government"), [stop], WHEN)
    assert (later.relevant, later.action) == (True, "extension"), (f, later)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Dunhollow Town FC drops face-scan entry for season-ticket holders",
         "The club goes back to plastic cards next month."),
        ("Rinkfield Tennis Club switches off face check-in",
         "Members will sign in at the desk."),
        ("Vallorca hotel group suspends face check-in at its hotels",
         "Guests collect keys at reception while consent forms are reviewed."),
        ("Le club de hockey de Valcourt abandonne l'entrée par reconnaissance faciale",
         "Les abonnés présenteront un billet nominatif."),
        ("Circolo Tennis Lagomare spegne i tornelli facciali nelle sue sedi",
         "I soci torneranno alla tessera."),
    ],
)  # fmt: skip
def test_a_club_or_hotel_group_ending_its_own_use_is_no_vendor_change(
    title: str, summary: str
) -> None:
    f = extract(entry(title, summary, WHEN))
    assert f is None or not f.relevant, f


def test_a_vendor_that_stops_serving_clubs_is_still_a_vendor() -> None:
    f = found(
        "Gatehaven Systems ends sales of its face-recognition turnstiles to stadiums",
        "Airports can still order the turnstiles, Gatehaven Systems said.",
        WHEN,
    )
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "ban"), f


@pytest.mark.parametrize(
    "title",
    [
        "A documentary follows Harlowe Vision through the year before it stopped selling its mall search",
        "Harlowe Vision's founder on the week before they switched off the face search",
    ],
)  # fmt: skip
def test_a_stop_in_a_clause_of_time_is_not_the_item_s_act(title: str) -> None:
    f = extract(entry(title, "The film is out on Friday.", WHEN))
    assert f is None or not f.relevant, f


def test_a_service_switched_off_at_client_sites_stays_a_shutdown() -> None:
    f = found(
        "Hexworth AI switches off its face search at 12 client hotels",
        "The service is offline for all customers until a security review ends.",
        WHEN,
    )
    assert (f.relevant, f.action) == (True, "shutdown"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Zorzal Datos prueba el reconocimiento facial en una biblioteca desde que cerró la división por primera vez",
         "La prueba dura un trimestre."),
        ("Corbelle Systèmes équipe un stade lillois, deux ans après avoir fermé son activité faciale",
         "Un premier contrat depuis sa sortie du secteur."),
        ("Passero Tech sperimenta i volti in un museo: da quando ha chiuso la divisione non era mai successo",
         ""),
    ],
)  # fmt: skip
def test_a_deployment_after_the_vendor_s_own_stop_in_a_time_clause_is_a_return(
    title: str, summary: str
) -> None:
    f = found(title, summary, WHEN)
    assert (f.relevant, f.action) == (True, "reversal"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Fernleaf Photos brings back face grouping as an opt-in",
         "Eighteen months after it deleted every face template, Fernleaf lets users turn grouping on with consent."),
        ("Fernleaf Photos now offers face grouping on request only, a year and a half after it wiped every template",
         "Nobody's photos are scanned unless they ask."),
    ],
)  # fmt: skip
def test_limits_on_a_return_after_the_vendor_s_own_stop_are_a_return(
    title: str, summary: str
) -> None:
    f = found(title, summary, WHEN)
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_gated_reopening_after_the_vendor_s_own_shutdown_is_a_return() -> None:
    f = found(
        "Yarrowby reopens its face-matching service to approved insurers only",
        "The matcher had been dark ever since the firm shut it down last spring.",
        WHEN,
    )
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_gated_launch_with_no_stop_of_its_own_is_no_return() -> None:
    f = extract(
        entry("Yarrowby opens its face-matching service to approved insurers only",
              "Each insurer must pass a review first.", WHEN)
    )  # fmt: skip
    assert f is None or not (f.relevant and f.action == "reversal"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Wickmoor stops selling its face-recognition door terminals",
         "Wickmoor will no longer supply them to casinos; hospitals can still order."),
        ("Wickmoor stellt den Verkauf seines Gesichtsscanners für Türen ein",
         "An Spielbanken liefert der Hersteller ihn nicht mehr, Kliniken dürfen weiter bestellen."),
    ],
)  # fmt: skip
def test_a_sales_stop_told_with_its_customer_group_is_a_refusal(title: str, summary: str) -> None:
    f = found(title, summary, WHEN)
    assert (f.relevant, f.action) == (True, "ban"), f


def test_a_known_name_after_another_company_s_possessive_is_its_product() -> None:
    known = known_vendors(["Driftglass"])
    f = extract(
        entry(
            "Hollowmere's Driftglass shuts down and its face archive is erased",
            "Driftglass, the public face-search site Hollowmere Labs ran, stopped taking queries.",
            WHEN,
        ),
        known,
    )
    assert f is not None and (f.relevant, f.vendor, f.action) == (
        True,
        "Hollowmere Labs",
        "shutdown",
    )


def test_a_known_company_after_a_city_s_possessive_stays_itself() -> None:
    f = extract(
        entry("Leeds's Quarnby Vision walks away from face identification",
              "The start-up is leaving the market to sell people counters.", WHEN),
        known_vendors(["Quarnby Vision"]),
    )  # fmt: skip
    assert f is not None and f.vendor == "Quarnby Vision", f
