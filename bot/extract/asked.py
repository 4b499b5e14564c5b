"""A headline that asks instead of telling: no decision of the vendor's.

- **A yes/no question** ("Will X stop …?", "Verlässt X …?", "¿Dejará X …?", "X
  va-t-il …?", "X tornerà …?"): a title segment ending in "?" that opens with no
  interrogative word (``bot/data/common_words/question_words.yaml``) asks whether the
  vendor will act. The acts told inside it are what may happen, unless the act is a
  noun after its owner ("Is X's freeze enough?": commentary on a change made). A
  wh-question ("Why did X quit …?") asks about a change made and is left alone.
- **Someone else asks**: a headline whose acts come after another party's question,
  letter or demand to the company (cues.yaml ``framing.inquiry``: "A mayor writes
  to X about …", "Abgeordnete fragt X, …", "un député interroge X sur …") or after a
  campaign or petition being launched ("Collective launches a campaign against …"):
  the acts are what is asked about or asked for.

Either way the item is no vendor change when the summary tells no act of the vendor's
own outside what is asked (a summary sentence that holds an ask, a campaign or a
restatement word); a summary that reports the decision keeps it.
"""

from __future__ import annotations

from bot.extract import compiled
from bot.extract.acts import Act
from bot.extract.lexicon import normalise, question_words
from bot.extract.scan import Hit, Scan, in_fronted

# a title segment: from the title's start or a break (": ", "; ", " – ", " | ", ". ")
_SEGMENT = compiled.compile(r"[^:;|–—.!?]*\?")
_FIRST_WORD = compiled.compile(r"[\s¿¡\"'«“‘(]*([\w'-]+)")
# a noun act after its owner: "X's freeze", "its pause", "sa pause", "seine Pause"
_OWNED = compiled.compile(
    r"(?i)(?:'s|s'|\b(?:its|their|his|her|sa|son|ses|leur|leurs|seine?[mnrs]?|ihre?[mnrs]?|"
    r"su|sus|seu|seus|sua|suas|suo|sue|suoi))\s+(?:[\w-]+\s+){0,2}$"
)
# what others ask, demand or campaign for (the marks an ask is told by)
_ASK_LABELS = frozenset({"inquiry"})
_CAMPAIGN_LABELS = frozenset({"campaign", "inquiry", "restatement"})
# a break between a mark and an act: the act belongs to another part of the headline
_BREAK = compiled.compile(r"[:;|–—]|\s-\s")


def _wh(word: str, lang: str) -> bool:
    table = question_words()
    folded = normalise(word)
    if folded in table.get(lang, frozenset()):
        return True
    # the item's language may be guessed wrong on a short headline: any language's
    # interrogative opens a wh-question
    return any(folded in words for words in table.values())


def polar_questions(sc: Scan) -> list[tuple[int, int]]:
    """The title's yes/no questions: segments ending in "?" whose first word is no
    interrogative word."""
    spans: list[tuple[int, int]] = []
    if sc.text.find("?", 0, sc.title_end) < 0:
        return spans  # (a segment ends in "?")
    for m in _SEGMENT.finditer(sc.text, 0, sc.title_end):
        # a fronted adverbial first ("After the sale, what is left of X?"): the question
        # opens after it
        opens = max((hi for lo, hi in sc.fronted if lo == m.start() and hi < m.end()),
                    default=m.start())  # fmt: skip
        first = _FIRST_WORD.match(sc.text, opens + 1 if opens > m.start() else opens, m.end())
        if first is None or _wh(first.group(1), sc.lang):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _summary_tells(sc: Scan, acts: list[Act], marks: tuple[str, ...] = ()) -> bool:
    """A vendor act outside the title and outside background, in a sentence with none
    of the ``marks`` labels: the summary reports a decision of its own."""
    for a in acts:
        if sc.in_title(a.start) or a.background or a.subordinate:
            continue
        lo, hi = sc.sentences[a.sentence]
        if marks and any(h.label in marks and lo <= h.start < hi for h in sc.non_policy):
            continue
        if marks and any(h.label == "call" and lo <= h.start < hi for h in sc.cancel):
            continue
        return True
    return False


def question_only(sc: Scan, acts: list[Act]) -> bool:
    """The headline asks whether the vendor will act (a yes/no question holding every
    act of the title, none of them a noun after its owner) and the summary tells no act
    of its own: a rumour or a question, no decision."""
    spans = polar_questions(sc)
    if not spans:
        return False
    title = [a for a in acts if sc.in_title(a.start)]
    for a in title:
        inside = next(((lo, hi) for lo, hi in spans if lo <= a.start < hi), None)
        if inside is None or _OWNED.search(sc.text, inside[0], a.start):
            return False
    if not title and not any(
        v.start < sc.title_end and any(lo <= v.start < hi for lo, hi in spans) for v in sc.vendors
    ):
        return False  # a question about something else ("¿Fin de la pelea?")
    return not _summary_tells(sc, acts)


def _launched_campaign(sc: Scan, h: Hit) -> bool:
    """A campaign or petition right after a launch word: "lance une campagne",
    "launches a petition", "startet eine Kampagne"."""
    return any(
        launch.label == "launch" and 0 <= h.start - launch.end <= 12 for launch in sc.non_policy
    )


def others_ask(sc: Scan, acts: list[Act]) -> bool:
    """The headline tells someone else asking the company about its policy, or a
    campaign launched, and every act of the title comes after that ask in the same part
    of the headline; the summary's acts are all inside what is asked."""
    marks = [
        h for h in sc.non_policy
        if sc.in_title(h.start) and not in_fronted(sc, h.start)
        and (h.label in _ASK_LABELS or (h.label == "campaign" and _launched_campaign(sc, h)))
    ]  # fmt: skip
    if not marks:
        return False
    first = min(h.start for h in marks)
    opener = next(h for h in marks if h.start == first)
    if opener.label in _ASK_LABELS and not _addressed(sc, acts, opener):
        return False
    for a in acts:
        if not sc.in_title(a.start):
            continue
        if a.start < first or _BREAK.search(sc.text, first, a.start):
            return False
    return not _summary_tells(sc, acts, tuple(_CAMPAIGN_LABELS))


def _addressed(sc: Scan, acts: list[Act], ask: Hit) -> bool:
    """The ask is put to the company whose acts the item tells: its name stands inside
    the ask ("asks X which …") or right after it ("writes to X", "interroge X"). A
    letter to someone else ("In a letter to lawmakers, X stops …", "X writes to its
    police customers") is no one asking the company."""
    acting = {a.vendor for a in acts}
    for v in sc.vendors:
        if acting and v.vendor not in acting:
            continue
        if ask.start <= v.start < ask.end or _ADDRESSEE_GAP.fullmatch(sc.text, ask.end, v.start):
            return True
    return False


# what may stand between an ask and the company it is put to: an article, a space
_ADDRESSEE_GAP = compiled.compile(
    r"(?i)\s*(?:(?:the|la|le|les|el|il|lo|a|à|ao|à|da|do|die|der|das|den|dem)\s+|l')?"
)


def asks(sc: Scan, acts: list[Act]) -> bool:
    """Either reading: the item tells a question or an ask, no vendor decision."""
    return question_only(sc, acts) or others_ask(sc, acts)
