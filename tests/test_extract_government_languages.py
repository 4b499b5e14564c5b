"""A ministry, an interior department, a parliamentary committee or a legislature acting
on FR, told in French, Italian, Spanish, Portuguese or German, is a government's act,
also when it orders an inquiry, sets rules or limits instead of passing a ban."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Il Viminale ordina un'ispezione sul riconoscimento facciale nelle questure",
         "Il ministero vuole sapere entro due mesi quali uffici hanno usato il sistema."),
        ("La commissione della Camera approva limiti al riconoscimento facciale",
         "Il testo disciplina l'uso da parte delle polizie locali e passa ora in aula."),
        ("Comissão do Senado aprova regras para o reconhecimento facial em estádios",
         "O colegiado exige que cada alerta seja confirmado por um agente antes de qualquer abordagem."),
        ("Beauvau ordonne une enquête sur la reconnaissance faciale dans les commissariats",
         "Le ministre de l'Intérieur réclame un rapport d'ici l'été."),
        ("El Ministerio del Interior limita el reconocimiento facial en los aeropuertos",
         "La orden restringe el uso a controles fronterizos con autorización judicial."),
    ],
)  # fmt: skip
def test_a_government_act_in_another_language(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ondavia suspend la vente de reconnaissance faciale aux polices municipales",
         "L'éditeur ne signera aucun contrat tant que l'Assemblée nationale n'aura pas voté de loi."),
        ("Prismera congela le vendite di riconoscimento facciale alle polizie locali",
         "L'azienda aspetterà finché la Camera non approva una legge."),
    ],
)  # fmt: skip
def test_a_legislature_in_a_vendors_condition_does_not_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f
