"""The pause words of bot/data/cues.yaml (``pause_words``): a pause verb where an act's
cue starts, and a determiner or possessive that makes a pause word a noun."""

from __future__ import annotations

import pytest

from bot.extract.resources import resources


@pytest.mark.parametrize(
    "text",
    ["halts sales", "gèle ses ventes", "gelé", "setzt aus", "sospende", "congela", "pausiert"],
)
def test_a_pause_verb_starts_the_cue(text: str) -> None:
    assert resources().pause_verb.match(text) is not None


@pytest.mark.parametrize("text", ["gelten ab Mai", "Geld zurück", "halten fest", "sospetta"])
def test_a_word_that_only_starts_like_one_is_no_pause_verb(text: str) -> None:
    assert resources().pause_verb.match(text) is None


@pytest.mark.parametrize(
    "before", ["Pellmark keeps its ", "Velora's ", "la lunga ", "die seit Mai geltende "]
)
def test_a_determiner_before_makes_a_pause_noun(before: str) -> None:
    assert resources().pause_noun_before.search(before) is not None


def test_a_verb_after_its_subject_is_no_noun() -> None:
    assert resources().pause_noun_before.search("Pellmark ") is None
