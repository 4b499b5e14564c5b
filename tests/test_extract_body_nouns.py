"""Authorities named by the kind of body they are, in several languages: a body noun is no
company, a fine named with its payer is a regulator's act, and a court that a rule or a
deal requires ("a court order for each search") is a condition, not a court acting.
Invented places, bodies and companies, written for these tests (issue 12)."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# ---------------------------------------------- a body noun is no company, in any language


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Il Parlamento chiede di fermare i volti ripresi nelle piazze",
         "Ora la Commissione dovrà proporre un divieto e cancellare le riprese entro un anno."),
        ("El Parlamento pide suspender la identificación facial en las calles",
         "El texto insta a la Comisión a retirar las cámaras que reconocen rostros."),
    ],
)  # fmt: skip
def test_a_body_noun_in_another_language_is_no_company(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.vendor, result.relevant) == ("government", None, False)


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Des caméras qui reconnaissent les visages dans les trains ? Le conseil régional de "
         "Corvèze dit non", "Les élus ont rejeté le projet par 41 voix contre 12.", "government"),
        ("State assembly in Ostravia votes to curb police face matching",
         "Members backed the measure 61-20 after a long night session.", "government"),
        ("Regulador de dados manda a Ondara retirar o reconhecimento facial das lojas até março",
         "A cadeia terá ainda de apagar as imagens já guardadas.", "regulator"),
        ("Queixa de pais leva autoridade de dados a mandar apagar rostos de alunos em Braga",
         "A escola registava as presenças com reconhecimento facial.", "regulator"),
    ],
)  # fmt: skip
def test_a_body_that_orders_or_votes_acts_as_its_kind(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.relevant) == (kind, False)


def test_a_company_named_with_its_suffix_still_acts_for_itself() -> None:
    result = found(
        "Asterion Labs deja de ofrecer su reconocimiento facial a las policías municipales",
        "La empresa revisará sus contratos durante un año.",
    )
    assert (result.actor_type, result.relevant) == ("vendor", True)


# ------------------------------------------------------ a fine named with its payer


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("400 000 euros : c'est l'amende infligée à la salle de sport Musclia pour ses bornes "
         "faciales", "Les abonnés devaient montrer leur visage pour entrer, sans autre choix."),
        ("Controllo dei volti alle casse: 70mila euro di multa alla catena Brenta",
         "Le casse registravano i dati biometrici dei clienti senza informarli."),
        ("Por sus datos biométricos, 90.000 euros de multa a la cadena Lorenza",
         "Los clientes no fueron avisados de que se guardaban plantillas de su cara."),
    ],
)  # fmt: skip
def test_a_fine_named_with_its_payer_is_a_regulator_s_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.relevant) == ("regulator", False)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("La salle Musclia n'aura rien à payer, le tribunal administratif ayant annulé l'amende",
         "Les juges estiment que les visages des abonnés n'étaient pas conservés."),
        ("Niente da pagare per Brenta: i giudici del TAR cancellano la multa sui volti",
         "Secondo la sentenza, i dati biometrici dei clienti non erano conservati."),
    ],
)  # fmt: skip
def test_a_court_that_quashes_the_fine_outranks_it(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "court"


# ------------------------------- face data without an FR term: the headline's fine


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Biometria in mensa, 40mila euro di sanzione alla scuola di Alvera",
         "Gli studenti pagavano il pranzo appoggiando la mano su un lettore."),
        ("Telecamere in classe: 30mila euro di sanzione all'istituto Ferri",
         "Il preside registrava le presenze degli alunni con le riprese."),
        ("Empreintes et biométrie à l'usine : 12 000 euros d'amende pour la conserverie Ribaud",
         "Les ouvriers pointaient avec leur doigt, sans autre moyen."),
    ],
)  # fmt: skip
def test_a_fine_in_the_headline_of_a_face_data_item_is_a_regulator_s(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.relevant) == ("regulator", False)


def test_face_data_with_no_authority_is_no_finding() -> None:
    item = entry(
        "Biometria in mensa: gli studenti di Alvera pagano appoggiando la mano",
        "La scuola ha installato un lettore al posto dei buoni pasto.",
    )
    assert extract(item) is None


# ------------------------------------------- a court that a rule requires is no actor


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Port Aldous council caps police face matching",
         "The new rule requires a court order for each search and bans scanning crowds."),
        ("Harlow County adopts ordinance limiting face searches",
         "Deputies will need a warrant or court order before any facial recognition query."),
        ("Face searches by Brenford police will require a judge's sign-off from now on, per new state rules",
         "Lawmakers also barred officers from scanning crowds at protests."),
    ],
)  # fmt: skip
def test_a_required_court_order_is_a_condition_of_the_government_s_rule(
    title: str, summary: str
) -> None:
    assert found(title, summary).actor_type == "government"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Court orders Brisca to stop selling face matching to retailers",
         "The judge found the company broke the state's biometric privacy law."),
        ("In a ruling released Tuesday, a federal judge ordered Brisca to purge the face "
         "prints it took from shoppers", "The company said it would comply."),
    ],
)  # fmt: skip
def test_a_court_that_acts_is_still_the_court(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "court"
