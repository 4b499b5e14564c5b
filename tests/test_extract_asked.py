"""Headlines that ask instead of telling (bot/extract/asked.py), money paid over a
feature already gone, a platform's cut-off told with a verb no list has, and time words
inside a fronted background clause (prec14). Invented vendors and sentences throughout."""

from __future__ import annotations

import pytest

from bot.extract import extract, known_vendors
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Is Pemberwick getting ready to drop its face matching?",
         "Analysts point to a shrinking biometrics team; Pemberwick has said nothing."),
        ("Has Dunmore Labs stopped selling face recognition to casinos?",
         "Two gaming operators say renewals stalled; the company did not reply."),
        ("Verlässt Auenbruck das Geschäft mit der Gesichtserkennung?",
         "Stellenausschreibungen deuten auf einen Umbau hin; eine Entscheidung ist nicht bekannt."),
        ("¿Volverá Peñascal a ofrecer reconocimiento facial a los bancos?",
         "Varias ofertas de empleo disparan los rumores; la empresa guarda silencio."),
        ("Rocheclaire va-t-elle renoncer à la reconnaissance faciale ?",
         "Selon la presse spécialisée, le conseil d'administration étudie la question."),
        ("Sassofino lascerà il riconoscimento facciale?",
         "Voci di corridoio parlano di una cessione del ramo; nessun annuncio ufficiale."),
        ("A Mangabeira vai suspender o reconhecimento facial para lojistas?",
         "Rumores circulam no setor; a empresa não confirma nada."),
    ],
)  # fmt: skip
def test_a_yes_no_question_in_the_headline_is_no_decision(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # a wh-question asks about a change made: commentary on it
        ("Why is Pemberwick turning away police buyers of its face search?",
         "Pemberwick told customers on Friday it will no longer sell face search to police "
         "forces.", "Pemberwick", "ban"),
        # a yes/no headline whose summary reports the decision keeps it
        ("Curtains for Oakhurst Face?",
         "Oakhurst confirmed it switches off its face recognition service for good on May 1.",
         "Oakhurst", "shutdown"),
    ],
)  # fmt: skip
def test_a_question_about_a_decision_told_keeps_it(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Assemblywoman asks Tenterden Vision how far its face-search pause reaches",
         "Her office wants a list of agencies still logging in; the firm made no new announcement."),
        ("Landtagsabgeordneter fragt Brunnwald, ob das Verkaufsmoratorium für Gesichtserkennung auch Schulen betrifft",
         "Eine Antwort des Unternehmens steht aus."),
        ("Una diputada pregunta a Corzuela si su pausa de reconocimiento facial incluye a las cárceles",
         "La empresa no ha respondido a la consulta."),
        ("Une sénatrice écrit à Valmorin au sujet de son gel de la reconnaissance faciale",
         "Elle demande quels services de l'État restent clients ; Valmorin ne commente pas."),
    ],
)  # fmt: skip
def test_someone_else_asking_about_a_stop_is_no_decision(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


def test_the_company_writing_its_own_letter_still_acts() -> None:
    f = found(
        "Tenterden Vision writes to police customers: its face search ends for them in June",
        "The company will stop selling face recognition to police departments.",
    )
    assert (f.relevant, f.vendor) == (True, "Tenterden Vision"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Neighbourhood groups launch a campaign against Whitlow's face recognition doorbells",
         "They want the company to switch the face feature off; Whitlow says it will not."),
        ("Des parents lancent une pétition contre les portiques à reconnaissance faciale de Berlacq",
         "Ils demandent à l'entreprise de renoncer aux écoles ; Berlacq n'a pas répondu."),
        ("Vereine starten eine Petition gegen die Gesichtserkennung von Mooshagen in Sporthallen",
         "Sie fordern, dass der Anbieter seine Kameras abbaut."),
    ],
)  # fmt: skip
def test_a_campaign_launched_is_no_launch_and_no_decision(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f
    assert f is None or f.signal != "deployment", f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Caudwell paie une amende pour une ancienne fonction de reconnaissance faciale",
         "L'autorité des données encaisse un million d'euros ; la fonction avait été retirée en 2019."),
        ("Fenwold paie 500 000 dollars pour sa recherche faciale abandonnée",
         "Le commissaire à la vie privée clôt le dossier."),
    ],
)  # fmt: skip
def test_money_paid_over_a_retired_feature_is_no_change(title: str, summary: str) -> None:
    # (as in the stream: the payer is already known for FR news of its own)
    f = extract(entry(title, summary), known_vendors(["Caudwell", "Fenwold"]))
    assert f is None or not f.relevant, f


def test_a_platform_blocking_servers_cuts_the_company_off() -> None:
    known = known_vendors(["Ravelin Seek", "Nebelhaus"])
    f = extract(
        entry(
            "Cloud-Anbieter Nebelhaus kündigt Ravelin Seek, dem Dienst für Gesichtssuche, alle Server",
            "Vorübergehend ist Ravelin Seek damit offline, so der Rechenzentrumsbetreiber.",
        ),
        known,
    )
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        ("Quatro anos depois da pausa da Coruja, a Sanhaço recusa os bancos",
         "A Sanhaço deixa de oferecer reconhecimento facial para instituições financeiras.",
         "Sanhaço", "ban"),
        ("Tres años después del cierre de Lindero, Garcilla rechaza a los casinos",
         "Garcilla no venderá más su reconocimiento facial a salas de juego.",
         "Garcilla", "ban"),
    ],
)  # fmt: skip
def test_a_time_span_in_a_fronted_clause_sets_no_term(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


def test_a_fronted_with_clause_is_background() -> None:
    known = known_vendors(["Ashgrove"])
    f = extract(
        entry(
            "With face matching dropped by Ashgrove, Pelham Gate launches face entry at climbing halls",
            "Pelham Gate expects its first climbing-hall customers in April.",
        ),
        known,
    )
    assert f is None or not f.relevant, f
    assert f is None or f.vendor != "Ashgrove", f
