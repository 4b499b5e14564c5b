"""Load the cue and vendor data files once and compile them (see cueindex.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot import yaml_loader
from bot.extract import compiled
from bot.extract.cueclass import by_first_letter, expand, named_fragments
from bot.extract.cueindex import ANY_LANGUAGE, LANGUAGES, Cue, CueIndex, VendorName
from bot.extract.fr_grammar import GrammarError, compose
from bot.extract.gate import WordGate
from bot.extract.name_patterns import NamePatterns, suffix_words
from bot.yaml_loader import DataFileError, load_data

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CUES_FILE = DATA_DIR / "cues.yaml"
# Per-language grammar for the languages other than English (verb families with their
# inflections, separable verbs, elision, durations): merged into cues.yaml's sections.
LANGUAGE_CUES_FILE = DATA_DIR / "cues_languages.yaml"
VENDORS_FILE = DATA_DIR / "vendors.yaml"
# FR terms composed from word families per language (bot/extract/fr_grammar.py)
FR_GRAMMAR_FILE = DATA_DIR / "fr_grammar.yaml"

# At one position, the first label in this order wins ("ban extension" is an
# extension, "lifts its ban" a reversal).
ACTION_PRIORITY = (
    "extension", "settlement", "customer_loss", "refusal", "refusal_past", "stop_supply",
    "reversal", "exit", "exit_market", "restriction", "gate", "moratorium", "shutdown", "pause", "removal", "ban",
)  # fmt: skip


CUSTOMER_GROUPS = ("police", "law_enforcement", "government", "private_companies", "everyone")


def _languages(value: Any, where: str) -> list[Cue]:
    """Flatten ``{en: [...], fr: [...]}`` into one list of cues tagged with their language
    (a plain list, or the ``any`` key, holds cues for every language: names, acronyms)."""
    if isinstance(value, list):
        return [Cue(str(v), ANY_LANGUAGE) for v in value]
    if isinstance(value, dict):
        out: list[Cue] = []
        for lang, items in value.items():
            if not isinstance(items, list):
                raise DataFileError(f"{CUES_FILE}: {where}.{lang} must be a list of patterns")
            if lang not in LANGUAGES and lang != ANY_LANGUAGE:
                raise DataFileError(
                    f"{CUES_FILE}: {where}.{lang}: unknown language; use one of "
                    f"{', '.join(LANGUAGES)} or {ANY_LANGUAGE}"
                )
            out.extend(Cue(str(v), str(lang)) for v in items)
        return out
    raise DataFileError(f"{CUES_FILE}: {where} must be a list or a mapping of language lists")


def _table(section: Any, where: str) -> dict[str, list[Cue]]:
    if not isinstance(section, dict):
        raise DataFileError(f"{CUES_FILE}: section '{where}' is missing or not a mapping")
    return {str(k): _languages(v, f"{where}.{k}") for k, v in section.items()}


def _merged(*tables: Mapping[str, list[Cue]]) -> dict[str, list[Cue]]:
    """Tables with the same labels as one (a label's cues from each, in order)."""
    out: dict[str, list[Cue]] = {}
    for table in tables:
        for label, cues in table.items():
            out.setdefault(label, []).extend(cues)
    return out


@dataclass(frozen=True)
class VendorInfo:
    name: str  # canonical (parent applied)
    fr_only: bool
    domains: tuple[str, ...]
    customers: str | None = None  # the one customer group it sells FR products to


# Cue classes: within one class matches do not overlap (the longest wins), so
# sections whose cues must not be read inside each other share a class.
CLASSES = (
    "fr_groups", "objects_temporal", "actions", "actors", "authority_verbs", "cancel",
    "non_policy",
)  # fmt: skip


@dataclass(frozen=True)
class Resources:
    """Everything extraction needs, compiled once."""

    index: CueIndex  # every class of CLASSES and the vendor names
    regions: re.Pattern[str]
    vendor_info: Mapping[str, VendorInfo]
    customers: Mapping[str, str]  # vendor → its one customer group (where known)
    # Over the lower-cased text, and over the original text for the FR terms matched in
    # their case: no match in either = no FR term and no vendor name (``names_fr``).
    prefilter: WordGate = WordGate(re.compile(r"(?!)"))
    names: NamePatterns = NamePatterns.build({})
    fronted: re.Pattern[str] = re.compile(r"(?!)")  # an opener at a sentence start
    # a pause word told as a noun (a determiner or possessive up to three words before)
    pause_noun_before: re.Pattern[str] = re.compile(r"(?!)")
    pause_verb: re.Pattern[str] = re.compile(r"(?!)")  # a pause verb where a cue starts
    pause_noun: re.Pattern[str] = re.compile(r"(?!)")  # a pause named as a noun
    same_word: re.Pattern[str] = re.compile(r"(?!)")  # "the same", "mêmes", "gleiche"
    stated_term: re.Pattern[str] = re.compile(r"(?!)")  # a length, season, year or month
    private_party: re.Pattern[str] = re.compile(r"(?!)")  # a class, consumers, plaintiffs
    prefilter_cased: WordGate = WordGate(re.compile(r"(?!)"))

    def names_fr(self, norm: str, low: str) -> bool:
        """The text (``scan.normalise``'s pair) may hold an FR term or a vendor name:
        False means it holds neither."""
        return (
            self.prefilter.search(low) is not None or self.prefilter_cased.search(norm) is not None
        )


def _read_yaml(path: Path) -> Any:
    try:
        return load_data(path)
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall policybot") from exc
    except yaml_loader.YAMLError as exc:
        raise DataFileError(f"{path} is not valid YAML: {exc}") from exc


def _extended(cues: list[Any], more: list[Any]) -> list[Any]:
    """``cues`` then the patterns of ``more`` it does not already hold (a pattern listed
    in both files is compiled and tried once)."""
    have = set(cues)
    return [*cues, *(c for c in more if c not in have)]


def with_language_cues(cues: dict[str, Any], overlay: Any) -> dict[str, Any]:
    """``cues`` with ``overlay`` (``{lang: {section: [...] | {label: [...]}}}``) merged in:
    a list extends ``cues[section][lang]``, a mapping ``cues[section][label][lang]`` (or
    ``cues[section][label]`` when that list holds every language's patterns)."""
    where = LANGUAGE_CUES_FILE.name
    if overlay is None:
        return cues
    if not isinstance(overlay, dict):
        raise DataFileError(f"{where}: expected a mapping of languages")
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in cues.items()}
    for lang, sections in overlay.items():
        if lang not in LANGUAGES or not isinstance(sections, dict):
            raise DataFileError(f"{where}: '{lang}' must be one of {', '.join(LANGUAGES)} "
                                "mapping sections of cues.yaml")  # fmt: skip
        for name, value in sections.items():
            section = merged.get(name)
            if not isinstance(section, dict):
                raise DataFileError(f"{where}: {lang}.{name}: no such section in cues.yaml")
            if isinstance(value, list):
                section[lang] = _extended(section.get(lang) or [], value)
                continue
            if not isinstance(value, dict):
                raise DataFileError(f"{where}: {lang}.{name} must be a list or a mapping")
            for label, items in value.items():
                if not isinstance(items, list):
                    raise DataFileError(f"{where}: {lang}.{name}.{label} must be a list")
                target = section.get(label)
                # a section of plain lists (company_names) takes a new label as one
                flat = target is None and any(isinstance(v, list) for v in section.values())
                if isinstance(target, list) or flat:
                    section[label] = _extended(target or [], items)
                else:
                    per_lang = dict(target or {})
                    per_lang[lang] = _extended(per_lang.get(lang) or [], items)
                    section[label] = per_lang
    return merged


def cue_sections(
    cues_file: Path = CUES_FILE, language_file: Path = LANGUAGE_CUES_FILE
) -> dict[str, Any]:
    """cues.yaml with cues_languages.yaml merged in and every named fragment (``{name}``,
    cues.yaml ``fragments``) expanded."""
    cues = _read_yaml(cues_file)
    if not isinstance(cues, dict):
        raise DataFileError(f"{cues_file}: expected a mapping of cue sections")
    merged = with_language_cues(cues, _read_yaml(language_file))
    fragments = merged.pop("fragments", None) or {}
    if not isinstance(fragments, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in fragments.items()
    ):
        raise DataFileError(f"{cues_file}: 'fragments' must map names to patterns")
    try:
        expanded: dict[str, Any] = named_fragments(merged, fragments)
    except KeyError as exc:
        raise DataFileError(
            f"{cues_file}: a cue uses {{{exc.args[0]}}}, which 'fragments' does not define; "
            "define it there or fix the name"
        ) from None
    return expanded


def _vendor_tables(raw: Any) -> tuple[list[VendorName], dict[str, VendorInfo]]:
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
        customers = item.get("customers")
        if customers is not None and customers not in CUSTOMER_GROUPS:
            raise DataFileError(
                f"{VENDORS_FILE}: vendor {item['name']!r} has customers: {customers!r}; "
                f"use one of {', '.join(CUSTOMER_GROUPS)}"
            )
        info.setdefault(
            canonical,
            VendorInfo(canonical, fr_only, tuple(item.get("domains") or ()), customers),
        )
        for alias in [item["name"], *(item.get("aliases") or [])]:
            names.setdefault(str(alias), (canonical, None, fr_only))
        for product in item.get("products") or []:
            names.setdefault(str(product), (canonical, str(product), fr_only))
        for product in item.get("fr_products") or []:
            names[str(product)] = (canonical, str(product), True)
    # Multi-word product names also match in any case ("tag suggestions")…
    out = []
    for surface, (canonical, product, fr) in names.items():
        # …unless they open with a face word ("face API" is any vendor's API).
        anycase = (" " in surface and product is not None
                   and not surface.lower().startswith(("face ", "facial ")))  # fmt: skip
        out.append(VendorName(surface.lower() if anycase else surface, canonical, product, fr,
                              anycase))  # fmt: skip
    return out, info


def _regions(cues: Mapping[str, list[Cue]]) -> re.Pattern[str]:
    table = {label: [c.pattern for c in items] for label, items in cues.items()}
    groups = []
    for label, fragments in table.items():
        parts = sorted({expand(f) for f in fragments if f}, key=len, reverse=True)
        if parts:
            groups.append(f"(?P<{label}>" + _one_branch_per_letter(parts) + ")")
    # A lookahead on the possible first letters fails fast at most positions.
    firsts = {p[0] for f in table.values() for p in map(expand, f) if p}
    gate = "(?=[" + "".join(sorted(map(re.escape, firsts))) + "])"
    if any(not ch.isalnum() for ch in firsts):
        gate = ""
    # (compiled in each process: equal-length parts keep the set's order, which differs
    # between processes, so its text would be a new entry of compiled.py's file each time)
    return re.compile(r"(?<![\w])" + gate + "(?:" + "|".join(groups) + r")(?![\w])")


def _one_branch_per_letter(parts: list[str]) -> str:
    """``parts`` as one alternation, one branch per first letter, when every part starts
    with a letter followed by no quantifier and holds no "|" of its own (the order of
    parts within a letter is kept, and parts of two letters never match at one
    position: the same matches); else the plain alternation."""
    if any("|" in p or not p[:1].isalnum() or p[1:2] in ("", "?", "*", "+", "{") for p in parts):
        return "|".join(parts)
    return by_first_letter(parts)


@lru_cache(maxsize=1)
def resources() -> Resources:
    """Compile the data files (once per process)."""
    cues = cue_sections()
    vendor_names, info = _vendor_tables(_read_yaml(VENDORS_FILE))
    cancel = {
        label: _languages(cues.get(label), label)
        for label in (
            "negation",
            "background",
            "hypothetical",
            "conditional",
            "call",
            "denial",
            "question",
        )
    }
    cancel["call"] = cancel["call"] + _languages(cues.get("directive"), "directive")
    cancel["passive"] = _languages(cues.get("passive"), "passive")
    tables: dict[str, Mapping[str, list[Cue]]] = {
        "fr_groups": {
            "fr": _languages(cues.get("fr_terms"), "fr_terms") + _fr_grammar(),
            **_table(cues.get("groups"), "groups"),
        },
        "objects_temporal": {
            **_table(cues.get("objects"), "objects"),
            **_table(cues.get("temporal"), "temporal"),
        },
        "actions": _merged(
            _table(cues.get("actions"), "actions"), _table(cues.get("families"), "families")
        ),  # fmt: skip
        "actors": {
            **_table(cues.get("authorities"), "authorities"),
            "company": _languages(cues.get("company_refs"), "company_refs"),
            "product": _languages(cues.get("product_refs"), "product_refs"),
            "other": _languages(cues.get("other_actors"), "other_actors"),
        },
        "authority_verbs": {
            "verb": _languages(cues.get("authority_verbs"), "authority_verbs"),
            "regulator_verb": _languages(cues.get("regulator_verbs"), "regulator_verbs"),
        },
        "cancel": cancel,
        "non_policy": _merged(
            _table(cues.get("non_policy"), "non_policy"), _table(cues.get("framing"), "framing")
        ),  # fmt: skip
    }
    try:
        index = CueIndex.build(
            {name: tables[name] for name in CLASSES}, {"actions": ACTION_PRIORITY}, vendor_names
        )
        regions = _regions(_table(cues.get("regions"), "regions"))
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: a cue pattern is not a valid regex ({exc})") from exc
    customers = {name: v.customers for name, v in info.items() if v.customers}
    # an FR item names its FR term or vendor early: its opening words are tried first
    fr_class = CLASSES.index("fr_groups")
    prefilter = WordGate(index.prefilter(fr_class, "fr", cased_apart=True), opening=8)
    prefilter_cased = WordGate(index.cased_prefilter(fr_class, "fr"))
    try:
        name_patterns = NamePatterns.build(_company_names(cues))
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: company_names has an invalid regex ({exc})") from exc
    openers = sorted((c.pattern for c in _languages(cues.get("fronted") or [], "fronted")),
                     key=len, reverse=True)  # fmt: skip
    fronted = compiled.compile(r"(?i:" + "|".join(openers or ["(?!)"]) + r")(?=\s)")
    noun_before, pause_verb, pause_noun = _pause_words(cues.get("pause_words"))
    return Resources(index, regions, info, customers, prefilter, name_patterns, fronted,
                     noun_before, pause_verb, pause_noun, _words(cues, "same_words"),
                     _stated_terms(cues.get("stated_terms")),
                     _words(cues, "private_parties"), prefilter_cased)  # fmt: skip


def _company_names(cues: Mapping[str, Any]) -> dict[str, list[str]]:
    """cues.yaml ``company_names`` (every language's patterns merged in)."""
    section = cues.get("company_names") or {}
    if not isinstance(section, dict):
        raise DataFileError(f"{CUES_FILE}: 'company_names' must be a mapping of pattern lists")
    return {str(k): [str(p) for p in v or []] for k, v in section.items()}


@lru_cache(maxsize=1)
def company_suffix() -> re.Pattern[str]:
    """A company-name suffix word ("AI", "Labs"): ``resources().names.suffix`` without its
    end anchor, read from the data files alone when ``resources`` has not been built, so
    clustering, which needs only this of them, does not build the cue index in the
    writing process (some 4 MB and a tenth of a second there)."""
    if resources.cache_info().currsize:
        return compiled.compile(resources().names.suffix.pattern.removesuffix("$"))
    cues = cue_sections()
    try:
        return compiled.compile(suffix_words(_company_names(cues)))
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: company_names has an invalid regex ({exc})") from exc


def _words(cues: Mapping[str, Any], section: str) -> re.Pattern[str]:
    """One section's words in every language as one whole-word pattern."""
    words = _languages(cues.get(section) or [], section)
    try:
        return compiled.compile(rf"(?i)\b(?:{'|'.join(c.pattern for c in words) or '(?!)'})\b")
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: {section} has an invalid regex ({exc})") from exc


def _fr_grammar() -> list[Cue]:
    """The FR terms composed from ``fr_grammar.yaml`` (see bot/extract/fr_grammar.py)."""
    try:
        return _languages(compose(_read_yaml(FR_GRAMMAR_FILE)), "fr_grammar")
    except GrammarError as exc:
        raise DataFileError(f"{FR_GRAMMAR_FILE}: {exc}") from exc


def _stated_terms(section: Any) -> re.Pattern[str]:
    """``stated_terms``: lengths and seasons (word starts), a year, month openings."""
    if not isinstance(section, dict):
        raise DataFileError(f"{CUES_FILE}: 'stated_terms' must map lengths, seasons, months")

    def alt(key: str) -> str:
        return "|".join(str(w) for w in section.get(key) or []) or "(?!)"

    try:
        return compiled.compile(
            rf"(?i)\b(?:{alt('lengths')}|{alt('seasons')})|\b(?:19|20)\d\d\b"
            rf"|\b(?:{alt('months')})\w*"
        )
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: stated_terms has an invalid regex ({exc})") from exc


def _pause_words(section: Any) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``pause_words``: the determiners before a pause noun, the stems of a pause verb,
    the pause nouns."""
    if not isinstance(section, dict):
        raise DataFileError(f"{CUES_FILE}: 'pause_words' must map noun_before and verbs")

    def alt(key: str) -> str:
        cues = _languages(section.get(key) or [], f"pause_words.{key}")
        return "|".join(sorted((c.pattern for c in cues), key=len, reverse=True)) or "(?!)"

    words = alt("noun_before")
    try:
        return (
            compiled.compile(rf"(?i)\b(?:{words})\s+(?:[\w-]+\s+){{0,3}}$"),
            compiled.compile(rf"(?i)(?:{alt('verbs')})(?!\w)"),
            compiled.compile(rf"(?i)\b(?:{alt('nouns')})\b"),
        )
    except re.error as exc:
        raise DataFileError(f"{CUES_FILE}: pause_words has an invalid regex ({exc})") from exc
