"""A company made to act by a passive directive ("X sommé de ne plus vendre", "X è stata
obbligata a smettere di vendere", "X foi obrigada a parar de vender") does not change its
own policy: the verb the passive governs is the named authority's act, as the passive
participle itself is ("X barred from selling").

All sentences are invented (made-up companies), several phrasings and languages, plus the
same companies acting of their own accord, which must stay their own change; see
`passive` in bot/extract/cancellation.py and the French `directive` and `passive` entries
of bot/data/cues.yaml ("sommé de", "contraint de", "met … en demeure").
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

DIRECTED = [
    ("Ostravel sommée de ne plus vendre son logiciel de reconnaissance faciale aux bailleurs",
     "Le régulateur laisse trois mois à la société pour se conformer."),
    ("Pharamel contraint de supprimer les gabarits faciaux de ses clients",
     "L'autorité de protection des données a rendu sa décision lundi."),
    ("Brisotti è stata obbligata a smettere di vendere il riconoscimento facciale ai negozi",
     "Il Garante ha fissato un termine di sessanta giorni."),
    ("A Quiriri foi obrigada a parar de vender o reconhecimento facial a lojas",
     "A ANPD deu noventa dias à empresa."),
    # English says it with a call verb, read the same way
    ("Tamsley ordered to erase face prints of former gym members",
     "The data protection authority gave the access-control firm sixty days."),
    ("Regulator tells Brackwater to purge its visitor face archive",
     "According to the privacy office, nothing in data law allowed the archive to be kept."),
]  # fmt: skip

OWN_MOVE = [
    ("Brackwater drops housing associations as buyers of its door-entry face readers",
     "The firm says tenants never chose the readers themselves."),
    ("Veltara dejará de vender su buscador facial a inmobiliarias",
     "La empresa dice que el producto no se pensó para eso."),
    ("Ostravel ne vendra plus son logiciel de reconnaissance faciale aux bailleurs",
     "La société dit que ce marché ne correspond pas à ses valeurs."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), DIRECTED)
def test_a_passive_directive_is_the_authoritys_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "regulator"), title


@pytest.mark.parametrize(("title", "summary"), OWN_MOVE)
def test_the_companys_own_move_stays_its_change(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor"), title
