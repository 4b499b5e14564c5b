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
def test_the_short_forms_do_not_take_over_other_actors(
    title: str, summary: str, actor: str
) -> None:
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


# A suit brought against the company, told with a verb of suing in the headline, is the
# plaintiffs' act: no policy change of the company and no actor.
SUITS = [
    ("Des locataires attaquent Brisquet en justice pour ses badges à reconnaissance faciale",
     "Ils reprochent à la société d'avoir conservé leurs photos après leur départ."),
    ("Demanda colectiva contra Ondurra por guardar caras de clientes sin aviso",
     "Los afectados piden una indemnización por cada fotografía almacenada."),
    ("Inquilini portano in tribunale Pradella Vision per i varchi con riconoscimento facciale",
     "Chiedono il risarcimento per l'uso dei loro volti senza consenso."),
    ("Tessaro hit with a biometric privacy lawsuit over its lobby face scanners",
     "Visitors say their face geometry was kept for years without notice."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), SUITS)
def test_a_suit_brought_against_the_company_is_no_act_of_it(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "none"), f


SUIT_THEN_ACT = [
    # the company's own change, with the suit only as its background
    ("Après une plainte de locataires, Brisquet cesse de vendre sa reconnaissance faciale aux bailleurs",
     "La société ne signera plus aucun contrat avec des propriétaires."),
    ("Tessaro stops selling face scanners to landlords after a privacy lawsuit",
     "The company will not renew any landlord contract."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), SUIT_THEN_ACT)
def test_a_company_act_after_a_suit_stays_its_own(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


# A regulator's finding told as what the company violated or broke, with the regulator
# named as public_bodies.yaml names it (a consumer department, an acronym of a data
# protection authority): the regulator's act in every language.
FINDINGS = [
    ("Para a secretaria de defesa do consumidor, a rede Lumaro violou a lei com suas câmeras faciais",
     "A empresa terá de avisar os clientes antes de qualquer leitura do rosto."),
    ("Selon l'autorité de contrôle, Brisquet a violé le RGPD avec ses bornes de reconnaissance faciale",
     "Les données des visiteurs devront être effacées."),
    ("Laut Datenschutzaufsicht verstößt der Gesichtsabgleich bei Kessmann gegen das Gesetz",
     "Das Kaufhaus hatte Kunden am Eingang biometrisch erfasst."),
    ("Austrian DPA: Orvane's face search broke the GDPR",
     "The complainant's face data must be deleted within a month."),
    # the regulator named only as a clause subject's head noun is named here too
    ("Câmera que lia rostos rende punição inédita à rede Lumaro",
     "A associação de clientes celebra a decisão da secretaria de defesa do consumidor, que vale para todas as lojas."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), FINDINGS)
def test_a_regulators_finding_of_a_violation(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


NOT_A_FINDING = [
    # a company says someone else broke its rules, or a user group alleges a breach
    ("Orvane says a rival's face search violated its terms of service",
     "The company has asked the rival to stop copying its index.", "none"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "actor"), NOT_A_FINDING)
def test_a_violation_alleged_by_no_regulator(title: str, summary: str, actor: str) -> None:
    assert found(title, summary).actor_type not in ("regulator", "court", "government")


# A decision heading a clause in an item that names a company and no authority is the
# company's own decision, never a regulator's by default.
COMPANY_DECISIONS = [
    ("Opinion: Brisquet switched off its face tagging. About time.",
     "The decision to remove the feature for every user, instead of burying it in settings, protects people who never opted in."),
    ("Brisquet drops its doorbell face alerts",
     "The decision to turn the alerts off for every customer ends a two-year experiment."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), COMPANY_DECISIONS)
def test_a_companys_decision_is_no_regulators(title: str, summary: str) -> None:
    assert found(title, summary).actor_type not in ("regulator", "court", "government")


AUTHORITY_DECISIONS = [
    # an authority named: the decision is its act
    ("Privacy commissioner orders Brisquet to delete shoppers' face templates",
     "The decision gives the retailer sixty days to comply.", "regulator"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "actor"), AUTHORITY_DECISIONS)
def test_an_authoritys_decision_stays_its_act(title: str, summary: str, actor: str) -> None:
    assert found(title, summary).actor_type == actor


# A state or country named after a preposition of place is where something happens or
# whose people it concerns, not an authority acting; as the subject, or owning the act
# ("New York's ban"), it still acts.
LOCATED = [
    ("Brisquet pagará 3 millones a clientes de Texas",
     "El pago cierra reclamaciones por fotos faciales guardadas antes de 2022; nada cambia en la aplicación."),
    ("Orvane signs its first sheriff customer since its pause",
     "A sheriff's office in Oregon has licensed Orvane's face search under new terms that require a warrant for every search."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), LOCATED)
def test_a_place_after_a_preposition_does_not_act(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "vendor"


PLACES_ACTING = [
    ("Texas sues Brisquet over stored face scans", "The state says the app kept templates without consent."),
    ("Oregon bans police face recognition", "The new law requires warrants for any face search."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), PLACES_ACTING)
def test_a_place_as_subject_still_acts(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "government"
