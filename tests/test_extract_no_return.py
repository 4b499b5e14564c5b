"""Launches, deals and pilots that are no return to face recognition (issue 12, prec12f):
a reversal needs the vendor's own earlier retreat, on its timeline or told in the item,
and a deployment of face recognition that undoes it. Not a return:

- a face feature that estimates or detects and identifies no one (an age guess, pets);
- a launch of another technology (a palm or fingerprint reader);
- a deal whose item says the vendor's stop still stands ("it reiterates …");
- a rival's move: named in a fronted "Since X's withdrawal:" or as the owner of an act noun
  ("after a competitor's withdrawal") it is never the item's vendor's record;
- a known vendor's short name that opens another name ("Halden Marquez").

Also (review9 R10): a stop that deletes the stored faces stays a shutdown, and keeping
face detection or blurring keeps no recognition. Invented companies and wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.extract import extract, known_vendors
from bot.extract.history import apply_history
from bot.models import Event, Finding
from tests.extract_helpers import entry, found

WHEN = datetime(2024, 4, 8, tzinfo=UTC)


def _stopped(vendor: str, action: str = "shutdown", applies_to: str = "everyone") -> list[Event]:
    first = WHEN - timedelta(days=500)
    return [
        Event(
            id=1, key="k", relevant=True, actor_type="vendor", vendor=vendor, product=None,
            action=action, applies_to=applies_to, region="global", effective=first.date(),
            duration=None, title="t", evidence="e", link=None, confidence=0.8,
            first_reported=first,
        )
    ]  # fmt: skip


def _after_history(f: Finding, vendor: str) -> Finding:
    return apply_history(f, _stopped(vendor), WHEN)


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Bramblecot adds a selfie age check for teenage accounts",
         "The model guesses an age range and cannot identify anyone, the company says.",
         "Bramblecot"),
        ("Quenby's photo app now sorts pictures of your cats by name",
         "Quenby stresses that the feature does not recognise people.", "Quenby"),
        ("Ostrowe testet eine Altersschätzung per Selfie in seinen Kiosken",
         "Das System schätzt nur das Alter und speichert keine Bilder.", "Ostrowe"),
        ("Tamarisco lança verificação de idade pelo rosto para menores",
         "O aplicativo estima se o cliente é maior de idade sem identificar ninguém.", "Tamarisco"),
        ("Larchmont ID will supply face check-in kiosks to a hotel group",
         "It reiterates that it does not sell to police forces.", "Larchmont ID"),
        ("Oakhurst ID rolls out a palm-vein reader for gyms",
         "The palm scanner opens doors for members who sign up.", "Oakhurst ID"),
    ],
)  # fmt: skip
def test_a_deployment_that_undoes_no_stop_is_no_return(
    title: str, summary: str, vendor: str
) -> None:
    f = extract(entry(title, summary, WHEN))
    if f is None:
        return  # no face recognition read at all: no return either
    assert not (f.relevant and f.action in ("reversal", "restriction")), f
    later = _after_history(f, vendor)
    assert not (later.relevant and later.action == "reversal"), later


def test_a_face_identification_deal_after_a_switch_off_is_still_a_return() -> None:
    f = found(
        "Oakhurst ID signs a face-matching contract with a county jail",
        "Inmates will be identified by face at intake from June.",
        WHEN,
    )
    assert (f.relevant, f.action) == (False, None) and f.signal == "deployment", f
    later = _after_history(f, "Oakhurst ID")
    assert (later.relevant, later.action) == (True, "reversal"), later


KNOWN = known_vendors(["Pellbrook Identity", "Halden Biometrics"])


def test_a_rival_named_in_a_fronted_phrase_is_not_the_launch_s_vendor() -> None:
    title = "Since Pellbrook's withdrawal: banks test a Leeds start-up's face check at branch doors"
    f = extract(entry(title, "Customers may opt in from next month.", WHEN), KNOWN)
    assert f is None or f.vendor != "Pellbrook Identity", f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Dunmore Optics keeps selling face matching to police despite a rival's withdrawal",
         "Its chief says department contracts will be renewed."),
        ("Dunmore Optics continuerà a vendere il riconoscimento facciale alla polizia",
         "Nessun passo indietro, nonostante l'uscita di un concorrente dal mercato."),
    ],
)  # fmt: skip
def test_a_rival_s_move_is_no_act_of_the_vendor(title: str, summary: str) -> None:
    f = extract(entry(title, summary, WHEN))
    assert f is None or not (f.relevant and f.action in ("exit", "shutdown")), f


def test_a_known_short_name_opening_another_name_is_not_the_vendor() -> None:
    assert KNOWN is not None
    assert KNOWN.find("Halden Marquez, the city's new mayor, …") == []
    assert [h.vendor for h in KNOWN.find("Halden pauses police sales")] == ["Halden Biometrics"]
    assert [h.vendor for h in KNOWN.find("Halden Drops Police Sales")] == ["Halden Biometrics"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Wrenfield Labs closes its face-search service",
         "Customers can still verify a single account; the stored faces are being erased."),
        ("Wrenfield Labs closes its face-search service",
         "Members may still verify themselves, and the faces it had collected will be wiped."),
        ("Wrenfield Labs ferme son service de recherche faciale",
         "Les clients gardent la vérification ; les visages enregistrés seront effacés."),
    ],
)  # fmt: skip
def test_a_stop_that_erases_the_stored_faces_stays_a_shutdown(title: str, summary: str) -> None:
    f = found(title, summary, WHEN)
    assert (f.relevant, f.action) == (True, "shutdown"), f


@pytest.mark.parametrize(
    "summary",
    ["Clients can still detect and blur faces in their footage.",
     "Les clients pourront seulement flouter les visages dans leurs vidéos."],
)  # fmt: skip
def test_keeping_detection_or_blurring_keeps_no_recognition(summary: str) -> None:
    f = found("Wrenfield Labs shuts down its face identification API", summary, WHEN)
    assert (f.relevant, f.action) == (True, "shutdown"), f
