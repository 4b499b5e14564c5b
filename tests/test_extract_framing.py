"""How an item frames its acts: fronted background, settlements, platform enforcement,
restatements and deployments (invented vendors and sentences)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        ("After quitting face matching in 2019, Ostrava Biometrics halts its face readers' "
         "police sales for a year", "The freeze covers every sheriff's office.",
         "Ostrava Biometrics", "moratorium"),
        ("Following Dovetrack's halt last week, Mirelle Vision too turns away sheriffs",
         "The startup will not entertain any county bids for its face search.",
         "Mirelle Vision", "ban"),
        ("Pallant AI, which closed its face index two years ago, stops face-matching sales "
         "to casinos", "Gaming floors lose access in June.", "Pallant AI", "ban"),
    ],
)  # fmt: skip
def test_a_fronted_adverbial_is_background_not_the_news(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


@pytest.mark.parametrize(
    ("title", "summary", "group"),
    [
        ("Ostrava Biometrics may not license its face database to landlords for three years "
         "under the deal that ends the renters' lawsuit", "The court still has to sign off.",
         "private_companies"),
        ("The accord shields Mirelle Vision's face archive from purchase by insurers",
         "The class case brought by policyholders is closed, plaintiffs' lawyers said.",
         "private_companies"),
        ("Dovetrack AI's price for ending the lawsuit: no casino customers",
         "The face-search startup also agreed to an annual audit.", "private_companies"),
        ("Pallant Labs tendrá prohibido ofrecer su banco de caras a las aseguradoras",
         "Es uno de los términos del acuerdo con los demandantes.", "private_companies"),
    ],
)  # fmt: skip
def test_settlement_terms_told_without_settle_are_a_settlement(
    title: str, summary: str, group: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action, f.applies_to) == (
        True, "vendor", "settlement", group
    ), f  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Grocer Fennick agrees to stop scanning shoppers' faces under privacy-office deal",
         "Its cameras came from a third-party maker.", "regulator"),
        ("Cinema chain Lumaplex settles with the consumer regulator over face scans at doors",
         "The operator has to wipe its list of banned patrons and stop matching faces for five years.",
         "regulator"),
    ],
)  # fmt: skip
def test_a_face_recognition_user_settling_with_an_authority_is_the_authority_s_act(
    title: str, summary: str, actor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


@pytest.mark.parametrize(
    ("title", "summary", "target"),
    [
        ("Cloud host Nimbara suspends Dovetrack's servers after an abuse report",
         "The face-search vendor's instances were taken offline.", "Dovetrack"),
        ("Payment processor Quillpay drops Mirelle Vision as a merchant",
         "The processor says the face-search startup broke its rules.", "Mirelle Vision"),
        ("App store operator Orchard pulls Ostrava Biometrics' face app",
         "The store cites its developer rules.", "Ostrava Biometrics"),
    ],
)  # fmt: skip
def test_a_platform_cutting_a_vendor_off_is_no_policy_change(
    title: str, summary: str, target: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (False, "vendor", target), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pallant AI reaffirms its 2020 pause on police face-matching sales",
         "The startup says the pause stays as announced."),
        ("Mirelle Vision clarifies its freeze on sheriff sales of face search",
         "A county order predates the freeze, the company says."),
    ],
)  # fmt: skip
def test_a_restatement_is_flagged_for_the_vendor_history(title: str, summary: str) -> None:
    assert found(title, summary).signal == "restatement"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ostrava Biometrics wins a border-agency tender for face matching",
         "The contract runs for four years."),
        ("Dovetrack is trialling face comparison to spot fake seller profiles",
         "The face-search startup runs the check on new accounts."),
        ("Mirelle Vision's face check-in goes live in Spain",
         "Hotels in Madrid and Seville are the first to use it."),
    ],
)  # fmt: skip
def test_a_deployment_is_no_change_but_is_flagged_for_the_vendor_history(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.signal) == (False, "vendor", "deployment"), f


def test_a_gated_launch_is_no_deployment() -> None:
    f = found("Pallant AI launches celebrity face matching for vetted broadcasters only",
              "Access requires a manual review of every customer.")  # fmt: skip
    assert f.signal is None


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Ohio secures a $90m biometric settlement with Lumaplex",
         "The state's attorney general says the money covers past face scans.", "government"),
        ("Lumaplex settles Ohio's face-scan lawsuit for $90m",
         "No change to its products was required.", "government"),
        ("Ostrava Biometrics' face-data settlement gets a judge's final approval",
         "The court rejected two objections from class members.", "court"),
    ],
)  # fmt: skip
def test_the_other_party_of_a_settlement_is_the_actor(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


def test_a_settlement_in_a_named_state_s_court_is_still_the_vendor_s() -> None:
    f = found("Dovetrack AI agrees to settle the Ohio case",
              "The startup will no longer sell face search to landlords.")  # fmt: skip
    assert (f.relevant, f.action, f.applies_to) == (True, "settlement", "private_companies")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Two platforms drop Mirelle Vision within a week",
         "Neither action changes what the face-search startup sells."),
        ("Dovetrack AI loses its card payments after its processor's review",
         "Customers cannot renew until the face-search firm finds a new processor."),
        ("Mirelle Vision's face search goes offline as its host pulls the plug",
         "The face-search startup plans to find a different host soon."),
        ("Dovetrack AI's face search unreachable after host suspends the servers",
         "The face-search startup is looking for a new provider."),
        ("Pallant AI's face index disappears after the host takes it down",
         "The face-search firm calls the decision unfair."),
    ],
)  # fmt: skip
def test_a_vendor_cut_off_by_a_platform_changes_no_policy(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Privacy watchdog says Pallant AI must delete its face index",
         "The startup has two months to comply.", "regulator"),
        ("Data authority finds Mirelle Vision must erase scraped face images",
         "Mirelle Vision says it will appeal.", "regulator"),
    ],
)  # fmt: skip
def test_a_vendor_act_an_authority_imposes_is_the_authority_s(
    title: str, summary: str, actor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pallant AI pays over a face-tagging feature it retired four years ago",
         "The state says the payment only concerns what the firm did before."),
        ("Mirelle Vision reconsiders face matching for its doorbells",
         "The company shelved the feature last year but is revisiting it."),
    ],
)  # fmt: skip
def test_past_acts_and_reconsiderations_are_no_change(title: str, summary: str) -> None:
    assert not found(title, summary).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Elmsford forbids its officers to use face matching",
        "Millbrook bans face-search software for city agencies",
        "New Hampton passes a ban on face recognition in schools",
    ],
)
def test_a_place_acting_is_not_a_company(title: str) -> None:
    f = found(title, "The city council passed the ordinance 6-1.")
    assert (f.relevant, f.actor_type) == (False, "government"), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Tribunal overturns the privacy office's face-search penalty on Mirelle Vision",
         "The judges found the office had misread the law.", "court"),
        ("Another GDPR penalty for Dovetrack AI, this time from Lisbon",
         "The face-search firm must also delete images of residents.", "regulator"),
        ("Pallant AI's face-data settlement wins final approval",
         "Class members will each receive about $300.", "court"),
    ],
)  # fmt: skip
def test_authority_acts_told_with_nouns(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Ostrava Biometrics raises $40 million from new backers",
         "The face-matching startup plans to hire 80 engineers.", "vendor"),
        ("Ostrava Biometrics founder steps down as chief executive",
         "The face-matching startup named an interim chief.", "none"),
        ("Study: Ostrava Biometrics' engine errs more often on older faces",
         "Researchers tested the face-matching system on 9,000 photos.", "none"),
    ],
)  # fmt: skip
def test_a_vendor_s_own_business_news_is_a_vendor_item(
    title: str, summary: str, actor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor), f
