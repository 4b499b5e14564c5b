"""Who acts, family by family: invented vendors, places and bodies, several phrasings
per family, and negatives that must not fire. Written for these tests (issue 12)."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# --------------------------------------------------- a vendor's headline with no act


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Inside Corvane Labs' new rules for its face search",
         "Corvane Labs explained how customers will be vetted from next month."),
        ("Halden Vision and the face-matching contracts it now turns down",
         "The vendor described the retail requests it no longer accepts."),
        ("Tessro AI's facial recognition deal with three stadiums, explained",
         "The startup will run entry gates that check fans against ticket photos."),
    ],
)  # fmt: skip
def test_a_vendor_headline_with_no_act_found_is_the_vendor_s_item(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "vendor"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Corvane Labs weighs bringing facial recognition back, report says",
         "People familiar with the plans say nothing is decided."),
        ("Petition urges Halden Vision to scrap its face search",
         "More than 20,000 people signed the campaign."),
        ("Tessro AI founder steps down after facial recognition row",
         "The face-matching startup named an interim chief executive."),
        ("Researchers test Corvane Labs' facial recognition on older faces",
         "The study found more errors for people over seventy."),
    ],
)  # fmt: skip
def test_plans_campaigns_people_and_studies_have_no_actor(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "none"


# ------------------------------------------- a condition or an addressee does not act


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Brisk Optics will not sell facial recognition to retailers until lawmakers act",
         "The Austin company says it is turning down every request from shop chains."),
        ("Marlo Vision tells the county board it has halted face-recognition sales to deputies",
         "The board had asked the vendor about its police work."),
        ("Tessan AI tells judge it cut off every private customer of its face search",
         "The filing says only public agencies keep access."),
        ("Kelvra switches off face grouping for users in two states",
         "Both states have statutes that require written consent before a face is scanned."),
    ],
)  # fmt: skip
def test_the_vendor_acts_whatever_authority_its_sentence_names(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


def test_a_customer_group_word_is_no_authority() -> None:
    f = found(
        "Varn AI cancels every non-government account of its face search",
        "Private clients lose access at the end of the month.",
    )
    assert f.actor_type == "vendor", f


# ------------------------------------------------------ regulators and courts by name


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Protección de Datos multa a Supermercados Olmo por sus cámaras de reconocimiento facial",
         "La agencia considera ilegal comparar la cara de los clientes.", "regulator"),
        ("Landesdatenschutzbeauftragte untersagt Gesichtserkennung im Stadion",
         "Der Verein muss die gespeicherten Gesichtsdaten löschen.", "regulator"),
        ("Il Garante blocca il riconoscimento facciale negli stadi di Verona",
         "Il provvedimento vale fino a nuova legge.", "regulator"),
        ("Desembargadora do TJ-MG mantém suspensão do reconhecimento facial no metrô",
         "A decisão nega o recurso da companhia.", "court"),
        ("Liminar suspende o reconhecimento facial nas escolas de Curitiba",
         "A 3ª Vara da Fazenda Pública atendeu ao pedido dos pais.", "court"),
        ("Le tribunal administratif de Lyon annule la reconnaissance faciale au lycée",
         "Le jugement relève un traitement disproportionné.", "court"),
        ("Un magistrado frena las cámaras de reconocimiento facial de la ciudad",
         "El juez ordenó peritar los equipos.", "court"),
    ],
)  # fmt: skip
def test_authorities_named_in_their_own_language(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


# ------------------------------------------------------ money paid to an authority


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Orvane pays a fine over face tags it retired in 2021",
         "The penalty closes an inquiry; the app's current face grouping is not affected.",
         "regulator"),
        ("Lumsk pays the state $3 million over its old face recognition feature",
         "The company says the current version asks for consent.", "government"),
        ("Attorney general collects $5 million from Pindar over deleted face templates",
         "The money covers conduct before 2022.", "government"),
    ],
)  # fmt: skip
def test_money_paid_to_an_authority_is_its_action(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


def test_a_class_action_payout_is_no_authority_action() -> None:
    f = found(
        "Pellom pays $20 million to settle users' facial recognition class action",
        "Class members will each receive about $90.",
    )
    assert f.actor_type not in ("regulator", "government"), f


# ------------------------------------------------------- at an authority's direction


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Fitwell gyms stop face scans at the door under the privacy commissioner's order",
         "The chain will delete stored templates within 30 days.", "regulator"),
        ("Après une enquête de la CNIL, la chaîne Vitaform renonce à la reconnaissance faciale",
         "Les bornes seront retirées des salles.", "regulator"),
    ],
)  # fmt: skip
def test_a_company_acting_on_an_authority_s_order(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


def test_pressure_in_a_background_phrase_leaves_the_vendor_acting() -> None:
    f = found(
        "Arlon revives facial recognition for European users",
        "The company will again offer face grouping; a national regulator had pushed it "
        "to abandon the feature five years ago.",
    )
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "reversal"), f


# ------------------------------------------------------- a place passing a law


@pytest.mark.parametrize(
    "title",
    [
        "Marbury passes a ban on police facial recognition",
        "Lindale adopts the region's strictest facial recognition ordinance",
        "Port Hollis approves a two-year facial recognition moratorium",
    ],
)
def test_a_named_place_passing_a_ban_is_a_government(title: str) -> None:
    f = found(title, "The measure takes effect in January.")
    assert (f.relevant, f.actor_type) == (False, "government"), f


def test_investors_voting_are_no_government() -> None:
    f = extract(entry("Investors vote down limits on facial recognition sales", ""))
    assert f is None or f.actor_type != "government", f


# ------------------------------------------- a platform cutting an FR vendor off


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Dunmore's app vanishes from the biggest app store",
         "Storewell pulled the face-search app and froze the maker's developer login."),
        ("Dunmore appeals after its face search app was delisted",
         "The company is fighting the store's ruling that took its app down; the website "
         "stays up."),
        ("Paystream drops Dunmore as a merchant",
         "The card processor says the face-search startup sold personal data "
         "against its rules."),
        ("Photo network Glimmr cuts off Dunmore's API access",
         "Glimmr says the facial recognition vendor scraped profile pictures in bulk."),
    ],
)  # fmt: skip
def test_platform_enforcement_is_no_policy_change(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "vendor"), f


def test_a_vendor_removing_its_own_app_is_still_its_change() -> None:
    f = found(
        "Dunmore removes its face search app from sale",
        "The company says it will no longer offer facial recognition to anyone.",
    )
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


# ------------------------------------------- an FR user acting under an authority


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Les magasins Norbel renoncent à la reconnaissance faciale",
         "Après une enquête de la CNIL, la chaîne s'engage à retirer ses caméras."),
        ("Autoridade portuguesa aplica coima à Visara pelo reconhecimento facial",
         "A empresa fica proibida de tratar dados de clientes e tem de apagar os registos."),
    ],
)  # fmt: skip
def test_an_authority_s_order_is_its_action_in_any_sentence(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("State office probes stadium owner's facial recognition of ticket holders",
         "The attorney general's office sent a letter asking for records by March.",
         "government"),
        ("Review body sides with grocer on repeat-offender face checks",
         "The decision overturns part of last year's privacy determination.", "court"),
        ("Privacy office's report faults Ostrel's face training data",
         "The commissioner found the photos were scraped without consent.", "regulator"),
    ],
)  # fmt: skip
def test_authorities_told_loosely(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Harrow AI's government sales freeze on face matching will run another year",
         "The pause was to end in March; the company now says it lasts until next spring."),
        ("Harrow AI halts police contracts for its facial recognition for a year",
         "Existing deployments run to term."),
    ],
)  # fmt: skip
def test_a_customer_word_modifying_sales_is_no_actor(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


def test_a_watchdog_ordering_stays_the_actor() -> None:
    f = found(
        "Provincial watchdog orders Harrow AI to delete residents' face images",
        "The facial recognition firm has 60 days to comply.",
    )
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


# ------------------------------------------------- plans and reports are no change


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Quenby reconsiders facial recognition for its next doorbell",
         "The company shelved the feature in 2022 over privacy worries and is now revisiting it."),
        ("Quenby plans to bring facial recognition to its doorbells, memo shows",
         "An internal memo describes a launch next year."),
        ("Quenby weighs a return to police sales of its face matching, report says",
         "People familiar with the talks say nothing has been decided."),
    ],
)  # fmt: skip
def test_a_plan_or_report_is_neither_a_change_nor_a_deployment(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant and f.signal != "deployment", f


def test_a_switched_off_capability_in_an_app_is_no_deployment() -> None:
    f = found(
        "Dormant facial recognition code sits inside the Quenby camera app",
        "Researchers found the matching library in the code, but it is inactive.",
    )
    assert not f.relevant and f.signal != "deployment", f


def test_a_real_rollout_is_still_a_deployment() -> None:
    f = found(
        "Quenby rolls out facial recognition to its doorbells in Canada",
        "Owners can switch on face alerts from today.",
    )
    assert f.signal == "deployment", f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Ostrel faces record penalty from the national privacy regulator",
         "Three other countries have already sanctioned the company over its face database.",
         "regulator"),
        ("Appeals tribunal overturns the £2m fine on Ostrel's face search",
         "Judges said the commissioner had no jurisdiction over the firm's foreign clients.",
         "court"),
        ("Ostrel pays over a face-tagging feature it retired in 2020",
         "The attorney general's office says the payment is for conduct that already ended.",
         "government"),
    ],
)  # fmt: skip
def test_an_authority_headline_outweighs_summary_words(
    title: str, summary: str, actor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


def test_a_launch_with_a_regulator_in_its_background_stays_the_vendor_s() -> None:
    f = found(
        "Ostrel brings face grouping to Brazil",
        "The rollout follows talks with the data protection authority last year.",
    )
    assert f.actor_type == "vendor", f


def test_a_summary_opening_with_the_vendor_makes_it_the_vendor_s_item() -> None:
    f = found(
        "Portrait look-alike game stops working for users in two states",
        "Ostrel confirmed that the face-matching feature of its museum app is unavailable; "
        "both states have biometric statutes that require written consent.",
    )
    assert f.actor_type == "vendor", f


@pytest.mark.parametrize(
    "summary",
    [
        "Both states have privacy statutes that require notice before a face is scanned.",
        "The two states have laws which demand written consent for face templates.",
    ],
)
def test_a_law_described_in_a_relative_clause_does_not_act(summary: str) -> None:
    f = found("Ostrel switches off face grouping for users in two states", summary)
    assert f.actor_type == "vendor", f


@pytest.mark.parametrize(
    "title",
    [
        "Axon adopts a ban on facial recognition in its body cameras",
        "Corvane Labs approves a moratorium on police sales of facial recognition",
    ],
)
def test_a_company_adopting_a_ban_is_no_government(title: str) -> None:
    f = found(title, "The decision takes effect today.")
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary", "not_vendor"),
    [
        ("Pour le régulateur, Ostrel a collecté des visages illégalement",
         "L'autorité de protection des données ordonne l'effacement des photos.", "Pour"),
        ("Un juez ordena suspender el reconocimiento facial de la ciudad",
         "El juez Mateo Larrain frenó el sistema por falta de controles.", "Mateo Larrain"),
    ],
)  # fmt: skip
def test_openers_and_officials_are_no_company(title: str, summary: str, not_vendor: str) -> None:
    f = found(title, summary)
    assert f.actor_type in ("regulator", "court") and f.vendor != not_vendor, f


def test_a_vendor_s_paid_settlement_with_sales_terms_stays_its_change() -> None:
    f = found(
        "Ostrel pays $30 million and agrees to stop selling face search to private firms",
        "The deal ends a suit brought under the state's biometric law.",
    )
    assert (f.relevant, f.actor_type) == (True, "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Norvale decreta una moratoria de reconocimiento facial para policías municipales",
         "La empresa no firmará contratos con ayuntamientos durante un año."),
        ("Norvale suspend la reconnaissance faciale pour les polices municipales",
         "L'entreprise ne signera aucun contrat pendant un an."),
    ],
)  # fmt: skip
def test_a_customer_group_adjective_is_no_government(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type != "government", f


def test_a_german_regulator_after_a_fronted_clause_acts_and_names_no_noun_as_company() -> None:
    f = found(
        "Streit um Gesichtserkennung am Bahnhof geht weiter",
        "Weil die Kameras trotz Kritik weiterlaufen, erlässt der Landesdatenschutzbeauftragte "
        "nun eine Löschanordnung für die gespeicherten Gesichtsbilder.",
    )
    assert (f.relevant, f.actor_type, f.vendor) == (False, "regulator", None), f


def test_a_court_order_the_regulator_may_seek_is_no_court_act() -> None:
    f = found(
        "Privacy office's report faults Ostrel's facial recognition training data",
        "Fines are outside the commissioner's powers here, though a judge could be asked for an order.",
    )
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Ostrel ordered to delete facial recognition images of Irish residents",
         "The Data Protection Commission gave the firm 30 days to comply.", "regulator"),
        ("Ostrel barred from facial recognition sales to state agencies",
         "The governor's office says the new law applies from July.", "government"),
    ],
)  # fmt: skip
def test_a_company_ordered_or_barred_in_the_headline(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


def test_a_court_named_with_its_city_acts_not_the_city() -> None:
    f = found(
        "Tribunale di Verona blocca le telecamere con riconoscimento facciale",
        "Il giudice ha accolto il ricorso delle associazioni.",
    )
    assert (f.relevant, f.actor_type) == (False, "court"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Shoppers sue Ostrel under the state's biometric privacy law",
         "The would-be class suit claims the facial recognition vendor stored face templates."),
        ("Ostrel reportedly mulls selling facial recognition to police again",
         "No decision is final, and the settlement's limits remain binding."),
    ],
)  # fmt: skip
def test_a_private_suit_or_a_rumour_is_no_authority_act(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or f.actor_type not in ("government", "regulator", "court"), f


def test_a_vendor_telling_a_city_council_is_no_government_act() -> None:
    f = found(
        "Police won't get doorbell faces matched, Ostrel tells the city council",
        "Answering councillors, the facial recognition maker said it stopped all police requests.",
    )
    assert f.actor_type == "vendor", f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ostrel names co-CEOs as it courts defence buyers for its facial recognition",
         "The firm wants to triple sales to federal agencies."),
        ("Lawsuit accuses Ostrel of scraping faces without consent",
         "The complaint says billions of photos were copied from social networks."),
        ("Ostrel hit by privacy complaints over its facial recognition in four countries",
         "Campaigners filed the complaints with national regulators."),
        ("Ostrel affirme que sa politique de reconnaissance faciale n'a pas changé",
         "La société s'adresse à un collectif d'habitants."),
        ("Ostrel plans to put facial recognition in its doorbells",
         "An internal memo describes the feature."),
    ],
)  # fmt: skip
def test_people_news_complaints_restatements_and_plans_have_no_actor(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "none"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ostrel won't resume immigration-agency sales of its face matching when its year is up",
         "As the state bill waits in a committee, the company says its hold stays until "
         "lawmakers vote."),
        ("Ostrel puts the brakes on selling its facial recognition to police",
         "Departments cannot renew licences for 18 months while legislators work on rules."),
    ],
)  # fmt: skip
def test_an_authority_in_a_condition_clause_does_not_act(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or f.actor_type not in ("government", "regulator", "court"), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("US sanctions face-recognition maker Ostrel over surveillance abuses",
         "The Treasury says the company's facial recognition enabled abuses.", "government"),
        ("Riconoscimento facciale negli stadi: la Camera allunga lo stop fino al 2027",
         "L'esecutivo ha lasciato decidere le commissioni della Camera, che hanno votato la "
         "proroga del divieto di riconoscimento facciale.", "government"),
        ("A school's reprimand is a warning about pupils' biometric data",
         "The regulator said the school had no valid consent for its lunch-queue face scans.",
         "regulator"),
    ],
)  # fmt: skip
def test_sanctions_chambers_and_reprimands(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f
