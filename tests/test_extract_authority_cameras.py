"""An authority's decision on smart or surveillance cameras, told without an FR term, is
the authority's act (a regulator fining their user, a court stopping them); with no
authority acting, such cameras are no FR content. A public body a vendor signs a supply
deal with is its customer, not the actor; one named as an agent ("by the council") acts."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Il Garante sanziona il Comune di Valdoro per le telecamere intelligenti in piazza",
         "Mancava una valutazione d'impatto e i dati dovranno essere cancellati.", "regulator"),
        ("Watchdog fines a bakery chain over smart cameras at its tills",
         "The privacy regulator said shoppers were never told about the system.", "regulator"),
        ("Un tribunal suspende las cámaras inteligentes del ayuntamiento de Villaverde",
         "La jueza ordena apagar el sistema mientras se resuelve el recurso.", "court"),
        ("Le Sénat adopte un texte qui encadre la vidéosurveillance algorithmique dans les gares",
         "Les sénateurs ont voté l'essai pour deux ans, sous le contrôle de la CNIL.", "government"),
    ],
)  # fmt: skip
def test_an_authority_acting_on_smart_cameras(title: str, summary: str, kind: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, kind), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Speed cameras go up along the northern ring road", "Drivers have two weeks' grace."),
        ("Ondavia launches smart cameras for corner shops",
         "The new range counts visitors and flags spills in the aisles."),
    ],
)  # fmt: skip
def test_cameras_without_an_authority_act_are_no_fr_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or (not f.relevant and f.actor_type not in ("government", "regulator")), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ondavia signs a face-matching contract with the Marlow County sheriff",
         "Ondavia Vision will supply its face search to the sheriff's office from May."),
        ("Velmora inks face recognition deal with Port Hollis police",
         "The department will use Velmora's matching software for burglary cases."),
        ("Quenby lands a face search licence with the city of Harwell",
         "Quenby Systems will let the city's police run searches from June."),
    ],
)  # fmt: skip
def test_a_public_body_in_a_vendors_supply_deal_is_its_customer(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type == "vendor", f


def test_a_body_named_as_the_agent_still_acts() -> None:
    f = found("Face recognition at the Harwell stadium halted by the city council",
              "Councillors voted to stop the trial until a privacy review is done.")  # fmt: skip
    assert f.actor_type == "government", f
