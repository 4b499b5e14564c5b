"""Who acts, read from the acting clause's subject: a law told as the act, one school as
a user of face recognition, inspectorates and a regulator's orders, a lawmaker's bill,
and a public body pausing or capping its own face matching.

Every sentence is invented (made-up places, bodies and vendors), in several languages,
with items that must stay a company's act; see bot/extract/restated.py (``summary_law``)
and bot/extract/public_bodies.py.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# A headline naming a place no list knows, and a summary telling the act as a law's:
# a decree, an ordinance or a regulation as its subject, or an instrument opening it.
LAW_TOLD = [
    ("Tarnholm narrows face matching by border guards",
     "A decree that took effect on Tuesday allows searches only against the wanted list."),
    ("Quellbrook restricts facial recognition on its trams",
     "An ordinance passed in the spring keeps the onboard cameras from identifying riders."),
    ("Lorvask begrenzt die Gesichtserkennung in Stadien",
     "Per Erlass dürfen die Vereine nur noch gesuchte Straftäter mit den Kameras abgleichen."),
    ("Sorbela limita el reconocimiento facial en los hospitales",
     "Por decreto, los centros de salud no podrán identificar a los pacientes con cámaras."),
    ("Roccaforte restringe il riconoscimento facciale sugli autobus",
     "Con un decreto approvato dalla giunta, le telecamere non confronteranno più i volti."),
    ("Vale do Cedro limita o reconhecimento facial nos portos",
     "Pelo novo decreto, a polícia só poderá consultar rostos com ordem judicial."),
    ("Ardwyn confines police face searches to violent crimes",
     "Under a new regulation, every search of the photo archive needs a senior officer's sign-off."),
]  # fmt: skip

# The same shapes where the company itself tells the act, or a law is only its reason.
STAYS_THE_COMPANY = [
    ("Morrow Sight limits police face searches to twenty a day",
     "The company says each agency customer now has a daily quota and an auditor."),
    ("Telvane pauses face-matching sales to sheriffs",
     "The firm says it will wait until a state law sets rules for such searches."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), LAW_TOLD)
def test_an_act_told_as_a_laws_is_the_governments(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary"), STAYS_THE_COMPANY)
def test_a_company_telling_its_own_act_stays_the_vendor(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor")


# One school (named, or described) ending or trying its own face scanners: a user of face
# recognition, no authority and no vendor (README: FR users make no policy change).
ONE_SCHOOL = [
    ("Ashcombe primary school drops its face-scan register",
     "Teachers will take the roll by hand again from next week."),
    ("Le collège Jean-Rostand arrête la reconnaissance faciale à l'entrée",
     "Les élèves reprennent leur carte pour passer le portail."),
    ("Die Realschule Birkenau stellt die Gesichtserkennung in der Cafeteria ein",
     "Bezahlt wird wieder mit dem Schülerausweis."),
    ("El colegio San Telmo deja de usar el reconocimiento facial en la puerta",
     "Los alumnos volverán a fichar con su carné."),
    ("La scuola Pascoli di Ravelli rinuncia al riconoscimento facciale in mensa",
     "Si torna ai buoni pasto di carta."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), ONE_SCHOOL)
def test_one_school_is_a_user_not_an_authority(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant
    assert f.actor_type == "none"


# A regulator told as an inspectorate, and a company acting on a regulator's orders.
REGULATOR = [
    ("Eskdale inspectorate fines Corvan Labs over stored passer-by faces",
     "The inspectorate says the firm kept face templates it had no right to hold."),
    ("L'ispettorato di Montaldo multa Vireo Sistemi per i volti dei clienti",
     "Secondo l'ispettorato, i dati biometrici erano conservati senza consenso."),
    ("Bowling chain to switch off face recognition on a regulator's orders",
     "Its alleys have six weeks to remove the entry cameras."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), REGULATOR)
def test_inspectorates_and_regulators_orders(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator")


# A lawmaker's bill or proposal, a bill or an initiative as the subject, a white paper.
LAWMAKERS = [
    ("Congresswoman proposes a ban on face recognition at polling places",
     "Her draft would also bar election officials from buying such cameras."),
    ("Una diputada propone prohibir el reconocimiento facial en las aulas",
     "La propuesta pasará a comisiones en marzo."),
    ("Un sénateur propose d'encadrer la reconnaissance faciale dans les gares",
     "Son texte exige l'avis préalable d'un juge."),
    ("Vereador propõe proibir reconhecimento facial em praças",
     "O texto ainda precisa passar por duas comissões."),
    ("Iniciativa prohibiría el cotejo facial en los estadios del país",
     "Dos legisladores presentaron el texto el martes."),
    ("The interior ministry's white paper floats a licence for police face matching",
     "Police forces would need approval for every new camera site."),
]  # fmt: skip

# A lawmaker asking a company questions is no act of a government.
LAWMAKER_ASKS = [
    ("Senator asks Corvan Labs which agencies still use its face search",
     "She wants a list of customers by the end of the month."),
    ("Una concejala cuestiona la promesa de Vireo sobre el reconocimiento facial",
     "Pide saber si la pausa cubre a los agentes municipales."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), LAWMAKERS)
def test_a_lawmakers_bill_is_the_governments(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary"), LAWMAKER_ASKS)
def test_a_lawmaker_asking_a_company_is_no_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type not in ("government", "regulator", "court")


# A public body delaying, shelving or capping its own face matching; Romance adjectives
# after the body's noun ("la police municipale nantaise").
BODY_PAUSES = [
    ("County sheriff postpones the launch of face-matching body cameras",
     "Deputies will keep the old cameras until an audit is done."),
    ("State patrol puts roadside face matching on hold",
     "Troopers were told the tablets stay in storage this year."),
    ("La police municipale nantaise repousse son test de reconnaissance faciale",
     "La mairie attend l'avis de la commission d'éthique."),
    ("La policía local malagueña aplaza el reconocimiento facial en la feria",
     "El ayuntamiento quiere un informe jurídico antes del verano."),
    ("Die Bundespolizei verschiebt die Gesichtserkennung am Flughafen",
     "Erst soll der Datenschutzbeauftragte das System prüfen."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), BODY_PAUSES)
def test_a_body_delaying_its_own_face_matching_is_the_government(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")
