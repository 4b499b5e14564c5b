"""One authority under its names across languages (pure, data in
``bot/data/authority_names.yaml``): "the Dutch DPA" and "Autoriteit Persoonsgegevens",
"Eurocamera" and "European Parliament" carry one key among a report's names, so two
reports of one body's act compare equal on it whatever language they are told in."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.extract.cueindex import LANGUAGES
from bot.extract.gate import WordGate
from bot.yaml_loader import SAFE_LOADER, DataFileError

AUTHORITY_NAMES = Path(__file__).parent.parent / "data" / "authority_names.yaml"
PREFIX = "@"  # a body's key among a report's names: no word of a text starts with it


@lru_cache(maxsize=4)
def _section(name: str) -> dict[str, list[str]]:
    return read_names(AUTHORITY_NAMES, name)


def read_names(path: Path, name: str) -> dict[str, list[str]]:
    """One section of the file (``bodies``, ``offices``): a mapping of pattern lists;
    DataFileError names the file, the place and the fix."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=SAFE_LOADER)
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall policybot") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path} is not valid YAML: {exc}") from exc
    section = (data or {}).get(name) or {} if isinstance(data, dict | None) else None
    if not isinstance(section, dict) or not all(isinstance(v, list) for v in section.values()):
        raise DataFileError(f"{path}: `{name}` must map keys to lists of patterns")
    return {str(k): [str(p) for p in v] for k, v in section.items()}


def _compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(
            f"{AUTHORITY_NAMES}: a name or office is not a valid regex ({exc}); fix or quote it"
        ) from exc


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation of every body's names (a named group per body, the order of the
    file: the first body whose name matches at a place wins)."""
    keys: list[str] = []
    parts: list[str] = []
    for n, (key, names) in enumerate(_section("bodies").items()):
        keys.append(PREFIX + key)
        parts.append(f"(?P<b{n}>{'|'.join(f'(?:{name})' for name in names)})")
    return _compiled(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"), tuple(keys)


@lru_cache(maxsize=1)
def _gate() -> WordGate:
    """The names' alternation tried only where a word that can start a name stands (it
    opens with a look-behind, which a regex search otherwise tries at every position)."""
    return WordGate(_patterns()[0])


PLACE = "@@"  # a country's key among an authority report's names: ``@@se:it``
TOLD_IN = ":"  # between the country and the language the report is told in


@lru_cache(maxsize=1)
def _places() -> tuple[re.Pattern[str], tuple[str, ...]]:
    keys: list[str] = []
    parts: list[str] = []
    for n, (key, names) in enumerate(_section("places").items()):
        keys.append(PLACE + key)
        parts.append(f"(?P<p{n}>{'|'.join(f'(?:{name})' for name in names)})")
    return _compiled(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"), tuple(keys)


@lru_cache(maxsize=1)
def _place_gate() -> WordGate:
    return WordGate(_places()[0])


@lru_cache(maxsize=1)
def _homes() -> dict[str, frozenset[str]]:
    """Per item language, the keys of the countries whose own press writes in it."""
    return {lang: frozenset(PLACE + c for c in found) for lang, found in _section("homes").items()}


def places(text: str, language: str) -> frozenset[str]:
    """The countries ``text`` (told in ``language``) names by name or adjective, in any
    item language, each keyed with that language (``@@se:it`` for "Svezia" in an
    Italian report): only a country named in two languages ties two reports
    (``country_bridges``). A country whose own press writes in ``language`` is left out:
    its domestic reports all name it ("deutsche", "française")."""
    keys = _places()[1]
    home = _homes().get(language, frozenset())
    found: set[str] = set()
    for match in _place_gate().finditer(text):
        group = match.lastgroup
        if group and keys[int(group[1:])] not in home:
            found.add(keys[int(group[1:])] + TOLD_IN + language)
    return frozenset(found)


def country_bridges(new: frozenset[str], event: frozenset[str]) -> int:
    """How many countries ``new``'s names (one report's) name in one language and
    ``event``'s names in another: the same act retold abroad. A country both name in
    one language only is no evidence (one country's acts in one news cycle)."""
    count = 0
    for name in new:
        if name.startswith(PLACE):
            country, _, language = name.rpartition(TOLD_IN)
            if any(lang != language and f"{country}{TOLD_IN}{lang}" in event for lang in LANGUAGES):
                count += 1
    return count


def without_places(names: frozenset[str]) -> frozenset[str]:
    """``names`` without country keys (they count through ``country_bridges`` only)."""
    if not any(name.startswith(PLACE) for name in names):
        return names
    return frozenset(name for name in names if not name.startswith(PLACE))


def bodies(text: str) -> frozenset[str]:
    """The keys of the authorities ``text`` names (``@cnil``, ``@eu-parliament``)."""
    keys = _patterns()[1]
    found: set[str] = set()
    for match in _gate().finditer(text):
        group = match.lastgroup
        if group:
            found.add(keys[int(group[1:])])
    return frozenset(found)


@lru_cache(maxsize=1)
def _offices() -> str:
    titles = [title for titles in _section("offices").values() for title in titles]
    offices = "|".join(f"(?:{title})" for title in titles)
    _compiled(offices)  # a broken title is named here, not in a later search
    return offices


@lru_cache(maxsize=1024)
def _office_then(name: str) -> re.Pattern[str]:
    """An office title, then at most one first name, then ``name``."""
    return re.compile(
        rf"(?<!\w)(?:{_offices()})\s+(?:([^\W\d_][\w.'’-]*)\s+)?{re.escape(name)}(?!\w)",
        re.IGNORECASE,
    )


def named_by_office(text: str, name: str) -> bool:
    """``name`` is a person the text gives a title ("Gov. Ana Quill", "juez Tomás
    Varga"): a lawmaker, official or judge, not a company."""
    if not name:
        return False
    return any(
        match[1] is None or match[1][0].isupper() for match in _office_then(name).finditer(text)
    )
