"""A vendor's name is its longest company form: company suffixes in six languages end
a name ("Biometría", "Visione", "Identité", "Holdings", "Cloud"), a short form the store
knows reports the long one, and the text's own company form beats a product's name the
store learned first. Products of a gazetteer vendor report their maker."""

from __future__ import annotations

import pytest

from bot.events.votes import company_form
from bot.extract import extract, known_vendors
from bot.extract.known import is_company_form
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("short", "long"),
    [("Pavona", "Pavona Biometría"), ("Sestri", "Sestri Visione"),
     ("Orvault", "Orvault Identité"), ("Lagoa", "Lagoa Tecnologia"),
     ("Fernau", "Fernau Biometrie"),
     ("Brackla", "Brackla Cloud"), ("Tamsin", "Tamsin Social"), ("Ardley", "Ardley AG"), ("Quiller", "Quiller Visione")],
)  # fmt: skip
def test_suffixes_of_every_language_make_a_company_form(short: str, long: str) -> None:
    assert is_company_form(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [("Pavona", "Pavona Urbano"), ("Sestri", "Sestri Entrata"), ("Brackla", "Brackla Photos"),
     ("Tamsin", "Tamsin Lens")],
)  # fmt: skip
def test_a_product_word_is_no_company_form(short: str, long: str) -> None:
    assert not is_company_form(short, long)


@pytest.mark.parametrize(
    "title",
    [
        "State AG presses Quillon Vision to erase residents' face prints",
        "The State AG wants Quillon Vision to stop scraping photos for face search",
    ],
)
def test_an_attorney_general_written_ag_is_no_company(title: str) -> None:
    f = found(title, "The office says the face-search firm never asked anyone for consent.")
    assert f.vendor == "Quillon Vision", f


def test_the_event_takes_the_long_company_name_a_report_gave() -> None:
    slots = [["Pavona", 2.0], ["Pavona Biometría", 0.5]]
    assert company_form("Pavona", slots) == "Pavona Biometría"
    assert company_form("Pavona", [["Pavona", 2.0], ["Pavona Urbano", 0.5]]) == "Pavona"


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Spanish supplier Pavona halts sales of face matching to town halls",
         "Pavona Biometría will sign no municipal face contracts for a year.", "Pavona Biometría"),
        ("Sestri mette in pausa il riconoscimento facciale per la polizia locale",
         "Sestri Visione non venderà la sua piattaforma ai comuni per sei mesi.",
         "Sestri Visione"),
        ("Orvault suspend la reconnaissance faciale pour les polices municipales",
         "Orvault Identité ne vendra plus son logiciel aux mairies pendant un an.",
         "Orvault Identité"),
    ],
)  # fmt: skip
def test_the_item_reports_its_longest_company_form(title: str, summary: str, vendor: str) -> None:
    f = found(title, summary)
    assert f.relevant and f.vendor == vendor, f


def test_a_known_short_name_reports_the_long_company_form() -> None:
    known = known_vendors(["Pavona Biometría"])
    assert known is not None
    assert [h.vendor for h in known.find("Pavona keeps its pause")] == ["Pavona Biometría"]
    f = extract(entry("Pavona keeps its town-hall freeze past April", "No end date was set."),
                known)  # fmt: skip
    assert f is not None and f.vendor == "Pavona Biometría", f


def test_the_texts_company_form_beats_a_product_name_the_store_learned() -> None:
    known = known_vendors(["Brackla Vision"])  # a product's name, read as a vendor earlier
    assert known is not None
    hits = known.find("Brackla Cloud retires the face endpoints of its vision API")
    assert [h.vendor for h in hits] == ["Brackla Cloud"]
    assert [h.vendor for h in known.find("Brackla drops emotion scores")] == ["Brackla Vision"]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pavona keeps its town-hall freeze past April",
         "Pavona Biometría says municipal contracts stay on hold with no end date."),
        ("¿Qué cambia con la pausa de Pavona para las policías locales?",
         "Pavona Biometría no firmará contratos con ayuntamientos durante seis meses."),
    ],
)  # fmt: skip
def test_every_mention_reports_the_long_form_the_item_gives(title: str, summary: str) -> None:
    known = known_vendors(["Pavona"])  # the store learned only the short name so far
    f = extract(entry(title, summary), known)
    assert f is not None and f.vendor == "Pavona Biometría", f


def test_a_product_named_after_its_maker_does_not_rename_the_maker() -> None:
    known = known_vendors(["Pavona"])
    f = extract(
        entry("Pavona pauses face matching for town halls",
              "Its Pavona Urbano platform will not be sold to municipal police for a year."),
        known,
    )  # fmt: skip
    assert f is not None and f.vendor == "Pavona", f


@pytest.mark.parametrize(
    "title",
    ["State AG wants Velmora to stop collecting residents' face photos",
     "State Attorney General sues Velmora over scraped face photos"],
)  # fmt: skip
def test_an_attorney_general_is_no_company_named_ag(title: str) -> None:
    f = extract(entry(title, "The complaint says the face-search firm broke the state's law."))
    assert f is None or f.vendor not in ("State AG", "State Attorney General"), f
