"""Recall families (recall12f): vendor policy changes told in shapes the rules missed.
Invented vendors and sentences throughout."""

from __future__ import annotations

import pytest

from tests.extract_helpers import entry, extract, found


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # a gerund right after a name no list knows
        ("Tollerby taking its face-matching cloud offline for good",
         "Developers who built on it have until June to move elsewhere, the company says.",
         "Tollerby", "shutdown"),
        ("Brackwater halting face-search sales to private detectives for a year",
         "The firm will sign no new licences with investigators until next spring.",
         "Brackwater", "moratorium"),
        # a plural name's bare apostrophe
        ("Fennimore Networks' face-recognition sign-in turned off for good",
         "Users of the editing suite will log in with passkeys instead, the company said.",
         "Fennimore Networks", "shutdown"),
        # German: the separable verb's particle closes the clause, words away
        ("Hollerbach schaltet den Gesichtsabgleich in der App seiner Versicherungskunden zum Quartalsende ab",
         "Kunden melden sich danach wieder mit Passwort an, teilte das Unternehmen mit.",
         "Hollerbach", "shutdown"),
        ("Quirinus Data legt die Gesichtserkennung in seinen Hotel-Terminals still",
         "Gäste checken künftig wieder mit der Buchungsnummer ein, so die Firma.",
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


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # money and a refusal to sell to buyers no customer list names: the terms bind sales
        ("Harbottle pays $1.5 million and will no longer supply face search to bounty hunters",
         "The deal ends a privacy class action filed in Kansas last year.", "Harbottle"),
        # the product as the passive's subject
        ("Under the accord that closes the renters' lawsuit, the face matcher of Wexley Labs may not be sold to letting agents",
         "The company also covers the plaintiffs' costs.", "Wexley Labs"),
        # a refusal told as a noun, after the other side drops its complaint
        ("Les joueurs retirent leur plainte : Marbrière accepte une interdiction de vente de sa reconnaissance faciale aux casinos",
         "L'accord vaut pour sept ans.", "Marbrière"),
        # an infinitive after a commitment, with a state attorney general on the other side
        ("State inquiry ends as Calloway pledges not to license its face matcher to shopping malls",
         "The assurance filed with the attorney general also requires yearly audits.", "Calloway"),
    ],
)  # fmt: skip
def test_a_settlements_terms_told_without_settle_bind_the_vendor(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "settlement"), f
    assert (f.vendor or "").startswith(vendor.split()[0]), f


def test_money_alone_ends_no_policy() -> None:
    f = extract(entry(
        "A $2 million cheque ends the bystanders' suit over Ravensworth's doorbell cameras",
        "The payment covers scans taken before 2024; sales go on as they were.",
    ))  # fmt: skip
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # the customer class as the refusing verb's direct object
        ("Orléanais Biométrie refuse désormais les mairies pour sa reconnaissance faciale",
         "Aucun contrat municipal ne sera signé tant que la loi restera floue.", "Orléanais Biométrie"),
        ("Tordesillas AI aparta a los casinos de su reconocimiento facial",
         "Los contratos vigentes con salas de juego vencerán en otoño.", "Tordesillas AI"),
        ("Lucciola Vision esclude i comuni dai clienti del suo riconoscimento facciale",
         "Gli accordi in corso con gli enti locali non saranno rinnovati, spiega la società.", "Lucciola Vision"),
        # a door closed to it, ties cut with it
        ("Ipanema Biometria fecha as portas para prefeituras no reconhecimento facial",
         "As prefeituras que já usam o sistema perdem o acesso no fim do ano.", "Ipanema Biometria"),
        ("Gesichtserkennung: Wolfsegg AI beendet die Zusammenarbeit mit Spielbanken",
         "Die bestehenden Verträge laufen im Herbst aus.", "Wolfsegg AI"),
    ],
)  # fmt: skip
def test_a_customer_class_refused_by_name_is_a_ban(title: str, summary: str, vendor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (True, "vendor", vendor, "ban"), f


def test_a_town_refusing_cameras_is_not_a_vendor_ban() -> None:
    f = extract(entry(
        "Le conseil municipal de Saint-Aubrac refuse les caméras de reconnaissance faciale",
        "Les élus ont rejeté le projet du maire par 19 voix contre 8.",
    ))  # fmt: skip
    assert f is None or not (f.relevant and f.actor_type == "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # a capability put behind a review, or someone's blessing needed first
        ("Dunmore puts body-camera face matching behind a supervisor sign-off",
         "Each agency must name a supervisor before identification is enabled for it.", "Dunmore"),
        ("Wrenfield says hospitals need its approval before using face check-in",
         "Each request is weighed on its own, according to the supplier.", "Wrenfield"),
        # the customers a gate names are no launch
        ("Would-be buyers of Abbotsley Vision's face identification must now pass a background check",
         "Accounts opened before the change are not affected, the company said.", "Abbotsley Vision"),
    ],
)  # fmt: skip
def test_a_capability_behind_a_review_is_a_restriction(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (
        True,
        "vendor",
        vendor,
        "restriction",
    ), f


def test_a_new_api_open_to_everyone_is_a_launch() -> None:
    f = extract(entry(
        "Kestrel Labs' new face API opens to every developer",
        "Sign-ups start today and matching is free for the first month.",
    ))  # fmt: skip
    assert f is None or not f.relevant, f
