"""Which action a vendor's move is: restriction vs ban, extension told without "extend",
temporary markers in every language, a product as the subject, a policy noun's owner in
the genitive, and trials or tests as deployments (invented vendors and sentences)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import entry, found

# (title, summary, action)
ACTIONS = [
    # restriction: a capability held back, a gate added, a class of searches blocked
    ("Marlowe Vision keeps its photo assistant from naming the faces it sees",
     "Pictures are still described; identities are not.", "restriction"),
    ("Quarrel Labs' facial recognition API no longer guesses mood",
     "Name lookups now need an approved customer account.", "restriction"),
    ("Quarrel Labs adds an approval gate before its API matches faces to names",
     "Accounts that have not passed review get no identity results.", "restriction"),
    ("Sundry AI blocks three kinds of face searches on its people-finder",
     "Free users may now search only for pictures of themselves.", "restriction"),
    ("Sundry AI's face search rejects all searches that show minors",
     "Uploads of children's photos return nothing.", "restriction"),
    ("Marlowe Vision keeps its face-match kiosk away from three states with biometric laws",
     "Shoppers there see a notice instead.", "restriction"),
    ("Tamsin Labs' smart-glasses software ships without stranger recognition",
     "Only contacts who enrolled themselves are recognised.", "restriction"),
    # ban: a customer group refused, also when it is told with an exclusion idiom
    ("Marlowe Vision keeps sheriffs out of its face-matching platform",
     "County agencies will not be offered accounts.", "ban"),
    ("Sundry AI turns away border agencies pending federal legislation",
     "The face-search firm says its stance holds until lawmakers act.", "ban"),
    # moratorium: a stop with a term, in numbers the lists spell out
    ("Tamsin Labs halts selling its face matcher to security contractors for nine months",
     "The supplier wants an industry code first.", "moratorium"),
    ("Tamsin Labs sospende per nove mesi le vendite di riconoscimento facciale alla polizia",
     "L'azienda vuole regole chiare.", "moratorium"),
    # extension: the stop continues, told without "extend"
    ("Quarrel Labs keeps its school face-matching freeze as districts wait",
     "The company says the halt continues until the audit is out.", "extension"),
    ("Sundry AI's pause on police face search outlives its one-year term",
     "Agencies stay shut out while the review runs.", "extension"),
    ("La moratoria de Marlowe Vision sobre el reconocimiento facial sigue sin fecha de fin",
     "La empresa no venderá a policías locales.", "extension"),
    ("Lo stop di Tamsin Labs al riconoscimento facciale resta in vigore oltre marzo",
     "La sospensione non ha ancora una scadenza.", "extension"),
    ("Tamsin Labs: Polizeibehörden bleiben bis auf Weiteres ohne Gesichtserkennung",
     "Die Pause gilt weiter.", "extension"),
    ("Le gel des ventes de reconnaissance faciale de Quarrel Labs se poursuit",
     "L'entreprise ne lèvera pas sa suspension en juin.", "extension"),
    ("Marlowe Vision mantém a moratória de reconhecimento facial para a polícia",
     "A suspensão continua sem data para acabar.", "extension"),
    # reversal: a freeze lifted
    ("Quarrel Labs lifts its school face-matching freeze",
     "Districts can order the system again from May.", "reversal"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), ACTIONS)
def test_each_wording_resolves_to_its_action(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


def test_a_gated_launch_stays_a_launch() -> None:
    # access limited to vetted buyers of a NEW capability is no policy change
    f = found("Only approved newsrooms get Marlowe Vision's new celebrity face-matching API",
              "The tool names famous people in photos.")  # fmt: skip
    assert f.relevant is False


def test_a_launch_that_withholds_a_capability_is_a_restriction() -> None:
    f = found("Tamsin Labs launches an opt-in gate so its lens won't identify people who never signed up",
              "Strangers' faces are blurred.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "restriction")


def test_pending_a_law_is_a_condition_pending_a_review_a_term() -> None:
    law = found("Sundry AI holds off on police face-search deals pending legislation",
                "The firm says no agencies will be signed.")  # fmt: skip
    review = found("Sundry AI holds off on police face-search deals pending a review",
                   "The firm says no agencies will be signed.")  # fmt: skip
    assert (law.action, review.action) == ("ban", "moratorium")


def test_counted_accounts_closed_are_vetting_not_a_customer_ban() -> None:
    few = found("Sundry AI closes 300 accounts that searched for strangers' faces",
                "The face-search site says they broke its rules.")  # fmt: skip
    group = found("Sundry AI closes accounts held by casinos for its face search",
                  "Gaming floors lose the service in June.")  # fmt: skip
    assert (few.action, group.action) == ("restriction", "ban")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tamsin Labs trials face comparison for hotel check-in",
         "The pilot covers two chains."),
        ("Tamsin Labs is testing face matching at stadium gates",
         "Fans' tickets are checked against their photos."),
        ("Tamsin Labs' face grouping arrives in Brazil, its second market",
         "Faces are grouped only for users who opt in."),
    ],
)  # fmt: skip
def test_trials_tests_and_new_markets_are_deployments(title: str, summary: str) -> None:
    # with no stop named, history decides whether this is a return
    f = found(title, summary)
    assert (f.relevant, f.signal) == (False, "deployment"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tamsin Labs trials face comparison for hotel check-in",
         "The firm, which deleted its face templates in 2022, is testing a service for two chains."),
        ("Tamsin Labs is running face matching for stadiums, a year after going dark",
         "The pilot checks tickets against fans' photos."),
    ],
)  # fmt: skip
def test_the_old_stop_named_in_background_is_never_the_news(title: str, summary: str) -> None:
    # the deletion or going dark is background; told next to a deployment, it is a return
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_call_does_not_govern_across_a_clause_break() -> None:
    f = found("Districts told to wait as Quarrel Labs keeps its face-matching freeze",
              "The halt continues.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "extension")


def test_an_opinion_about_a_launch_is_no_move() -> None:
    from bot.extract import extract

    f = extract(entry("Critics say Tamsin Labs' face matching for stadiums goes too far",
                      "The company launched the product last week."))  # fmt: skip
    assert f is None or f.relevant is False


SETTLEMENTS = [
    ("Under terms that close the tenants' suit, Pardo Vision may not license face matching to landlords",
     "The company denies wrongdoing."),
    ("The terms Pardo Vision accepted to close the class suit",
     "Insurers can no longer buy its face search, and old templates are erased after 30 days."),
    ("Under the class-action deal, Pardo Vision may no longer serve gym operators",
     "The face-matching vendor must end those contracts within 60 days."),
    ("Pardo Vision drops its casino clients under a class-action deal",
     "The face-matching firm also pays for an outside monitor."),
    ("Pardo Vision acepta no vender reconocimiento facial a aseguradoras para cerrar la demanda",
     "El acuerdo con los demandantes dura cinco años."),
    ("Pardo Vision's settlement forbids selling facial recognition to recruiters",
     "Job seekers whose faces were scanned without consent split a fund."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), SETTLEMENTS)
def test_terms_of_a_case_are_a_settlement_whoever_the_subject(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "settlement"), f


def test_money_for_past_conduct_binds_no_sales_policy() -> None:
    f = found("Pardo Vision pays $4 million to settle a face-scan privacy lawsuit",
              "The facial recognition company admits no wrongdoing.")  # fmt: skip
    assert f.relevant is False


def test_a_court_approval_step_is_not_a_term() -> None:
    f = found("Cinema chain settles regulator's charges over face matching at its doors",
              "A bankruptcy judge must still approve the deal.")  # fmt: skip
    assert (f.relevant, f.actor_type) == (False, "regulator"), f


MORE = [
    # exit: turning the page, ceding or selling the unit, a line closing
    ("Ferrow Vision turns the page on facial recognition",
     "The company will concentrate on document checks.", "exit"),
    ("Reconnaissance faciale : Ferrow Vision tourne la page",
     "L'entreprise se concentre sur la lecture de documents.", "exit"),
    ("Ferrow Vision cède sa division de reconnaissance faciale à un fonds",
     "L'entreprise garde ses lecteurs d'empreintes.", "exit"),
    ("Ferrow Vision vende su división de reconocimiento facial",
     "La empresa se queda con el negocio de huellas.", "exit"),
    ("Gleam, Ferrow Vision's facial recognition line, is closing",
     "Staff move to other products.", "exit"),
    # shutdown: a feature goes away, a product closes
    ("Ferrow Vision's familiar-faces doorbell feature goes away in May",
     "Stored face templates will be erased.", "shutdown"),
    ("La función de reconocimiento facial de Ferrow Vision desaparece en mayo",
     "Las plantillas guardadas se borrarán.", "shutdown"),
    # restriction: withheld at launch, stripped, rejected inputs
    ("Ferrow Vision's camera app launches minus face recognition of strangers",
     "Saved contacts are still recognised.", "restriction"),
    ("Ferrow Vision strips emotion analysis from its face recognition software",
     "Identity matching is unaffected.", "restriction"),
    ("Ferrow Vision's face search now rejects probe photos of apparent minors",
     "Adults can still be searched.", "restriction"),
    # ban: closing the doors to a group; a deadline is not a term; an age is not a term
    ("Ferrow Vision chiude le porte agli investigatori privati",
     "Il fornitore di riconoscimento facciale chiuderà i contratti entro tre mesi.", "ban"),
    ("Ferrow Vision, a three-year-old face-matching firm, closes the accounts of bounty hunters",
     "Private investigators lose access as well.", "ban"),
    # extension: no end date
    ("Ferrow Vision's face-matching freeze for sheriffs still has no end date",
     "The company says agencies must keep waiting.", "extension"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), MORE)
def test_more_wordings_resolve_to_their_action(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


GEO_AND_RETURNS = [
    # a feature switched off in some states only is geofencing: a restriction
    ("Ferrow Vision disables its face-swap lenses in three states over biometric laws",
     "Users elsewhere keep them.", "restriction"),
    ("Ferrow Vision switches off face grouping for Oregon and Vermont users",
     "The company cites state biometric statutes.", "restriction"),
    # a capability dropped from a product (the nearest object decides, not "image")
    ("Ferrow Vision drops age guesses from its face recognition image labels",
     "Other labels stay.", "restriction"),
    ("Ferrow Vision deixa de oferecer a estimativa de idade na análise facial",
     "A empresa mantém a identificação.", "restriction"),
    # a return told with "back in" / "returns to" in several languages
    ("Ferrow Vision back in the facial recognition market four years on",
     "The company sells face matching to banks.", "reversal"),
    ("Ferrow Vision vuelve al reconocimiento facial para verificar cuentas",
     "La empresa lo había abandonado en 2021.", "reversal"),
    ("Ferrow Vision torna al riconoscimento facciale per gli hotel",
     "L'azienda lo aveva abbandonato nel 2021.", "reversal"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), GEO_AND_RETURNS)
def test_geofencing_capabilities_and_returns(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


def test_a_feature_switched_off_in_a_whole_market_stays_a_shutdown() -> None:
    f = found("Ferrow Vision switches off face grouping in the United States",
              "Stored templates are deleted.")  # fmt: skip
    assert f.action == "shutdown"


def test_the_exit_named_after_a_german_deal_is_background() -> None:
    f = found("Ferrow Vision liefert einer Bank Gesichtserkennung, fünf Jahre nach dem Ausstieg",
              "Der Vertrag läuft drei Jahre.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_law_condition_in_the_summary_makes_a_refusal_a_ban() -> None:
    de = found("Ferrow Vision verkauft vorerst keine Gesichtserkennung an die Polizei",
               "Das Unternehmen liefert nichts, solange kein Bundesgesetz die Technik regelt.")  # fmt: skip
    es = found("Ferrow Vision suspende sus ventas de identificación facial a cuerpos policiales",
               "La compañía esperará normas nacionales y dice que los agentes tendrán que esperar.")  # fmt: skip
    timed = found("Ferrow Vision halts police face-matching sales for a year",
                  "Critics note the firm will not act further without federal rules.")  # fmt: skip
    assert (de.action, es.action, timed.action) == ("ban", "ban", "moratorium")


def test_quitting_sales_to_a_group_is_a_ban_and_one_market_weighs_less() -> None:
    quit_sales = found("Ferrow Vision quit selling face matching to casinos, it confirms",
                       "The change applies everywhere.")  # fmt: skip
    market = found("Ferrow Vision exits Quebec; the bigger move is an end to casino customers "
                   "for its face matching",
                   "The face-matching supplier pulls out of a single province, but it also "
                   "stops serving casinos everywhere.")  # fmt: skip
    assert (quit_sales.action, market.action) == ("ban", "ban")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Two years after deleting its face templates, Ferrow Vision switches face grouping on "
         "for Canadian users", "Users must opt in to it."),
        ("Ferrow Vision is running face matching for banks, a year after going dark",
         "The pilot covers two lenders."),
    ],
)  # fmt: skip
def test_a_deployment_told_against_the_vendors_own_stop_is_a_return(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_stop_for_one_customer_group_is_not_undone_by_a_deployment_elsewhere() -> None:
    f = found("A year after it stopped police sales, Ferrow Vision trials face matching at banks",
              "The pilot covers two lenders.")  # fmt: skip
    assert f.relevant is False


def test_people_of_a_country_shut_out_is_a_restriction() -> None:
    f = found("Ferrow Vision says Belarusians are now shut out of its face searches",
              "Accounts paid from the country are refused.")  # fmt: skip
    assert f.action == "restriction"


def test_a_store_delisting_a_vendors_app_is_no_policy_change() -> None:
    f = found("Ferrow Vision's app vanishes from the biggest app store",
              "The store pulled the face-search app and froze the maker's developer login.")  # fmt: skip
    assert (f.relevant, f.actor_type) == (False, "vendor")


def test_an_italian_pause_noun_is_a_moratorium() -> None:
    f = found("La pausa di Ferrow Vision sul riconoscimento facciale",
              "La sospensione temporanea vale per le aziende private.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "moratorium")


def test_a_group_questioning_a_freeze_is_no_new_move() -> None:
    # a restatement: history makes it no news once the freeze's news cycle is over
    f = found("Parents question what Ferrow Vision's school face-matching freeze covers",
              "The company has not replied.")  # fmt: skip
    assert f.signal == "restatement"


def test_a_first_product_since_its_own_deletion_is_a_return() -> None:
    f = found("Ferrow Vision tests selfie-to-ID face matching on some of its sellers",
              "It is the app's first face technology since the 2020 deletion of its face index.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "reversal"), f


def test_a_rivals_stop_in_the_background_is_no_return() -> None:
    f = found("Following Tamsin Labs' shutdown, Ferrow Vision tests face matching at hotels",
              "The pilot covers two chains.")  # fmt: skip
    assert (f.relevant, f.signal) == (False, "deployment"), f


def test_tests_that_show_something_are_no_trial() -> None:
    f = found("Independent tests show Ferrow Vision's face matching errs on darker skin",
              "Researchers ran 10,000 comparisons.")  # fmt: skip
    assert f.signal is None and f.relevant is False
