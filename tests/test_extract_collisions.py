"""Cue classes are matched per item language, and never inside a company's name
(invented vendors and sentences)."""

from __future__ import annotations

import pytest

from bot.extract import extract
from bot.extract.language import detect
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The vendor says police can no longer buy its face search.", "en"),
        ("Le fournisseur cessera de vendre sa reconnaissance faciale aux polices.", "fr"),
        ("Der Anbieter verkauft seine Gesichtserkennung nicht mehr an die Polizei.", "de"),
        ("La empresa dejará de vender su sistema de reconocimiento facial a los policías.", "es"),
        ("L'azienda non venderà più il riconoscimento facciale alla polizia.", "it"),
        ("A empresa não vai vender o reconhecimento facial para a polícia.", "pt"),
    ],
)
def test_the_language_of_an_item_is_read_from_its_words(text: str, lang: str) -> None:
    assert detect(text.lower()) == lang


def test_a_declared_language_only_breaks_a_tie() -> None:
    assert detect("brivio labs", "fr-FR") == "fr"
    assert detect("the company says it will stop", "de") == "en"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a French launch stem at the start of English words and names
        ("Lancer Institute audit finds skewed face-matching results",
         "The lab tested five engines on a new benchmark of passport photos."),
        ("Lancelot Analytics report lists face-matching error rates by skin tone",
         "The study compared ten commercial engines; no vendor changed its policy."),
        # a Spanish call stem inside English words
        ("Researchers install face-matching cameras in a lab to measure instant errors",
         "The study measured false matches on 4,000 volunteers."),
    ],
)  # fmt: skip
def test_foreign_stems_do_not_fire_on_english_text(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is not None and (f.relevant, f.actor_type) == (False, "none"), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Clearmark Vision stops selling face search to casinos",
         "The vendor cites misidentification complaints from gamblers.", "Clearmark Vision"),
        ("Clearwell Biometrics ends face-matching sales to landlords",
         "Tenants had complained about door cameras.", "Clearwell Biometrics"),
        ("Banford Labs will no longer sell face recognition to retailers",
         "The startup says shoplifting watchlists misfire too often.", "Banford Labs"),
    ],
)  # fmt: skip
def test_no_cue_fires_inside_a_company_name(title: str, summary: str, vendor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f
