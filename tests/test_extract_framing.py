"""How an item frames its acts: fronted background, settlements, platform enforcement,
restatements and deployments (invented vendors and sentences)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        ("After quitting face matching in 2019, Ostrava Biometrics halts its palm readers' "
         "police sales for a year", "The freeze covers every sheriff's office.",
         "Ostrava Biometrics", "moratorium"),
        ("Following Dovetrack's halt last week, Mirelle Vision too turns away sheriffs",
         "The startup will not entertain any county bids for its face search.",
         "Mirelle Vision", "ban"),
        ("Two years after shutting its face index, Pallant AI stops face-matching sales "
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
         "under terms that close the tenants' suit", "The court still has to sign off.",
         "private_companies"),
        ("The accord shields Mirelle Vision's face archive from purchase by insurers",
         "The class case brought by policyholders is closed, plaintiffs' lawyers said.",
         "private_companies"),
        ("What Dovetrack AI gave up to end the lawsuit: no casino customers",
         "The face-search startup also agreed to an annual audit.", "private_companies"),
        ("Pallant Labs no podrá vender su archivo de rostros a aseguradoras",
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
         "The chain bought its cameras from an outside supplier.", "regulator"),
        ("Cinema chain Lumaplex settles with the consumer regulator over face scans at doors",
         "The operator must delete its watchlist and may not use face matching for five years.",
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
