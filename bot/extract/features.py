"""Features for the learned second opinion (bot.extract.learned), one pure function
used both to train the model (bot.extract.train) and at run time.

An item becomes a set of string features that generalise rather than memorise:

- ``w:`` lower-cased words of title + summary, with the names the rules found
  (vendors, products) replaced by ``<v>`` and digits folded to ``0`` (years and
  amounts are one token each); ``tw:`` the title's words again, apart;
- ``l:`` the language;
- ``r:`` what the rule extractor found: its relevance, actor type, action, signal and
  confidence band, whether it saw an FR term, a vendor, an FR-only vendor, and which
  cue families fired (action families, authorities, launch/enforcement framing …);
- ``c:`` hashed character 3–5-grams of those words (``char_features``), so that
  inflections and related words of other languages share features.

Nothing here learns a vendor's name: those spans are masked before tokenising.

(With ~1,000 labelled items, word bigrams and character n-grams lowered the relevance
model's out-of-fold average precision; with ~2,500 the character n-grams are measured
again, end to end, in docs/extraction-model.md.)
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from bot.extract import compiled
from bot.extract.scan import Scan
from bot.models import Finding

_WORD = compiled.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_DIGITS = compiled.compile(r"\d+")
VENDOR_TOKEN = "<v>"
_CONF_BANDS = (0.3, 0.45, 0.6, 0.75)
CHAR_SIZES = (3, 4, 5)  # character n-grams of each word, its ends marked
CHAR_BUCKETS = 1 << 18  # hashed: the weights file holds buckets, never the words


def _masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span replaced by one vendor token."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(" \x00 ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _names(found: Finding | None) -> list[str]:
    if found is None:
        return []
    return [n for n in (found.vendor, found.product) if n and len(n) > 2]


def _name_spans(low: str, names: list[str]) -> list[tuple[int, int]]:
    spans = []
    for name in names:
        for word in {name.lower(), name.lower().split()[0]}:
            if len(word) < 3:
                continue
            start = low.find(word)
            while start >= 0:
                spans.append((start, start + len(word)))
                start = low.find(word, start + len(word))
    return spans


def tokens(text: str) -> list[str]:
    """Lower-cased words of an already masked text; digit runs fold to '0'."""
    words = _WORD.findall(_DIGITS.sub("0", text.replace("\x00", " vvv ")).lower())
    return [VENDOR_TOKEN if word == "vvv" else word for word in words]


def word_features(words: Iterable[str], prefix: str = "") -> set[str]:
    return {f"{prefix}w:{word}" for word in words}


def char_features(words: Iterable[str]) -> set[str]:
    """Hashed character 3–5-grams of the words (``<word>``, ends marked), as ``c:``
    buckets: one stem shared by a verb's inflections, or by one root across languages
    ("suspend", "suspende", "sospende"), lands in the same buckets; crc32 keeps the
    hashing the same in every process."""
    buckets: set[str] = set()
    for word in set(words):
        if _has_buckets(word):
            buckets |= _word_buckets(word)
    return buckets


def _has_buckets(word: str) -> bool:
    return len(word) >= 3 and word != VENDOR_TOKEN and word != "0"


def _word_buckets(word: str) -> frozenset[str]:
    """The ``c:`` buckets of one word's n-grams."""
    marked = f"<{word}>"
    last = len(marked)
    crc = zlib.crc32
    return frozenset(
        f"c:{crc(marked[i : i + n].encode()) % CHAR_BUCKETS:x}"
        for n in CHAR_SIZES
        for i in range(last - n + 1)
    )


@lru_cache(maxsize=1 << 15)
def word_set(word: str) -> frozenset[str]:
    """One word's ``w:`` feature and its ``c:`` buckets (``word_features`` and
    ``char_features`` of that word alone): words recur from item to item, so each is
    turned into features once per process, within the cache's bound."""
    feats = {f"w:{word}"}
    if _has_buckets(word):
        feats |= _word_buckets(word)
    return frozenset(feats)


def rule_features(sc: Scan | None, found: Finding | None) -> set[str]:
    """What the rule extractor saw, as features."""
    if found is None:
        feats = {"r:none"}
    else:
        band = sum(found.confidence >= b for b in _CONF_BANDS)
        feats = {
            f"r:rel={found.relevant}",
            f"r:actor={found.actor_type}",
            f"r:action={found.action}",
            f"r:signal={found.signal}",
            f"r:conf={band}",
            f"r:vendor={found.vendor is not None}",
        }
    if sc is None:
        return feats
    feats.add(f"r:fr={bool(sc.fr)}")
    feats.add(f"r:vendors={bool(sc.vendors)}")
    feats.add(f"r:frvendor={any(v.fr for v in sc.vendors)}")
    for kind, hits in (
        ("act", sc.actions),
        ("auth", sc.authorities),
        ("np", sc.non_policy),
        ("grp", sc.groups),
        ("tmp", sc.temporal),
        ("obj", sc.objects),
        ("cancel", sc.cancel),
    ):
        for hit in hits:
            feats.add(f"r:{kind}={hit.label}")
            if hit.start < sc.title_end:
                feats.add(f"r:t{kind}={hit.label}")
    if sc.passive:
        feats.add("r:passive")
    if sc.fronted:
        feats.add("r:fronted")
    return feats | framing_features(sc)


def framing_features(sc: Scan) -> set[str]:
    """Who the item is told about, from the rules' hits (never from words): the reasons
    the rules held a cue back and the title's markers (``r:held=``, ``r:hmark=``), the
    authorities' verbs (``r:averb=``, in the title ``r:taverb=``), and the subject of each
    action cue: the actor named last before it in its sentence, an authority of its
    type, a vendor, another company, or none (``r:subj=``; in the title ``r:tsubj=``),
    with the cue's family (``r:subjact=``), and the title's first actor (``r:tfirst=``)."""
    feats = {f"r:held={reason}" for reason in sc.held_back}
    feats.update(f"r:hmark={h.label}" for h in sc.headline_marks)
    for h in sc.authority_verbs:
        feats.add(f"r:averb={h.label}")
        if h.start < sc.title_end:
            feats.add(f"r:taverb={h.label}")
    mentions = sorted(
        [(v.start, "vendor") for v in sc.vendors]
        + [(h.start, h.label) for h in sc.authorities]
        + [(h.start, "company") for h in sc.entities if h.label == "company"]
    )
    if not mentions:
        feats.add("r:tfirst=none")
        return feats
    first = mentions[0]
    feats.add(f"r:tfirst={first[1] if first[0] < sc.title_end else 'none'}")
    starts = [m[0] for m in mentions]
    for act in sc.actions:
        begin = sc.sentences[sc.sentence_of(act.start)][0] if sc.sentences else 0
        at = bisect_left(starts, act.start) - 1
        subject = mentions[at][1] if at >= 0 and mentions[at][0] >= begin else "none"
        feats.add(f"r:subj={subject}")
        feats.add(f"r:subjact={subject}:{act.label}")
        if act.start < sc.title_end:
            feats.add(f"r:tsubj={subject}")
    return feats


def featurise(
    title: str, text: str, language: str | None, sc: Scan | None, found: Finding | None
) -> frozenset[str]:
    """All features of one item. ``text`` is title + summary as extraction saw it
    (``Entry.text``); ``sc``/``found`` are the rules' scan and finding (or None)."""
    words, rest = feature_parts(title, text, language, sc, found)
    # word_features(words) | char_features(words): one cached set per distinct word
    return frozenset(set().union(*map(word_set, words)) | rest)


def feature_parts(
    title: str, text: str, language: str | None, sc: Scan | None, found: Finding | None
) -> tuple[set[str], set[str]]:
    """``featurise`` in two parts: the distinct words, whose features are
    ``word_set(word)`` each, and every other feature (``tw:``, ``l:``, ``r:``). The
    second opinion scores the parts as they are (bot.extract.learned), so that each
    word's features are looked up once per process."""
    low = sc.low if sc is not None and len(sc.low) == len(text) else text.lower()
    spans = [(v.start, v.end) for v in sc.vendors] if sc is not None else []
    spans += _name_spans(low, _names(found))
    masked = _masked(text, spans)
    cut = len(_masked(text[: len(title)], [s for s in spans if s[1] <= len(title)]))
    title_words = tokens(masked[:cut])
    words = title_words + tokens(masked[cut:])  # (a title ends at a word break)
    rest = word_features(title_words, "t")
    rest.add(f"l:{language or 'en'}")
    rest |= rule_features(sc, found)
    return set(words), rest
