"""applies_to rules (bot/extract/scope.py), on sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.extract import extract
from bot.models import Entry

PUBLISHED = datetime(2022, 5, 4, 9, 0, tzinfo=UTC)


def scope_of(title: str, summary: str = "") -> tuple[str | None, str | None]:
    found = extract(
        Entry(feed_id="t", key=title[:40], title=title, summary=summary, published=PUBLISHED)
    )
    assert found is not None and found.relevant, f"expected a vendor change: {title!r}"
    return found.action, found.applies_to


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # the customer group named with the cue
        ("Kairos stops selling face recognition to police departments", "", "police"),
        ("NEC will not sell facial recognition to law enforcement", "", "law_enforcement"),
        (
            "Veritone halts facial recognition sales to federal agencies like ICE",
            "",
            "law_enforcement",
        ),
        ("Cognitec refuses to sell face matching to governments", "", "government"),
        ("Idemia stops offering facial recognition to private companies", "", "private_companies"),
        ("Paravision will no longer sell face recognition to retailers", "", "private_companies"),
        # a group before the cue in its clause
        (
            "Police use of Corsight facial recognition is paused for a year",
            "Corsight said police use of its face matching is suspended for one year.",
            "police",
        ),
        # coordination: the broadest group
        (
            "Rank One will not sell face recognition to police or governments",
            "",
            "government",
        ),
    ],
)
def test_named_group(title: str, summary: str, expected: str) -> None:
    assert scope_of(title, summary)[1] == expected


def test_a_coordinated_summary_widens_the_titles_group() -> None:
    action, group = scope_of(
        "Kairos keeps its face recognition away from police",
        "The startup said it will not sell facial recognition to police or government agencies.",
    )
    assert group == "government"


def test_the_titles_group_wins_over_a_different_summary_group() -> None:
    _, group = scope_of(
        "Microsoft bars police from using its face recognition service",
        "Law enforcement agencies in the state can no longer buy the system, it said.",
    )
    assert group == "police"


def test_a_group_asking_questions_is_not_the_customer() -> None:
    _, group = scope_of(
        "Smart-glasses maker rejects face recognition apps",
        "Following privacy inquiries by lawmakers, Google said it will not "
        "approve facial recognition apps for its glasses.",
    )
    assert group == "everyone"


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        (
            "Meta shuts down the face recognition feature that tagged friends in photos",
            "The company will delete the face templates of its users.",
            "shutdown",
        ),
        ("IBM exits the facial recognition business", "", "exit"),
        (
            "Microsoft withdraws its celebrity face dataset",
            "The company deleted the face images it had published for researchers.",
            "shutdown",
        ),
    ],
)
def test_market_level_changes_concern_everyone(title: str, summary: str, action: str) -> None:
    assert scope_of(title, summary) == (action, "everyone")


def test_an_exit_from_investments_has_no_customer_group() -> None:
    action, group = scope_of(
        "Microsoft sells its stake in a facial recognition startup",
        "Its venture fund will no longer take minority stakes in companies selling face "
        "recognition.",
    )
    assert action == "exit"
    assert group is None


def test_an_investigation_is_not_an_investment() -> None:
    action, group = scope_of("Under investigation, Clearview AI exits the Canadian market")
    assert (action, group) == ("exit", "everyone")


def test_a_police_product_means_police() -> None:
    _, group = scope_of(
        "Motorola Solutions will not add facial recognition to its body cameras",
    )
    assert group == "police"


def test_the_vendors_one_customer_group_from_the_gazetteer() -> None:
    _, group = scope_of(
        "Axon will not add face matching to its body cameras for now",
        "The company said face recognition is not yet accurate enough.",
    )
    assert group == "police"


def test_no_group_and_no_known_customers_means_everyone() -> None:
    _, group = scope_of("PimEyes restricts access to its face search engine")
    assert group == "everyone"


def test_acronym_groups_match_only_in_capitals() -> None:
    assert scope_of("Veritone stops selling face recognition to ICE")[1] == "law_enforcement"
    _, group = scope_of("Veritone stops selling face recognition to ice rinks")
    assert group != "law_enforcement"


def test_evidence_offsets_survive_typographic_quotes() -> None:
    title = "Axon won’t put “face matching” on body cameras"
    entry = Entry(feed_id="t", key="q", title=title, summary="", published=PUBLISHED)
    found = extract(entry)
    assert found is not None and found.relevant
    assert entry.text[found.evidence_start : found.evidence_end] == found.evidence
    assert "’" in found.evidence
