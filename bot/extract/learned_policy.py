"""The learned second opinion's policy (bot.extract.learned): which cases the rules
leave open to the model (``asks``, ``open_case``, ``deal_vendor``; never where a
hard-negative family fired, ``hard_negative``, or the rules held a cue back for a
reason or the headline asks, denies or hedges, ``guarded``), and what the model's
probabilities make of the rules' finding under the thresholds chosen by grouped
cross-validation (``decide``; ``revise`` asks the model only for what a case needs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from bot.extract.acts import AUTHORITIES
from bot.extract.scan import Scan
from bot.models import Finding

# A deployment, a restatement or a continuation (something told as going on: "still",
# "keeps selling") is news only against the vendor's timeline, which the event store's
# history reads (bot.extract.history): not the model's call.
LEFT_TO_HISTORY = ("deployment", "restatement", "continuation", "continuation_fresh")


# Hard-negative families of the rules (bot/data/cues.yaml): a launch, a study, a suit
# filed or a campaign, a plan or rumour, a platform's enforcement, a payment over past
# conduct, a restatement, a shareholders' vote. The model never opens an item where
# one fired, wherever in the item.
HARD_NEGATIVES = frozenset({
    "launch", "study", "campaign", "inquiry", "speculation", "hearsay", "platform",
    "platform_actor",
    "enforcement", "payment", "restatement", "no_news", "shareholder",
})  # fmt: skip


# A deal or deployment is what a vendor-deal relabel reads (never opened by the
# model: only the vendor's timeline can make it news), so ``launch`` does not block it.
DEAL_BLOCKERS = HARD_NEGATIVES - {"launch"}


def hard_negative(sc: Scan, families: frozenset[str] = HARD_NEGATIVES) -> bool:
    return any(h.label in families for h in sc.non_policy)


# Why the rules held back a policy cue they found, when the reason says the item is not
# the vendor's own FR change (``Scan.held_back``, set by bot.extract.classify and
# bot.extract.acts): someone else's act on the vendor (an authority directing it, a
# platform cutting it off, money paid over past conduct); a user of FR ending or trying
# its own cameras; the cue's object is another technology or a unit that is not FR; a
# gate the feature already had; a cue governed by a call, a hedge, a denial or a
# pluperfect. (Negation, conditions and inert data handling are mixed in the labelled
# items, so they are not listed: docs/extraction-model.md.)
HELD_BACK = frozenset({
    "directed", "platform", "paid", "speculation", "shareholder",
    "fr_user", "restatement",
    "other_technology", "other_unit",
    "carried_over", "assurance",
    "call", "hypothetical", "denial", "background",
})  # fmt: skip
# A headline that asks, denies or hedges ("Will X …?", "X denies …", "X may …"): the
# rules' markers, read in the title whether or not a policy cue is there.
HEADLINE_HEDGES = frozenset({"question", "denial", "hypothetical"})


def guarded(sc: Scan) -> bool:
    """The rules left the item dropped for a reason the model may not overrule: a cue
    held back for a reason in ``HELD_BACK``, or a headline that asks, denies or hedges."""
    return bool(sc.held_back & HELD_BACK) or any(
        h.label in HEADLINE_HEDGES for h in sc.headline_marks
    )


def open_case(sc: Scan, found: Finding) -> bool:
    """The rules dropped an item with some FR signal (an FR term or a vendor name)
    that names a vendor, and no hard-negative family fired: the model may open it as
    that vendor's change."""
    return (
        not found.relevant
        and found.actor_type not in AUTHORITIES
        and found.vendor is not None
        and found.signal not in LEFT_TO_HISTORY
        and bool(sc.fr or sc.vendors)
        and not hard_negative(sc)
        and not guarded(sc)
    )


def deal_vendor(sc: Scan, found: Finding) -> str | None:
    """The vendor of an item the rules read as an authority's act that names an FR
    vendor (a police force buying a vendor's system may be that vendor's news: its
    timeline decides, bot.events.history), when no hard-negative family fired and the
    rules saw no policy act in it (a purchase, not a halt or an order to stop)."""
    if found.relevant or found.actor_type not in AUTHORITIES or hard_negative(sc, DEAL_BLOCKERS):
        return None
    if sc.actions:  # a halt, stop or ban ("Mayor halts X's contract", "X was ordered to
        return None  # stop selling …"): the authority's own act, or its act on the vendor
    if found.vendor:
        return found.vendor
    return next((v.vendor for v in sc.vendors), None)


def _top(probs: dict[str, float]) -> str:
    return max(sorted(probs), key=lambda k: probs[k])


def decide(
    thresholds: dict[str, float],
    found: Finding,
    p_relevant: float,
    actions: dict[str, float],
    published: date | None,
    actors: dict[str, float] | None = None,
    deal: str | None = None,
) -> Finding:
    """The finding after the second opinion (``found`` itself when nothing changes):
    ``p_relevant``, ``actions`` and ``actors`` are the model's probabilities for the
    item (``actions`` may be empty when ``p_relevant`` opens nothing). Thresholds:
    ``relevant`` opens a dropped vendor item, ``actor`` replaces the actor type of a
    dropped item the rules gave no authority, ``action`` (below ``weak_confidence``)
    replaces a weak finding's action, ``vendor_deal`` makes an authority's act naming
    the vendor ``deal`` that vendor's deployment (for its timeline to read); a
    threshold above 1 turns its part off."""
    if found.relevant:
        if found.confidence >= thresholds["weak_confidence"]:
            return found
        if actors:
            actor = _top(actors)
            if actor in AUTHORITIES and actors[actor] >= thresholds.get("demote", 1.01):
                return replace(found, relevant=False, actor_type=actor, action=None, signal=None)
        if p_relevant < thresholds.get("drop", 0.0):
            return replace(found, relevant=False, action=None, signal=None)
        if not actions:
            return found
        action = _top(actions)
        if action != found.action and actions[action] >= thresholds["action"]:
            return replace(found, action=action)
        return found
    if found.actor_type in AUTHORITIES:
        if deal is None or not actors:
            return found
        sure = actors.get("vendor", 0.0) >= thresholds.get("vendor_deal", 1.01)
        return (
            replace(found, actor_type="vendor", vendor=deal, signal="deployment") if sure else found
        )
    if found.vendor is not None and p_relevant >= thresholds["relevant"] and actions:
        return replace(
            found,
            relevant=True,
            actor_type="vendor",
            action=_top(actions),
            region=found.region or "global",
            effective=found.effective or published,
            confidence=round(min(p_relevant, 0.6), 3),
        )
    if actors:
        actor = _top(actors)
        if actor != found.actor_type and actors[actor] >= thresholds.get("actor", 1.01):
            return replace(found, actor_type=actor)
    return found


def asks(sc: Scan, found: Finding, thresholds: dict[str, float]) -> bool:
    """Whether the rules leave this case open to the second opinion."""
    if found.relevant:
        return found.confidence < thresholds["weak_confidence"]
    if found.actor_type in AUTHORITIES:
        return thresholds.get("vendor_deal", 1.01) <= 1.0 and deal_vendor(sc, found) is not None
    if guarded(sc):  # neither opened nor given another actor type
        return False
    return open_case(sc, found) or thresholds.get("actor", 1.01) <= 1.0


def revise(
    thresholds: dict[str, float],
    sc: Scan,
    found: Finding,
    published: date | None,
    relevance: Callable[[], float],
    actions: Callable[[], dict[str, float]],
    actors: Callable[[], dict[str, float]],
) -> Finding:
    """``decide`` for a case ``asks`` admits, asking the model only for what the case
    needs (P(relevant) of an open case; actions of a weak or opened finding; actor
    types of an item left dropped): the same path at run time and in measurement."""
    if found.relevant:
        demote = thresholds.get("demote", 1.01) <= 1.0
        # never dropped where a hard-negative family fired: the rules weighed that cue
        # in its clause and kept the change ("a refusal that also covers the app store"),
        # the model reads the same cue without the clause
        droppable = thresholds.get("drop", 0.0) > 0.0 and not hard_negative(sc)
        p_relevant = relevance() if droppable else 1.0
        return decide(
            thresholds, found, p_relevant, actions(), published, actors() if demote else None
        )
    if found.actor_type in AUTHORITIES:
        return decide(thresholds, found, 0.0, {}, published, actors(), deal_vendor(sc, found))
    p_relevant = relevance() if open_case(sc, found) else 0.0
    if p_relevant >= thresholds["relevant"]:
        return decide(thresholds, found, p_relevant, actions(), published)
    return decide(thresholds, found, p_relevant, {}, published, actors())
