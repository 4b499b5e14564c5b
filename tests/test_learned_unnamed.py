"""The second opinion on items that name no vendor any list knows
(bot.extract.learned_policy.unnamed_case, bot.extract.unnamed_vendor.title_name): the
rules found an FR term but no vendor; the title's capitalised name no list reads is
the company the model may open the item for, and only the model decides whether it is
news. Every story is written for these tests, with invented companies.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.extract import extract, learned, rules
from bot.extract.learned_policy import unnamed_case
from bot.extract.unnamed_vendor import title_name
from bot.models import Entry

PUBLISHED = datetime(2024, 3, 12, 8, 0, tzinfo=UTC)
ACTIONS = ("ban", "exit", "extension", "moratorium", "restriction", "reversal", "settlement",
           "shutdown")  # fmt: skip
ACTORS = ("court", "government", "none", "regulator", "vendor")


def biased_model(relevance_bias: float) -> learned.Model:
    """A model with biases only: P(relevant) from ``relevance_bias`` for anything, the
    action "restriction" and the actor type "vendor"."""
    return learned.from_json({
        "relevance": {"classes": ["no", "yes"], "bias": [relevance_bias], "weights": {}},
        "action": {"classes": list(ACTIONS), "weights": {},
                   "bias": [5.0 if a == "restriction" else 0.0 for a in ACTIONS]},
        "actor": {"classes": list(ACTORS), "weights": {},
                  "bias": [5.0 if a == "vendor" else 0.0 for a in ACTORS]},
        "thresholds": {"relevant": 0.5, "actor": 0.5, "vendor_deal": 1.01,
                       "weak_confidence": 0.6, "action": 0.9},
    })  # fmt: skip


def entry(title: str, summary: str, language: str = "en") -> Entry:
    return Entry(
        feed_id="t", key=title[:40], title=title, summary=summary, published=PUBLISHED,
        language=language,
    )  # fmt: skip


# (title, summary, language, the name the title gives)
NAMED = [
    ("Brindemoor : fini la recherche par visage pour les bailleurs",
     "Les agences immobilières perdent leurs comptes en avril, indique la société.", "fr",
     "Brindemoor"),
    ("Marvenne : plus de comparaison faciale pour les casinos",
     "Les établissements de jeu perdent l'accès le mois prochain.", "fr", "Marvenne"),
    ("Gesichtssuche von Pelmarin nur noch für geprüfte Redaktionen",
     "Andere Kunden verlieren den Zugang zum Quartalsende.", "de", "Pelmarin"),
    ("Salvetti: la ricerca per volto non sarà più aperta ai privati",
     "Le aziende clienti perdono l'accesso a fine mese.", "it", "Salvetti"),
    ("Búsqueda facial de Ondarreta, solo para clientes verificados",
     "El resto de cuentas pierde el acceso en mayo.", "es", "Ondarreta"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "name"), NAMED)
def test_the_title_names_the_company_no_list_knows(
    title: str, summary: str, language: str, name: str
) -> None:
    sc, found = rules(entry(title, summary, language))
    assert sc is not None and found is not None and found.vendor is None
    assert title_name(sc) == name


def test_a_rival_named_before_the_clause_with_the_fr_term_is_not_the_name() -> None:
    sc, found = rules(
        entry(
            "Nach dem Aus von Quorvane: Gesichtssuche von Belcastro nur noch für Museen",
            "Andere Kunden verlieren den Zugang im Mai.",
            "de",
        )  # fmt: skip
    )
    assert sc is not None and found is not None and found.vendor is None
    assert title_name(sc) == "Belcastro"


def test_a_german_genitive_name_loses_its_s_and_the_fr_term_s_clause_comes_first() -> None:
    sc, found = rules(
        entry(
            "Zwischen Datenschutz und Kundschaft: Brennwiks Gesichtsabgleich für Vermieter "
            "gesperrt",
            "Bestehende Verträge laufen zum Monatsende aus.",
            "de",
        )  # fmt: skip
    )
    assert sc is not None and found is not None and found.vendor is None
    assert title_name(sc) == "Brennwik"


def test_the_people_of_a_region_the_item_names_are_no_name() -> None:
    sc, _ = rules(
        entry("Ohioans lose the face-grouping filter in their photo app",
              "Accounts in Ohio no longer see the face-grouping option, the app maker said.")
    )  # fmt: skip
    assert sc is not None and title_name(sc) is None


def test_common_words_regions_and_german_nouns_after_an_article_are_no_name() -> None:
    for title, summary, language in [
        ("Why the face-search market is cooling in Europe",
         "Analysts expect fewer contracts next year.", "en"),
        ("Die Gesichtserkennung der Stadtwerke bleibt vorerst aus",
         "Ein Termin für den Start steht nicht fest.", "de"),
    ]:  # fmt: skip
        sc, _ = rules(entry(title, summary, language))
        assert sc is not None and title_name(sc) is None, title


def test_the_model_opens_the_item_as_the_named_company_s_change() -> None:
    item = entry(*NAMED[0][:3])
    with learned.using(biased_model(5.0)):
        found = extract(item)
    assert found is not None and found.relevant
    assert (found.vendor, found.actor_type, found.action) == ("Brindemoor", "vendor", "restriction")


def test_a_model_that_sees_no_change_leaves_the_item_and_names_no_vendor() -> None:
    item = entry(*NAMED[0][:3])
    with learned.using(biased_model(-5.0)):
        found = extract(item)
    assert found is not None and not found.relevant and found.vendor is None


def test_a_hard_negative_keeps_a_nameless_item_from_the_model() -> None:
    item = entry("Tarrowby launches a face-search app for hotel chains",
                 "The product goes on sale in autumn.")  # fmt: skip
    sc, found = rules(item)
    assert sc is not None and found is not None and not found.relevant
    assert unnamed_case(sc, found) is None
    with learned.using(biased_model(5.0)):
        after = extract(item)
    assert after is not None and not after.relevant


# Items that name a company no list knows beside an FR term and are no vendor's change:
# a user of FR ending its own cameras, results, a supermarket's own cameras.
NOT_CHANGES = [
    ("Kestelby museum ends its face-scan tickets", "Visitors will show paper tickets again.",
     "en"),
    ("Kalvemoor's earnings rise on demand for face-matching kiosks",
     "Revenue grew nine percent in the quarter.", "en"),
    ("Marbury : le supermarché renonce aux caméras faciales",
     "Les clients verront les caméras retirées en juin.", "fr"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NOT_CHANGES)
def test_the_shipped_model_does_not_open_a_named_item_that_is_no_change(
    title: str, summary: str, language: str
) -> None:
    item = entry(title, summary, language)
    sc, found = rules(item)
    assert sc is not None and found is not None and unnamed_case(sc, found) is not None
    with learned.using(learned.read(learned_file())):
        after = extract(item)
    assert after is not None and not after.relevant


def learned_file() -> Path:
    return Path(learned.__file__).resolve().parent.parent / "data" / learned.MODEL_FILE
