"""The summary restating the headline's actor by office: a headline that names a person,
a place or a body by a name no list knows ("Marta Quell demands …", "Nueva Ribera
restringe …") followed by a summary opening with a definite authority ("The attorney
general gave …", "La gobernadora firmó …") is that authority's act, not a company's.

All sentences are invented (made-up people, places and vendors), several phrasings in
four languages, plus vendor items the rule must leave alone: a company told again by
name, a company owning a letter, an indefinite "a court filing"; see
bot/extract/restated.py.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

RESTATED = [
    ("Marta Quell demands answers on Orvane's face scanning of shoppers",
     "The attorney general gave the retailer until March to explain the practice.",
     "government"),
    ("Why the Tallow Lanes order matters for gyms",
     "The commissioner's reasoning on consent could reach other venues using face entry, "
     "lawyers say.", "regulator"),
    ("Nueva Ribera restringe el reconocimiento facial de la policía",
     "La gobernadora firmó la ley que exige una orden judicial para cada búsqueda.",
     "government"),
    ("Vila Aurora restringe o reconhecimento facial da polícia",
     "A governadora assinou a lei que exige ordem judicial para cada busca.", "government"),
    ("Hennig: Gesichtserkennung nur mit klarer Rechtsgrundlage",
     "Der Landesdatenschutzbeauftragte verweist auf eine Entschließung der "
     "Aufsichtsbehörden vom Montag.", "regulator"),
]  # fmt: skip

COMPANY_ACTS = [
    # the headline's name told again in the summary: the party itself
    ("Court filing shows Tessaro quit selling face matching to casinos",
     "The federal court is only where the papers surfaced: Tessaro says the change was "
     "its own choice."),
    # a company owning the letter, agreeing: the company acts
    ("In a letter to lawmakers, Brisca stops selling face search to sheriffs",
     "The Senate committee received the company's letter on Monday."),
    ("Halvern pauses face search sales to police for a year",
     "The state senate had asked vendors to wait for a law; the company agreed."),
    # English "a" is no definite article
    ("Kestrow stops selling face matching to landlords",
     "A court filing in March first revealed the plan."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "kind"), RESTATED)
def test_the_summary_restates_the_headlines_actor(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind), title


@pytest.mark.parametrize(("title", "summary"), COMPANY_ACTS)
def test_a_company_acting_stays_the_vendors_change(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor"), title
