"""FR terms composed from word families (bot/data/fr_grammar.yaml): a face word, a
kind of person or a face attribute crossed with what is done to it, in both word
orders, with prepositions and German compounds, per language; and the everyday uses
of "face" (and of "cara", "faccia", "face" in Portuguese) that are no FR term.
Invented vendors and sentences."""

from __future__ import annotations

import pytest

from bot.extract.fr_grammar import GrammarError, compose
from bot.extract.resources import resources
from bot.extract.scan import scan


def fr_terms(title: str, summary: str = "") -> list[str]:
    """The FR terms the scanner finds in an item."""
    text = f"{title}\n{summary}"
    sc = scan(resources(), title, text)
    return [text[h.start : h.end] for h in sc.fr]


def test_every_form_is_composed_for_the_families_that_fill_it() -> None:
    grammar = {
        "en": {
            "forms": ["{modifier}[- ]{operation}", "{action} {link} {noun}"],
            "link": ["by", "of"],
            "families": {
                "face": {"modifier": ["face"], "operation": ["lookup", "index"],
                         "action": ["lookup"], "noun": ["faces?"]},
                "badge": {"modifier": ["badge"], "operation": ["scan"]},
            },
        }
    }  # fmt: skip
    assert compose(grammar) == {
        "en": [
            "(?:face)[- ](?:lookup|index)",
            "(?:lookup) (?:by|of) (?:faces?)",
            "(?:badge)[- ](?:scan)",  # no noun, no action: only the first form
        ]
    }


def test_a_malformed_grammar_names_the_place() -> None:
    bad = {"de": {"forms": ["{modifier}{operation}"], "families": {"x": {"modifier": "Kopf"}}}}
    with pytest.raises(GrammarError, match=r"fr_grammar\.de\.families\.x\.modifier"):
        compose(bad)
    with pytest.raises(GrammarError, match=r"fr_grammar\.it\.families"):
        compose({"it": {"forms": ["{verb} {object}"]}})


@pytest.mark.parametrize(
    ("title", "term"),
    [
        # face word first, an operation noun after it (new members of the family too)
        ("Quillmere hides face labels from shared albums", "face labels"),
        ("Stadium operators lose the face deals Brackwater signed", "face deals"),
        ("Tarnwick's facial comparison service closes to landlords", "facial comparison"),
        # the operation first, then a preposition and the face word
        ("Corvane ends sorting by face in its gallery app", "sorting by face"),
        ("Lobby kiosks drop check-in by face at Hallowmere hotels", "check-in by face"),
        ("The archive of scraped faces is taken offline by Pennick", "archive of scraped faces"),
        # a verb and its object a few words on
        ("Ostler's album app will no longer cluster holiday faces", "cluster holiday faces"),
        # people, and what is read from a face
        ("Wrenfield retires stranger identification from its glasses", "stranger identification"),
        ("Doorbells stop the identification of passers-by, says Tamsin", "identification of passers-by"),
        ("Harlowe drops mood estimates from its hiring tool", "mood estimates"),
        ("Putting names to strangers is off the menu at Selvane", "Putting names to strangers"),
    ],
)  # fmt: skip
def test_composed_english_terms(title: str, term: str) -> None:
    assert term in fr_terms(title), fr_terms(title)


@pytest.mark.parametrize(
    ("title", "summary", "term"),
    [
        ("Sur ses serrures connectées, Marceline abandonne la reconnaissance des habitants",
         "Une mise à jour retire l'option pour tous les clients en avril.",
         "reconnaissance des habitants"),
        ("Les lunettes de Fenouil cessent de mettre un nom sur les passants",
         "La mise à jour sera installée sur tous les modèles vendus en France.",
         "mettre un nom sur les passants"),
        ("Bewohnererkennung: Türschlossanbieter Kranich stellt die Funktion ein",
         "Die Kunden können die Funktion nicht mehr nutzen, teilte das Unternehmen mit.",
         "Bewohnererkennung"),
        ("Kranich beendet die Erkennung von Fahrgästen in seinen Bussen",
         "Die Kameras werden nach dem Sommer abgeschaltet.", "Erkennung von Fahrgästen"),
        ("Los móviles de Albero pierden el desbloqueo por cara en la Unión Europea",
         "La empresa dice que la función volverá con una nueva versión.", "desbloqueo por cara"),
        ("Las gafas de Albero ya no podrán poner nombre a los transeúntes",
         "La compañía retira la función de todos sus modelos.",
         "poner nombre a los transeúntes"),
        ("Il telefono di Gelsomino perde lo sblocco con la faccia in Europa",
         "La società dice che la funzione tornerà più avanti per tutti gli utenti.",
         "sblocco con la faccia"),
        ("Gli occhiali di Gelsomino smettono di dare un nome ai passanti",
         "Il produttore ha tolto la funzione con l'ultimo aggiornamento.",
         "dare un nome ai passanti"),
        ("Celulares da Ipê perdem o desbloqueio pela face na Europa",
         "A empresa diz que o recurso volta com uma nova versão do sistema.",
         "desbloqueio pela face"),
        ("Óculos da Ipê deixam de dar nome aos desconhecidos",
         "A empresa retirou a função de todos os modelos.", "dar nome aos desconhecidos"),
        # Spanish singular "facial" names FR on its own (its plural "faciales" too)
        ("Los bancos de Murcia pierden el sistema facial.",
         "La empresa dice que los clientes tendrán que buscar otra solución.", "facial"),
    ],
)  # fmt: skip
def test_composed_terms_in_other_languages(title: str, summary: str, term: str) -> None:
    found = fr_terms(title, summary)
    assert any(term in hit for hit in found), found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Regulators say firms face checks on how they store data", ""),
        ("Startups will face data requests under the new rules", ""),
        ("Auditors named the retailer that faces an inquiry over refunds", ""),
        ("Watchdog names Brindle as it faces fines over refunds", ""),
        ("Face masks return to the clinic's waiting room", ""),
        ("An about-face on pricing lifts the retailer's shares", ""),
        ("The smiling face emoji tops the chart again", ""),
        ("People matching the description were asked to leave the mall", ""),
        ("The league bans race tracking apps from the pit lane", ""),
        ("Una solución cara para los ayuntamientos, dicen los críticos",
         "El contrato de limpieza subirá un diez por ciento."),
        ("Em face da nova lei, a empresa muda os contratos de limpeza",
         "A mudança vale para todos os clientes."),
        ("Il sindaco lo ha detto in faccia ai giornalisti",
         "La conferenza stampa è durata un'ora."),
    ],
)  # fmt: skip
def test_everyday_face_words_are_no_fr_term(title: str, summary: str) -> None:
    assert fr_terms(title, summary) == []
