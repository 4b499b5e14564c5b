"""Subjects that stand where the clause's subject finder does not look: a headline that
describes its subject instead of naming it (the company the summary opens with acts), a
subject after its verb (inversion), a maker in the genitive of the product that opens
the clause, and a policy noun heading a summary clause (the headline's vendor's move)."""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.attribution import (
    AUTHORITY_KINDS,
    Actor,
    Mention,
    in_condition,
    prepositional,
    resolve,
)
from bot.extract.scan import Hit, Scan, in_fronted
from bot.extract.sentences import clause_start

# Places and businesses that run FR rather than sell it (a headline about one is about a
# user, whoever supplied the system)
_FR_USER = compiled.compile(
    r"(?i)\b(?:chain|supermarket|grocer|retailer|landlord|store|shop|mall|airport|stadium|"
    r"arena|venue|school|hospital|bank|casino|hotel|station|cadena|supermercado|tienda|"
    r"chaîne|magasin|supermarché|enseigne|Kette|Supermarkt|Händler|catena|negozio|rede|"
    r"loja|varejista)s?\b"
    r"|(?i:\b\w*(?:kette|supermarkt|händler|stadion|flughafen|bahnhof|klinik|schule)\w*\b)"
)
_AT = compiled.compile(
    r"(?i)\b(?:at|in|across|inside|bei|dans|à|en|em|no|na|nel|nella|nei|nelle)\s+(?:\w+\s+){0,2}$"
)


def _runs_fr(sc: Scan, cue: Hit) -> bool:
    """The headline is about a place or business that runs FR: one named before the cue
    (its subject) or after it as where the system ran ("switched off at a stadium"), not
    a customer group the cue is about ("extends its stop for retailers")."""
    for m in _FR_USER.finditer(sc.text, 0, sc.title_end):
        if m.start() < cue.start or _AT.search(sc.text, cue.end, m.start()):
            return True
    return any(g.start < cue.start and g.label != "everyone" for g in sc.groups)


# a study, a campaign, a rumour or a legal warning is nobody's policy
_NOT_ITS_NEWS = frozenset({"study", "campaign", "inquiry", "speculation", "hearsay", "enforcement"})


def summary_subject(sc: Scan, found: list[Mention], cue: Hit) -> Actor:
    """A headline that describes its subject instead of naming it ("A face-based lookup
    service is going dark", "Una compañía gallega se retira …") and names no
    company or authority: the company the summary opens with, as the subject of its first
    sentence ("Fenwright Labs blames …"), is the one acting. Anything else first (an
    authority, a person, a group, a company named after a preposition) leaves it unknown."""
    if len(sc.sentences) < 2 or any(m.start < sc.title_end for m in found
                                    if m.kind not in ("company", "product")):  # fmt: skip
        return Actor("unknown")
    if _runs_fr(sc, cue):  # "A supermarket chain switches off its face cameras"
        return Actor("unknown")
    summary = [(a, b) for a, b in sc.sentences if a >= sc.title_end][:2]
    first = next(
        (m for m in found if m.start >= sc.title_end and not in_fronted(sc, m.start)), None
    )
    # the company opens the summary's first sentence that names anyone (a first sentence
    # naming no one, "Landlords … learned their deals will lapse;", is read on)
    lo, hi = next(((a, b) for a, b in summary if first is not None and a <= first.start < b),
                  (0, 0))  # fmt: skip
    if any(h.label in _NOT_ITS_NEWS and h.start < hi for h in sc.non_policy):
        return Actor("unknown")
    if first is None or first.kind != "vendor" or prepositional(sc.text, first.start, floor=lo):
        return Actor("unknown")
    return Actor("vendor", first.vendor, first.product, first.start, first.end)


def inverted_subject(sc: Scan, found: list[Mention], cue: Hit) -> Actor | None:
    """The subject stands inside the cue, after its verb (German and Romance inversion:
    "Bis Herbst liefert der Hersteller aus Ohio keine …", "verkauft Adelwise keine"):
    the company named or referred to there acts. Outside English it may also follow the
    cue's first word ("Desde julio ya no vende la empresa …")."""
    for m in found:
        if cue.start < m.start and m.end <= cue.end and m.kind in ("vendor", "company"):
            actor = resolve(sc, found, m)
            return actor if actor.kind == "vendor" else None
    return _after_verb(sc, found, cue) if sc.lang != "en" else None


_VERB = compiled.compile(r"[\w'-]+")
_INVERTED_GAP = compiled.compile(r"^\s+(?:[\w'-]+\s+){0,2}?$")


def _after_verb(sc: Scan, found: list[Mention], cue: Hit) -> Actor | None:
    """The first company named within two words after the cue's first word, before any
    other actor and not after a preposition: the subject of an inverted clause."""
    verb = _VERB.match(sc.text, cue.start, cue.end)
    verb_end = verb.end() if verb else cue.start
    s_end = sc.sentences[sc.sentence_of(cue.start)][1]
    for m in found:
        if m.start < verb_end or m.start > min(s_end, cue.end + 30):
            continue
        if m.kind not in ("vendor", "company", "product"):
            return None
        if not _INVERTED_GAP.match(sc.text[verb_end : m.start]) or prepositional(sc.text, m.start):
            return None
        actor = resolve(sc, found, m)
        return actor if actor.kind == "vendor" else None
    return None


# The cue heads the clause's subject ("The shop-sales halt for the face API stretches
# past spring", "A pausa decidida em março segue sem prazo"): an article or possessive and
# at most two modifiers stand before it.
_NOUN_SUBJECT = compiled.compile(
    r"(?i)^[\s\"'“‘(:;,]*(?:(?:but|and|yet|doch|aber|und|mais|et|pero|y|ma|e|mas)\s+)?(?:the|its|this|that|an?|la|le|l'|el|il|lo|o|a|um|uma|une?|una?|"
    r"die|der|das|eine?|sa|son|su|sua|seu|sein|seine|ihre)\s*(?:[\w-]+\s+){0,3}$"
)


# A capability as the passive subject ("Photo clustering is being withdrawn …")
_FR_SUBJECT = compiled.compile(
    r"(?i)^[\s\"'“‘(:;,]*(?:[\w-]+\s+){1,3}(?:is|are|was|were|will be|is being|are being|"
    r"has been|have been|wird|werden|wurde|est|sera|será|è|é)\s+$"
)


def noun_owner(sc: Scan, found: list[Mention], cue: Hit) -> Actor | None:
    """A clause whose subject is a policy noun or a product, with nobody named in it, is
    the move of the one vendor the item is about ("Kittredge's second six months" … "The
    shop-sales halt … stretches past spring"; "Twelve-month stop loses its end date" …
    "… Harlowe …"; "… das Gesichtsmodul bleibt für Ermittler blockiert")."""
    bare = len(sc.text[cue.start : cue.end].split()) < 3 and cue.label != "extension"
    s_start, _ = sc.sentences[sc.sentence_of(cue.start)]
    c_start = clause_start(sc.breaks, s_start, cue.start)
    comma = sc.text.rfind(", ", c_start, cue.start)  # ", doch der Server bleibt …"
    c_start = comma + 2 if comma >= 0 else c_start
    np = sc.text[c_start : cue.start]
    passive = _FR_SUBJECT.match(np) and any(c_start <= h.start < cue.start for h in sc.fr)
    if not passive and (bare or not _NOUN_SUBJECT.match(np)):
        return None  # a bare noun ("the one-year pause has been lifted") is no act
    if any(c_start <= m.start < cue.start for m in found):
        return None
    if sc.in_title(cue.start) and not any(
        c_start <= h.start < cue.start for h in sc.actions
    ):  # a headline's subject must be the policy noun itself ("A one-year pause …")
        return None
    if any(m.kind in AUTHORITY_KINDS and not in_condition(sc, m.start) for m in found):
        return None  # (a body the stop waits for, "until Congress acts", is no actor)
    pool = [v for v in sc.vendors if sc.in_title(v.start)] or list(sc.vendors)
    if len({v.vendor for v in pool}) != 1:
        return None
    return Actor("vendor", pool[0].vendor, pool[0].product, pool[0].start, pool[0].end)
