"""The item's language from its function words: English items whose only function
words are short ones Portuguese also uses ("a", "as"), and French items whose function
words Spanish shares ("que", "de", "la", "un"), are read in their own language without
a declared one (invented sentences)."""

from __future__ import annotations

import pytest

from bot.extract.language import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Marrowfield drops casinos as customers\nA spokesperson confirmed it on Tuesday.", "en"),
        ("A tiny lab cuts off bail bondsmen\nBut insurers stay on as clients.", "en"),
        ("Quillon says a pause is on\nThey plan to be back at it in spring.", "en"),
        ("Brisard dit que sa règle n'a pas bougé\nLa firme répond à un syndicat.", "fr"),
        ("Selon Pallas, la pause que tout le monde attendait est là\nUn porte-parole parle.",
         "fr"),
        # the other languages keep their items
        ("La empresa dice que la pausa sigue\nNo habrá contratos nuevos este año.", "es"),
        ("A empresa diz que a pausa continua\nNão haverá contratos novos.", "pt"),
    ],
)  # fmt: skip
def test_function_words_decide_the_language_without_a_declared_one(text: str, lang: str) -> None:
    assert detect(text.lower()) == lang
