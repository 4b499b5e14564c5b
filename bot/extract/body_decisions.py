"""A decision told around a public body, read from the whole item.

``passive_headline``: a headline telling a decision in the passive is the act of the
authority the item names; ``imposed_on``: an obligation laid on a company ("X must
delete", "X terá de parar") or a company as the object of the verb is the imposing
authority's act; ``contested_headline``: a fine or ruling a company contests;
``headline_label``: a court or regulator as the headline's label; ``owned_decision``: a
decision noun owned by a body ("the regulator's verdict"); ``law_told``: a sentence
telling a law's act (an instrument opening it, or a bill, decree or law as its
subject). Word lists: ``bot/data/public_bodies.yaml`` (``body_patterns``).
"""

from __future__ import annotations

import re

from bot.extract import authority, compiled
from bot.extract.attribution import Mention, acting_authority, mentions
from bot.extract.body_patterns import KINDS, Patterns, patterns
from bot.extract.gate import gated
from bot.extract.public_bodies import sentence_subject, verb_starts
from bot.extract.scan import Scan


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
        verbs = verb_starts(sc, pats, opening.end(), hi)
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
