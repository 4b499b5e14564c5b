"""Authorities recognised from the form of their name, not from one spelling.

German names a data-protection regulator by compounds and short forms the word lists
did not read: a state's commissioner ("Landesdatenschützer", "die Landesdatenschützerin"),
the supervisory office by its bare head noun ("die Aufsicht", "die Hessische Aufsicht"),
or a "…datenschutzaufsicht". Each such name acting on FR is the regulator's act. All
sentences are invented (made-up vendors, places and people); the negatives name the
same words where no regulator acts (a company's board, a vendor's own move).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

REGULATOR = [
    ("Landesdatenschützer verhängt Bußgeld gegen Gesichtssuche Luminar",
     "Der Dienst habe Millionen Fotos ohne Einwilligung biometrisch ausgewertet."),
    ("Die Landesdatenschützerin untersagt der Stadtbibliothek Ostrau den Gesichtsabgleich am Eingang",
     "Besucher waren beim Betreten ohne Hinweis erfasst worden."),
    ("Hessische Aufsicht verbietet Fitnessstudio die Gesichtserkennung an der Tür",
     "Mitglieder müssen künftig wieder eine Karte benutzen können."),
    ("Gesichtserkennung im Kaufhaus: Bußgeld der Aufsicht für Brennwald Moden",
     "Die Aufsicht beanstandet, dass Kunden nicht gefragt wurden."),
    ("Die Landesdatenschutzaufsicht ordnet Löschung von Gesichtsvorlagen bei Kessmann an",
     "Die Vorlagen von rund 20.000 Fahrgästen müssen binnen eines Monats gelöscht werden."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), REGULATOR)
def test_a_regulator_named_by_a_compound_or_a_short_form(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


NOT_A_REGULATOR = [
    # a company's own decision, the word only naming its board or a watch product
    ("Brennwald GmbH verkauft keine Gesichtserkennung mehr an Kaufhäuser",
     "Der Aufsichtsrat hatte eine Prüfung der Kundenliste verlangt.", "vendor"),
    # a court beats the regulator it rules on
    ("Verwaltungsgericht kippt Bußgeld der Aufsicht gegen Gesichtssuche Luminar",
     "Die Richter sahen keine ausreichende Rechtsgrundlage für die Strafe.", "court"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "actor"), NOT_A_REGULATOR)
def test_the_short_forms_do_not_take_over_other_actors(title: str, summary: str, actor: str) -> None:
    assert found(title, summary).actor_type == actor


# What someone waits for is a condition of their own move: a law, a legislature or a
# council after a verb or noun of waiting never acts and never decides the actor.
WAITING = [
    ("Ostrel tells sheriffs to wait for state lawmakers before any face-search deal",
     "The company will sign no contract with a sheriff until the legislature writes rules."),
    ("Les mairies devront attendre le Parlement pour acheter le logiciel facial de Varnelle",
     "L'éditeur ne signera aucun contrat municipal avant un cadre légal."),
    ("Städte warten bei Trelvik auf ein Gesetz: keine Gesichtssuche für Rathäuser",
     "Der Anbieter verkauft seine Gesichtserkennung nicht an Kommunen, solange der Bundestag nichts regelt."),
    ("Los ayuntamientos tendrán que esperar a una ley para comprar la cámara facial de Ondurra",
     "La empresa no venderá su sistema a municipios sin reglas del Congreso."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), WAITING)
def test_an_authority_waited_for_is_no_actor(title: str, summary: str) -> None:
    assert found(title, summary).actor_type not in ("government", "regulator", "court")


AUTHORITY_ACTS = [
    # the authority acts; waiting is someone else's (or no waiting at all)
    ("State senate passes a ban on police face matching; agencies now wait for the governor",
     "The bill bars departments from running face searches without a warrant.", "government"),
    ("Il Garante vieta il riconoscimento facciale allo stadio di Pradella",
     "Il club dovrà attendere nuove regole prima di riaccendere le telecamere.", "regulator"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "actor"), AUTHORITY_ACTS)
def test_an_authority_that_acts_stays_the_actor(title: str, summary: str, actor: str) -> None:
    assert found(title, summary).actor_type == actor


# A shareholders' vote on a proposal about the company is the owners' act: no policy
# change of the company (actor none), whatever rules of its own the item quotes.
SHAREHOLDER_VOTES = [
    ("Pellucid holders turn down a call to audit its face-search buyers",
     "The board had argued its existing approval process for police accounts is enough."),
    ("Face-matching disclosure motion defeated at Orvane's annual meeting",
     "Backers won a fifth of the votes; the company says its review of customers stays as it is."),
    ("Les actionnaires de Brisquet rejettent un rapport sur les ventes de reconnaissance faciale",
     "La direction estime que ses règles actuelles pour les clients publics suffisent."),
    ("Aktionäre von Tessaro stimmen gegen eine Prüfung der Gesichtserkennungs-Kunden",
     "Der Vorstand verweist auf die bestehende Freigabe für Behördenkunden."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), SHAREHOLDER_VOTES)
def test_a_shareholders_vote_is_no_policy_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "none"), f


COMPANY_ACTS = [
    # the company acts; its shareholders are only its audience or its background
    ("Pellucid halts face-search sales to police a week before its annual meeting",
     "The company will not renew any law-enforcement licence from June."),
    ("After a heated annual meeting, Orvane suspends face-matching sales to casinos for a year",
     "The pause covers new and existing casino customers."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), COMPANY_ACTS)
def test_a_company_act_told_to_its_shareholders_stays_its_own(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f
