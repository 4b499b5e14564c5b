"""How the whole item frames its acts. Each reading reads the scan, never one phrase:

- **Settlement** (``settlement``): terms, an agreement, deal or accord that close or
  resolve a case make the obligations it states the vendor's ``settlement``; with an
  authority on the other side, the item is that authority's action.
- **Enforcement** (``platforms``): a platform cutting another company off is no FR
  policy change.
- **Restatement and continuation** (``standing_policy``): a policy reaffirmed, said
  outright to be unchanged, or told as going on.
- **Speculation and the headline's own frame** (``headline_frame``): a plan, rumour or
  question governing the headline's acts; someone else's campaign or study; a look
  back; a shareholders' vote; a vendor's headline with no act found.
- **Deployment** (``deployment_frame``): a launch, deal, trial, rollout or expansion with
  no policy act in a main clause, or a return after the vendor's own earlier stop; a
  store chain ending its own use.

This module keeps what those readings share: the scan's hits by label, a negated launch
word, a restriction that vets who gets access, and an act whose object is another
technology than face recognition.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act, clause
from bot.extract.scan import Hit, Scan, between


def labelled(sc: Scan, label: str) -> list[Hit]:
    return [h for h in sc.non_policy if h.label == label]


def other_technology(sc: Scan, acts: list[Act]) -> bool:
    """The strongest act's object is a capability other than face recognition (number
    plates, fingerprints, voice) and its clause names no FR term after the cue: the
    vendor's policy, but no FR one ("X drops plate reading from its car parks")."""
    others = labelled(sc, "other_tech")
    if not others or not acts:
        return False
    best = max(acts, key=lambda a: a.weight)
    lo, hi = clause(sc, best.start)
    if not any(best.start <= h.start < min(hi, best.end + 50) for h in others):
        return False
    before = between(sc.fr, lo, best.start)
    if before and _PASSIVE_GAP.match(sc.text, before[-1].end, best.start):
        return False  # "Pellmark, its photo-matching service, is to be phased out": FR's
    return not between(sc.fr, best.start, hi)


# An FR term as the passive subject of the cue after it ("… engine, will be wound down")
_PASSIVE_GAP = compiled.compile(
    r"(?i)[\w\s,'-]{0,40}?\b(?:will be|is being|is|are|was|were|has been|have been|gets?|"
    r"wird|werden|wurde|sera|est|será|es|sarà|è|será|é)\s+(?:\w+\s+)?$"
)


def negated(sc: Scan, h: Hit) -> bool:
    """A launch word under a negation ("won't extend its pause to …", "is not switched
    on"): nothing is launched."""
    return _NEGATED.search(sc.text, max(0, h.start - 30), h.start) is not None


# "won't", "doesn't": the contraction is glued to its verb (no word boundary before it)
_NEGATED = compiled.compile(r"(?i)(?:\b(?:not|never|no longer|without)|n't)\W+(?:\w+\W+){0,2}$")


# Access limited to vetted customers (not an opt-in setting or a withheld capability).
_VETTING = compiled.compile(
    r"(?i)\b(?:only|vet\w*|approv\w*|verified|selected?|limited|invit\w*|review\w*|appl(?:y|ies|ication))\b"
)


def vetting(sc: Scan, hit: Hit | Act) -> bool:
    """A restriction cue that gates who gets access ("only vetted media firms")."""
    return _VETTING.search(sc.text, hit.start, hit.end) is not None
