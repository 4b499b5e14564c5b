"""Facial-recognition terms composed from a small grammar per language
(``bot/data/fr_grammar.yaml``), instead of a list of stock phrases.

Each language names word families: what is recognised (``face``: "face", "visage",
"Gesicht"; ``person``: visitors, strangers; ``attribute``: emotion, age, gender) with
the forms its words take (``modifier``: the word that qualifies an operation noun,
``noun``: the word after a preposition, ``object``: the word as a verb's object,
``adjective``: "faciale" after its noun), and what is done to it (``operation``:
matching, search, database, Abgleich; ``action``: the operations that are acts, which
take a preposition and the bare noun: "search by face"; ``verb``: identify, reconocer,
erkennen). The language's ``forms`` say how they combine, in both word
orders, with prepositions (``link``) and German compounds:

- ``{modifier}[- ]{operation}``: "face matching", "visitor recognition";
- ``{action} {link} {noun}``: "grouping by face", "comparación de rostros";
- ``{operation} {link} {w2}{object}``: "an archive of scraped faces";
- ``{operation} {adjective}``: "identification faciale", "comparação facial";
- ``{modifier}{operation}``: "Gesichtsabgleich", "Besuchererkennung";
- ``{verb} {w3}{noun}``: "names the faces", "reconocer caras".

A form is composed for every family that has all the word lists it names; the result
is a list of cue fragments per language, matched with ``fr_terms`` of cues.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.extract import compiled

_SLOT = compiled.compile(r"\{(modifier|noun|object|adjective|operation|action|verb|link)\}")


class GrammarError(ValueError):
    """The grammar file is malformed (the message names the place)."""


def compose(grammar: Any, where: str = "fr_grammar") -> dict[str, list[str]]:
    """``{language: [cue fragment, ...]}`` composed from ``grammar`` (see the module
    docstring for its shape)."""
    if not isinstance(grammar, Mapping):
        raise GrammarError(f"{where}: expected a mapping of languages")
    return {str(lang): _language(section, f"{where}.{lang}") for lang, section in grammar.items()}


def _language(section: Any, where: str) -> list[str]:
    if not isinstance(section, Mapping):
        raise GrammarError(f"{where}: expected 'forms', 'link' and word families")
    forms = _words(section.get("forms"), f"{where}.forms")
    links = _words(section.get("link") or [], f"{where}.link")
    families = section.get("families")
    if not isinstance(families, Mapping) or not families:
        raise GrammarError(f"{where}.families: expected a mapping of word families")
    out: list[str] = []
    for name, family in families.items():
        if not isinstance(family, Mapping):
            raise GrammarError(f"{where}.families.{name}: expected a mapping of word lists")
        words = {
            slot: _words(family.get(slot) or [], f"{where}.families.{name}.{slot}")
            for slot in ("modifier", "noun", "object", "adjective", "operation", "action", "verb")
        }
        words["link"] = links
        out.extend(_apply(form, words) for form in forms if _fits(form, words))
    return out


def _fits(form: str, words: Mapping[str, list[str]]) -> bool:
    """``form`` names only slots the family fills (and names one at least)."""
    slots = _SLOT.findall(form)
    return bool(slots) and all(words[slot] for slot in slots)


def _apply(form: str, words: Mapping[str, list[str]]) -> str:
    def alternation(match: re.Match[str]) -> str:
        return "(?:" + "|".join(sorted(words[match.group(1)], key=len, reverse=True)) + ")"

    return _SLOT.sub(alternation, form)


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GrammarError(f"{where}: expected a list of patterns")
    return list(value)
