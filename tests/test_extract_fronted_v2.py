"""Fronted phrases without a comma, and fronted venues (issue 12, prec16; review13 R5).

All invented here (made-up firms). German puts the finite verb second: after a fronted
prepositional phrase ("Nach der Verhandlung …", "Trotz der Kritik …") the verb and the
subject after it are the main clause's, so a company stopping a sale there acts, while
a court in that main clause still acts. A venue fronted before the subject ("Devant le
juge, X …") is where the company speaks, not who acts.
"""

from __future__ import annotations

import pytest

from bot.extract.fronted import v2_end
from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Nach der Verhandlung stoppt Eibenstock den Verkauf seiner Gesichtserkennung an"
         " Fitnessstudios", "Das Unternehmen beendet die Verträge mit den Studios bis Juni."),
        ("Nach dem Beschluss des Gerichts stoppt Lindwurm seine Gesichtssuche für"
         " Inkassofirmen", "Der Anbieter nimmt keine neuen Aufträge von Inkassobüros mehr an."),
    ],
)  # fmt: skip
def test_a_german_vendor_verb_after_a_fronted_phrase_is_the_vendors(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor")


def test_a_court_after_a_fronted_phrase_still_acts() -> None:
    result = found(
        "Nach der mündlichen Verhandlung verbietet das Gericht Moorbrand die Gesichtssuche",
        "Der Anbieter darf seine Gesichtserkennung vorerst nicht mehr verkaufen.",
    )
    assert (result.relevant, result.actor_type) == (False, "court")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Devant les juges, Pradelle assure ne plus livrer son logiciel de reconnaissance"
         " faciale aux exploitants de casinos", "L'entreprise dit avoir rompu ses contrats avec les exploitants."),
        ("In court papers, Harrowfield says it has stopped selling face search to bail"
         " bondsmen", "The company said it cancelled those accounts in March."),
    ],
)  # fmt: skip
def test_a_fronted_venue_is_where_the_company_speaks(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor")


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Nach dem Spruch der Richter verkauft Hagebutt nichts mehr", "verkauft"),
        ("Trotz scharfer Kritik hält Ostwind an der Suche fest", "hält"),
        ("Seit zwei Jahren liefert Falkenau keine Kameras", "liefert"),
    ],
)
def test_the_verb_after_a_german_fronted_phrase(text: str, verb: str) -> None:
    assert v2_end(text, 0, len(text)) == text.index(verb)


@pytest.mark.parametrize(
    "text",
    [
        "Nachdem das Gericht entschieden hat, verkauft Hagebutt nichts mehr",  # a clause
        "Hagebutt verkauft nach dem Urteil nichts mehr",  # no fronted phrase
    ],
)
def test_no_verb_second_reading_without_a_fronted_preposition(text: str) -> None:
    assert v2_end(text, 0, len(text)) is None
