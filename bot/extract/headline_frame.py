"""What the headline frames: whether its acts are the vendor's news at all.

- **Speculation**: a plan, rumour or question in the headline that governs the
  headline's acts ("X to restart face search?", "rumours of X's return"): no act; a
  decision told as the vendor's own announcement is no rumour (hearsay.py).
- Someone else's act: a campaign, suit, complaint, study or people news in the
  headline; a headline looking back on an earlier act; a shareholders' vote.
- A vendor's headline with no act found is the vendor's news.
"""

from __future__ import annotations

import re

from bot.extract import compiled
from bot.extract.acts import Act
from bot.extract.hearsay import announced_before
from bot.extract.scan import Hit, Scan, in_fronted

# After a headline's company name, a word that makes someone else the subject.
NOT_THE_COMPANY = compiled.compile(
    r"(?:'s)?\s*(?:,|and\b|or\b|founder|co-founder|ceo|chief|executive|boss|employees|workers|"
    r"staff|shareholders|investors|board|rivals?)",
    re.IGNORECASE,
)


def speculative(sc: Scan) -> bool:
    """The headline reports a plan, a report or a rumour of what a vendor may do, not a
    decision ("X plans to …", "X reconsiders …", "…, report says")."""
    return any(
        h.label in _HEDGES and sc.in_title(h.start) and not announced(sc, h) for h in sc.non_policy
    )


def announced(sc: Scan, h: Hit) -> bool:
    """A hearsay mark that is the future of the vendor's own announcement ("a annoncé
    qu'elle suspendrait"): the decision, not a rumour (hearsay.py)."""
    return h.label == "hearsay" and announced_before(sc, h)


# a plan, report or rumour (speculation), or a decision told as hearsay: the conditional
# of reported speech ("estaria sondando", "envisagerait") or unnamed sources
_HEDGES = frozenset({"speculation", "hearsay"})


def speculation_only(sc: Scan, acts: list[Act]) -> bool:
    """A speculative headline with no act of its own: the acts in the summary are the
    background of the plan ("Meta reconsiders …; it shelved the feature last year")."""
    return speculative(sc) and not any(sc.in_title(a.start) for a in acts)


def speculation_governs(sc: Scan, acts: list[Act]) -> bool:
    """A speculative headline whose own acts come after its plan or rumour word ("Rumour
    mill: X to restart face search?", "Gerüchte über Xs Rückkehr"): the acts are what may
    happen.
    A headline that asks ("…?") or names a rumour, never a plain plan with a date."""
    title = [a for a in acts if sc.in_title(a.start)]
    if not title:
        return speculation_only(sc, acts)
    marks = [
        h for h in sc.non_policy
        if h.label in _HEDGES and sc.in_title(h.start) and not announced(sc, h)
    ]  # fmt: skip
    marks += [Hit(m.start(), m.end(), "speculation")
              for m in _RUMOUR.finditer(sc.text, 0, sc.title_end)]  # fmt: skip
    hearsay = any(h.label == "hearsay" for h in marks)  # a rumour said in its grammar
    if (
        not marks
        or "?" not in sc.text[: sc.title_end]
        and not _RUMOUR.search(sc.text, 0, sc.title_end)
        and not hearsay
    ):
        return False
    # (the conditional may sit on the act's own verb: "suspenderebbe le vendite")
    return all(any(h.start <= a.start for h in marks) for a in title)


_RUMOUR = compiled.compile(
    r"(?i)rumou?r|gerücht|spekulation|speculat|especula|rumeur|indiscrezion|\bvoci\b"
)


def not_the_vendors(sc: Scan) -> bool:
    """The headline is a plan or rumour, someone else's campaign, suit or complaint, a
    study, or people news (a new chief): no act of the vendor itself."""
    hedges = ("speculation", "hearsay", "campaign", "inquiry", "people", "shareholder")
    if any(
        h.label in hedges and sc.in_title(h.start) and not announced(sc, h) for h in sc.non_policy
    ):
        return True
    return any(h.label == "study" for h in sc.non_policy)  # research about vendors


def retrospective(sc: Scan) -> bool:
    """The headline looks back on an earlier act ("What became of X's moratorium?", "…
    a tre anni di distanza", "After November's approval, …"): no new decision."""
    return any(h.label == "retrospective" and sc.in_title(h.start) for h in sc.non_policy)


def shareholder_vote(sc: Scan) -> bool:
    """The headline tells a shareholders' vote on a proposal about the company ("X
    holders vote down a review", "Aktionäre lehnen … ab", "… resolution fails at X's
    AGM"): the owners' act; the company's own rules quoted there are no new change."""
    return any(h.label == "shareholder" and sc.in_title(h.start) and not in_fronted(sc, h.start)
               for h in sc.non_policy)  # fmt: skip


def vendor_item(sc: Scan) -> bool:
    """With no policy act and no authority acting, a headline naming a vendor is that
    vendor's own news (a launch, a deal, a change the cue lists miss): its actor is the
    vendor, unless the headline reports a plan or rumour of what it may do, someone
    else's campaign, suit or critique aimed at it, or a study of it."""
    titled = [v for v in sc.vendors if sc.in_title(v.start)]
    if not titled and len(sc.sentences) > 1:  # "Google confirmed that …" opens the summary
        lo, hi = sc.sentences[1]
        first = len(sc.text[lo:hi]) - len(sc.text[lo:hi].lstrip())
        titled = [v for v in sc.vendors if v.start == lo + first]
    if not titled:
        return False
    if not_the_vendors(sc) or NOT_THE_COMPANY.match(sc.text, titled[0].end):
        return False
    # "Researchers/critics/the ACLU … Clearview": another actor leads the headline
    return not any(h.label == "other" and h.start < titled[0].start for h in sc.entities)
