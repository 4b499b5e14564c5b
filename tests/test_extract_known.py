"""FR vendors the event store knows mark FR content in items with no face word (the
pipeline passes their names in; extraction stays a pure function of its inputs)."""

from __future__ import annotations

import pytest

from bot.extract import extract, known_vendors
from tests.extract_helpers import entry

KNOWN = known_vendors(["Ostrava Biometrics", "Mirelle"])


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Ostrava's sheriff-sales freeze will carry on past its deadline",
         "Nobody has named the day it lifts.", "extension"),
        ("Opinion: the gaps in Mirelle's pause",
         "The year-long halt on police sales leaves existing contracts running.", "moratorium"),
        ("Ostrava Biometrics is closing the accounts casinos hold",
         "Gaming floors have sixty days to export their data.", "ban"),
    ],
)  # fmt: skip
def test_a_known_vendor_needs_no_face_word(title: str, summary: str, action: str) -> None:
    assert extract(entry(title, summary)) is None  # unknown: no FR content at all
    f = extract(entry(title, summary), KNOWN)
    assert f is not None and (f.relevant, f.action) == (True, action), f
    assert f.vendor in ("Ostrava Biometrics", "Mirelle")


def test_no_names_no_matcher() -> None:
    assert known_vendors([]) is None


def test_vendors_known_only_from_their_own_news_match_by_full_name() -> None:
    known = known_vendors(["Ostrava Biometrics"], exact=["Lumo ID", "Quenby Systems"])
    assert known is not None
    text = "Lumo, Ostrava's camera line, closes; Quenby Systems and Lumo ID stay; Quenby too"
    assert [h.vendor for h in known.find(text)] == [
        "Ostrava Biometrics", "Quenby Systems", "Lumo ID",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["Ostravas Pause für Behörden läuft weiter", "Ostrava's pause carries on",
     "Die Pause von Ostravas' Kunden", "Le gel d'Ostrava se poursuit"],
)  # fmt: skip
def test_a_known_name_is_found_in_its_possessive_and_genitive_forms(text: str) -> None:
    assert KNOWN is not None
    assert [hit.vendor for hit in KNOWN.find(text)] == ["Ostrava Biometrics"]


def test_a_known_name_is_not_found_inside_a_longer_word() -> None:
    assert KNOWN is not None
    assert KNOWN.find("Ostravasee and Mirellesque are other words") == []


@pytest.mark.parametrize(
    ("names", "text", "vendor"),
    [
        # the text's own longer form with a company suffix
        (["Dorvane"], "Dorvane AI bound by the deal ending the class case", "Dorvane AI"),
        (["Dorvane"], "Dorvane Labs adds a review gate to its API", "Dorvane Labs"),
        # the store knows the company's long name: the short one reports it
        (["Dorvane", "Dorvane Labs"], "Dorvane's pause will run on", "Dorvane Labs"),
        (["Dorvane Labs"], "Dorvane's pause will run on", "Dorvane Labs"),
        # the store knows one longer form of the short name: the short one reports it
        # (the longest form the timeline supports), unless that form names a product
        (["Dorvane Photos"], "Dorvane's face albums return", "Dorvane"),
        (["Dorvane Lens"], "Dorvane pauses its face search", "Dorvane"),
        (["Dorvane", "Dorvane Datenwerk"], "Dorvane hält den Stopp", "Dorvane Datenwerk"),
        (["Quellmar Rastro"], "Quellmar cierra su buscador", "Quellmar Rastro"),
        # two longer forms and neither a company suffix: no guess, the short name stays
        (["Dorvane Photos", "Dorvane Cam"], "Dorvane's face albums return", "Dorvane"),
        (["Dorvane", "Dorvane Photos", "Dorvane Cam"], "Dorvane pauses", "Dorvane"),
        (["Dorvane Photos"], "Dorvane Photos restores its albums", "Dorvane Photos"),
        # a capitalised word that is no company suffix stays out
        (["Dorvane"], "Dorvane Home switches off visitor matching", "Dorvane"),
    ],
)  # fmt: skip
def test_a_known_short_name_reports_its_one_longer_company_form_never_a_products(
    names: list[str], text: str, vendor: str
) -> None:
    known = known_vendors(names)
    assert known is not None
    assert [hit.vendor for hit in known.find(text)] == [vendor]
