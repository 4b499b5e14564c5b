"""A decision told as hearsay, or the vendor's own announcement in indirect speech.

The conditional of reported speech marks a rumour ("Saíra estaria sondando …",
"envisagerait", "avrebbe deciso"): cues.yaml ``framing.hearsay`` and the ``hypothetical``
cancel words. The same mood is also the future of an announcement reported in indirect
speech ("a annoncé qu'elle suspendrait ses ventes", "ha annunciato che avrebbe
sospeso"): after the vendor's own announcing verb and "que/che/que", it is the vendor's
decision (``framing.announced``), not hearsay.
"""

from __future__ import annotations

from bot.extract.scan import Hit, Scan

# how far before the conditional an announcing verb + "que" may end (a few words)
ANNOUNCED_WINDOW = 60


def announced_before(sc: Scan, hit: Hit) -> bool:
    """``hit`` (a conditional form) follows the vendor's own announcing verb and its
    "que/che" in the same sentence: the future of an announcement, not hearsay."""
    sentence = sc.sentence_of(hit.start)
    return any(
        h.label == "announced"
        and h.end <= hit.start
        and hit.start - h.end <= ANNOUNCED_WINDOW
        and sc.sentence_of(h.start) == sentence
        for h in sc.non_policy
    )
