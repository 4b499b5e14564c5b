"""Vendor acts that are no act of the item's vendor, dropped before the vote: a gate beside
another act or a launch (it qualifies them), a gate the feature already had, a cue inside
an assurance that a face feature identifies no one, and an act noun a rival owns."""

from __future__ import annotations

from bot.extract import compiled, framing, gate_conditions
from bot.extract.acts import Act
from bot.extract.resources import resources
from bot.extract.scan import Scan, overlapping

# the act noun's owner is a rival: "rival's exit", "a competitor's halt" (before the cue)
_OWNER_BEFORE = compiled.compile(r"['’]s?\s*$")
# "the exit of a rival", "il ritiro di un concorrente", "der Ausstieg eines Konkurrenten"
_OWNER_AFTER = compiled.compile(
    r"(?i)\s+(?:of|de|des|du|d[''’]|di|del|della|dello|da|do|dum|duma|eines?|einer|von)\s*"
    r"(?:a|an|the|its|un|une|uno|una|um|uma|el|la|il|lo|o|a|ein\w*|seine\w*)?\s*$"
)


def rivals_acts_dropped(sc: Scan, acts: list[Act]) -> list[Act]:
    """A vendor cue whose act noun belongs to a rival ("after rival's exit", "nonostante il
    ritiro di un concorrente"): the rival's move, never the item's vendor's record."""
    rivals = [h for h in sc.non_policy if h.label == "rival"]
    if not rivals:
        return acts

    def owned_by_rival(a: Act) -> bool:
        for r in rivals:
            before = 0 <= a.start - r.end <= 3 and _OWNER_BEFORE.search(sc.text, r.end, a.start)
            after = 0 <= r.start - a.end <= 16 and _OWNER_AFTER.fullmatch(sc.text, a.end, r.start)
            if before or after:
                return True
        return False

    return [a for a in acts if a.actor != "vendor" or not owned_by_rival(a)]


# the assurance denies identifying ("cannot identify anyone", "sem identificar")
_DENIES = compiled.compile(
    r"(?i)\b(?:not|n't|cannot|can't|never|without|no|sans|ne|n'|ohne|nicht|keine|niemanden|"
    r"sin|senza|sem|non|não)\b|n't"
)


def assurances_dropped(sc: Scan, acts: list[Act]) -> list[Act]:
    """A vendor cue inside an assurance that a face feature identifies no one ("the
    system cannot identify anyone", "sem identificar o usuário": cues.yaml
    ``framing.no_identity``) describes what the feature is, not a capability taken away."""
    marks = [
        h for h in sc.non_policy
        if h.label == "no_identity" and _DENIES.search(sc.text, h.start, h.end)
    ]  # fmt: skip
    if not marks:
        return acts  # (an age estimate named as such may be what is retired)
    kept = [a for a in acts if a.actor != "vendor" or not overlapping(marks, a.start, a.end)]
    if len(kept) < len(acts):
        sc.held_back.add("assurance")
    return kept


def gates_alone(sc: Scan, acts: list[Act]) -> list[Act]:
    """A gate (use behind consent, an approval, a review) is the news only on its own:
    beside another act it qualifies that act ("returns, but only with opt-in"), and in
    an item that launches something it gates the launch ("arrives for users who opt
    in"), which history may still make a return."""
    if not any(a.label == "gate" for a in acts):
        return acts
    kept = [a for a in acts if a.label != "gate" or not _carried_over(sc, a)]
    if len(kept) < len(acts):
        sc.held_back.add("carried_over")
    acts = kept
    others = any(a.label != "gate" and a.actor == "vendor" for a in acts)
    launched = any(
        h.label == "launch"
        and not framing.negated(sc, h)
        and not gate_conditions.conditioned(sc, h)
        for h in sc.non_policy
    )  # "switched on only after a review": the gate's condition, no launch
    return [a for a in acts if a.label != "gate"] if others or launched else acts


def _carried_over(sc: Scan, gate: Act) -> bool:
    """The gate is the one the feature already had ("reaches Canada with the same
    opt-in rule"): nothing new is restricted."""
    s_start, _ = sc.sentences[gate.sentence]
    return (
        resources().same_word.search(sc.text, max(s_start, gate.start - 60), gate.start) is not None
    )
