"""Recall families (recall12f): vendor policy changes told in shapes the rules missed.
Invented vendors and sentences throughout."""

from __future__ import annotations

import pytest

from tests.extract_helpers import extract, entry, found


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # a gerund right after a name no list knows
        ("Tollerby taking its face-matching cloud offline for good",
         "The company says every stored face print will be deleted by the end of June.",
         "Tollerby", "shutdown"),
        ("Brackwater halting face-search sales to private detectives for a year",
         "The firm will sign no new licences with investigators until next spring.",
         "Brackwater", "moratorium"),
        # a plural name's bare apostrophe
        ("Fennimore Pictures' face grouping turned off worldwide",
         "The photo service says it is erasing the face prints it kept for every user.",
         "Fennimore Pictures", "shutdown"),
        # German: the separable verb's particle closes the clause, words away
        ("Hollerbach schaltet die Gesichtserkennung seiner Empfangsterminals im Mai ab",
         "Die gespeicherten Gesichtsmerkmale der Besucher werden gelöscht.",
         "Hollerbach", "shutdown"),
        ("Quirinus Data legt die Gesichtssuche seines Auskunftsportals still",
         "Die gespeicherten Gesichtsvorlagen werden laut Firma vernichtet.",
         "Quirinus Data", "shutdown"),
    ],
)  # fmt: skip
def test_a_name_no_list_knows_acts_on_the_policy_verb_after_it(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (True, "vendor", vendor, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a venue switching its own cameras off is an FR user, not a vendor
        ("Pellowe Stadium switching off face-scan gates after complaints",
         "The ground returns to paper tickets next season, the club said."),
        ("Kaufhaus Wendrich schaltet die Gesichtserkennung an seinen Eingängen ab",
         "Das Warenhaus verzichtet künftig auf Kameras mit Gesichtsabgleich."),
    ],
)  # fmt: skip
def test_a_venue_or_store_named_first_is_a_user_not_a_vendor(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


def test_a_surnames_bare_apostrophe_names_no_company() -> None:
    # "Ellis Jennings' lawsuit": a person's plural-looking surname, not a company's
    f = extract(entry(
        "Ellis Jennings' lawsuit ends with new limits on county face searches",
        "Under the agreement, deputies may no longer arrest anyone on a face match alone.",
    ))  # fmt: skip
    assert f is None or f.vendor != "Ellis Jennings", f


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # FR told only by the product's name: "<Brand> Face"
        ("Pendlebury will no longer license Pendlebury Face to casinos",
         "Gaming operators lose their accounts in March, the supplier said.",
         "Pendlebury", "ban"),
        ("Serravalle Dati non fornirà più Serravalle Face ai comuni",
         "I contratti con le amministrazioni locali non saranno rinnovati.",
         "Serravalle Dati", "ban"),
        # a German compound written with a hyphen
        ("Grünhagen schaltet die Gesichts-Suche seines Portals ab",
         "Gespeicherte Vorlagen würden gelöscht, so das Unternehmen.",
         "Grünhagen", "shutdown"),
    ],
)  # fmt: skip
def test_a_product_name_or_a_hyphenated_compound_marks_face_recognition(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f
    assert (f.vendor or "").startswith(vendor.split()[0]), f  # the maker or "<Brand> Face"


@pytest.mark.parametrize(
    "title",
    [
        "Small Retailers Face Higher Costs Under New Card Rules",  # Title Case: no name
        "Regional banks face tougher questions on lending",  # the verb
    ],
)
def test_face_as_a_verb_is_no_product_name(title: str) -> None:
    assert extract(entry(title, "Analysts expect more pressure next year.")) is None
