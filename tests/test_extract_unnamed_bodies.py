"""Government, regulator and court acts told without a body name the gazetteer knows:
a capital or a bloc standing for its government, a cabinet or an executive, a body's
plan or draft in the headline, a body named by a generic head with a lower-case or a
possessive modifier, and a headline that names the body speaking for it only at its
end. Written for these tests (issue 12, gov12f): invented places, companies and events,
several languages per family; the negatives keep a company's plan, a campaign, a
study and a company speaking out of the authority channel.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# ---------------------------------- a capital, a bloc or an executive as the subject


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Beijing bars hotels from making guests scan their faces at check-in",
         "Front desks must offer a passport check instead from the first of March."),
        ("Bruxelles impose aux banques une alternative à la reconnaissance faciale",
         "Chaque client pourra ouvrir un compte en agence, sans selfie, dès l'an prochain."),
        ("Moskau verbietet Gesichtserkennung in Schulkantinen",
         "Die Schulen müssen bis zum Herbst zu Karten zurückkehren."),
        ("L'Ue vieta il riconoscimento facciale nelle palestre",
         "Le catene avranno sei mesi per smontare i lettori all'ingresso."),
        ("La UE prohíbe el reconocimiento facial en los gimnasios",
         "Las cadenas tendrán seis meses para retirar los lectores de la entrada."),
        ("Cabinet halts facial recognition in prison visitor queues",
         "Relatives will show an identity card at the gate again from next month."),
        ("Il Consiglio dei ministri blocca il riconoscimento facciale nei porti",
         "Il provvedimento resta in vigore fino all'approvazione di una legge."),
    ],
)  # fmt: skip
def test_a_capital_a_bloc_or_a_cabinet_acts_as_a_government(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Moscow mulls letting commuters opt out of face-pay turnstiles",
         "City officials say a paper ticket office would stay open at every station.",
         "government"),
        ("Lisboa estuda acabar com o reconhecimento facial nas cantinas das escolas",
         "As famílias voltariam aos cartões pré-pagos no próximo ano letivo.", "government"),
        ("Berlin prüft ein Ende der Gesichtserkennung in Jobcentern",
         "Antragsteller sollen sich wieder mit dem Ausweis am Schalter melden können.",
         "government"),
        ("Tallmark's gaming watchdog weighs ending face checks for casino entry",
         "Players could show a loyalty card and an ID card at the door instead.",
         "regulator"),
    ],
)  # fmt: skip
def test_a_body_s_plan_in_the_headline_is_the_body_s(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Quillfeather weighs a return of face search for casinos",
         "Managers said no decision would come before the autumn."),
        ("Quillfeather envisage de proposer la reconnaissance faciale aux casinos",
         "Aucune décision n'est attendue avant l'automne, selon la direction."),
    ],
)  # fmt: skip
def test_a_company_s_plan_stays_out_of_the_authority_channel(title: str, summary: str) -> None:
    result = found(title, summary)
    assert result.actor_type not in ("government", "regulator", "court")


def test_a_plan_in_the_summary_is_no_body_s_act() -> None:
    result = found(
        "Sorrento Vale keeps its station cameras, minus face recognition, after the verdict",
        "The judges upheld the residents' appeal; the mayor is weighing a further appeal.",
    )
    assert result.actor_type == "court"


# -------------------------------- a generic head: "the data authority of X"


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("La Autoridad de Datos de Nuevo Brezo reprende a un hospital por fichar con la cara",
         "El centro usaba reconocimiento facial para el control horario de las enfermeras.",
         "regulator"),
        ("L'autorité des données de Vorland interdit la reconnaissance faciale au golf de"
         " Quillfeather", "Le club devra revenir aux cartes de membre avant la saison.",
         "regulator"),
        ("Vorland's data authority gives a bowling chain two weeks to pull its face-scan"
         " lockers", "Members had to look into a camera to open their locker.", "regulator"),
        ("Vorland's transport ministry drops face-scan boarding at its airports",
         "Travellers will show a boarding pass and passport again from June.", "government"),
    ],
)  # fmt: skip
def test_a_generic_body_head_names_the_actor(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


def test_an_adjective_of_nationality_is_no_country() -> None:
    result = found(
        "Justicia chilena anula las cámaras de reconocimiento facial de Valdeluz",
        "El fallo obliga al municipio a desconectar el sistema en un mes.",
    )
    assert result.actor_type == "court"


# ---------------------------- the body that speaks for the headline, at its end


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Face checks at the Norrhaven ferry gates were unlawful, privacy regulator finds",
         "Passengers were never offered another way to board.", "regulator"),
        ("Face-scan clocking at the Lindqvist plant breached workers' rights, court rules",
         "The employer must return to badges within a month.", "court"),
        ("Pointage par reconnaissance faciale à la piscine de Sainte-Oriane : les maîtres"
         " nageurs ont gagné, juge le tribunal",
         "L'employeur doit revenir aux badges avant l'été.", "court"),
        ("Riconoscimento facciale in biblioteca? Trattamento illecito, dice il Garante",
         "Il comune dovrà spegnere i varchi entro un mese.", "regulator"),
        ("Reconhecimento facial nas escolas de Pedra Alta é ilegal, decide a Justiça",
         "A prefeitura tem trinta dias para desligar as câmeras.", "court"),
    ],
)  # fmt: skip
def test_a_closing_body_speaks_for_the_headline(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


def test_a_company_speaking_at_the_end_is_no_body() -> None:
    result = found(
        "Our face matching was never sold to sheriffs, Quillfeather says",
        "The company repeated the policy it adopted in 2022; nothing has changed.",
    )
    assert result.actor_type not in ("government", "regulator", "court")


# ------------------ a place standing for its authorities, and never for a company


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Portugal quer limitar o reconhecimento facial nas bibliotecas públicas",
         "A autoridade de proteção de dados prepara orientações para os municípios."),
        ("Poland moves to curb face scanning in hospital lobbies",
         "The data protection authority will publish binding guidance next month."),
    ],
)  # fmt: skip
def test_a_place_standing_for_a_named_regulator_is_the_regulator(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "regulator")


def test_a_capital_as_the_actor_is_no_company_on_the_finding() -> None:
    result = found(
        "Bruxelles impose une caisse sans caméra aux supermarchés à reconnaissance faciale",
        "Les enseignes auront un an pour ouvrir au moins une caisse classique.",
    )
    assert (result.actor_type, result.vendor) == ("government", None)


# -------------------- a place's authorities in the plural, or its capital, acting


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Las autoridades de Brezal prohíben el reconocimiento facial en las piscinas",
         "Los bañistas entrarán con la tarjeta municipal de siempre."),
        ("Le autorità di Brezal vietano il riconoscimento facciale nelle piscine",
         "I bagnanti entreranno con la solita tessera comunale."),
        ("Die Behörden von Brezal verbieten Gesichtserkennung in Schwimmbädern",
         "Badegäste kommen wieder mit der Stadtkarte hinein."),
        ("Orlen Vale's capital drops face-scan entry at its swimming pools",
         "Swimmers will use the usual city card from Monday."),
        ("La capitale d'Orlen Vale abandonne la reconnaissance faciale dans ses piscines",
         "Les nageurs retrouveront la carte municipale dès lundi."),
    ],
)  # fmt: skip
def test_a_place_s_authorities_or_its_capital_act_as_its_government(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


def test_a_company_s_city_contracts_stay_the_company_s() -> None:
    result = found(
        "Quillfeather's city contracts end as it stops selling face recognition to councils",
        "The company said it would serve no municipal customer from January.",
    )
    assert result.actor_type == "vendor"
