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
     "Identity matching is now reserved for vetted accounts.", "restriction"),
    ("Quarrel Labs adds an approval gate before its API matches faces to names",
     "The new check refuses identification requests from unreviewed accounts.", "restriction"),
    ("Sundry AI blocks three kinds of face searches on its people-finder",
     "The site now limits free accounts to searching for their own face.", "restriction"),
    ("Sundry AI's face search rejects all searches that show minors",
     "Uploads of children's photos return nothing.", "restriction"),
    ("Marlowe Vision keeps its face-match kiosk away from two biometric-law states",
     "Shoppers there see a notice instead.", "restriction"),
    ("Tamsin Labs' new glasses app ships without the ability to recognise faces of strangers",
     "Only contacts who enrolled themselves are recognised.", "restriction"),
    ("L'assistant de Quarrel Labs cesse d'identifier les visages",
     "Le mode photo refuse désormais de nommer les personnes présentes.", "restriction"),
    # ban: a customer group refused, also when it is told with an exclusion idiom
    ("Marlowe Vision keeps sheriffs out of its face-matching platform",
     "County agencies will not be offered accounts.", "ban"),
    ("Sundry AI turns away border agencies pending federal legislation",
     "The face-search firm says its stance holds until lawmakers act.", "ban"),
    # moratorium: a stop with a term, in numbers the lists spell out
    ("Tamsin Labs halts face-matching sales to private guard firms for nine months",
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
     "Nessuna data di fine per la sospensione.", "extension"),
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
    f = found("Tamsin Labs adds a consent check that refuses to match faces of anyone not enrolled",
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
         "The company that deleted its face index in 2022 is testing a service for two chains."),
        ("Tamsin Labs is running face matching for stadiums, a year after going dark",
         "The pilot checks tickets against fans' photos."),
        ("Brazil becomes the second market for Tamsin Labs' face grouping",
         "Faces are grouped only for users who opt in."),
    ],
)  # fmt: skip
def test_trials_and_new_markets_are_deployments_not_the_old_stop(title: str, summary: str) -> None:
    # the earlier stop is background; history decides whether this is a return
    f = found(title, summary)
    assert (f.relevant, f.signal) == (False, "deployment"), f


def test_a_call_does_not_govern_across_a_clause_break() -> None:
    f = found("Districts told to wait as Quarrel Labs keeps its face-matching freeze",
              "The halt continues.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "extension")


def test_an_opinion_about_a_launch_is_no_move() -> None:
    from bot.extract import extract

    f = extract(entry("Critics say Tamsin Labs' face matching for stadiums goes too far",
                      "The company launched the product last week."))  # fmt: skip
    assert f is None or f.relevant is False
