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
    ("Nach Beschwerden von Eltern: Landesdatenschützer stoppt Gesichtsabgleich an Grundschule in Veldern",
     "Die Schule hatte Kinder am Tor per Kamera erkannt."),
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
    ("Brennwald GmbH stellt den Gesichtsabgleich für Warenhäuser ein",
     "Der Aufsichtsrat hatte eine Prüfung der Kundenliste verlangt.", "vendor"),
    # a court beats the regulator it rules on
    ("Im Streit um Gesichtsabgleich gibt das Verwaltungsgericht Luminar recht und hebt die Anordnung der Aufsicht auf",
     "Die Richter sahen keine ausreichende Rechtsgrundlage.", "court"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "actor"), NOT_A_REGULATOR)
def test_the_short_forms_do_not_take_over_other_actors(
    title: str, summary: str, actor: str
) -> None:
    assert found(title, summary).actor_type == actor


# What someone waits for is a condition of their own move: a law, a legislature or a
# council after a verb or noun of waiting never acts and never decides the actor.
WAITING = [
    ("Ostrel makes county sheriffs wait for the statehouse before any face-search contract",
     "The company signs nothing with a sheriff's office until rules exist."),
    ("Pas de logiciel facial de Varnelle pour les communes : elles attendront un décret du Parlement",
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
    ("Les actionnaires de Brisquet rejettent un rapport sur les ventes de reconnaissance faciale",
     "La direction estime que ses règles actuelles pour les clients publics suffisent."),
    ("Tessaro-Hauptversammlung: Antrag auf Offenlegung der Gesichtserkennungs-Kunden scheitert",
     "Nur ein Zehntel der Stimmen war dafür; der Vorstand sieht keinen Änderungsbedarf."),
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
    ("Des habitants d'un immeuble de Rennes attaquent en justice Brisquet et ses badges à reconnaissance faciale",
     "Ils réclament l'effacement de leurs photos."),
    ("Ondurra, demandada por una asociación de consumidores por su cámara facial de cajeros",
     "La asociación reclama una indemnización para cada cliente fotografiado."),
    ("Un gruppo di genitori porta in tribunale Pradella Vision per le telecamere facciali della scuola",
     "Le famiglie chiedono un risarcimento."),
    ("Tessaro hit with a suit by drivers over face readers in its parking garages",
     "They say their face data was stored for years without notice."),
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


# A regulator's finding, with the regulator
# named as public_bodies.yaml names it (a consumer department, an acronym of a data
# protection authority): the regulator's act in every language.
FINDINGS = [
    ("Selon l'autorité de contrôle, Brisquet a violé le RGPD avec ses bornes de reconnaissance faciale",
     "Les données des visiteurs devront être effacées."),
    ("Laut Datenschutzaufsicht verstößt der Gesichtsabgleich bei Kessmann gegen das Gesetz",
     "Das Kaufhaus hatte Kunden am Eingang biometrisch erfasst."),
    ("Austrian DPA: Orvane's face search broke the GDPR",
     "The complainant's face data must be deleted within a month."),
    # the regulator named only as a clause subject's head noun is named here too
    ("Reconhecimento facial nas lojas Lumaro: secretaria do consumidor aplica sanção",
     "Uma associação de clientes comemora; a regra vale para todas as filiais."),
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
    ("Brisquet indemnizará con 3 millones a usuarios residentes en Texas",
     "El acuerdo resuelve quejas por plantillas faciales; la aplicación sigue igual."),
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
