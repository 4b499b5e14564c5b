"""Extraction on sentences written for these tests (not from any labelled set)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# --------------------------------------------------------------------------- vendor changes


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action", "applies_to"),
    [
        (
            "Amazon puts a one-year moratorium on police use of Rekognition",
            "The company said it wants Congress to use the pause to pass rules.",
            "Amazon", "moratorium", "police",
        ),
        (
            "Amazon extends its moratorium on police use of facial recognition indefinitely",
            "The pause, which began last June, will now stay in place until further notice.",
            "Amazon", "extension", "police",
        ),
        (
            "Microsoft will not sell facial recognition to police until there is a federal law",
            "The company's president said it would not sell the technology to police departments.",
            "Microsoft", "ban", "police",
        ),
        (
            "IBM exits the facial recognition business",
            "IBM will stop selling all-purpose face recognition and face analysis products, "
            "its chief executive wrote to Congress.",
            "IBM", "exit", "everyone",
        ),
        (
            "Facebook is shutting down its face recognition system",
            "The social network will delete more than a billion face templates.",
            "Meta", "shutdown", "everyone",
        ),
        (
            "Microsoft retires emotion and gender inference in Azure Face",
            "New customers must apply for access to face identification; the company is "
            "restricting who can use the service.",
            "Microsoft", "restriction", "everyone",
        ),
        (
            "Meta brings facial recognition back to fight celebrity scam ads",
            "Three years after switching its face recognition system off, the company will use "
            "face matching again to spot impersonation in ads.",
            "Meta", "reversal", "everyone",
        ),
        (
            "Clearview AI settles ACLU lawsuit, agrees to stop selling faceprints to private companies",
            "Under the settlement, Clearview is permanently barred from selling its database to "
            "most private companies across the United States.",
            "Clearview AI", "settlement", "private_companies",
        ),
        (
            "PimEyes restricts searches of children's faces",
            "The face search engine said it now blocks searches for images of minors.",
            "PimEyes", "restriction", "everyone",
        ),
        (
            "Axon will not put face recognition on its body cameras at this time",
            "The police supplier followed the advice of its ethics board.",
            "Axon", "moratorium", "police",
        ),
        (
            "Microsoft deletes MS-Celeb-1M face dataset",
            "The collection of ten million face images has been taken offline.",
            "Microsoft", "shutdown", "everyone",
        ),
        (
            "Kairos says it won't sell face recognition to governments",
            "The startup turns down law enforcement customers.",
            "Kairos", "ban", "government",
        ),
    ],
)  # fmt: skip
def test_vendor_changes(
    title: str, summary: str, vendor: str, action: str, applies_to: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor")
    assert (f.vendor, f.action, f.applies_to) == (vendor, action, applies_to)
    assert 0.0 <= f.confidence <= 1.0


def test_former_name_and_product_map_to_canonical_vendor() -> None:
    assert found("Facebook turns off tag suggestions in Europe").vendor == "Meta"
    f = found("AnyVision halts sales of face recognition to police for a year")
    assert f.vendor == "Oosto"
    rek = found("Rekognition will no longer be sold to police departments, Amazon says")
    assert rek.vendor == "Amazon" and rek.product == "Rekognition"


# --------------------------------------------------------------------------- authorities


@pytest.mark.parametrize(
    ("title", "summary", "actor", "vendor"),
    [
        (
            "City council votes to ban police use of facial recognition",
            "The ordinance bars all city departments from buying the technology.",
            "government", None,
        ),
        (
            "FTC bans Rite Aid from using facial recognition for five years",
            "The regulator said the retailer's system falsely flagged shoppers.",
            "regulator", "Rite Aid",
        ),
        (
            "Data protection authority fines Clearview AI 20 million euros",
            "The watchdog ordered the company to delete the faces of residents.",
            "regulator", "Clearview AI",
        ),
        (
            "Court rules police use of live facial recognition was unlawful",
            "Judges found the force had no clear rules on watchlists.",
            "court", None,
        ),
        (
            "Lawmakers pass bill restricting police facial recognition",
            "The law takes effect on July 1 and requires a warrant for searches.",
            "government", None,
        ),
    ],
)  # fmt: skip
def test_authority_actions_are_routed_by_actor(
    title: str, summary: str, actor: str, vendor: str | None
) -> None:
    f = found(title, summary)
    assert f.relevant is False
    assert f.actor_type == actor
    assert f.vendor == vendor


def test_regulator_reporting_a_vendor_change_is_the_vendor_acting() -> None:
    f = found(
        "Privacy commissioner says Clearview AI is leaving Canada",
        "The watchdog announced that the company will withdraw its service from the country.",
    )
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (
        True,
        "vendor",
        "Clearview AI",
        "exit",
    )


# --------------------------------------------------------------------------- not changes


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Rights coalition presses Amazon to end Rekognition deals with police",
            "A coalition sent a letter asking the company to halt sales to law enforcement.",
        ),
        (
            "Microsoft would not rule out selling face recognition to police",
            "Its president said the company could change course if rules are passed.",
        ),
        (
            "Amazon shareholders reject proposal to ban sales of facial recognition to government",
            "The resolution won less than three percent of the vote.",
        ),
        (
            "Study finds face recognition systems misidentify Black women more often",
            "Researchers tested software from IBM, Microsoft and Amazon.",
        ),
        (
            "ACLU files lawsuit against Clearview AI over face scraping",
            "The complaint seeks to bar the company from collecting faceprints.",
        ),
        (
            "Detroit man wrongfully arrested after facial recognition match",
            "Police relied on a face search that returned the wrong person.",
        ),
        (
            "Ring launches new facial recognition alerts for doorbells",
            "The feature, which the company says is opt-in, lets owners name regular visitors.",
        ),
        (
            "Google CEO says a temporary ban on facial recognition could make sense",
            "He backed an EU proposal for a pause of up to five years.",
        ),
        (
            "Amazon did not pause its Rekognition sales, spokesperson says",
            "The company denied reports that it would halt sales to police departments.",
        ),
    ],
)  # fmt: skip
def test_calls_negations_studies_lawsuits_launches_are_not_changes(
    title: str, summary: str
) -> None:
    f = extract(entry(title, summary))
    assert f is None or f.relevant is False


def test_launch_is_a_vendor_action_that_is_not_relevant() -> None:
    f = found("Apple adds a new Face ID option that works with masks")
    assert (f.relevant, f.actor_type, f.vendor) == (False, "vendor", "Apple")


def test_no_fr_content_gives_none() -> None:
    assert extract(entry("Chipmaker reports record revenue", "Shares rose 4%.")) is None


def test_vendor_policy_without_fr_is_not_relevant() -> None:
    f = found("Ring ends the feature that let police request doorbell video", "")
    assert (f.relevant, f.actor_type, f.vendor) == (False, "vendor", "Amazon")


# --------------------------------------------------------------------------- evidence


def test_evidence_offsets_index_entry_text() -> None:
    e = entry(
        "Tech news roundup",
        "Phones got faster this year. Amazon said it will pause police use of Rekognition "
        "for one year. Shares were flat.",
    )
    f = extract(e)
    assert f is not None and f.relevant
    assert e.text[f.evidence_start : f.evidence_end] == f.evidence
    assert f.evidence.startswith("Amazon said it will pause")


def test_evidence_offsets_survive_curly_quotes() -> None:
    e = entry(
        "Axon’s board: “no face matching”",
        "Axon won’t add face recognition to body cameras for now.",
    )
    f = extract(e)
    assert f is not None and f.relevant and f.action == "moratorium"
    assert e.text[f.evidence_start : f.evidence_end] == f.evidence
    assert "won’t" in f.evidence


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("title", "summary", "effective", "duration"),
    [
        (
            "Amazon pauses police use of Rekognition for one year",
            "The moratorium is effective immediately.",
            date(2021, 3, 10), "1 year",
        ),
        (
            "Amazon extends its pause on police sales of face recognition until further notice",
            "",
            date(2021, 3, 10), "indefinite",
        ),
        (
            "Meta will delete face templates starting January 1",
            "The company is shutting down its face recognition system.",
            date(2022, 1, 1), None,
        ),
        (
            "NEC to stop selling face recognition to police by June 2021",
            "",
            date(2021, 6, 1), None,
        ),
        (
            "Facebook will switch off face recognition in Europe on 15 October",
            "",
            date(2021, 10, 15), None,
        ),
    ],
)  # fmt: skip
def test_effective_date_and_duration(
    title: str, summary: str, effective: date, duration: str | None
) -> None:
    f = found(title, summary)
    assert f.relevant
    assert f.effective == effective
    if duration is not None:
        assert f.duration == duration


def test_effective_defaults_to_published_date() -> None:
    f = found("IBM exits the face recognition business", "", datetime(2020, 6, 8, tzinfo=UTC))
    assert f.effective == date(2020, 6, 8)


def test_date_in_another_clause_is_not_the_effective_date() -> None:
    f = found(
        "Facebook brings face recognition back in Europe",
        "The feature returns as an opt-in setting ahead of new rules taking effect on May 25.",
        datetime(2018, 4, 18, tzinfo=UTC),
    )
    assert f.action == "reversal"
    assert f.effective == date(2018, 4, 18)
