"""Who acts on a company: a platform or an authority, not the company (issue 12, prec16).

All invented here (made-up firms and services):

- a subject the item does not name as a company (a forum, a streaming site, a code
  host described by what it is) closing or removing what an FR company owns ("… the
  profile of X", "X's storefront") is platform enforcement: no FR policy change;
- a platform word right before the acting company, acting on its own product, only
  describes it ("Cloud host X stops selling its face API …"): its own move;
- a headline participle with the auxiliary dropped ("costretta a", "obligada a") or an
  impersonal plural ("Ordenan a X …") makes the company the authority's object;
- a place's body after a possessive ("the county's privacy office") acts.
"""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Streaming site removes Corvath's channel after face-matching stunt",
         "The site said Corvath filmed passers-by and ran their faces through its"
         " recognition engine without consent."),
        ("Un foro cierra el perfil de Lebrancho, desarrolladora de reconocimiento facial",
         "El foro acusa a Lebrancho de publicar búsquedas de rostros de usuarios."),
        ("Hébergeur de code supprime le dépôt de Vaudrieux, spécialiste de la reconnaissance"
         " faciale", "Le service reproche au projet de collecter des visages sans accord."),
    ],
)  # fmt: skip
def test_an_unnamed_subject_acting_on_a_companys_property_is_no_policy_change(
    title: str, summary: str
) -> None:
    result = extract(entry(title, summary))
    assert result is None or not result.relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Cloud host Pemberline stops selling its face matching API to border agencies",
         "Pemberline said it will not sign new border contracts for the service."),
        ("El proveedor de nube Tornavento deja de ofrecer su cotejo facial a la policía",
         "Tornavento no aceptará nuevos contratos policiales para ese servicio."),
    ],
)  # fmt: skip
def test_a_companys_own_move_stays_its_change(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor")


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Drovetti costretta a spegnere il riconoscimento facciale negli hotel",
         "Il Garante per la privacy ha dato all'azienda trenta giorni.", "regulator"),
        ("Ordenan a Piedralba retirar su reconocimiento facial de los estadios",
         "La agencia de protección de datos abrió además un expediente a la empresa.",
         "regulator"),
        ("Seravalle obrigada a desligar reconhecimento facial em academias",
         "A ANPD fixou quinze dias para a empresa cumprir a ordem.",
         "regulator"),
        ("Wrenfield ordered to stop selling face search to debt collectors",
         "The county's privacy office gave the company ninety days to comply.",
         "regulator"),
    ],
)  # fmt: skip
def test_the_company_as_the_object_of_an_authoritys_act(
    title: str, summary: str, kind: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)
