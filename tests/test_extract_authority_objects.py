"""A public body acting on a company (or on face recognition in its own domain) is the
body's act, never the company's policy change; and the converse, a company's own move
told next to a body, stays the company's. Written for these tests (issue 12, auth12e):
invented companies, places and bodies, several languages per family.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# ------------------------------- a body's verb governs the company cue after it


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Tribunal de Lisboa obriga a Pellucid a apagar os rostos recolhidos em feiras",
         "A empresa tem noventa dias para destruir as fotografias e os modelos biométricos.",
         "court"),
        ("El Ayuntamiento de Valdeoro prohíbe a Norvel Sistemas instalar cámaras faciales en"
         " los mercados", "La empresa había ofrecido el sistema gratis durante un año.",
         "government"),
        ("Comissão de Segurança rejeita câmeras de reconhecimento facial em protestos",
         "O projeto volta agora para a autora.", "government"),
        ("Rechtsausschuss des Landtags lehnt Gesichtserkennung bei Demonstrationen ab",
         "Die Polizei hatte den Einsatz bei Großlagen gefordert.", "government"),
        ("Marrowgate's face-data class deal approved by a Denver judge",
         "Members who uploaded photos will each get about $40.", "court"),
    ],
)  # fmt: skip
def test_a_body_s_verb_before_the_company_cue_makes_the_body_s_act(
    title: str, summary: str, kind: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


@pytest.mark.parametrize(
    "title",
    [
        "City council says Fennimore Labs has ended face-matching sales to landlords",
        "Data regulator says Fennimore Labs no longer sells face matching to landlords",
    ],
)
def test_a_body_that_reports_a_company_s_move_leaves_it_the_company_s(title: str) -> None:
    result = found(title, "The company confirmed it ended those sales in March.")
    assert (result.relevant, result.actor_type, result.action) == (True, "vendor", "ban")


# ------------------------- a company acting at a body's direction, told after it


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Bowling chain Strikewell removes face gates after an order from the data regulator",
         "Members go back to cards in all of its alleys."),
        ("Los hoteles Ostrava apagan el registro facial tras una investigación de la autoridad"
         " de consumo", "Los huéspedes vuelven a enseñar el pasaporte en recepción."),
        ("Les cinémas Lumerie coupent leurs bornes faciales après une mise en demeure de la CNIL",
         "Les spectateurs retrouvent les billets papier."),
    ],
)  # fmt: skip
def test_a_company_acting_after_a_regulator_s_order_is_the_regulator_s_act(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "regulator")


# ------------------------ a bare place whose councillors decide, and committees


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tarnhollow closes its swimming pools to face cameras",
         "Councillors voted eleven to three to keep face matching out of every leisure centre."),
        ("Mirecourt-sur-Lande ferme ses piscines aux caméras faciales",
         "Les élus ont décidé d'exclure toute reconnaissance des visages des équipements sportifs."),
        ("Stadt Quellbach verbannt Gesichtserkennung aus ihren Bädern",
         "Der Stadtrat stimmte mit klarer Mehrheit für das Verbot."),
    ],
)  # fmt: skip
def test_a_place_whose_elected_body_decides_is_a_government_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


def test_a_place_named_company_whose_police_comment_stays_the_company_s() -> None:
    result = found(
        "Tarnhollow Vision stops selling face search to shopping centres",
        "Police chiefs criticised the decision on Monday.",
    )
    assert (result.relevant, result.actor_type) == (True, "vendor")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Senate committee backs a bill letting tenants refuse face scans at the door",
         "Landlords using face matching would have to offer keys or fobs."),
        ("Innenausschuss billigt Verbot von Gesichtsscans in Stadien",
         "Das Plenum muss noch abstimmen."),
    ],
)  # fmt: skip
def test_a_committee_s_vote_is_a_government_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


# ------------------------------------------------------------ export blacklists


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Washington vieta le esportazioni verso Zhonglan Vision, produttore di telecamere"
         " facciali", "Il provvedimento del governo americano colpisce anche due partner cinesi."),
        ("Washington sanctionne Zhonglan Vision pour la surveillance par reconnaissance faciale",
         "Le fabricant de caméras faciales ne pourra plus acheter de puces américaines."),
    ],
)  # fmt: skip
def test_a_country_blacklisting_a_vendor_is_a_government_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


# ------------------------------------------ who collects money, and who pays it


def test_a_privacy_office_collecting_money_is_a_regulator() -> None:
    result = found(
        "National data board collects €900,000 from Glimmerhouse for storing face prints"
        " without consent",
        "The company had kept the prints of shop visitors for two years.",
    )
    assert (result.relevant, result.actor_type) == (False, "regulator")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Glimmerhouse will compensate photo-app users with $6m for face prints kept in its"
         " cloud", "The face-sorting tool behind them was closed in 2020."),
        ("Glimmerhouse zahlt Nutzern 6 Millionen wegen gespeicherter Gesichtsdaten",
         "Die Gesichtsalben wurden 2020 abgeschaltet; an den heutigen Apps ändert sich nichts."),
],
)  # fmt: skip
def test_a_company_paying_its_users_over_a_retired_feature_changes_no_policy(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "vendor")


def test_a_payment_with_a_new_sales_limit_is_still_news() -> None:
    result = found(
        "Glimmerhouse to pay $6m over face data",
        "It will also stop selling its face search to casinos.",
    )
    assert (result.relevant, result.actor_type) == (True, "vendor")


# ------------------------------------------------ smaller pieces of the same family


def test_a_german_pluperfect_with_its_participle_last_is_background() -> None:
    result = found(
        "Urteil: Kamerafirma Brackwald muss keine Strafe zahlen",
        "Die Richter hoben die Anordnung der Aufsicht auf; Brackwald hatte seine"
        " Gesichtssuche bereits 2018 aufgegeben.",
    )
    assert (result.relevant, result.actor_type) == (False, "court")


def test_a_state_telling_a_district_to_wait_is_a_government_act() -> None:
    result = found(
        "Ohio tells Brookfield schools to pause their face-matching trial",
        "The state education office asked the district to wait before switching the cameras on.",
    )
    assert (result.relevant, result.actor_type) == (False, "government")


def test_a_bill_number_heading_an_item_is_a_government_act() -> None:
    result = found(
        "PL 4410/26: lojas terão de aceitar documento no lugar do rosto",
        "Pelo texto, comércios não poderão exigir reconhecimento facial na entrada.",
    )
    assert (result.relevant, result.actor_type) == (False, "government")


def test_a_state_named_as_the_law_of_a_private_suit_does_not_act() -> None:
    result = found(
        "Ravelin Photo pays $2m over old face tags; sales rules unchanged",
        "The money ends an Ohio biometric privacy suit brought by app users.",
    )
    assert result.actor_type != "government"


def test_accepting_no_new_orders_from_a_customer_group_is_a_refusal() -> None:
    result = found(
        "Sallowby gives lawmakers a year",
        "Sallowby Labs will accept no fresh orders from county sheriffs for twelve months,"
        " it said of its face search.",
    )
    assert (result.relevant, result.actor_type, result.action) == (True, "vendor", "moratorium")


def test_a_company_acting_as_a_regulator_had_ordered_is_the_regulator_s_act() -> None:
    result = found(
        "Climbing walls at Cragholt reopen with wristbands",
        "The climbing-gym chain Cragholt turned off its face check-in on Friday, as the"
        " data-protection office had ordered in the spring.",
    )
    assert (result.relevant, result.actor_type) == (False, "regulator")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tramways de Montbrise : aucune caméra faciale jusqu'en 2031, ont décidé les élus",
         "La délibération vaut aussi pour les arrêts et les dépôts."),
        ("Keine Gesichtserkennung in den Bussen von Ellweiler bis 2031",
         "Das beschloss der Kreistag am Donnerstag einstimmig."),
    ],
)  # fmt: skip
def test_an_elected_body_named_after_its_decision_is_a_government_act(
    title: str, summary: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")


def test_court_papers_are_a_channel_not_a_court_acting() -> None:
    result = found(
        "Court papers: Thistlewood Analytics no longer sells its face search to casinos",
        "The company's lawyers described the change in a motion filed last week.",
    )
    assert result.actor_type == "vendor"


def test_a_sum_paid_to_close_claims_over_a_retired_feature_changes_no_policy() -> None:
    result = found(
        "Camera owners split $2m from Brightwick Home",
        "The money ends claims over a face-naming feature for visitors that the company"
        " switched off in 2021; current cameras are unchanged.",
    )
    assert (result.relevant, result.actor_type) == (False, "vendor")


def test_an_order_the_headline_names_without_its_body_is_the_body_the_summary_names() -> None:
    result = found(
        "Bowling chain Rollmere to drop face-scan entry under agency order",
        "Rollmere agreed to take out the readers after the consumer authority found members"
        " had not been told how their faces were used.",
    )
    assert (result.relevant, result.actor_type) == (False, "regulator")


def test_the_headline_s_own_authority_signal_decides_the_kind() -> None:
    result = found(
        "EUA põem a fabricante de câmeras Dravnik em lista de sanções",
        "A empresa vende reconhecimento facial para polícias; autoridades americanas negam"
        " ligação com as negociações comerciais.",
    )
    assert (result.relevant, result.actor_type) == (False, "government")


def test_a_company_named_pay_is_no_payment() -> None:
    result = found(
        "Brindle Pay rivede i controlli sui selfie per i nuovi iscritti",
        "L'azienda limita il riconoscimento del viso agli utenti già registrati.",
    )
    assert (result.relevant, result.actor_type) == (True, "vendor")


def test_a_settlement_whose_headline_is_its_approval_is_the_court_s_news() -> None:
    result = found(
        "Pellmore face-data settlement wins the court's blessing",
        "The judge found the terms fair; Pellmore's limits on casino sales stay as agreed.",
    )
    assert (result.relevant, result.actor_type) == (False, "court")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Orvane Optics lands on Washington's entity list over camera exports",
         "The face-analytics firm will need a licence to buy American sensors."),
        ("Orvane Optics entra na lista de restrições comerciais de Washington",
         "A fabricante de câmeras com reconhecimento facial perde acesso a chips americanos."),
        ("Orvane Optics finisce nella lista nera degli Stati Uniti",
         "Il produttore di telecamere con riconoscimento facciale non potrà comprare sensori."),
    ],
)  # fmt: skip
def test_a_company_put_on_a_trade_list_is_the_government_s_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government")
