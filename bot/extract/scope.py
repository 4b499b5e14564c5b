"""Who a vendor's change applies to (``Finding.applies_to``).

Rules, in order:

1. An exit from stakes or investments (the object of an exit cue is an
   investment) has no customer group: None.
2. A settlement's terms: the first group after a settlement cue in its sentence,
   else after a later refusal, ban or restriction cue (any actor: "is barred from").
   Else the customer group named with the cues of the decided action: the first group
   after the cue in its clause ("stops selling to police"), else one before it in
   the clause ("police use ... is paused"). Coordinated groups take the broadest
   ("police or governments" → government); an example names the group ("federal
   agencies like ICE" → law_enforcement). Cues in the title weigh double, so the
   title's group wins a disagreement with the summary.
3. Exits, shutdowns and reversals with no group named with them concern everyone
   (leaving a market, switching a consumer feature off, bringing it back), or
   police when a police product is named with them (body cameras).
4. Else a group named with the vendor's other cues of the change, else one named
   elsewhere in the sentence of a cue (title first).
5. Else a police product named with the cues (body cameras): police.
6. Else the vendor's one customer group from the gazetteer (``customers:``).
7. Else everyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.extract.acts import Act, clause
from bot.extract.scan import Hit, Scan

CUSTOMER_GROUPS = ("police", "law_enforcement", "government", "private_companies", "everyone")
BROADER = {"police": 0, "law_enforcement": 1, "government": 2}
HINT = "police_equipment"
GROUP_REACH = 50
MARKET_LEVEL = frozenset({"exit", "shutdown", "reversal"})
_TERMS = frozenset({"ban", "refusal", "stop_supply", "restriction", "customer_loss"})
_COORDINATE = frozenset({"or", "and", "nor", ",", "ou", "et", "oder", "und", "o", "y", "/"})
_OPENERS = frozenset(
    [
        "after",
        "following",
        "despite",
        "amid",
        "as",
        "while",
        "when",
        "because",
        "since",
        "although",
        "though",
        "if",
        "unless",
        "once",
        "before",
        "with",
        "without",
        "under",
        "in",
        "après",
        "malgré",
        "nach",
        "trotz",
        "tras",
        "pese",
    ]
)
_EXAMPLE = frozenset({"like", "such as", "including", "comme", "wie", "como"})


def applies_to(sc: Scan, chosen: list[Act], action: str, customers: str | None) -> str | None:
    """The customer group of the change made by the acts ``chosen`` (see the module doc)."""
    if action == "exit" and any(_investment(sc, a) for a in chosen if a.action == "exit"):
        return None
    decided = [a for a in chosen if a.action == action]
    named = settlement_terms(sc, decided) if action == "settlement" else None
    named = named or _vote(sc, decided)
    if named:
        return named
    if action in MARKET_LEVEL:
        police_product = any(_group_of(sc, a, hints=True) == HINT for a in decided)
        return "police" if police_product else "everyone"
    others = [a for a in chosen if a.action != action]
    named = _vote(sc, others)
    if named:
        return named
    for act in sorted(decided, key=lambda a: -a.weight):
        named_here = _in_sentence(sc, act)
        if named_here:
            return named_here
    if any(_group_of(sc, a, hints=True) == HINT for a in chosen):
        return "police"
    return customers or "everyone"


def settlement_terms(sc: Scan, decided: list[Act]) -> str | None:
    """A settlement's terms follow it in its sentence, often in a passive clause the
    vendor does not act in ("agrees to settle and is barred from selling to ...")."""
    for act in sorted(decided, key=lambda a: (-a.weight, a.start)):
        named = _groups_after(sc, act.end, sc.sentences[act.sentence][1])
        if named:
            return named
    first = min((a.start for a in decided), default=len(sc.text))
    for cue in sc.actions:  # "... is banned from selling to X" in a later sentence
        if cue.start > first and cue.label in _TERMS:
            named = _groups_after(sc, cue.end, sc.sentences[sc.sentence_of(cue.start)][1])
            if named:
                return named
    return None


def _groups_after(sc: Scan, lo: int, hi: int) -> str | None:
    after = [h for h in sc.groups if lo <= h.start < hi and h.label in CUSTOMER_GROUPS]
    return _broadest(_coordinated(sc, after)) if after else None


def _vote(sc: Scan, acts: Iterable[Act]) -> str | None:
    """The group with the most cue weight; a coordination that names the winner with a
    broader group ("police or governments") widens it."""
    votes: dict[str, float] = defaultdict(float)
    wider: dict[str, str] = {}
    for act in acts:
        named = _named_with(sc, act, hints=False)
        if not named:
            continue
        group = _broadest(named)
        votes[group] += act.weight
        for narrower in named:
            wider[narrower] = max(wider.get(narrower, narrower), group, key=_rank)
    if not votes:
        return None
    best = max(votes, key=lambda g: (votes[g], _rank(g)))
    return wider.get(best, best)


def _rank(group: str) -> int:
    return BROADER.get(group, -1)


def _investment(sc: Scan, act: Act) -> bool:
    lo, hi = clause(sc, act.start)
    return any(h.label == "investment" and lo <= h.start < hi for h in sc.objects)


def _group_of(sc: Scan, act: Act, hints: bool) -> str | None:
    named = _named_with(sc, act, hints)
    return _broadest(named) if named else None


def _named_with(sc: Scan, act: Act, hints: bool) -> list[str]:
    """The groups named with one cue (a coordinated list: "police or governments"):
    after it in its clause, else the nearest before it."""
    wanted = (*CUSTOMER_GROUPS, HINT) if hints else CUSTOMER_GROUPS
    groups = [h for h in sc.groups if h.label in wanted]
    if not groups:
        return []
    lo, hi = clause(sc, act.start)
    comma = sc.text.find(",", act.end, hi)
    reach = min(comma if comma >= 0 else hi, act.end + GROUP_REACH)
    first = next((i for i, h in enumerate(groups) if act.start <= h.start < reach), None)
    if first is not None:
        return _coordinated(sc, [h for h in groups[first:] if h.start < hi])
    lo = max(lo, _intro_end(sc, act))
    before = [h for h in groups if lo <= h.start < act.start]
    return [before[-1].label] if before else []


def _in_sentence(sc: Scan, act: Act) -> str | None:
    """The first group named anywhere in the cue's sentence (past an opening phrase)."""
    lo, hi = _intro_end(sc, act), sc.sentences[act.sentence][1]
    return next((h.label for h in sc.groups if lo <= h.start < hi and h.label != HINT), None)


def _intro_end(sc: Scan, act: Act) -> int:
    """End of a sentence-opening adverbial phrase ("After questions from officials, ...")."""
    s_start, _ = sc.sentences[act.sentence]
    first_word = sc.low[s_start : s_start + 12].split(" ", 1)[0]
    if first_word not in _OPENERS:
        return s_start
    comma = sc.text.find(",", s_start, act.start)
    return comma + 1 if comma >= 0 else s_start


def _coordinated(sc: Scan, hits: list[Hit]) -> list[str]:
    """The first group and those coordinated with it ("police or governments")."""
    named = [hits[0].label]
    for prev, nxt in zip(hits, hits[1:], strict=False):
        gap = sc.text[prev.end : nxt.start].strip().lower()
        if gap in _EXAMPLE and _rank(nxt.label) >= 0:  # "federal agencies like ICE"
            named[-1] = nxt.label
        elif gap not in _COORDINATE:
            break
        else:
            named.append(nxt.label)
    return named


def _broadest(named: list[str]) -> str:
    """The broadest of coordinated groups (the first one when none is broader)."""
    return max(named, key=lambda g: (_rank(g), -named.index(g)))
