"""A face word that qualifies another noun names FR only on a biometric head.

"facial", "faciale", "facciale", "viso" after a noun and "Gesichts…" opening a German
compound are FR terms of the cue files; so is English "facial …". Whether the phrase is
about recognising faces depends on the noun the face word qualifies, the phrase's head:
"búsqueda facial", "facial matching", "Gesichtsabgleich", "verifica viso" are FR; the
same words on a head that is no biometric or technical noun (a skincare product, a
garment, a body part) are not. ``biometric_only`` drops the FR hits whose head is of the
second kind; the word order per language and the biometric heads are data
(``bot/data/face_heads.yaml``). A face word used as a noun ("del viso", "il viso") or a
head the text does not give (the face word ends the sentence) keeps its hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.extract import compiled
from bot.extract.cueindex import Hit
from bot.yaml_loader import DataFileError, read_data_file

HEADS_FILE: Path = Path(__file__).resolve().parent.parent / "data" / "face_heads.yaml"
_SECTIONS = ("head_after", "head_before", "compound", "function_words", "biometric_heads")
_WORD = compiled.compile(r"[^\W\d_][\w'-]*")
_LAST_WORD = compiled.compile(r"([^\W\d_][\w-]*)\s+$")


@dataclass(frozen=True)
class FaceHeads:
    after: re.Pattern[str]  # the face word whose head follows it ("facial matching")
    before: re.Pattern[str]  # the face word whose head precedes it ("búsqueda facial")
    compound: re.Pattern[str]  # a German compound's face part ("Gesichts|abgleich")
    function_words: frozenset[str]
    biometric: re.Pattern[str]  # a biometric head's start


@lru_cache(maxsize=1)
def heads() -> FaceHeads:
    raw = read_data_file(HEADS_FILE)
    if not isinstance(raw, dict) or not all(isinstance(raw.get(s), list) for s in _SECTIONS):
        raise DataFileError(f"{HEADS_FILE}: expected the lists {', '.join(_SECTIONS)}")
    words = {s: [str(w) for w in raw[s]] for s in _SECTIONS}

    def alternation(key: str) -> str:
        return "|".join(sorted(words[key], key=len, reverse=True))

    try:
        return FaceHeads(
            after=compiled.compile(r"(?i)(?:" + alternation("head_after") + r")"),
            before=compiled.compile(r"(?i)(?:" + alternation("head_before") + r")"),
            compound=compiled.compile(r"(?i)(?:" + alternation("compound") + r")"),
            function_words=frozenset(w.lower() for w in words["function_words"]),
            biometric=compiled.compile(
                r"(?i)(?:" + "|".join(re.escape(w) for w in words["biometric_heads"]) + r")"
            ),
        )
    except re.error as exc:
        raise DataFileError(f"{HEADS_FILE}: an invalid pattern ({exc}); fix it") from exc


def biometric_only(hits: list[Hit], norm: str) -> list[Hit]:
    """``hits`` (FR terms found in ``norm``) without the face words whose head is no
    biometric or technical noun ("crema facial", "Gesichtspflege", "facial cream")."""
    if not hits:
        return hits
    fh = heads()
    return [h for h in hits if _biometric(fh, norm, h)]


def _biometric(fh: FaceHeads, norm: str, hit: Hit) -> bool:
    heads = _heads(fh, norm, hit)
    return not heads or any(fh.biometric.match(h) for h in heads)


def _heads(fh: FaceHeads, norm: str, hit: Hit) -> list[str]:
    """The nouns the face word of ``hit`` may qualify: the word after it (English order)
    and the word before it (Romance order), or a German compound's next part; empty
    when the hit is no bare face word or no head can be read (then the hit stands).
    Function words are no heads ("facial a los bancos", "il viso")."""
    term = norm[hit.start : hit.end]
    m = fh.compound.match(term)
    if m is not None:  # "Gesichts|pflege": the compound's next part
        return [term[m.end() :]] if term[m.end() :] else []
    heads = []
    m = fh.after.match(term)
    if m is not None:  # "facial matching": the word after the face word
        word = _WORD.match(term, m.end())
        if word is not None and word.group(0).lower() not in fh.function_words:
            heads.append(word.group(0))
        term = term[: m.end()].rstrip(" -")
    else:
        term = term.split("\n", 1)[0].rstrip()  # a term run on past its line's end
    if fh.before.fullmatch(term) is not None:  # "búsqueda facial", "crema viso"
        prev = _LAST_WORD.search(norm, max(0, hit.start - 40), hit.start)
        if prev is not None and prev.group(1).lower() not in fh.function_words:
            heads.append(prev.group(1))
        elif not heads:
            return []  # "del viso", "il viso": the face word is a noun of its own
    return heads
