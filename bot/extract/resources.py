"""Load the cue and vendor data files once and compile them (see cueclass.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.extract.cueclass import CueClass, expand

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CUES_FILE = DATA_DIR / "cues.yaml"
VENDORS_FILE = DATA_DIR / "vendors.yaml"

# At one position, the first label in this order wins ("ban extension" is an
# extension, "lifts its ban" a reversal).
ACTION_PRIORITY = (
    "extension", "settlement", "customer_loss", "refusal", "refusal_past", "stop_supply",
    "reversal", "exit", "restriction", "moratorium", "shutdown", "pause", "removal", "ban",
)  # fmt: skip


class DataFileError(Exception):
    """A data file under bot/data is missing or malformed (the message names it)."""


def _languages(value: Any, where: str) -> list[str]:
    """Flatten ``{en: [...], fr: [...]}`` (or a plain list) into one list of strings."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        out: list[str] = []
        for lang, items in value.items():
            if not isinstance(items, list):
                raise DataFileError(f"{CUES_FILE}: {where}.{lang} must be a list of patterns")
            out.extend(str(v) for v in items)
        return out
    raise DataFileError(f"{CUES_FILE}: {where} must be a list or a mapping of language lists")


def _table(section: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(section, dict):
        raise DataFileError(f"{CUES_FILE}: section '{where}' is missing or not a mapping")
    return {str(k): _languages(v, f"{where}.{k}") for k, v in section.items()}


@dataclass(frozen=True)
class VendorInfo:
    name: str  # canonical (parent applied)
    fr_only: bool
    domains: tuple[str, ...]


# Cue sections scanned together (their labels are distinct and they rarely
# start at the same word, so one pass serves both).
CLASSES = (
    "fr_groups", "objects_temporal", "actions", "actors", "authority_verbs", "cancel",
    "non_policy",
)  # fmt: skip


@dataclass(frozen=True)
class Resources:
    """Everything extraction needs, compiled once."""

    classes: Mapping[str, CueClass]
    vendors: re.Pattern[str]
    regions: re.Pattern[str]
    vendor_names: Mapping[str, tuple[str, str | None, bool]]  # surface → (canonical, product, fr)
    vendor_info: Mapping[str, VendorInfo]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall policybot") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path} is not valid YAML: {exc}") from exc


def _vendor_tables(
    raw: Any,
) -> tuple[str, dict[str, tuple[str, str | None, bool]], dict[str, VendorInfo]]:
    items = raw.get("vendors") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise DataFileError(f"{VENDORS_FILE}: expected a top-level 'vendors:' list")
    names: dict[str, tuple[str, str | None, bool]] = {}
    info: dict[str, VendorInfo] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise DataFileError(f"{VENDORS_FILE}: vendor #{i + 1} needs a 'name'")
        canonical = str(item.get("parent") or item["name"])
        fr_only = bool(item.get("fr_only", False))
        info.setdefault(canonical, VendorInfo(canonical, fr_only, tuple(item.get("domains") or ())))
        for alias in [item["name"], *(item.get("aliases") or [])]:
            names.setdefault(str(alias), (canonical, None, fr_only))
        for product in item.get("products") or []:
            names.setdefault(str(product), (canonical, str(product), fr_only))
        for product in item.get("fr_products") or []:
            names[str(product)] = (canonical, str(product), True)
    surfaces = sorted(names, key=len, reverse=True)
    # Multi-word product names also match in any case ("tag suggestions"); the
    # others are grouped by first letter so the engine skips them cheaply.
    buckets: dict[str, list[str]] = {}
    anycase = []
    for surface in surfaces:
        if " " in surface and names[surface][1]:
            first = surface[0]
            head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]"
            anycase.append(f"{head}(?i:{re.escape(surface[1:])})")
        else:
            buckets.setdefault(surface[0], []).append(re.escape(surface[1:]))
    body = "|".join(
        [re.escape(ch) + "(?:" + "|".join(rests) + ")" for ch, rests in buckets.items()] + anycase
    )
    for surface in list(names):
        names.setdefault(surface.casefold(), names[surface])
    return "(?:" + body + r")(?:['’]s)?(?![\w+])", names, info


def _regions(table: Mapping[str, list[str]]) -> re.Pattern[str]:
    groups = []
    for label, fragments in table.items():
        parts = sorted({expand(f) for f in fragments if f}, key=len, reverse=True)
        if parts:
            groups.append(f"(?P<{label}>" + "|".join(parts) + ")")
    return re.compile(r"(?<![\w])(?:" + "|".join(groups) + r")(?![\w])")


@lru_cache(maxsize=1)
def resources() -> Resources:
    """Compile the data files (once per process)."""
    cues = _read_yaml(CUES_FILE)
    if not isinstance(cues, dict):
        raise DataFileError(f"{CUES_FILE}: expected a mapping of cue sections")
    vendor_body, names, info = _vendor_tables(_read_yaml(VENDORS_FILE))
    cancel = {
        label: _languages(cues.get(label), label)
        for label in ("negation", "background", "hypothetical", "conditional", "call", "denial")
    }
    cancel["call"] = cancel["call"] + _languages(cues.get("directive"), "directive")
    cancel["passive"] = _languages(cues.get("passive"), "passive")
    tables: dict[str, Mapping[str, list[str]]] = {
        "fr_groups": {
            "fr": _languages(cues.get("fr_terms"), "fr_terms"),
            **_table(cues.get("groups"), "groups"),
        },
        "objects_temporal": {
            **_table(cues.get("objects"), "objects"),
            **_table(cues.get("temporal"), "temporal"),
        },
        "actions": _table(cues.get("actions"), "actions"),
        "actors": {
            **_table(cues.get("authorities"), "authorities"),
            "company": _languages(cues.get("company_refs"), "company_refs"),
            "other": _languages(cues.get("other_actors"), "other_actors"),
        },
        "authority_verbs": {"verb": _languages(cues.get("authority_verbs"), "authority_verbs")},
        "cancel": cancel,
        "non_policy": _table(cues.get("non_policy"), "non_policy"),
    }
    try:
        classes = {
            name: CueClass.build(name, tables[name], ACTION_PRIORITY if name == "actions" else ())
            for name in CLASSES
        }
        regions = _regions(_table(cues.get("regions"), "regions"))
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: a cue pattern is not a valid regex ({exc})") from exc
    vendors = re.compile(r"(?<![\w])" + vendor_body)
    return Resources(classes, vendors, regions, names, info)
