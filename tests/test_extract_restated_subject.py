"""The summary restating the headline's actor by office: a headline that names a person,
a place or a body by a name no list knows ("Marta Quell puts … under the microscope",
"Puerto Salinas pone límites …") followed by a summary opening with a definite
authority ("The attorney general gave …", "El alcalde firmó …") is that authority's act,
not a company's.

All sentences are invented (made-up people, places and vendors), in four languages, plus
vendor items the rule must leave alone: a company told again by name, a company owning a
letter or agreeing, an indefinite "a court filing"; see bot/extract/restated.py.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

RESTATED = [
    ("Marta Quell puts Orvane's checkout face scans under the microscope",
     "The attorney general gave the grocer thirty days to hand over its records.",
     "government"),
    ("Puerto Salinas pone límites a las cámaras faciales de sus agentes",
     "El alcalde firmó un decreto que obliga a pedir permiso judicial antes de cada "
     "consulta.", "government"),
    ("Lagoa Funda limita as câmeras de rosto nas escolas",
     "A prefeita sancionou a lei que proíbe guardar imagens de alunos.", "government"),
    ("Krämer-Lutz: Kein Gesichtsabgleich in Freibädern ohne Einwilligung",
     "Die Landesdatenschutzbeauftragte hat den Betreibern dazu ein Schreiben geschickt.",
     "regulator"),
]  # fmt: skip

COMPANY_ACTS = [
    # the headline's name told again in the summary: the party itself
    ("Tessaro turns away casino buyers of its face matching",
     "The district court only heard of it in passing; Tessaro calls the decision its own."),
    # a company owning the letter, agreeing: the company acts
    ("In a letter to lawmakers, Brisca stops selling face search to sheriffs",
     "The Senate committee received the company's letter on Monday."),
    ("Halvern pauses face search sales to police for a year",
     "The state senate had asked vendors to wait for a law; the company agreed."),
    # English "a" is no definite article
    ("Kestrow will no longer license its face-matching engine to event promoters",
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
