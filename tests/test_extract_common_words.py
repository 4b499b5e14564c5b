"""A capitalised common word that opens a sentence and heads a phrase is no company
(bot/extract/lexicon.py, bot/extract/names.py); invented vendors and sentences."""

from __future__ import annotations

import pytest

from bot.extract import lexicon, names
from bot.extract.resources import resources


def companies(title: str, summary: str, lang: str) -> list[str]:
    """The names ``names.find`` takes for companies in an item that speaks of a company
    ("the company" opens the summary) and names none the gazetteer knows."""
    text = f"{title}\n{summary}"
    refs = [(len(title) + 1, len(title) + 5)]
    found = names.find(resources().names, text, len(title), [], refs, None, True, (),
                       lang == "en", capitalised_nouns=lang == "de", lang=lang)  # fmt: skip
    return [f.name for f in found]


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        # a pronoun opening the summary
        ("fr", "Contrairement à sa promesse, la société équipe trois gares",
         "Elle fournira les portiques d'ici l'été."),
        ("it", "Il fornitore torna a vendere ai comuni", "Essa aveva sospeso le vendite."),
        ("pt", "A fornecedora volta a vender às prefeituras", "Ela tinha suspendido as vendas."),
        ("es", "La proveedora vuelve a vender a los ayuntamientos", "Ella había suspendido las ventas."),
        # a negative pronoun or determiner
        ("it", "Niente più volti per i vigili, per ora", "L'azienda sospende le vendite."),
        ("es", "Nada de caras para la policía local", "La empresa suspende las ventas."),
        # a common noun or adverb heading a phrase: a preposition follows it
        ("fr", "Contrairement aux engagements, les gares auront la reconnaissance faciale",
         "Le fournisseur livrera les portiques."),
        ("it", "Telecamere nei parchi: il fornitore riprende le vendite",
         "Riconoscimento in piazza, ecco le regole."),
        # English: a plural noun and a verb follow ("Door signs were …")
        ("en", "Door signs were not enough notice, office tells landlord",
         "The company must change its entrance."),
    ],
)  # fmt: skip
def test_a_common_word_capitalised_by_its_place_is_no_company(
    lang: str, title: str, summary: str
) -> None:
    assert companies(title, summary, lang) == []


@pytest.mark.parametrize(
    ("lang", "title", "summary", "vendor"),
    [
        # a company named after a common word acts: a verb follows it
        ("en", "Lantern stops selling face search to landlords",
         "The company said the change is immediate.", "Lantern"),
        ("it", "Sguardo sospende la vendita alla polizia",
         "L'azienda parla di una pausa di un anno.", "Sguardo"),
        ("es", "Rostro deja de vender a la policía", "La empresa confirmó la decisión.", "Rostro"),
        ("fr", "Regard suspend ses ventes aux polices municipales",
         "L'entreprise parle d'une pause d'un an.", "Regard"),
        # an uncommon name followed by a preposition
        ("it", "Quarzana di nuovo nel mercato dei volti", "L'azienda torna a vendere.", "Quarzana"),
    ],
)  # fmt: skip
def test_a_company_named_after_a_common_word_is_still_one(
    lang: str, title: str, summary: str, vendor: str
) -> None:
    assert companies(title, summary, lang) == [vendor]


def test_the_word_lists_are_per_language_and_folded() -> None:
    assert lexicon.is_common("Painéis", "pt") and lexicon.is_common("PAINEIS", "pt")
    assert lexicon.is_common("Contrairement", "fr") and not lexicon.is_common("Contrairement", "en")
    assert not lexicon.is_common("Quarzana", "it")
    assert lexicon.common_words("xx") == frozenset()
    assert "nel" in lexicon.closed_words("it") and "a" in lexicon.closed_words("fr")  # "à"
    assert "nel" not in lexicon.closed_words("fr")
    assert lexicon.common_anywhere("harbor") and not lexicon.common_anywhere("quellmark")


@pytest.mark.parametrize(
    ("lang", "title", "summary", "vendor"),
    [
        ("it", "I condomini restano senza volti",
         "Con l'intesa firmata davanti al tribunale di Varenna, l'azienda Quarzana rinuncia "
         "ai clienti condominiali.", "Quarzana"),
        ("en", "Terms end the tenants' suit",
         "Under the deal filed in Westmarch, the company Brennholt drops landlord clients.",
         "Brennholt"),
        ("es", "Fin del pleito con los inquilinos",
         "Con el acuerdo presentado en Valdoria, la empresa Brennholt deja a los caseros.",
         "Brennholt"),
    ],
)  # fmt: skip
def test_a_place_ending_a_fronted_phrase_is_no_company_for_the_subject_after_it(
    lang: str, title: str, summary: str, vendor: str
) -> None:
    """ "…, the company X …" after a fronted phrase is the sentence's subject, not an
    apposition to the place that ends the phrase."""
    assert companies(title, summary, lang) == [vendor]


def test_an_apposition_after_a_name_still_describes_it() -> None:
    assert companies("Doors close to landlords", "Brennholt, a face-search startup, drops "
                     "landlord clients.", "en") == ["Brennholt"]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text_title", "summary"),
    [("en", "Town halls lose face matching",
      "The supplier halts sales of the module Lumira to town halls."),
     ("it", "I comuni restano senza riconoscimento facciale",
      "Il fornitore congela la vendita del modulo Lumira ai comuni."),
     ("pt", "As prefeituras ficam sem reconhecimento facial",
      "A fornecedora suspende a venda do módulo Lumira às prefeituras."),
     ("fr", "Les mairies perdent la reconnaissance faciale",
      "Le fournisseur suspend la vente de la fonction Lumira aux mairies.")],
)  # fmt: skip
def test_a_name_after_a_product_noun_is_reported_as_a_product(
    lang: str, text_title: str, summary: str
) -> None:
    found = names.find(resources().names, f"{text_title}\n{summary}", len(text_title), [],
                       [(len(text_title) + 1, len(text_title) + 5)], None, True, (),
                       lang == "en", lang=lang)  # fmt: skip
    assert [(f.name, f.product) for f in found] == [("Lumira", True)]


def test_a_company_noun_before_a_name_still_makes_it_a_company() -> None:
    found = names.find(resources().names, "Face-search firm Lumira drops landlords\nThe "
                       "company says so.", 39, [], [(40, 44)], None, True, (), True, lang="en")  # fmt: skip
    assert [(f.name, f.product) for f in found] == [("Lumira", False)]


def test_the_kept_word_lists_are_the_folded_lists() -> None:
    # common_words is read from compiled.py's file when this machine folded it before
    for lang in lexicon.LANGUAGES:
        text = (lexicon.DIR / f"{lang}.txt").read_text(encoding="utf-8")
        assert lexicon.common_words(lang) == {lexicon.normalise(w) for w in text.split()}
