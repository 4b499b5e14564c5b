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

from bot.extract import authority, body_domains, compiled
from bot.extract.attribution import acting_authority, mentions
from bot.extract.body_patterns import KINDS, Patterns, patterns, places
from bot.extract.gate import gated
from bot.extract.resources import resources
from bot.extract.scan import Scan, VendorHit

SUBJECT_REACH = 120  # characters from a clause's start within which a body must stand
VERB_REACH = 80  # characters from the body word within which its verb must stand


def verb_starts(sc: Scan, pats: Patterns, lo: int, hi: int) -> list[int]:
    """Where the verbs of [lo, hi) may start, in order: policy cues, authority verbs,
    launches and the public bodies' verbs."""
    starts = {h.start for h in (*sc.actions, *sc.authority_verbs) if lo <= h.start < hi}
    starts |= {h.start for h in sc.non_policy if h.label == "launch" and lo <= h.start < hi}
    starts |= {m.start() for m in gated(pats.verbs).finditer(sc.low, lo, hi)}
    return sorted(starts)


_WORD = compiled.compile(r"[\w'’-]+")
_BE = compiled.compile(r"(?i)\b(?:is|are|was|were|be|been|being|now)\s+$")


def _first_verb(sc: Scan, pats: Patterns, lo: int, hi: int) -> int | None:
    """The first word of [lo, hi) that is the clause's verb: not a noun of the subject
    ("police FORCES were …" is a body's name) and, in English, no bare -ing form
    ("a state TESTING lab")."""
    for start in verb_starts(sc, pats, lo, hi):
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


def is_place(text: str, v: VendorHit) -> bool:
    """The name read as a company is a country, a capital or a bloc ("Moscow's transport
    department …"): the possessive makes it the body's place, not its owner."""
    return not surely_company(v) and places().fullmatch(text, v.start, v.end) is not None


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
        owner
        and not all(is_place(sc.text, v) for v in owner)
        and not _oversight(sc, pats, lo, verb)
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


_POSSESSIVE = compiled.compile(r"['’]s?\b|(?<=s)['’]")


def _possessive(text: str, v: VendorHit) -> bool:
    """The name is a possessive ("Lumio's sheriff freeze"): the body word after it is
    the vendor's customer group."""
    return (
        text[v.start : v.end].endswith(("'s", "’s")) or _POSSESSIVE.match(text, v.end) is not None
    )
