"""One noun phrase, one body (bot/extract/body_heads.py): the head noun says what kind of
authority a phrase of two authority words names ("a Dunmore County judge" is a court,
"il giudice del comune" too), and a decision owned by a body is that body's ("a
watchdog ruling" is the regulator's). Invented places, bodies and companies, written
for these tests (issue 12)."""

from __future__ import annotations

import pytest

from bot.extract.body_heads import noun_phrase_heads
from bot.extract.cueindex import Hit
from tests.extract_helpers import found

# ------------------------------------------------- extraction: the head decides the kind


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Judge blesses Pellwick face recognition accord",
         "A Dunmore County judge approved the terms that end the shoppers' class action over "
         "Pellwick Labs' facial recognition cameras; claimants get $40 each."),
        ("Orrisby face-tagging class deal approved",
         "A Brenner County judge ruled that the agreement resolving the face recognition "
         "class action is fair; Orrisby Photo users can file claims until June."),
    ],
)  # fmt: skip
def test_a_place_before_a_judge_makes_no_government(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.relevant) == ("court", False)


def test_a_decision_owned_by_a_regulator_is_the_regulators() -> None:
    result = found(
        "Watchdog ruling tells Pellwick to purge its facial recognition index",
        "The privacy regulator gave the company sixty days.",
    )
    assert (result.actor_type, result.relevant) == ("regulator", False)


# --------------------------------------------------------- the merge itself, per language


def _hits(text: str, *spans: tuple[str, str]) -> list[Hit]:
    out = []
    for words, kind in spans:
        start = text.index(words)
        out.append(Hit(start, start + len(words), kind))
    return out


@pytest.mark.parametrize(
    ("text", "spans", "lang", "merged"),
    [
        ("A Tolland County judge approved it", [("County", "government"), ("judge", "court")],
         "en", ("County judge", "court")),
        ("the city's privacy commissioner said", [("city", "government"),
         ("privacy commissioner", "regulator")], "en", ("city's privacy commissioner", "regulator")),
        ("il giudice del comune di Verrano", [("giudice", "court"), ("comune", "government")],
         "it", ("giudice del comune", "court")),
        ("a juíza da prefeitura de Olinda", [("juíza", "court"), ("prefeitura", "government")],
         "pt", ("juíza da prefeitura", "court")),
        ("the regulator's verdict on Marlo", [("regulator", "regulator"), ("verdict", "court")],
         "en", ("regulator's verdict", "regulator")),
    ],
)  # fmt: skip
def test_one_noun_phrase_is_one_body_of_its_heads_kind(
    text: str, spans: list[tuple[str, str]], lang: str, merged: tuple[str, str]
) -> None:
    (hit,) = noun_phrase_heads(text, _hits(text, *spans), lang)
    assert (text[hit.start : hit.end], hit.label) == merged


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a fine aimed at a city is the regulator's, the city its target
        ("regulators issue a fine for the city of Marren", [("fine for", "regulator"),
         ("city", "government")]),
        # a headline's last word does not modify the summary's first
        ("Pellwick loses in court\nCounty officials say", [("court", "court"),
         ("County", "government")]),
        # two bodies apart, each its own
        ("the court and the council disagree", [("court", "court"), ("council", "government")]),
    ],
)  # fmt: skip
def test_words_that_are_no_noun_phrase_stay_apart(text: str, spans: list[tuple[str, str]]) -> None:
    hits = _hits(text, *spans)
    assert noun_phrase_heads(text, hits, "en") == hits
