"""Which language an item is written in, so that only that language's cues are matched
(a French stem must not fire on English text, nor a Spanish one inside an English word).

The item's words are counted against short lists of function words, which every
sentence of a language holds and the other languages rarely do. The declared feed
language only breaks a tie (feeds mislabel items, items quote other languages).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract import compiled
from bot.extract.cueindex import LANGUAGES, language_mask

_FUNCTION_WORDS = {
    "en": "the and of to is its with from for that has will are was this by it not their "
    "after over says said who which would no have been a an as on at or be but they",
    "fr": "le la les des et du une un est sur pour dans au aux ses qui ne pas sont avec ce "
    "cette de plus après selon été son elle ont que",
    "de": "der die das und ist nicht mit den dem ein eine sich auf für von zu im des wird "
    "nach bei hat keine auch sein seine",
    "es": "el la los las del y una un es con por para su sus que se al lo como más ya de "
    "no tras según ha sin",
    "it": "il la gli della delle dei di che non con per è una un sono alla nel degli anche "
    "ha le si dopo più lo al dal nella sul fino ancora questo suoi sue",
    "pt": "o a os as da das do dos que não com uma um em para é ao pela pelo seu sua são "
    "também de se após mais no na nos nas aos seus suas ainda",
}
# Each word votes for every language that lists it; the most votes wins.
_VOTES: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _VOTES[_word] = (*_VOTES.get(_word, ()), _lang)
# A run of word characters and apostrophes: a function word counts only as a whole run
# ("l'" and "it's" are no votes for "l" or "it").
_RUN = compiled.compile(r"[\w']+")
_ASCII_GAPS = bytes(  # (a bytes table: some three times faster than a str table)
    c if chr(c) == "'" or re.match(r"\w", chr(c)) else 32 for c in range(256)
)

ENGLISH = language_mask("en")


@lru_cache(maxsize=64)  # one item's text is asked about several times
def detect(low: str, declared: str | None = None) -> str:
    """The language of the lower-cased text: the one with the most function words; the
    declared language (its first two letters) on a tie; English when nothing is known."""
    counts = _votes(low)
    hint = (declared or "").lower()[:2]
    if not counts:
        return hint if hint in LANGUAGES else "en"
    best = max(counts.values())
    leaders = [lang for lang, n in counts.items() if n == best]
    if hint in leaders:
        return hint
    return leaders[0] if len(leaders) == 1 else (hint if hint in LANGUAGES else leaders[0])


@lru_cache(maxsize=64)  # shared by the calls with and without a declared language
def _votes(low: str) -> dict[str, int]:
    """Function-word votes per language, in the order the languages first get one."""
    counts: dict[str, int] = {}
    # the voting words only, each distinct one once, in the order words first occur (so
    # languages too)
    seen: dict[str, int] = {}
    for word in filter(_VOTES.__contains__, _runs(low)):
        seen[word] = seen.get(word, 0) + 1
    for word, n in seen.items():
        for lang in _VOTES[word]:
            counts[lang] = counts.get(lang, 0) + n
    return counts


def _runs(low: str) -> list[str]:
    """``_RUN.findall(low)``: an ASCII text's runs are its words between the ASCII
    characters that are neither word characters nor apostrophes (fewer steps)."""
    if low.isascii():
        return low.encode("ascii").translate(_ASCII_GAPS).decode("ascii").split()
    return _RUN.findall(low)


def cue_languages(lang: str) -> int:
    """Language bits of the cues matched in an item of ``lang``: its own, and English
    ones in the other languages too (news in every language borrows English terms)."""
    return language_mask(lang) | ENGLISH
