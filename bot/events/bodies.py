"""One authority under its names across languages (pure, data in
``bot/data/authority_names.yaml``): "the Dutch DPA" and "Autoriteit Persoonsgegevens",
"Eurocamera" and "European Parliament" carry one key among a report's names, so two
reports of one body's act compare equal on it whatever language they are told in."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.extract.gate import WordGate
from bot.yaml_loader import SAFE_LOADER

AUTHORITY_NAMES = Path(__file__).parent.parent / "data" / "authority_names.yaml"
PREFIX = "@"  # a body's key among a report's names: no word of a text starts with it


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation of every body's names (a named group per body, the order of the
    file: the first body whose name matches at a place wins)."""
    with AUTHORITY_NAMES.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SAFE_LOADER)
    keys: list[str] = []
    parts: list[str] = []
    for n, (key, names) in enumerate(dict(data.get("bodies") or {}).items()):
        keys.append(PREFIX + str(key))
        parts.append(f"(?P<b{n}>{'|'.join(f'(?:{name})' for name in names)})")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    return pattern, tuple(keys)


@lru_cache(maxsize=1)
def _gate() -> WordGate:
    """The names' alternation tried only where a word that can start a name stands (it
    opens with a look-behind, which a regex search otherwise tries at every position)."""
    return WordGate(_patterns()[0])


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
    with AUTHORITY_NAMES.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SAFE_LOADER)
    titles = [title for titles in dict(data.get("offices") or {}).values() for title in titles]
    return "|".join(f"(?:{title})" for title in titles)


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
