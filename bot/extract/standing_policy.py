"""A policy told as standing or going on, not as a new decision.

- **Restatement**: a vendor reaffirms or clarifies a policy, or someone questions its
  scope: no new decision (relevant=False, actor none, signal "restatement"); said
  outright ("nothing has changed", "no new decision", "the same policy", "stands as it
  was"), it is no change with or without the vendor's timeline, unless the item moves
  the stop's end (an extension) or tells money paid.
- **Continuation**: a stop told as going on ("still", "stays", "another year", "past
  its deadline"): signal "continuation"; history makes it an extension of the vendor's
  standing moratorium, or a restatement of its standing ban. A return negated or
  deferred, more time added to a pause, a pause told anew, a stop told as still
  standing beside a deal.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act
from bot.extract.framing import labelled
from bot.extract.resources import resources
from bot.extract.scan import Scan, in_fronted


def restated(sc: Scan, acts: list[Act]) -> bool:
    """The item restates or questions a policy: a restatement word in the title or in the
    sentence of the strongest act."""
    marks = labelled(sc, "restatement")
    if not marks:
        return False
    if any(sc.in_title(h.start) for h in marks):
        return True
    if not acts:
        return True
    best = max(acts, key=lambda a: a.weight)
    lo, hi = sc.sentences[best.sentence]
    return any(lo <= h.start < hi for h in marks)


def nothing_new(sc: Scan, acts: list[Act]) -> bool:
    """The item says outright that nothing is new ("nothing has changed", "no new
    decision", "the same policy", "is what it was"): in the headline, in a sentence of
    one of the acts, or anywhere when the headline holds no act. A policy restated so is
    no change, with or without the vendor's timeline; unless the item moves the stop's
    term ("no longer ends in May", "another six months"): that is an extension."""
    # (a launch or restatement cue may hold the same words: "announced nothing new",
    # "nothing has changed"; within one cue class the leftmost-longest match keeps them)
    marks = [h for h in sc.non_policy
             if (h.label == "no_news"
                 or (h.label in ("restatement", "launch") and _NOTHING.search(sc.text, h.start, h.end)))
             and not _ELSEWHERE.search(sc.text, max(0, h.start - 30), h.start)]  # fmt: skip
    if not marks or _moves_term(sc) or labelled(sc, "payment"):
        # (money paid over past conduct is the news there: "the app stays as it is")
        return False
    if any(sc.in_title(h.start) for h in marks):
        return True
    spans = [sc.sentences[a.sentence] for a in acts]
    if any(lo <= h.start < hi for h in marks for lo, hi in spans):
        return True
    return not any(sc.in_title(a.start) for a in acts)


# the words that deny anything is new, inside a launch or restatement cue
_NOTHING = compiled.compile(
    r"(?i)\b(?:nothing|no new|rien|nichts|nada|nulla|niente|ningun\w*|nenhum\w*)\b"
)
# "elsewhere nothing changes": the rest of the market is untouched, the change is real
_ELSEWHERE = compiled.compile(
    r"(?i)\b(?:elsewhere|everywhere else|for (?:the )?(?:others|rest|everyone else)|other users|"
    r"ailleurs|pour les autres|partout ailleurs|sonst|anderswo|überall sonst|für (?:alle )?anderen|"
    r"en (?:el )?resto|en otros|para los demás|altrove|per (?:gli )?altri|nos demais|"
    r"para os demais|no resto)\b[\s,;:]*$"
)
# A continuation that moves a stop's end (six languages): a new or no end date, more
# time, past the old term, not lifted as planned
_TERM = compiled.compile(
    r"(?i)sunset|end date|expir|lapse|lift|longer|another|beyond|past |outl|indefinite|"
    r"open-ended|prolong|fin\b|échéance|levée|au-delà|länger|Ende|verlänger|aufgehoben|"
    r"über|fecha|más allá|prorrog|levanta|scad|oltre|proroga|revoca|além|prorroga|acabar"
)


def _moves_term(sc: Scan) -> bool:
    return any(_TERM.search(sc.text, h.start, h.end) for h in labelled(sc, "continuation"))


def continued(sc: Scan, acts: list[Act]) -> bool:
    """The item tells its stop as going on (a continuation word: "still", "stays",
    "beyond its deadline", "another year"): in the title, or in the sentence of one of
    the vendor's acts outside a background clause."""
    marks = labelled(sc, "continuation")
    if any(sc.in_title(h.start) for h in marks):
        return True
    spans = [sc.sentences[a.sentence] for a in acts if not a.background]
    return any(lo <= h.start < hi for h in marks for lo, hi in spans)


def deferred(sc: Scan, acts: list[Act]) -> bool:
    """A return the item negates or defers ("won't resume", "delays lifting its halt"): a
    reversal act inside a continuation hit."""
    marks = labelled(sc, "continuation")
    return any(h.start <= a.start < h.end for a in acts if a.action == "reversal" for h in marks)


def prolongs(sc: Scan) -> bool:
    """A launch-type headline ("adds", "gives") whose object is more time for a pause:
    a continuation in the title that also names the pause."""
    title = sc.text[: sc.title_end]
    marks = [h for h in labelled(sc, "continuation") if sc.in_title(h.start)]
    return bool(marks) and resources().pause_noun.search(title) is not None


_PAUSE_LABELS = frozenset({"pause", "moratorium"})


def pauses_anew(sc: Scan, acts: list[Act]) -> bool:
    """The item reports a pause as a new act: a pause verb ("halts", "met en pause",
    "setzt … aus") outside background, not a pause noun ("its freeze") told as going on."""
    for a in acts:
        paused = a.label in _PAUSE_LABELS or (
            a.label == "stop_supply" and resources().pause_verb.match(sc.text, a.start) is not None
        )
        if not paused or a.background or a.subordinate:
            continue
        if resources().pause_noun_before.search(sc.text, max(0, a.start - 40), a.start) is None:
            return True
    return False


# (a continuation word, "still turns away police", is left to history: a deal with other
# customers stays a deployment that history reads against the stop's own customers)
_STANDING = frozenset({"restatement", "no_news"})
_STOP_ACTIONS = frozenset({"ban", "moratorium", "extension", "exit", "shutdown"})


def stop_told_standing(sc: Scan, acts: list[Act]) -> bool:
    """One of the vendor's stops is told as still standing: a restatement word
    ("reminds", "reiterates", "nothing changed") in the stop's own sentence, outside
    a fronted adverbial and not in the pluperfect (a stop told as the past is background
    a return may undo)."""
    marks = [h for h in sc.non_policy if h.label in _STANDING]
    for a in acts:
        if a.actor != "vendor" or a.action not in _STOP_ACTIONS or a.background:
            continue
        if any(c.label == "background" and 0 <= a.start - c.end <= 14 for c in sc.cancel):
            continue
        lo, hi = sc.sentences[a.sentence]
        if any(lo <= h.start < hi and not in_fronted(sc, h.start) for h in marks):
            return True
    return False
