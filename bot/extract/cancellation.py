"""Whether a vendor's cue is cancelled (negated, hedged, background, called for by
someone else), which authority directs it, and whether it is a passive directive."""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.attribution import WORD, Actor, Mention, noun_cue, resolve
from bot.extract.hearsay import announced_before
from bot.extract.leading_clauses import past_time_clause
from bot.extract.scan import Hit, Scan, between, overlapping
from bot.extract.sentences import clause_start

NEGATION_WINDOW = 40
HYPOTHETICAL_WINDOW = 60
BACKGROUND_WINDOW = 14
CALL_GAP_WORDS = 3
PASSIVE_GAP = 6  # a passive directive and the verb it governs ("obligada a dejar")
# between them: at most an infinitive marker ("a", "de", "d'", "di", "zu", "to")
_INFINITIVE_GAP = compiled.compile(r"\s*(?:(?:a|à|de|di|zu|to)\s+|d['’])?", re.IGNORECASE)


def cancelled(sc: Scan, cue: Hit, actor: Actor) -> str | None:
    """Why a vendor cue is not a change ("negation", "hypothetical", "call", "inert"), or None."""
    if overlapping([h for h in sc.non_policy if h.label == "inert"], cue.start, cue.end):
        return "inert"
    s_start, s_end = sc.sentences[sc.sentence_of(cue.start)]
    if any(h.label == "enforcement" for h in between(sc.non_policy, s_start, s_end)):
        return "enforcement"
    if any(h.label == "question" for h in between(sc.cancel, s_start, cue.start)):
        return "hypothetical"  # "Will Amazon extend its moratorium?"
    c_start = clause_start(sc.breaks, s_start, cue.start)
    # a subject found after the cue (inversion, a headline's company named in the
    # summary) leaves the whole clause before the cue to read
    after_subject = max(c_start, actor.end) if actor.end <= cue.start else c_start
    for h in between(sc.cancel, cue.start + 1, cue.end) if sc.lang == "de" else ():
        # a hedge inside a German verb's bracket ("stellt angeblich … ein"); elsewhere a
        # word inside a cue is the cue's own ("will not weigh offers")
        if h.label == "hypothetical" and h.end <= cue.end and not _reports_announcement(sc, h):
            return "hypothetical"
    for h in between(sc.cancel, s_start, cue.start):
        if h.end > cue.start:
            continue
        if h.label == "negation" and h.start >= max(after_subject, cue.start - NEGATION_WINDOW):
            return "negation"
        if h.label == "background" and (
            h.start >= cue.start - BACKGROUND_WINDOW
            # German puts the participle last: "X hatte seine Gesichtssuche schon 2019
            # eingestellt" (the auxiliary anywhere in the cue's clause, after its subject)
            or (sc.lang == "de" and h.start >= after_subject)
        ):
            return "background"
        if (
            h.label == "hypothetical"
            and h.start >= max(after_subject, cue.start - HYPOTHETICAL_WINDOW)
            and not _reports_announcement(sc, h)
        ):
            return "hypothetical"
        if (
            h.label == "conditional"
            and h.start >= max(c_start, cue.start - HYPOTHETICAL_WINDOW)
            and not past_time_clause(sc, h.start, cue.start)  # "Once the court voided it, X …"
        ):
            return "conditional"
        if h.label in ("call", "denial") and _governs(sc.text, h, actor, c_start):
            return h.label
    if noun_cue(sc.text[cue.start : cue.end]):
        # "a freeze ... might be wise": an opinion about a noun, not an act.
        for h in between(sc.cancel, cue.end, min(cue.end + 40, s_end)):
            if h.label == "hypothetical":
                return "hypothetical"
    return None


def _reports_announcement(sc: Scan, h: Hit) -> bool:
    """A conditional of hearsay that is the future of the vendor's own announcement in
    indirect speech ("a annoncé qu'elle suspendrait"): no hypothetical (hearsay.py)."""
    return any(
        m.label == "hearsay" and m.start == h.start for m in sc.non_policy
    ) and announced_before(sc, h)


def _governs(text: str, call: Hit, actor: Actor, c_start: int) -> bool:
    """A call word governs the cue: between subject and cue, or just before the subject;
    never across a clause break ("told to wait as X keeps …")."""
    if call.end <= c_start:
        return False
    if actor.start < 0:
        return call.start >= c_start
    if call.start >= actor.end:
        return True
    if call.end > actor.start:  # "asks Amazon to": the call spans the subject
        return True
    gap = text[call.end : actor.start]
    return "," not in gap and len(WORD.findall(gap)) <= CALL_GAP_WORDS


def call_authority(sc: Scan, found: list[Mention], cue: Hit, actor: Actor) -> str | None:
    """For "regulator orders Clearview to delete": the authority that directs the change."""
    s_start, _ = sc.sentences[sc.sentence_of(cue.start)]
    for h in between(sc.cancel, s_start, cue.start):
        if h.label != "call" or not _governs(sc.text, h, actor, s_start):
            continue
        for m in reversed([m for m in found if s_start <= m.start and m.end <= h.start]):
            if m.kind in ("government", "regulator", "court"):
                return m.kind
            if m.kind in ("company", "product"):
                resolved = resolve(sc, found, m)
                if resolved.kind in ("government", "regulator", "court"):
                    return resolved.kind
    return None


def passive(sc: Scan, cue: Hit) -> bool:
    """The cue is a passive participle ("X banned from", "was ordered to"), or the verb
    a passive directive governs ("X sommé de ne plus scanner", "X told to stop"): the
    passive's subject is made to act, by someone else."""
    return overlapping(sc.passive, cue.start, cue.end) or any(
        0 <= cue.start - h.end <= PASSIVE_GAP
        and _INFINITIVE_GAP.fullmatch(sc.text, h.end, cue.start)
        for h in sc.passive
    )
