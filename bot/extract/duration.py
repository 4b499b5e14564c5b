"""How long a vendor's refusal lasts: a stated term makes it a pause (moratorium), a
condition on a law makes it a ban, and an extension cue that only says "no end date"
is the length of a new refusal, not a prolonged one."""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act
from bot.extract.gate import gated
from bot.extract.resources import resources
from bot.extract.scan import Scan, between, in_fronted

_DURATION_ONLY = compiled.compile(
    r"(?i)(?:no (?:set |fixed )?(?:end|expiry|expiration) date|no end in sight|"
    r"sin fecha de (?:fin|término|finalización)|sans (?:date de (?:fin|levée)|échéance)|"
    r"kein(?:e|en)? (?:festes )?Enddatum|(?:nessuna|senza) (?:una )?data di (?:fine|scadenza)|"
    r"senza termine|sem data (?:para|de) (?:acabar|fim|término))"
)
_PAUSE_NOUN = compiled.compile(
    r"(?i)\b(?:paus\w*|moratori\w*|moratoire|freez\w*|froze\w*|halt\w*|suspen\w*|on hold|"
    r"embargo|gel|congel\w*|sospe\w*|suspens\w*|stopp?|Aussetzung|Verkaufsstopp)\b"
)


def no_end_only(sc: Scan, chosen: list[Act]) -> bool:
    """Every extension cue only states that there is no end date, and the item names no
    pause, freeze or halt that could be prolonged: the length of a new refusal."""
    ext = [a for a in chosen if a.action == "extension"]
    if not all(_DURATION_ONLY.fullmatch(sc.text[a.start : a.end]) for a in ext):
        return False
    return _PAUSE_NOUN.search(sc.text) is None


def temporal(sc: Scan, chosen: list[Act], action: str) -> str:
    """A refusal "until <condition>" is a ban; "at this time" or "for a year" a moratorium,
    and a stated term wins over a condition ("for two years, until lawmakers act").
    Stopping sales "temporarily" or "for now" is a moratorium, not an exit."""
    stopped = action == "exit" and all(
        a.label == "stop_supply" for a in chosen if a.action == "exit"
    )
    if action not in ("ban", "moratorium") and not stopped:
        return action
    acting = [a for a in chosen if a.action == action] if stopped else chosen
    labels: set[str] = set()
    timed = False
    for i in {a.sentence for a in acting}:
        s_start, s_end = sc.sentences[i]
        # (a span inside a fronted adverbial dates the background: "Two years after X's
        # pause, Y …" gives Y's refusal no term)
        hits = [h for h in between(sc.temporal, s_start, s_end) if not in_fronted(sc, h.start)]
        labels |= {h.label for h in hits}
        timed = timed or any(h.label == "temporary" and gated(resources().stated_term).search(sc.text, h.start, h.end)
                             for h in hits)  # fmt: skip
    if stopped:
        return "moratorium" if "temporary" in labels and "conditional" not in labels else action
    if timed:  # a stated term ("for two years") is a pause, whatever it also waits for
        return "moratorium"
    if "conditional" in labels or law_condition(sc):
        return "ban"
    if "temporary" in labels:
        return "moratorium"
    return action


_LAW = compiled.compile(
    r"(?i)\b(?:law|laws|legislation|rules|regulations?|bill|congress|lawmakers|ley|leyes|normas|"
    r"Gesetz\w*|Bundesgesetz|loi|lois|legge|leggi|lei|leis)\b"
)


def law_condition(sc: Scan) -> bool:
    """A condition on a law anywhere in the item ("solange kein Gesetz …", "until
    Congress acts"): the refusal waits for rules, it is no timed pause."""
    return any(h.label == "conditional" and _LAW.search(sc.text, h.start, h.end + 60)
               for h in sc.temporal)  # fmt: skip
