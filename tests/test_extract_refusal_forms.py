"""Refusals and exits told in forms the verb lists missed (invented vendors, new
wording): turning one's back on something, declining to bid for a customer group's
tenders in six languages, and a company referred to as "the … specialist"."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "action", "applies_to"),
    [
        ("Brackwater ID turns its back on face matching to build barcode scanners",
         "The unit's forty engineers move to warehouse software by spring.",
         "exit", "everyone"),
        ("Harrowgate Imaging turns its back on sheriffs and police buyers",
         "Its face-search service takes no more orders from law enforcement.",
         "ban", "police"),
    ],
)  # fmt: skip
def test_turning_one_s_back_on_something_is_leaving_it(
    title: str, summary: str, action: str, applies_to: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action, f.applies_to) == (
        True, "vendor", action, applies_to
    )  # fmt: skip


def test_switching_a_feature_back_on_is_still_a_return() -> None:
    f = found(
        "Sallowby AI turns its face login back on for European users",
        "The feature was switched off last year over consent rules.",
    )
    assert (f.relevant, f.action) == (True, "reversal")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Lissadell Vision et les gendarmes",
         "Pour sa reconnaissance faciale, le fabricant nantais ne soumissionnera pas aux "
         "appels d'offres de la gendarmerie."),
        ("Ossory Systems se aparta de la policía",
         "Ossory Systems no se presentará a licitaciones policiales de reconocimiento facial "
         "mientras no haya una ley."),
        ("Tarnwick Labs e le polizie locali",
         "Tarnwick Labs non parteciperà a gare delle polizie locali per il riconoscimento "
         "facciale."),
        ("Kestrin Biometrie: Schluss mit Polizeiaufträgen",
         "Kestrin Biometrie wird sich nicht mehr an Ausschreibungen der Polizei für "
         "Gesichtserkennung beteiligen."),
        ("Ossory Systems e a polícia",
         "A Ossory Systems não participará de licitações da polícia para reconhecimento "
         "facial."),
    ],
)  # fmt: skip
def test_declining_to_bid_for_a_group_s_tenders_is_a_refusal(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "ban")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Lissadell Vision répondra à l'appel d'offres de la gendarmerie",
         "Le fabricant nantais propose sa reconnaissance faciale pour les contrôles routiers."),
        ("Ossory Systems se presentará a la licitación policial de reconocimiento facial",
         "La empresa competirá con otros tres proveedores."),
    ],
)  # fmt: skip
def test_bidding_for_a_tender_is_no_refusal(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.action != "ban"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Lissadell Vision : pas de police municipale",
         "Le spécialiste grenoblois de la vision ne vendra jamais sa reconnaissance faciale "
         "aux polices municipales."),
        ("City police out of luck at Harrowgate Imaging",
         "The imaging specialist will sell its face matching to no municipal force."),
    ],
)  # fmt: skip
def test_the_specialist_named_in_the_headline_acts(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "ban")
