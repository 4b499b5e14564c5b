"""Public bodies named by a generic noun and the field they govern.

``public_bodies`` reads a clause whose subject is a public body; its word lists name
bodies one by one ("police", "the data protection authority", "Staatsanwaltschaft").
Many authorities are told with a noun any organisation may carry ("board", "office",
"régie", "consejo", "Amt") that names a public body only through its field: a
transport authority, a school board, a consumer office, a competition authority, a
regional union's data committee. Here such a body is a head noun joined to a field
word, in the order the language joins them (``bot/data/body_domains.yaml``): English
"transit authority" and "Office of the Data Commissioner", Romance "régie des
transports", "consorcio de transportes", "comissão escolar", German compounds
"Verkehrsverbund", "Kartellamt". The field tells the kind: a data, consumer or
competition body is a regulator; a transport, school or police-oversight body is a
government (it governs its own use of face recognition as a council does).

``bodies(langs)`` gives, per kind, the patterns that join ``public_bodies``' subject
heads for those languages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.extract import compiled
from bot.extract.resources import DATA_DIR, DataFileError
from bot.yaml_loader import read_data_file

DOMAINS_FILE: Path = DATA_DIR / "body_domains.yaml"
KINDS = ("regulator", "government")
ORDERS = frozenset({"field_first", "head_first", "compound"})
# between a head and its field: up to three words (prepositions, articles, an
# adjective: "autorité nationale de la concurrence"), an elided article ("de l'")
_BETWEEN = r"(?:[ ]+[\w-]+){0,3}?[ ]+(?:[dl]['’])?"


def read_domains(path: Path) -> dict[str, Any]:
    """The data file as a mapping (DataFileError names the file and the fix)."""
    raw = read_data_file(path)
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(key), dict) for key in ("heads", "fields", "order")
    ):
        raise DataFileError(f"{path}: expected mappings 'heads', 'fields' and 'order'")
    for lang, orders in raw["order"].items():
        if not isinstance(orders, list) or not set(orders) <= ORDERS:
            raise DataFileError(
                f"{path}: order.{lang} must list some of {sorted(ORDERS)}; fix the entry"
            )
    return raw


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return read_domains(DOMAINS_FILE)


def _words(section: Any, lang: str) -> list[str]:
    items = (section or {}).get(lang) or [] if isinstance(section, dict) else []
    return [str(item) for item in items]


def _join(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def composed(lang: str, kind: str, raw: dict[str, Any] | None = None) -> list[str]:
    """The body patterns of ``kind`` in ``lang``: each way the language joins a head
    to one of the kind's fields, then the bodies named alone."""
    raw = _raw() if raw is None else raw
    heads = _words(raw["heads"], lang)
    fields = _words(raw["fields"].get(kind), lang)
    found: list[str] = []
    if heads and fields:
        head, field = _join(heads), _join(fields)
        for order in raw["order"].get(lang) or []:
            if order == "field_first":  # "consumer protection office", "school board"
                found.append(rf"(?:{field})(?:[ -][\w-]+)?[ ]+(?:{head})")
            elif order == "head_first":  # "régie des transports", "comissão escolar"
                found.append(rf"(?:{head}){_BETWEEN}(?:{field})")
            else:  # "Verkehrsverbund", "Bundeskartellamt"
                found.append(rf"\w*(?:{field})(?:s|-)?(?:{head})")
    found += _words((raw.get("alone") or {}).get(kind), lang)
    return found


def bodies(langs: tuple[str, ...]) -> dict[str, list[str]]:
    """Per kind, the composed body patterns of every language in ``langs``."""
    return {kind: [p for lang in langs for p in composed(lang, kind)] for kind in KINDS}


@lru_cache(maxsize=8)
def _owned(lang: str) -> re.Pattern[str]:
    langs = (lang,) if lang == "en" else (lang, "en")
    found = [p for code in langs for kind in KINDS for p in composed(code, kind)]
    return compiled.compile(rf"(?i)(?<![\w-])(?:{_join(found)})\W*$")


def owned_body(span: str, lang: str) -> bool:
    """``span`` (a subject up to its verb) ends with a body a field names: a place's
    transport authority, school board or police oversight board ("Osmark's police
    oversight board"), never a company's (a company has customers and a board of
    directors, not a field it governs)."""
    return _owned(lang).search(span) is not None
