"""A ministry, an interior department, a parliamentary committee or a legislature acting
on FR, told in French, Italian, Spanish, Portuguese or German, is a government's act,
also when it orders an inquiry, sets rules or limits instead of passing a ban."""

from __future__ import annotations

import pytest

from bot.extract.attribution import CONDITION
from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Il Viminale ordina alle prefetture un censimento del riconoscimento facciale",
         "Entro marzo ogni questura dovrà indicare dove il sistema è in funzione."),
        ("La commissione del Senato approva paletti al riconoscimento facciale negli stadi",
         "Il provvedimento attende ora il voto dell'aula."),
        ("Ministério da Justiça exige revisão humana de cada alerta de reconhecimento facial nos presídios",
         "Uma portaria publicada nesta terça-feira vale para todos os estados."),
        ("La place Beauvau ordonne un audit des logiciels de reconnaissance faciale des gendarmes",
         "Les conclusions sont attendues à l'automne, selon le cabinet."),
        ("El Ministerio del Interior limita el reconocimiento facial en los aeropuertos",
         "La orden restringe el uso a controles fronterizos con autorización judicial."),
        ("Das Innenministerium beschränkt die Gesichtserkennung der Landespolizei auf schwere Straftaten",
         "Ein Erlass regelt, wer die Treffer prüfen muss."),
        ("Comissão do Senado exige aviso visível onde houver reconhecimento facial em estádios",
         "O relator quer multa para clubes que escondam as câmeras."),
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


@pytest.mark.parametrize(
    "before",
    [
        "Orders stay frozen until a strong federal privacy ",
        "Aucune vente tant que la nouvelle majorité au ",
        "Niente contratti finché non ci sarà davvero una ",
        "No habrá ventas hasta que exista por fin una ",
        "Keine Verkäufe, solange es im ganzen Land kein ",
    ],
)
def test_a_condition_reaches_an_authority_four_or_five_words_on(before: str) -> None:
    assert CONDITION.search(before) is not None


@pytest.mark.parametrize(
    "before",
    [
        # six words on, the opener no longer governs the authority
        "While face-search sales to police keep growing across the ",
        # a clause break ends the condition
        "Until last spring, the ",
    ],
)
def test_an_opener_far_back_or_behind_a_break_is_no_condition(before: str) -> None:
    assert CONDITION.search(before) is None


def test_a_legislature_four_words_into_a_condition_does_not_act() -> None:
    f = found("Prismera ferma le vendite alle polizie locali",
              "Niente riconoscimento facciale finché non ci sarà davvero una legge che "
              "ne limiti l'uso.")  # fmt: skip
    assert f.actor_type == "vendor", f


def test_a_legislature_acting_outside_a_condition_acts() -> None:
    f = found("Prismera ferma le vendite alle polizie locali",
              "Il Parlamento limita il riconoscimento facciale mentre l'azienda aspetta.")  # fmt: skip
    assert f.actor_type == "government", f
