"""Who performs a cue: the subject before it (whether it is cancelled: cancellation.py;
a name no list knows as its subject: named_subject.py).

The subject of a policy verb is the nearest actor named before it in the same
clause that is not the object of a preposition ("a pilot OF Veltrane Lens
was wrapped up" is not Veltrane acting). Generic references ("the company", "it")
resolve to the nearest vendor or authority named before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract import compiled
from bot.extract.cueclass import by_first_letter
from bot.extract.gate import gated
from bot.extract.leading_clauses import clause_span
from bot.extract.resources import DATA_DIR
from bot.extract.scan import Hit, Scan, in_fronted
from bot.extract.sentences import clause_start
from bot.yaml_loader import load_data

_PREPOSITIONS = frozenset(
    ["of", "for", "from", "with", "to", "on", "against", "at", "in", "into", "about", "than", "like", "unlike", "by", "including", "over", "toward", "towards", "between", "among", "behind", "versus", "vs", "via", "upon", "amid", "di", "della", "dello", "dei", "degli", "delle", "nel", "nella", "dal", "dalla", "tra", "fra", "pelo", "pela", "em", "de", "du", "des", "à", "au", "aux", "pour", "par", "avec", "contre", "sur", "chez", "von", "vom", "für", "mit", "gegen", "bei", "zu", "zum", "zur", "durch", "del", "con", "contra", "para", "por", "al", "en"]
)  # fmt: skip
_ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "la",
        "le",
        "les",
        "l'",
        "el",
        "los",
        "las",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "its",
        "their",
        "his",
        "her",
        "un",
        "une",
    ]
)
WORD = compiled.compile(r"[\w'’]+")
_PREP_BEFORE = compiled.compile(
    r"(?<![\w'])(?:" + by_first_letter(sorted(_PREPOSITIONS, key=lambda w: (-len(w), w))) + r")\s+"
    r"(?:(?:" + "|".join(sorted(_ARTICLES, key=lambda w: (-len(w), w))) + r")\s*)?$",
    re.IGNORECASE,
)
_COORDINATION = compiled.compile(
    r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+et\s+|\s+und\s+|\s+y\s+)$"
)

AUTHORITY_KINDS = frozenset({"government", "regulator", "court"})
_PRONOUNS = frozenset(
    {"it", "its", "they", "their", "il", "elle", "ils", "elles", "er", "sie", "es"}
)


@dataclass(frozen=True)
class Actor:
    kind: str  # "vendor" | "government" | "regulator" | "court" | "other" | "unknown"
    vendor: str | None = None
    product: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # "vendor" | authority kind | "company" | "product" | "other"
    vendor: str | None = None
    product: str | None = None


def mentions(sc: Scan) -> list[Mention]:
    """Every actor mention sorted by position; vendor names win overlaps, then longer ones."""
    kept = [Mention(v.start, v.end, "vendor", v.vendor, v.product) for v in sc.vendors]
    others = [Mention(h.start, h.end, h.label) for h in (*sc.authorities, *sc.entities)
              if not _beneficiary(sc, h) and not _document_of(sc, h)]  # fmt: skip
    others.sort(key=lambda m: (m.start, -(m.end - m.start)))
    for m in others:
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _beneficiary(sc: Scan, h: Hit) -> bool:
    """An authority word that names a customer group after a preposition ("sales TO
    government agencies", "database FOR police departments") is an object, not an actor."""
    if h.label not in AUTHORITY_KINDS:
        return False
    if not any(g.start < h.end and h.start < g.end for g in sc.groups):
        return False
    floor = sc.sentences[sc.sentence_of(h.start)][0] if sc.sentences else 0
    return prepositional(sc.text, h.start, reach=3, floor=floor)


# documents named after the body they were filed with or come from ("court papers
# show …", "des documents judiciaires", "Gerichtsakten"): six languages
_DOCUMENT = compiled.compile(
    r"(?i)[ -](?:papers|filings?|documents?|records|files?|transcripts?|dockets?|"
    r"Unterlagen|Akten|Dokumente|papiers|documentos|autos|atti|documenti|carte)\b"
)


def _document_of(sc: Scan, h: Hit) -> bool:
    """An authority word that only says where a document comes from ("Court papers show
    X has stopped …", "congressional records show …") names no actor: the document is
    the channel of someone else's news."""
    return h.label in AUTHORITY_KINDS and _DOCUMENT.match(sc.text, h.end) is not None


def prepositional(
    text: str, start: int, reach: int = 1, nominal: bool = False, floor: int = 0
) -> bool:
    """True when one of the ``reach`` words before ``start`` (articles skipped, no comma
    in between) is a preposition: "a pilot OF Veltrane", "vendor TO several county sheriffs".
    ``nominal``: "to" does not count (before a verb it marks an infinitive); nothing
    before ``floor`` (a sentence start) is read."""
    if reach == 1 and not nominal:
        # (through its word gate: the item's text is asked about mention by mention)
        return gated(_PREP_BEFORE).search(text, max(floor, start - 30), start) is not None
    before = text[max(floor, start - 60) : start]
    before = before.rsplit(",", 1)[-1] if reach > 1 else before
    words = [w for w in map(str.lower, WORD.findall(before)) if w not in _ARTICLES]
    prepositions = _NOMINAL_PREPOSITIONS if nominal else _PREPOSITIONS
    return not prepositions.isdisjoint(words[-reach:])


_NOMINAL_PREPOSITIONS = _PREPOSITIONS - {"to", "zu", "à", "a"}
_NOUN_ENDINGS = ("ion", "ions", "ium", "ia", "al", "als", "ment", "ments", "ban", "bans",
                 "pause", "shutdown", "comeback", "halt", "freeze", "toire", "oria", "verbot")  # fmt: skip
_NOUN_CUE = compiled.compile(r"(?:" + "|".join(_NOUN_ENDINGS) + r")$", re.IGNORECASE)


def noun_cue(text: str) -> bool:
    """``_NOUN_CUE.search(text)``: ``text`` ends with a noun ending (in any case; an ASCII
    text's lower-cased copy says so without the regex, which tries every position)."""
    if not text.isascii():
        return _NOUN_CUE.search(text) is not None
    return text.removesuffix("\n").lower().endswith(_NOUN_ENDINGS)


def object_noun(sc: Scan, cue: Hit) -> bool:
    """A noun cue after a preposition ("split OVER a possible EU moratorium") names a
    topic, not an act; a vendor's possessive right before it makes it theirs again."""
    words = sc.text[cue.start : cue.end].split()
    if len(words) > 2 or not noun_cue(words[-1]):
        return False
    since = 0
    for v in sc.vendors:
        if v.end <= cue.start:
            since = v.end
            if cue.start - v.end <= 25 and sc.text[v.start : v.end].endswith("'s"):
                return False
    window = sc.text[max(since, cue.start - 60) : cue.start]
    return prepositional(window, len(window), reach=6, nominal=True)


def resolve(sc: Scan, found: list[Mention], m: Mention) -> Actor:
    """An actor for a mention; generic references take the nearest named actor before."""
    if m.kind in ("vendor",):
        return Actor("vendor", m.vendor, m.product, m.start, m.end)
    if m.kind in ("government", "regulator", "court"):
        return Actor(m.kind, None, None, m.start, m.end)
    if m.kind in ("company", "product"):
        # "the company", "la empresa" name a company, never an authority; a pronoun
        # takes the nearest actor before it, an earlier reference standing for its own
        nominal = sc.low[m.start : m.end] not in _PRONOUNS
        priors = [p for p in found if p.end <= m.start]
        for j in range(len(priors) - 1, -1, -1):
            prior = priors[j]
            if prior.kind == "vendor":
                return Actor("vendor", prior.vendor, prior.product, m.start, m.end)
            if prior.kind in AUTHORITY_KINDS and not nominal:
                if addressee(sc, priors, j) or customer_group(sc, prior):
                    continue  # "X tells the judge it has …": X
                return Actor(prior.kind, None, None, m.start, m.end)
            if prior.kind in ("company", "product") and not nominal:
                referred = resolve(sc, found, prior)
                return Actor(referred.kind, referred.vendor, referred.product, m.start, m.end)
        # A headline's "Social network pauses ..." names the company later on; "Social
        # network Chirper cuts off …" names another company right after the noun.
        if _NAME_AFTER.match(sc.text, m.end) and not any(v.start == m.end + 1 for v in sc.vendors):
            return Actor("other", start=m.start, end=m.end)
        later = next((v for v in sc.vendors if v.start >= m.end), None)
        if later is not None:
            return Actor("vendor", later.vendor, later.product, m.start, m.end)
        return Actor("unknown", start=m.start, end=m.end)
    return Actor("other", start=m.start, end=m.end)


def subject(sc: Scan, found: list[Mention], cue: Hit) -> Actor:
    """The actor performing ``cue`` (kind "unknown" when nobody is named before it)."""
    index = sc.sentence_of(cue.start)
    s_start, _ = sc.sentences[index]
    c_start = clause_start(sc.breaks, s_start, cue.start)
    # "Once a panel struck the regulator's order down, X …": a leading clause the cue
    # lies after is background; its names are not the cue's subject
    span = clause_span(sc, index)
    lead = span[1] if span is not None and span[1] <= cue.start else -1
    for lo in (c_start, s_start):
        before = [m for m in found if lo <= m.start and m.end <= cue.start
                  and m.start > lead and not in_fronted(sc, m.start)]  # fmt: skip
        for i in range(len(before) - 1, -1, -1):
            if _vendor_object(sc, before, i):
                continue  # "X gives regulators a breathing space": X acts
            if _can_act(sc, before[i], cue) and not _authority_object(sc, before, i):
                chosen = before[i]
                if chosen.kind == "other":
                    chosen = _coordinated_vendor(sc.text, before[: i + 1]) or chosen
                elif chosen.kind == "vendor":
                    chosen = _first_coordinated(sc.text, before[: i + 1])
                elif chosen.kind in AUTHORITY_KINDS and _RELATIVE.match(sc.text, chosen.end):
                    # "statutes that require consent": a standing law described, no act
                    return Actor("other", start=chosen.start, end=chosen.end)
                return resolve(sc, found, chosen)
    return Actor("unknown")


def customer_group(sc: Scan, m: Mention) -> bool:
    """An authority word that names a customer group ("government sales", "police
    departments won't get …", "non-government accounts", "policías municipales"), not
    a body that acts."""
    if m.kind not in AUTHORITY_KINDS:
        return False
    if m.start > 0 and sc.text[m.start - 1] == "-":
        return True
    if _SALES_BEFORE.search(sc.text, max(0, m.start - 20), m.start):
        return True  # "ventas municipales", "contratos policiales": whom a company sells to
    return any(g.start < m.end and m.start <= g.end + 1 for g in sc.groups)


# a sales or contract noun right before an authority word that follows its noun (Romance
# adjectives): the authority is the buyer the sales go to
_SALES_BEFORE = compiled.compile(
    r"(?i)\b(?:ventas|ventes|vendite|vendas|contratos|contrats|contratti|licitaciones|"
    r"appalti|clientes|clients|clienti)\s+$"
)


_ARTICLE_GAP = compiled.compile(
    r"\s+(?:(?:der|die|das|den|dem|des|el|la|los|las|le|les|il|lo|gli|o|a|os|as)\s+)?",
    re.IGNORECASE,
)


def inverted(sc: Scan, m: Mention, verb: Hit) -> bool:
    """The authority's verb stands right before it after a fronted phrase ("Weil …,
    erlässt der Datenschutzbeauftragte …", "… ordenó el juez"): verb-subject order."""
    if not 0 < m.start - verb.end <= 6:
        return False
    gap = _ARTICLE_GAP.match(sc.text, verb.end, m.start)
    return gap is not None and gap.end() == m.start


# A condition or background clause opener right before an authority ("until Congress
# passes …", "while legislators work on rules", "hasta que el Congreso …"): the
# authority is the condition of someone else's act, not acting itself.
CONDITION = compiled.compile(
    r"(?i)\b(?:until|unless|while|pending|once|till|as long as|before|whether|hasta que|"
    r"mientras|a menos que|jusqu.à ce que|tant que|avant que|bis|solange|bevor|finché|"
    r"fino a quando|até que|enquanto)\s+(?:[\w'-]+\s+){0,5}$"
)


def in_condition(sc: Scan, pos: int) -> bool:
    """``pos`` (an authority or its verb) follows a condition opener in its clause, or
    is what someone waits for ("must wait for Congress", "attendre une loi")."""
    s_start = sc.sentences[sc.sentence_of(pos)][0] if sc.sentences else 0
    return CONDITION.search(sc.text, max(s_start, pos - 60), pos) is not None or waited_for(
        sc.text, max(s_start, pos - 60), pos
    )


def waited_for(text: str, lo: int, pos: int) -> bool:
    """A verb or noun of waiting stands within a few words before ``pos`` in [lo, pos):
    the authority or law after it is a condition of someone else's move, never the
    actor ("sheriffs are told to wait for the statehouse", "in attesa di una legge")."""
    return _waiting().search(text, lo, pos) is not None


@lru_cache(maxsize=1)
def _waiting() -> re.Pattern[str]:
    raw = load_data(DATA_DIR / "authority_signals.yaml")
    words = [str(w) for w in (raw.get("waited_for") or []) if isinstance(raw, dict)]
    body = "|".join(sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i)(?<!\w)(?:{body})\s+(?:[\w'’-]+\s+){{0,3}}$")


def acting_authority(sc: Scan, found: list[Mention]) -> str | None:
    """The kind of the first authority the item names that is not a customer group."""
    return next(
        (m.kind for m in found if m.kind in AUTHORITY_KINDS
         and not customer_group(sc, m) and not group_modifier(sc, m)),
        None,
    )  # fmt: skip


_MODIFIED = compiled.compile(
    r"\s+(?:sales|contracts|customers?|clients?|accounts?|business|buyers?|market|agencies|"
    r"users)\b",
    re.IGNORECASE,
)


def group_modifier(sc: Scan, m: Mention) -> bool:
    """An authority word modifying a customer noun or owned by a company ("X's police
    sales", "non-government accounts"): a customer group, never the subject."""
    if m.kind not in AUTHORITY_KINDS:
        return False
    if m.start > 0 and sc.text[m.start - 1] == "-":
        return True
    own = sc.text[max(0, m.start - 3) : m.start] == "'s "  # a company's, not a place's body
    company = own and any(m.start - 3 <= v.end <= m.start for v in sc.vendors)
    return company or _MODIFIED.match(sc.text, m.end) is not None


def addressee(sc: Scan, before: list[Mention], i: int) -> bool:
    """The authority ``before[i]`` is told or asked something by a vendor right before
    it ("Tindle tells the city council", "Clearview tells judge"): not the subject. An
    authority phrase read as two mentions ("the city" + "council") is one."""
    while (
        i > 0
        and before[i - 1].kind in AUTHORITY_KINDS
        and not sc.text[before[i - 1].end : before[i].start].strip()
    ):
        i -= 1
    if _vendor_object(sc, before, i):
        return True
    # "Orvane told a judge it has …", "Orvane assure au tribunal qu'elle …": a speech
    # verb right before a court, said by someone who is no authority (a filing or a
    # hearing: what the company says there is its own act)
    m = before[i]
    if m.kind != "court":
        return False
    s_start = sc.sentences[sc.sentence_of(m.start)][0]
    told = _TOLD.search(sc.text, max(s_start, m.start - 30), m.start)
    return told is not None and not any(
        p.kind in AUTHORITY_KINDS and s_start <= p.start < told.start() for p in before
    )


# a speech verb and its article before the one told ("told a judge", "assure au juge",
# "teilte dem Gericht", "aseguró al tribunal", "ha detto al giudice", "disse ao juiz")
_TOLD = compiled.compile(
    r"(?i)\b(?:told|tells?|assur(?:es|ed)|inform(?:s|ed)|wr(?:ote|ites) to|(?:a )?dit|"
    r"assur[ée]|affirm[ée]|(?:a )?déclar[ée]|teilt(?:e)? |versichert(?:e)? |erklärt(?:e)? |"
    r"dijo|asegur[óa]|afirm[óa]|ha detto|ha assicurato|disse|garantiu|afirmou)\s*"
    r"(?:(?:the|a|an|à|au|aux|la|le|l'|dem|der|den|al|a la|ao|à|a|al|alla|ai)\s*)?$"
)


_NAME_AFTER = compiled.compile(r" (?-i:[A-Z][\w-]+)(?!')")
_RELATIVE = compiled.compile(
    r"\s*(?:that|which|who|qui|que|die|der|das|che|quale)\s", re.IGNORECASE
)


def owns_verb(sc: Scan, found: list[Mention], m: Mention, verb: Hit) -> bool:
    """The authority ``m`` is the subject of ``verb`` after it: no other actor stands
    between them as a new subject ("the judge … it has dropped": the company), and the
    verb does not open a relative clause describing it ("statutes that require
    consent" describe a standing law, not an act)."""
    if verb.start < m.end:
        return True
    if _RELATIVE.match(sc.text, m.end, verb.start):
        return False
    return not any(
        m.end <= o.start and o.end <= verb.start
        and o.kind in ("vendor", "company", "product", "other", *AUTHORITY_KINDS)
        and not prepositional(sc.text, o.start, reach=3, nominal=True, floor=m.end)
        and not sc.text.startswith("'s", o.end)  # "its trial", "X's test"
        and sc.low[o.start : o.end] not in ("its", "their")
        for o in found
    )  # fmt: skip


_VERB_GAP = compiled.compile(
    r"^\s+(?:[a-z][\w'-]*\s+){1,2}(?:(?:the|a|an|its|state|city|federal)\s+)*$"
)


def _vendor_object(sc: Scan, before: list[Mention], i: int) -> bool:
    """The authority ``before[i]`` is the object or addressee of a vendor's verb right
    before it ("Hexmoor gives regulators …", "X tells the assembly …")."""
    m = before[i]
    if m.kind not in AUTHORITY_KINDS or i == 0:
        return False
    prev = before[i - 1]
    return prev.kind == "vendor" and _VERB_GAP.match(sc.text[prev.end : m.start]) is not None


def _authority_object(sc: Scan, before: list[Mention], i: int) -> bool:
    """The vendor ``before[i]`` is the object of an authority named before it ("Judge
    approves Facebook's settlement", "regulator fines Clearview")."""
    m = before[i]
    if m.kind != "vendor" or not any(
        0 <= m.start - h.end <= 2 and h.label == "verb" for h in sc.authority_verbs
    ):  # a speech verb ("says") opens a clause whose subject is the vendor
        return False
    return any(p.kind in AUTHORITY_KINDS for p in before[:i])


def _can_act(sc: Scan, m: Mention, cue: Hit) -> bool:
    """Could this mention be the subject of the cue (not a prepositional object or a
    possessive of a non-vendor: "the ethics board's advice")?"""
    possessive = sc.text[m.start : m.end].endswith("'s") or sc.text.startswith("'s", m.end)
    if m.kind == "vendor":
        return (possessive and cue.start - m.end <= 25) or not prepositional(sc.text, m.start)
    if possessive and m.kind == "other":
        return False
    if group_modifier(sc, m):
        return False
    s_start = sc.sentences[sc.sentence_of(m.start)][0]  # never look into the sentence before
    return not prepositional(
        sc.text, m.start, reach=1 if m.kind in ("company", "product") else 4, floor=s_start
    )


def _coordinated_vendor(text: str, before: list[Mention]) -> Mention | None:
    """In "Brivio, two universities and a lab delete their face sets", the vendor in a list
    of coordinated actors acts."""
    i = len(before) - 1
    while i > 0 and _COORDINATION.match(text[before[i - 1].end : before[i].start]):
        i -= 1
        if before[i].kind == "vendor":
            return before[i]
    return None


def _first_coordinated(text: str, before: list[Mention]) -> Mention:
    """In "Microsoft and AnyVision part ways", the first of coordinated vendors acts (a
    headline names the company making the change first)."""
    i = len(before) - 1
    first = before[i]
    while i > 0 and _COORDINATION.match(text[before[i - 1].end : before[i].start]):
        i -= 1
        if before[i].kind == "vendor":
            first = before[i]
    return first
