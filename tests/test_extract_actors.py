"""Who acts: sentences written for these tests about real facial-recognition policy
events that are NOT in the development set (none of its event ids): the vendor that
acts, divesting and coordinated companies, authorities, and negatives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.models import Finding
from tests import extract_helpers as helpers

PUBLISHED = datetime(2022, 5, 10, 9, 0, tzinfo=UTC)


def found(title: str, summary: str = "") -> Finding:
    return helpers.found(title, summary, PUBLISHED)


# --------------------------------------------------------------------------- vendor changes

VENDOR_CHANGES = [
    # (title, summary, vendor, action, applies_to or None when not checked)
    (
        "Microsoft retires Azure Face tools that infer emotion, gender and age",
        "New customers will have to apply for access to face identification, and existing "
        "users must do so within a year.",
        "Microsoft", "restriction", None,
    ),
    (
        "Clearview AI settles ACLU lawsuit, agrees to stop selling face database to most "
        "private companies",
        "Under the settlement, Clearview is permanently barred from making its faceprint "
        "database available to most businesses in the United States.",
        "Clearview AI", "settlement", "private_companies",
    ),
    (
        "Amazon extends ban on police use of its facial recognition software indefinitely",
        "The moratorium, announced last June for one year, will stay in place until further "
        "notice.",
        "Amazon", "extension", "police",
    ),
    (
        "Meta brings facial recognition back to Facebook to fight celebrity scam ads",
        "Three years after shutting down its face recognition system, the company is "
        "reintroducing the technology to spot fake ads that use public figures' faces.",
        "Meta", "reversal", None,
    ),
    (
        "Amazon lifts its Rekognition pause for police forces",
        "The company will resume sales of facial recognition to police departments.",
        "Amazon", "reversal", "police",
    ),
    (
        "PimEyes blocks searches for children's faces",
        "The face search engine says it now stops users from uploading images of minors.",
        "PimEyes", "restriction", None,
    ),
    (
        "Facebook will shut down its Face Recognition system and delete more than a billion "
        "people's faceprints",
        "Meta said users who opted in will no longer be automatically recognized in photos.",
        "Meta", "shutdown", "everyone",
    ),
    (
        "IBM gets out of facial recognition business, calls for police reform",
        "IBM will no longer offer, develop or research general purpose facial recognition "
        "software, its chief executive told lawmakers.",
        "IBM", "exit", "everyone",
    ),
    (
        "Microsoft says it won't sell facial recognition to US police until a national law "
        "is in place",
        "The company joins others in holding off on sales of the technology to police "
        "departments.",
        "Microsoft", "ban", "police",
    ),
    (
        "OpenAI blocks GPT-4 vision from identifying people by their faces",
        "The company said the model will refuse requests to recognise faces of private "
        "individuals.",
        "OpenAI", "restriction", None,
    ),
    (
        "Kmart and Bunnings pause use of facial recognition in stores",
        "The retailers paused the technology while the privacy regulator investigates.",
        None, "moratorium", None,
    ),
    (
        "Clearview AI ends all contracts with private companies and stops doing business "
        "in Illinois",
        "The startup said it is cancelling the accounts of every customer that is not a law "
        "enforcement agency.",
        "Clearview AI", None, "private_companies",
    ),
    (
        "Meta deletes face templates of more than one billion users",
        "The company completed the deletion of facial recognition data it collected for "
        "photo tagging.",
        "Meta", "shutdown", None,
    ),
    (
        "Microsoft to stop selling emotion-reading technology and limit access to face "
        "recognition tools",
        "The company will retire features that infer gender, age and emotional states.",
        "Microsoft", "restriction", None,
    ),
    (
        "Google won't sell face recognition tech until abuse questions are resolved",
        "The company said no all-purpose face-matching API would be sold.",
        "Google", "ban", None,
    ),
    (
        "Facebook reverses course and will resume face recognition in the UK and EU",
        "The feature returns after being switched off in Europe.",
        "Meta", "reversal", None,
    ),
    (
        "Motorola Solutions says it will not sell live facial recognition to police",
        "The company said real-time face matching on body cameras is off the table.",
        "Motorola Solutions", "ban", "police",
    ),
    (
        "Clearview AI agrees to settle privacy lawsuit and will no longer sell its face "
        "database to businesses",
        "The deal still needs a judge's approval.",
        "Clearview AI", "settlement", "private_companies",
    ),
    # French, German, Spanish
    (
        "Amazon prolonge son moratoire sur la reconnaissance faciale pour la police",
        "Le moratoire restera en vigueur jusqu'à nouvel ordre.",
        "Amazon", "extension", "police",
    ),
    (
        "Microsoft verkauft keine Gesichtserkennung mehr an die Polizei",
        "Der Konzern will erst ein Bundesgesetz abwarten.",
        "Microsoft", "ban", "police",
    ),
    (
        "IBM abandona el negocio del reconocimiento facial",
        "La empresa dejará de ofrecer software de reconocimiento facial de uso general.",
        "IBM", "exit", None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "vendor", "action", "applies_to"), VENDOR_CHANGES)
def test_vendor_changes_not_in_dev(
    title: str, summary: str, vendor: str | None, action: str | None, applies_to: str | None
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor")
    if vendor is not None:
        assert f.vendor == vendor
    else:
        assert f.vendor in ("Kmart Australia", "Bunnings")
    if action is not None:
        assert f.action == action
    if applies_to is not None:
        assert f.applies_to == applies_to


# --------------------------------------------------------------------------- who exits


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Tencent and Megvii part ways over facial recognition concerns",
            "Tencent is selling its stake in the face recognition company.",
        ),
        (
            "Tencent divests its stake in Megvii as face recognition scrutiny grows",
            "Tencent said it sold its shares in the facial recognition startup.",
        ),
        (
            "Tencent sells its stake in Megvii, citing its facial recognition policy",
            "The sale ends the investment in the Chinese face recognition firm.",
        ),
    ],
)
def test_the_divesting_company_is_the_actor(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, "Tencent", "exit")
    assert f.applies_to is None  # an exit from a stake has no customer group


def test_coordinated_vendors_first_named_acts() -> None:
    f = found("Alphabet and SenseTime part ways as facial recognition investment rules tighten")
    assert (f.vendor, f.action) == ("Google", "exit")


# --------------------------------------------------------------------------- other channels


@pytest.mark.parametrize(
    ("title", "summary", "actor_type", "vendor"),
    [
        (
            "Rite Aid banned from using facial recognition for five years, FTC says",
            "The regulator said the retailer's surveillance system falsely flagged shoppers.",
            "regulator", "Rite Aid",
        ),
        (
            "Judge approves Facebook's $650 million privacy settlement over face tagging",
            "Final approval of the class action came from the federal bench, over the tag "
            "suggestions feature under Illinois' biometric law.",
            "court", "Meta",
        ),
        (
            "Boston city council votes to ban government use of facial recognition",
            "The ordinance makes Boston the second-largest city in the US to prohibit it.",
            "government", None,
        ),
        (
            "British regulator hands Clearview AI a £7.5m penalty and orders it to delete Britons' images",
            "The Information Commissioner's Office said the company scraped photos of people "
            "in the UK without consent.",
            "regulator", "Clearview AI",
        ),
    ],
)  # fmt: skip
def test_authority_actions_are_not_vendor_changes(
    title: str, summary: str, actor_type: str, vendor: str | None
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor_type)
    if vendor is not None:
        assert f.vendor == vendor


def test_authority_order_in_summary_is_the_regulators_act() -> None:
    """The regulator named at the start of the summary is not read as the object of a
    preposition at the end of the title ("... over face data")."""
    f = found(
        "Regulator fines Veritone over facial recognition database",
        "The data protection authority ordered Veritone to delete the images it collected.",
    )
    assert (f.relevant, f.actor_type, f.vendor) == (False, "regulator", "Veritone")
    assert f.confidence > 0.65  # the order to delete counts for the regulator too (0.65 alone)


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Federal study finds facial recognition algorithms misidentify Black and Asian "
            "faces more often",
            "Researchers tested 189 algorithms from 99 developers, including Idemia and SenseTime.",
        ),
        (
            "Detroit man wrongfully arrested after facial recognition match",
            "Police relied on a false match from a system supplied by a contractor.",
        ),
        (
            "NEC launches new face recognition platform for airports",
            "The company said the system verifies travellers in under a second.",
        ),
        (
            "Amazon shareholders reject proposals to curb sales of Rekognition to governments",
            "Both resolutions won under 3% of the votes cast at the yearly meeting.",
        ),
        (
            "Civil rights groups urge Microsoft to halt sales of face surveillance to police",
            "More than 40 organisations signed the letter.",
        ),
        (
            "Amazon says it will keep selling Rekognition to police",
            "The company said the technology helps find missing children.",
        ),
        (
            "Microsoft denies selling facial recognition to immigration agents",
            "A spokesperson said the contract covered email and documents only.",
        ),
        (
            "Amazon considering a pause on police sales of Rekognition, sources say",
            "No decision has been made, according to people familiar with the matter.",
        ),
        (
            "Axon chief would not rule out adding facial recognition to body cameras",
            "He said the company would revisit the question as the technology improves.",
        ),
    ],
)
def test_not_a_policy_change(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.relevant is False
    assert f.action is None
