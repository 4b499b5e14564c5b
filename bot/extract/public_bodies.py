"""A public body as the subject of a clause: who acts, read from the subject's head noun.

The cue paths (acts.py, authority.py) find an authority through its gazetteer word and
one of its verbs. Many authority items are told with the body as the plain subject of
an ordinary verb, in any language, and often with a head noun the gazetteer reads as a
customer group ("police") or not at all ("the tax agency", "la fiscalía", "die
Staatsanwaltschaft"): "Port Hollis police halt their face-matching trial", "La policía
de Ardena suspende el reconocimiento facial", "the revenue service is dropping its
selfie check". A public body stopping, pausing or limiting its own use of face
recognition is a government act as much as a law is (a body deploying or trialling it
makes no policy: no actor, or the named vendor's news); a court's or a regulator's
decision may be the subject too ("the injunction halts …", "die Anordnung verpflichtet …").

``public_subject`` reads each sentence of the item (the headline first): the text before
its first verb must be a noun phrase headed by a public body (articles, place names,
possessives and a few adjectives around it, an "of X" genitive after it, auxiliaries
before the verb), no company named in it and no receiver's verb after it ("police lose
access", "agencies can no longer buy"). The body's kind (court, regulator, government)
is the actor type. Word lists: ``bot/data/public_bodies.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot import yaml_loader
from bot.extract import authority, body_domains, compiled
from bot.extract.attribution import Mention, acting_authority, mentions
from bot.extract.gate import WordGate, gated, split_gate
from bot.extract.resources import DATA_DIR, DataFileError, resources
from bot.extract.scan import Scan, VendorHit
from bot.yaml_loader import load_data

BODIES_FILE: Path = DATA_DIR / "public_bodies.yaml"
KINDS = ("court", "regulator", "government")  # the first kind whose pattern fits wins
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
SUBJECT_REACH = 120  # characters from a clause's start within which a body must stand
VERB_REACH = 80  # characters from the body word within which its verb must stand
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


def _alt(items: list[str], where: str) -> str:
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


def _lang_items(section: Any, lang: str, where: str) -> list[str]:
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
    try:
        raw = load_data(path)
    except (OSError, yaml_loader.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc}); fix the file") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("bodies"), dict):
        raise DataFileError(f"{path}: expected a mapping with 'bodies' by kind and language")
    return raw


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return read_bodies(BODIES_FILE)


@lru_cache(maxsize=8)
def patterns(lang: str) -> Patterns:
    """The compiled patterns for ``lang`` (English ones join every other language:
    English names of bodies travel into other languages' headlines)."""
    raw = _raw()
    wanted = (lang,) if lang == "en" else (lang, "en")
    langs: tuple[str, ...] = tuple(code for code in wanted if code in LANGUAGES) or ("en",)

    def items(section: Any, where: str) -> list[str]:
        return [p for code in langs for p in _lang_items(section, code, where)]

    aux = _alt(items(raw.get("auxiliaries"), "auxiliaries"), "auxiliaries")
    countries = items(raw.get("countries"), "countries")
    # in the subject, names match as written ("Justicia chilena": an adjective)
    named = [f"(?-i:{c})" for c in countries]
    composed = body_domains.bodies(langs)  # "régie des transports", "Kartellamt"
    subjects = tuple(
        (
            kind,
            _subject(
                _alt(
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
        (kind, _subject(_alt([str(p) for p in (raw.get("decisions") or {}).get(kind) or []],
                             f"decisions.{kind}"), aux))
        for kind in ("government", "court", "regulator")
    )  # fmt: skip
    verb_items = items(raw.get("verbs"), "verbs")
    not_acting = compiled.compile(
        rf"[ ]*(?i:{_alt(items(raw.get('not_acting'), 'not_acting'), 'not_acting')})(?![\w-])"
    )
    passive = compiled.compile(
        rf"(?<![\w-])(?i:{_alt(items(raw.get('passive_decisions'), 'passive_decisions'), 'passive')})"
        rf"(?![\w-])"
    )
    deploy_items = items(raw.get("deploy_verbs"), "deploy_verbs")
    deploy = compiled.compile(rf"(?i:{_alt(deploy_items, 'deploy_verbs')})(?![\w-])")
    verbs = _lowered(_alt([*verb_items, *deploy_items], "verbs"))  # matched on lower-case text
    obligation = compiled.compile(
        rf"(?<![\w-])(?i:{_alt(items(raw.get('obligations'), 'obligations'), 'obligations')})"
        rf"(?:[ ]+[\w'’-]+){{0,3}}[ ]+$"
    )
    decision_items = [str(p) for kind in ("court", "regulator")
                      for p in (raw.get("decisions") or {}).get(kind) or []]  # fmt: skip
    decision = compiled.compile(rf"(?<![\w-])(?i:{_alt(decision_items, 'decisions')})(?![\w-])")
    heads = [p for kind in KINDS for p in items(raw["bodies"].get(kind), f"bodies.{kind}")]
    heads += [p for found in composed.values() for p in found]
    heads += countries
    heads += [str(p) for p in (raw.get("decisions") or {}).get("government") or []]
    head_items = [*heads, *decision_items]
    head_alt = _alt(head_items, "bodies")
    anycase = _anycase(head_alt)
    head = split_gate(head_items, lambda alt: _lowered(alt, anycase), _lowered(head_alt))
    fines = _alt([str(p) for p in raw.get("fines") or []], "fines")
    rulings = _alt([str(p) for p in raw.get("rulings") or []], "rulings")
    contest = compiled.compile(
        rf"(?<![\w-])(?i:{_alt(items(raw.get('contest'), 'contest'), 'contest')})"
        rf"[ ]+(?:[\w'’$€£.,-]+[ ]+){{0,4}}?(?i:(?P<fine>{fines})|(?P<ruling>{rulings}))(?![\w-])"
    )
    plan_items = items(raw.get("plan_verbs"), "plan_verbs")
    plan = compiled.compile(rf"(?i:{_alt(plan_items, 'plan_verbs')})(?![\w-])")
    users = compiled.compile(
        rf"(?i)(?:{_alt([str(p) for p in raw.get('users') or []], 'users')})\b"
    )
    verbs = _lowered(_alt([*verb_items, *deploy_items, *plan_items], "verbs"))
    instrument = compiled.compile(
        rf"[\W_]*(?i:{_alt(items(raw.get('instruments'), 'instruments'), 'instruments')})"
        rf"(?![\w-])"
    )
    laws = _alt([str(p) for p in (raw.get("decisions") or {}).get("government") or []], "laws")
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


def _verbs(sc: Scan, pats: Patterns, lo: int, hi: int) -> list[int]:
    """Where the verbs of [lo, hi) may start, in order: policy cues, authority verbs,
    launches and the public bodies' verbs."""
    starts = {h.start for h in (*sc.actions, *sc.authority_verbs) if lo <= h.start < hi}
    starts |= {h.start for h in sc.non_policy if h.label == "launch" and lo <= h.start < hi}
    starts |= {m.start() for m in gated(pats.verbs).finditer(sc.low, lo, hi)}
    return sorted(starts)


def _anycase(alternation: str) -> bool:
    return re.search(r"\\[A-Z]|\(\?-i", alternation) is not None


_WORD = compiled.compile(r"[\w'’-]+")
_BE = compiled.compile(r"(?i)\b(?:is|are|was|were|be|been|being|now)\s+$")


def _first_verb(sc: Scan, pats: Patterns, lo: int, hi: int) -> int | None:
    """The first word of [lo, hi) that is the clause's verb: not a noun of the subject
    ("police FORCES were …" is a body's name) and, in English, no bare -ing form
    ("a state TESTING lab")."""
    for start in _verbs(sc, pats, lo, hi):
        word = _WORD.match(sc.text, start)
        end = word.end() if word else start
        if any(m.end() == end for m in pats.head.finditer(sc.low, lo, end)) and not (
            _verb_after_body(sc, pats, lo, start, end)
        ):
            continue  # the word still names the body ("police forces", "Polizei")
        if (sc.lang == "en" and sc.text[start:end].lower().endswith("ing")
                and not _BE.search(sc.text, lo, start)):  # fmt: skip
            continue
        return start
    return None


# a headline's topic before a comma: one or two words, no verb ("Privacy, …", "Sicurezza
# urbana, …"); what follows may be the clause's subject
_TOPIC = compiled.compile(r"[\W_]*[\w'’-]{2,20}(?: [\w'’-]{2,20})?, ")


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    """Countries, capitals and blocs (``countries``, every language) and the places of
    authority_signals.yaml: a name that is one of them is a place, not a company."""
    names = [
        p for code in LANGUAGES for p in _lang_items(_raw().get("countries"), code, "countries")
    ]
    names += [str(p) for p in authority._raw().get("places") or []]
    return compiled.compile(rf"(?:{_alt(names, 'countries')})(?:['’]s?)?")


def _oversight(sc: Scan, pats: Patterns, lo: int, verb: int) -> bool:
    """The subject before ``verb`` is headed by a court, a regulator or a place's own
    government ("Corvera's data authority", "Ostmark's appeals court", "Veridia's
    capital"): a name owning it is the body's place, never a company (a company owns
    customers, "X's police sales", not a watchdog or a city)."""
    span = sc.text[lo:verb]
    if _TERRITORY.search(span) or body_domains.owned_body(span, sc.lang):
        return True
    return any(p.match(span) for kind, p in pats.subjects if kind in ("court", "regulator"))


# the government of a place, owned by the place's name ("Veridia's capital suspends …")
_TERRITORY = compiled.compile(
    r"(?i)['’]s\s+(?:capital|city|town|state|province|county|region|municipality|"
    r"parliament|legislature|cabinet|government)(?:\s+(?:council|hall|government))?\s*$"
)


def _place(text: str, v: VendorHit) -> bool:
    """The name read as a company is a country, a capital or a bloc ("Moscow's transport
    department …"): the possessive makes it the body's place, not its owner."""
    return not surely_company(v) and _places().fullmatch(text, v.start, v.end) is not None


def _verb_after_body(sc: Scan, pats: Patterns, lo: int, start: int, end: int) -> bool:
    """A decision noun that is also a body's verb, right after a body's name: the verb
    ("Brussels orders airlines …", "the regulator orders …"), not the body's name."""
    if not pats.decision.fullmatch(sc.text, start, end) or not pats.verbs.match(sc.low, start):
        return False
    return any(m.end() < start for m in pats.head.finditer(sc.low, lo, start))


def surely_company(v: VendorHit) -> bool:
    """A name that is surely a company: the gazetteer's, an FR vendor's or one with a
    company suffix (a name read as a company only because it acts may be the body's
    place: "Brenmoor schools suspend …")."""
    res = resources()
    if v.fr or v.product or v.vendor in res.vendor_info:
        return True
    return res.names.suffix.search(v.vendor.split()[-1]) is not None


def sentence_subject(
    sc: Scan,
    index: int,
    lang: str | None = None,
    deployments: bool = True,
) -> tuple[str, int] | None:
    """The kind of the public body that is the subject of sentence ``index`` and the
    start of its verb, or None (``deployments``: also when it deploys or uses FR).
    Read once per item and arguments (``Scan.memo``): the directing readings of a
    vendor's cue (``public_subject``, ``body_governs``) ask for the same sentences."""
    key = ("sentence_subject", index, lang or sc.lang, deployments)
    memo = sc.memo
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    found = memo[key] = _sentence_subject(sc, index, lang or sc.lang, deployments)
    return found


def _sentence_subject(sc: Scan, index: int, lang: str, deployments: bool) -> tuple[str, int] | None:
    pats = patterns(lang)
    lo, hi = sc.sentences[index]
    for f_lo, f_hi in sc.fronted:  # "After a complaint, the city council pauses …"
        if f_lo <= lo < f_hi:
            lo = f_hi
    colon = sc.text.find(": ", lo, hi)
    if (
        0 <= colon - lo <= 30
        # a name read as a company inside a topic label ("Trains de nuit : …") is no
        # speaker unless it is surely one ("Ostrel: we stop …")
        and not any(lo <= v.start < colon and surely_company(v) for v in sc.vendors)
        and pats.head.search(sc.low, lo, colon) is None  # "The councillors decided: …"
    ):
        lo = colon + 2  # "Update: the city council …"
    elif (
        index == 0
        and (topic := _TOPIC.match(sc.text, lo, hi)) is not None
        and not any(lo <= v.start < topic.end() for v in sc.vendors)
        and pats.head.search(sc.low, lo, topic.end()) is None
    ):
        lo = topic.end()  # "Piscine, le autorità di X vietano …": a topic word
    head = pats.head.search(sc.low, lo, min(hi, lo + SUBJECT_REACH))
    if head is None:
        return None  # no body named where a subject stands
    hi = min(hi, head.end() + VERB_REACH)
    verb = _first_verb(sc, pats, lo, hi)
    if verb is None or verb == lo:
        return None
    owner = [v for v in sc.vendors if lo <= v.start < verb and _possessive(sc.text, v)]
    if any(lo <= v.start < verb and surely_company(v) for v in sc.vendors) or (
        owner and not all(_place(sc.text, v) for v in owner) and not _oversight(sc, pats, lo, verb)
    ):
        return None  # a company named in the subject ("X's police sales", "X's sheriff freeze")
    # a bill or a law as the subject ("a proposta abre …"; "a decree signed on Monday
    # limits …": a law deploys nothing, so its participle is no deployment)
    # (a "^" pattern: matched on the span, as it only matches at a string's start)
    law = pats.decisions[0][1].match(sc.text[lo:verb]) and not pats.not_acting.match(sc.text, verb)
    if law:
        return "government", verb
    if not deployments and (
        pats.deploy.match(sc.text, verb)
        or any(h.start == verb and h.label == "launch" for h in sc.non_policy)
    ):
        return None  # "Port Hollis police to trial X's cameras": X's news
    if pats.plan.match(sc.text, verb) and (
        pats.users.search(sc.text, lo, verb) or not sc.in_title(lo)
    ):
        # "die Bundespolizei will … erproben": a user's plan, a deployment; a plan in
        # the summary ("the mayor is weighing an appeal") is a reaction, not the news
        return None
    if pats.not_acting.match(sc.text, verb) or authority.hedged(sc, lo, verb):
        return None  # "police lose access", "agencies can no longer buy", "a state lab"
    span = sc.text[lo:verb]
    for kind, pattern in pats.subjects:
        if pattern.match(span):
            return kind, verb
    for kind, pattern in pats.decisions:
        if pattern.match(span):
            if kind in ("court", "government"):  # "l'ordonnance impose …", "the bill bars
                return kind, verb  # …": the court's, the government's, whoever it binds
            named = acting_authority(sc, mentions(sc))
            if named is None and _company_decision(sc):
                return None  # "the decision to turn the feature off …": the company's
            return (named if named in KINDS else kind), verb
    return None


def _company_decision(sc: Scan) -> bool:
    """An item that names no authority but names a company: a decision or an order
    heading a clause is that company's ("The decision to switch it off for everyone
    …"), not a regulator's."""
    return bool(sc.vendors) and not sc.authorities


def public_subject(
    sc: Scan, verbs: tuple[int, ...] | None = None, deployments: bool = True
) -> str | None:
    """The kind of a public body that is the subject of the headline's verb, else of a
    summary sentence's. ``verbs``: only a body whose verb starts at one of these (the
    cues found for a vendor: "Port Hollis police drop X's face search" is the police's
    act, not X's); ``deployments`` False: not a body deploying or using FR."""
    indices = range(len(sc.sentences))
    if verbs is not None:  # only the sentences holding one of those verbs
        indices = sorted({sc.sentence_of(v) for v in verbs})  # type: ignore[assignment]
    for index in indices:
        found = sentence_subject(sc, index, sc.lang, deployments)
        if found is None:
            continue
        kind, verb = found
        if verbs is None or verb in verbs:
            return kind
    return None


def passive_headline(sc: Scan) -> str | None:
    """The kind of the authority an item names when its headline tells a decision in the
    passive ("Riconoscimento facciale sospeso allo stadio" + "il giudice …", "Gym operator
    ordered to stop face scans" + "enforcement notices …"): the first authority that is
    no customer group and not governed by a call, a study or a filed lawsuit."""
    m = patterns(sc.lang).passive.search(sc.text, 0, sc.title_end)
    if m is None or not m.group(0).strip():
        return None
    if authority.hedged(sc, m.start(), m.end()):
        return None  # "Campaigners want face scans banned"
    found = [f for f in mentions(sc) if not authority.hedged(sc, f.start, f.end)]
    named = acting_authority(sc, found)
    return named if named in KINDS else None


def imposed_on(
    sc: Scan, found: list[Mention], start: int, end: int, vendor: str | None, subject_end: int
) -> str | None:
    """The authority that imposes the vendor cue at ``start``-``end``, or None:

    - an obligation stands between the vendor (ending at ``subject_end``) and the cue
      ("X must delete …", "X terá de parar …"; not "X says sheriffs have to wait")
      and the item names an authority or a decision ("the order", "a decisão
      liminar"): that authority (a decision's own kind when none is named);
    - the vendor is the verb's own object ("they forbid the company to market", with
      "they" and "the company" both the vendor): whoever the item names as an authority,
      else no one (``"other"``).
    """
    pats = patterns(sc.lang)
    s_lo, _ = sc.sentences[sc.sentence_of(start)]

    def named() -> str | None:
        acting = [m for m in found if not authority.hedged(sc, m.start, m.end)]
        kind = acting_authority(sc, acting)
        return kind if kind in KINDS else None

    modal = gated(pats.obligation).search(sc.text, max(s_lo, subject_end, start - 40), start)
    if modal and _SHORT_GAP.match(sc.text[max(s_lo, subject_end) : modal.start()]):
        authority_kind = named()
        if authority_kind is not None:
            return authority_kind
        for kind, pattern in pats.decisions:
            for lo, hi in sc.sentences:
                m = gated(pats.decision).search(sc.text, lo, hi)
                if m and pattern.match(m.group(0) + " "):
                    return kind
    after = [m for m in found if end < m.start <= end + 12]
    if vendor and after and _FROM.match(sc.text, after[0].end):
        obj = after[0]
        nominal = sc.low[obj.start : obj.end] not in _PRONOUNS  # "pulled it from": a thing
        same = (obj.vendor == vendor and obj.product is None) or (
            obj.kind == "company" and nominal and not any(v.vendor != vendor for v in sc.vendors)
        )
        if same and obj.kind in ("vendor", "company"):
            return named() or "other"
    return None


_POSSESSIVE = compiled.compile(r"['’]s?\b|(?<=s)['’]")


def _possessive(text: str, v: VendorHit) -> bool:
    """The name is a possessive ("Lumio's sheriff freeze"): the body word after it is
    the vendor's customer group."""
    return (
        text[v.start : v.end].endswith(("'s", "’s")) or _POSSESSIVE.match(text, v.end) is not None
    )


_SHORT_GAP = compiled.compile(r"^(?:'s)?\W*(?:[\w'’-]+\W+){0,2}$")
_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "il", "elle", "er", "sie", "es"})
_FROM = compiled.compile(r"\s+from\b", re.IGNORECASE)  # "bar the firm FROM selling"


def contested_headline(sc: Scan) -> str | None:
    """The authority whose decision a company contests in the headline ("Veltrona will
    appeal the privacy fine", "Aena recurrirá la sanción"): a court for a ruling, else
    the regulator or government the item names (a regulator when it names none)."""
    m = gated(patterns(sc.lang).contest).search(sc.text, 0, sc.title_end)
    if m is None:
        return None
    if m.group("ruling"):
        return "court"
    named = acting_authority(sc, mentions(sc))
    return named if named in ("regulator", "government") else "regulator"


_LABEL = compiled.compile(r"[\W_]*([^:\n]{2,60}?)\s?:\s")
_OWNED = compiled.compile(r"(?i)['’]s?\s+(?P<a>[\w-]+)(?:\s+(?P<b>[\w-]+))?")


def headline_label(sc: Scan) -> str | None:
    """A headline opening with a court or a regulator as its label ("Bundesverwaltungsgericht:
    …", "Commissioner Roe: …", "CNIL : …"): the label speaks for the decision the headline
    states, so the item is that body's act."""
    m = _LABEL.match(sc.text, 0, sc.title_end)
    if m is None or any(v.start < m.end() for v in sc.vendors):
        return None
    label = m.group(1) + " "
    for kind, pattern in patterns(sc.lang).subjects:
        if kind != "government" and pattern.match(label):
            return kind  # a place or a topic ("Portugal:", "Lycées :") is no speaker
    return None


def owned_decision(sc: Scan) -> str | None:
    """A decision noun owned by the first body the headline names ("NZ regulator's verdict",
    "the court's order"; not "Judges clear X of the watchdog's order"): the owner's kind,
    not the noun's."""
    pats = patterns(sc.lang)
    for head in list(pats.head.finditer(sc.low, 0, sc.title_end))[:1]:  # the headline's first
        owned = _OWNED.match(sc.text, head.end(), sc.title_end)
        if owned is None or not any(
            word and pats.decision.fullmatch(word) for word in owned.group("a", "b")
        ):
            continue  # "the regulator's verdict", "the court's final order"
        body = sc.text[head.start() : head.end()] + " "
        kind = next((k for k, p in pats.subjects if p.match(body)), None)
        if kind is not None:
            return kind
    return None


def law_told(sc: Scan, index: int) -> bool:
    """Sentence ``index`` tells a law's act: it opens with the instrument the act is made
    by ("By decree, police may …", "Per Verordnung darf die Polizei …") or a bill, a
    decree or a law is its subject ("An ordinance adopted last week restricts …")."""
    lo, hi = sc.sentences[index]
    pats = patterns(sc.lang)
    if pats.instrument.match(sc.text, lo):
        return True
    opening = pats.law_opening.match(sc.text, lo)
    if opening is not None and not _project_only(sc, pats, opening, hi):
        verbs = _verbs(sc, pats, opening.end(), hi)
        if _LAW_NEXT.match(sc.text, opening.end()) or (
            verbs and _WORD_GAP.fullmatch(sc.text, opening.end(), verbs[0])
        ):
            return True  # "A regulation published on Friday forbids …", not "A law professor …"
    found = sentence_subject(sc, index, sc.lang)
    return found is not None and pats.decisions[0][1].match(sc.text[lo : found[1]]) is not None


def _project_only(sc: Scan, pats: Patterns, opening: re.Match[str], hi: int) -> bool:
    """A noun that names a bill or a project alike ("el proyecto", "a proposta") is a
    project unless the item names a law-making body or its sentence tells what it would
    do ("El proyecto limitaría …"): "O projeto … arranca na zona sul" is a deployment."""
    if not _AMBIGUOUS_LAW.search(opening.group(0)):
        return False
    others = [m for m in pats.head.finditer(sc.low) if not _AMBIGUOUS_LAW.fullmatch(m.group(0))]
    return not others and _CONDITIONAL.search(sc.text, opening.end(), hi) is None


_AMBIGUOUS_LAW = compiled.compile(r"(?i)\b(?:proyecto|projeto|propuesta|proposta|iniciativa)\b")
# a verb in the conditional ("would", "limitaría", "obrigaria", "interdirait", "vieterebbe",
# "würde")
_CONDITIONAL = compiled.compile(
    r"(?i)\b(?:would|würden?|\w+r(?:ía|ia)n?|\w+riam|\w+r(?:ait|aient)|\w+rebbe(?:ro)?)\b"
)


# what may follow a law noun that heads its sentence: punctuation, a relative pronoun, a
# preposition or a participle ("A decree signed …", "The bill, which …"), not another
# noun ("A law professor …")
_LAW_NEXT = compiled.compile(
    r"(?:\s*[,:;(]|\s+(?:that|which|who|que|qui|dont|che|der|die|das|of|de|del|du|des|di|do|"
    r"da|von|vom|on|in|by|for|from|en|par|por|pelo|pela|per|dal|della|sur|sobre|su|auf|"
    r"mit)\b|\s+[\w-]+(?:ed|é|ée|és|ées|ado|ada|ados|adas|ido|ida|ato|ata|ito|ita|iert|et)\b)"
)
_WORD_GAP = compiled.compile(r"\s+")  # the verb comes right after the law noun
