"""The word patterns of ``bot/data/public_bodies.yaml``, compiled per language.

A public body's head nouns by kind (court, regulator, government), with the composed
bodies of ``body_domains`` and the countries; the decision nouns; the verbs a body acts
with and the ones that tell it is not acting; passive decisions, obligations, contested
fines and rulings, plan verbs, FR users, legal instruments and law nouns. Each
language's patterns join the English ones (English names of bodies travel into other
languages' headlines). ``public_bodies`` and ``body_decisions`` read sentences with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.extract import authority, body_domains, compiled
from bot.extract.gate import WordGate, split_gate
from bot.extract.resources import DATA_DIR, DataFileError
from bot.yaml_loader import read_data_file

BODIES_FILE: Path = DATA_DIR / "public_bodies.yaml"
KINDS = ("court", "regulator", "government")  # the first kind whose pattern fits wins
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
_NEVER = r"(?!)"

# Words that may stand before the head noun: articles, possessives, place names (any
# capitalised word) and the adjectives that place a body ("local", "federal").
_ARTICLES = (
    r"the|a|an|its|their|this|that|le|la|les|l'|l’|el|los|las|il|lo|i|gli|o|os|as|der|die|"
    r"das|den|dem|des|un|une|una|uno|um|uma|ein|eine"
)
_ADJECTIVES = (
    r"local|federal|state|national|city|county|regional|municipal|provincial|metropolitan|"
    r"top|new|nacional|municipal|locale|federale|estadual|nationale|städtische|regionale"
)
_GENITIVE = (
    r"of|in|for|de|del|de la|de los|d'|d’|di|della|dello|del|do|da|dos|das|von|vom|der|des|du"
)
_NAME = r"[A-Z][\w'’.-]*"
_NEW = r"new|nouveau|nouvelle|neue[rns]?|nuev[oa]|nuov[oa]|nov[oa]|draft|proposed"
# an article elided onto the head noun ("L'autorité", "dell'autorità")
_ELIDED = r"(?:l|d|dell|nell|all|dall|sull|un)['’]"
_MODIFIER = rf"(?:(?i:{_ARTICLES}|{_ADJECTIVES})|{_NAME}|[\w-]+(?:'s|’s))"
# a Romance adjective after its noun ("une police nationale européenne", "la policía
# bonaerense", "la polizia locale"): a place or a kind, by its adjectival ending
_ROMANCE = frozenset({"fr", "es", "it", "pt"})
_POSTNOMINAL = (
    r"[a-zà-ÿ]{3,}(?:éenne|ienne|aise|ale|aux|ique|ano|ana|ani|ane|ese|esi|ense|ês|esa|ica|ico|"
    r"iche|ici|ales|ais|eña|eño|enha|enho)"
)


@dataclass(frozen=True)
class Patterns:
    """Compiled for one language."""

    subjects: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, whole-subject pattern)
    decisions: tuple[tuple[str, re.Pattern[str]], ...]
    verbs: re.Pattern[str]
    not_acting: re.Pattern[str]
    passive: re.Pattern[str]
    deploy: re.Pattern[str]
    obligation: re.Pattern[str]
    decision: re.Pattern[str]  # any decision noun, as a word
    head: WordGate  # any body or decision word (a cheap gate; tried where such a word starts)
    contest: re.Pattern[str]  # a company contesting a fine (group "fine") or a ruling
    plan: re.Pattern[str]  # a law-making body's plan verbs ("quer", "quiere")
    users: re.Pattern[str]  # police and other FR users (whose plans are deployments)
    instrument: re.Pattern[str]  # a legal instrument opening a sentence ("Per Verordnung …")
    law_opening: re.Pattern[str]  # a bill, decree or law opening a sentence ("A decree …")


def alternation(items: list[str], where: str) -> str:
    for item in items:
        try:
            compiled.compile(item)
        except re.error as exc:
            msg = f"{BODIES_FILE}: {where} has an invalid regex {item!r} ({exc}); fix the pattern"
            raise DataFileError(msg) from exc
    return "|".join(sorted(items, key=len, reverse=True)) or _NEVER


def _subject(head: str, aux: str, postnominal: bool = False) -> re.Pattern[str]:
    """The whole text before a verb: a noun phrase headed by ``head`` (``postnominal``:
    Romance adjectives may follow it)."""
    after = rf"(?:[ ]+{_POSTNOMINAL}){{0,2}}" if postnominal else ""
    return compiled.compile(
        rf"^[\W_]*(?:{_MODIFIER}[ ]+){{0,4}}?(?:[A-Z]{{2,}}-)?(?i:{_ELIDED})?(?i:{head})"
        rf"{after}"
        rf"(?:[ ]+(?i:{_GENITIVE})[ ]*{_NAME}(?:[ ]+{_NAME}){{0,3}})?"
        rf"(?:[ ]+{_NAME}){{0,2}}(?:[ ]*,[^,;:]{{1,60}},)?"
        rf"(?:[ ]+(?i:{aux}))*[ ]*$"
    )


def lang_items(section: Any, lang: str, where: str) -> list[str]:
    if section is None:
        return []
    if not isinstance(section, dict):
        raise DataFileError(f"{BODIES_FILE}: {where} must map languages to pattern lists")
    items = section.get(lang) or []
    if not isinstance(items, list):
        raise DataFileError(f"{BODIES_FILE}: {where}.{lang} must be a list of patterns")
    return [str(p) for p in items]


def read_bodies(path: Path) -> dict[str, Any]:
    """The data file as a mapping (DataFileError names the file and the fix)."""
    raw = read_data_file(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("bodies"), dict):
        raise DataFileError(f"{path}: expected a mapping with 'bodies' by kind and language")
    return raw


@lru_cache(maxsize=1)
def raw_bodies() -> dict[str, Any]:
    return read_bodies(BODIES_FILE)


@lru_cache(maxsize=8)
def patterns(lang: str) -> Patterns:
    """The compiled patterns for ``lang`` (English ones join every other language:
    English names of bodies travel into other languages' headlines)."""
    raw = raw_bodies()
    wanted = (lang,) if lang == "en" else (lang, "en")
    langs: tuple[str, ...] = tuple(code for code in wanted if code in LANGUAGES) or ("en",)

    def items(section: Any, where: str) -> list[str]:
        return [p for code in langs for p in lang_items(section, code, where)]

    aux = alternation(items(raw.get("auxiliaries"), "auxiliaries"), "auxiliaries")
    countries = items(raw.get("countries"), "countries")
    # in the subject, names match as written ("Justicia chilena": an adjective)
    named = [f"(?-i:{c})" for c in countries]
    composed = body_domains.bodies(langs)  # "régie des transports", "Kartellamt"
    subjects = tuple(
        (
            kind,
            _subject(
                alternation(
                    items(raw["bodies"].get(kind), f"bodies.{kind}")
                    + composed.get(kind, [])
                    + (named if kind == "government" else []),
                    kind,
                ),
                aux,
                postnominal=lang in _ROMANCE,
            ),
        )
        for kind in KINDS
    )
    decisions = tuple(
        (kind, _subject(alternation([str(p) for p in (raw.get("decisions") or {}).get(kind) or []],
                             f"decisions.{kind}"), aux))
        for kind in ("government", "court", "regulator")
    )  # fmt: skip
    verb_items = items(raw.get("verbs"), "verbs")
    not_acting = compiled.compile(
        rf"[ ]*(?i:{alternation(items(raw.get('not_acting'), 'not_acting'), 'not_acting')})(?![\w-])"
    )
    passive = compiled.compile(
        rf"(?<![\w-])(?i:{alternation(items(raw.get('passive_decisions'), 'passive_decisions'), 'passive')})"
        rf"(?![\w-])"
    )
    deploy_items = items(raw.get("deploy_verbs"), "deploy_verbs")
    deploy = compiled.compile(rf"(?i:{alternation(deploy_items, 'deploy_verbs')})(?![\w-])")
    verbs = _lowered(
        alternation([*verb_items, *deploy_items], "verbs")
    )  # matched on lower-case text
    obligation = compiled.compile(
        rf"(?<![\w-])(?i:{alternation(items(raw.get('obligations'), 'obligations'), 'obligations')})"
        rf"(?:[ ]+[\w'’-]+){{0,3}}[ ]+$"
    )
    decision_items = [str(p) for kind in ("court", "regulator")
                      for p in (raw.get("decisions") or {}).get(kind) or []]  # fmt: skip
    decision = compiled.compile(
        rf"(?<![\w-])(?i:{alternation(decision_items, 'decisions')})(?![\w-])"
    )
    heads = [p for kind in KINDS for p in items(raw["bodies"].get(kind), f"bodies.{kind}")]
    heads += [p for found in composed.values() for p in found]
    heads += countries
    heads += [str(p) for p in (raw.get("decisions") or {}).get("government") or []]
    head_items = [*heads, *decision_items]
    head_alt = alternation(head_items, "bodies")
    anycase = _anycase(head_alt)
    head = split_gate(head_items, lambda alt: _lowered(alt, anycase), _lowered(head_alt))
    fines = alternation([str(p) for p in raw.get("fines") or []], "fines")
    rulings = alternation([str(p) for p in raw.get("rulings") or []], "rulings")
    contest = compiled.compile(
        rf"(?<![\w-])(?i:{alternation(items(raw.get('contest'), 'contest'), 'contest')})"
        rf"[ ]+(?:[\w'’$€£.,-]+[ ]+){{0,4}}?(?i:(?P<fine>{fines})|(?P<ruling>{rulings}))(?![\w-])"
    )
    plan_items = items(raw.get("plan_verbs"), "plan_verbs")
    plan = compiled.compile(rf"(?i:{alternation(plan_items, 'plan_verbs')})(?![\w-])")
    users = compiled.compile(
        rf"(?i)(?:{alternation([str(p) for p in raw.get('users') or []], 'users')})\b"
    )
    verbs = _lowered(alternation([*verb_items, *deploy_items, *plan_items], "verbs"))
    instrument = compiled.compile(
        rf"[\W_]*(?i:{alternation(items(raw.get('instruments'), 'instruments'), 'instruments')})"
        rf"(?![\w-])"
    )
    laws = alternation(
        [str(p) for p in (raw.get("decisions") or {}).get("government") or []], "laws"
    )
    law_opening = compiled.compile(
        rf"[\W_]*(?:(?i:{_ARTICLES})[ ]+)?(?:(?i:{_ADJECTIVES}|{_NEW})[ ]+)?(?i:{laws})(?![\w'’-])"
    )
    return Patterns(
        subjects, decisions, verbs, not_acting, passive, deploy, obligation, decision, head,
        contest, plan, users, instrument, law_opening,
    )  # fmt: skip


def _lowered(alternation: str, anycase: bool | None = None) -> re.Pattern[str]:
    """A whole-word pattern for lower-cased text (much faster than re.IGNORECASE over a
    long alternation); patterns with an upper-case escape keep the flag (``anycase``:
    as given, for a part of an alternation that has one)."""
    if _anycase(alternation) if anycase is None else anycase:
        return compiled.compile(rf"(?<![\w-])(?i:{alternation})(?![\w-])")
    return compiled.compile(rf"(?<![\w-])(?:{alternation.lower()})(?![\w-])")


def _anycase(alternation: str) -> bool:
    return re.search(r"\\[A-Z]|\(\?-i", alternation) is not None


@lru_cache(maxsize=1)
def places() -> re.Pattern[str]:
    """Countries, capitals and blocs (``countries``, every language) and the places of
    authority_signals.yaml: a name that is one of them is a place, not a company."""
    names = [
        p
        for code in LANGUAGES
        for p in lang_items(raw_bodies().get("countries"), code, "countries")
    ]
    names += [str(p) for p in authority.raw_signals().get("places") or []]
    return compiled.compile(rf"(?:{alternation(names, 'countries')})(?:['’]s?)?")
