"""The commonest words of each item language: a capitalised word that is one of them and
opens a sentence was capitalised by its position, not because it names a company
("Moratoria di due anni …", "Store managers told …", "Contrairement à …").

The lists (``bot/data/common_words/<lang>.txt``, one word a line, commonest first) are
data: ``python -m bot.extract.lexicon`` writes them from the word-frequency tables of
pyspellchecker (``pip install -e '.[lexicon]'``), a maintained spell checker whose
per-language frequency lists are built from large subtitle and web corpora. Run time
needs only the text files.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.extract import compiled
from bot.yaml_loader import load_data

DIR = Path(__file__).resolve().parent.parent / "data" / "common_words"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
SIZE = 10_000  # words kept per language: enough for headline nouns, few rare names


def normalise(word: str) -> str:
    """Lower case without accents: ``Painéis`` → ``paineis``."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


@lru_cache(maxsize=len(LANGUAGES))
def common_words(lang: str | None) -> frozenset[str]:
    """The language's commonest words, lower case without accents (empty when the
    language has no list). Folding 10,000 words took a process that extracts some 7 ms
    a language: the folded set is kept per machine in compiled.py's file, keyed by the
    list and by this module's source."""
    path = DIR / f"{lang}.txt"
    if lang not in LANGUAGES or not path.exists():
        return frozenset()
    data = path.read_bytes()

    def fold_all() -> frozenset[str]:
        return frozenset(normalise(word) for word in data.decode("utf-8").split())

    key = compiled.digest(data + b"\0" + _SOURCE).hex()
    return frozenset(compiled.CACHE.derived("common-words", key, 0, fold_all))


_SOURCE = Path(__file__).read_bytes()  # (a list folded by other code is folded anew)


@lru_cache(maxsize=1)
def _closed() -> dict[str, frozenset[str]]:
    data = load_data(DIR / "closed.yaml")
    return {str(lang): frozenset(normalise(str(w)) for w in words) for lang, words in data.items()}


@lru_cache(maxsize=1)
def _products() -> dict[str, frozenset[str]]:
    data = load_data(DIR / "products.yaml")
    return {str(lang): frozenset(normalise(str(w)) for w in words) for lang, words in data.items()}


@lru_cache(maxsize=1)
def question_words() -> dict[str, frozenset[str]]:
    """Each language's interrogative words (``question_words.yaml``), folded like
    ``normalise``."""
    data = load_data(DIR / "question_words.yaml")
    return {str(lang): frozenset(normalise(str(w)) for w in words) for lang, words in data.items()}


def product_nouns(lang: str | None) -> frozenset[str]:
    """The language's nouns for a product, service or feature (``products.yaml``), folded
    like ``normalise``; English ones for a language with none listed."""
    table = _products()
    return table.get(lang or "", table["en"])


def closed_words(lang: str | None) -> frozenset[str]:
    """The language's prepositions and articles (``closed.yaml``), folded like
    ``normalise``; empty for a language with none listed."""
    return _closed().get(lang or "", frozenset())


def is_common(word: str, lang: str | None) -> bool:
    """``word`` (any case) is one of the language's commonest words."""
    return normalise(word) in common_words(lang)


def common_anywhere(word: str) -> bool:
    """``word`` is one of the commonest words of any item language. Looked up in one
    sorted text of every language's folded words (``_all_common``), not in six sets:
    clustering asks this of vendor keys and capitalised words in the polling process,
    where the six sets held some 6 MB."""
    folded = normalise(word)
    if not folded or "\n" in folded:
        return any(folded in common_words(lang) for lang in LANGUAGES)
    text = _all_common()
    lo, hi = 0, len(text)
    while lo < hi:  # bisection over the lines: the line around the middle character
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid) + 1
        end = text.find("\n", mid)
        end = len(text) if end < 0 else end
        if start < lo:  # (the middle fell in a line that begins before the range)
            start, end = lo, text.find("\n", lo)
            end = len(text) if end < 0 else end
        line = text[start:end]
        if line == folded:
            return True
        if line < folded:
            lo = end + 1
        else:
            hi = start
    return False


@lru_cache(maxsize=1)
def _all_common() -> str:
    """Every language's folded common words, each once, sorted, one a line (kept per
    machine in compiled.py's file, keyed by the lists and this module's source)."""
    data = b"\0".join((DIR / f"{lang}.txt").read_bytes() if (DIR / f"{lang}.txt").exists()
                       else b"" for lang in LANGUAGES)  # fmt: skip

    def join_all() -> str:
        found: set[str] = set()
        for lang in LANGUAGES:
            found.update(common_words(lang))
        found.discard("")
        return "\n".join(sorted(w for w in found if "\n" not in w))

    key = compiled.digest(data + b"\0" + _SOURCE).hex()
    return str(compiled.CACHE.derived("common-words-all", key, 0, join_all))


def fold(word: str) -> str:
    """``normalise`` with a fast path for ASCII words."""
    return word.lower() if word.isascii() else normalise(word)


def sentence_start(text: str, start: int) -> bool:
    """``start`` follows a line break or a sentence's (or a "Label: ") end."""
    before = text[max(0, start - 2) : start]
    return before.endswith("\n") or before in (". ", "! ", "? ", ": ")


class Lexicon(NamedTuple):
    """The item language's commonest words and its closed word classes, as names.py
    asks about a capitalised word."""

    common: frozenset[str]
    closed: frozenset[str]
    english: bool

    def opener(self, text: str, start: int, name: str) -> bool:
        """A one-word name that opens a sentence and is a common word of the language:
        its place may be all that capitalised it."""
        opens = start == 0 or sentence_start(text, start)
        return " " not in name and opens and fold(name) in self.common

    def fronted(self, text: str, start: int) -> bool:
        """The name ends a phrase that opens its sentence with a preposition ("Dopo
        la sentenza della corte di Bergamo, la società …"): the noun after its
        comma is the sentence's subject, not an apposition to the name."""
        opening = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
        phrase = text[opening:start]
        first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
        return "," not in phrase and fold(first.split("'")[0]) in self.closed

    def phrase_head(self, text: str, start: int, end: int) -> bool:
        """An ``opener`` that heads a phrase, not a clause: it is a closed-class word
        itself ("Nel …", "Elle …"), one follows it ("Contrairement à …"), or, in
        English, a plural noun and a verb do ("Door stickers were …")."""
        if not self.opener(text, start, text[start:end]):
            return False
        if fold(text[start:end]) in self.closed:
            return True
        nxt = _NEXT_TWO.match(text, end)
        if nxt is None:
            return False
        if fold(nxt.group(1)) in self.closed:
            return True
        noun, verb = nxt.group(1), nxt.group(2) or ""
        return (
            self.english and noun.islower() and noun.endswith("s") and not noun.endswith("ss")
            and (verb in _PLURAL_VERBS or (verb.islower() and verb.endswith("ed")))
        )  # fmt: skip


_NEXT_TWO = compiled.compile(r"[ ]+([\w']+)(?:[ ]+([\w']+))?")
# verbs after a plural subject ("Door stickers were …")
_PLURAL_VERBS = frozenset(
    ["were", "are", "have", "had", "do", "did", "say", "said", "will", "would", "can", "could",
     "may", "must", "won't", "can't"]
)  # fmt: skip


def build(out: Path = DIR, size: int = SIZE) -> None:  # pragma: no cover - a data tool
    """Write the lists from pyspellchecker's frequency tables (alphabetic words of two
    letters or more, commonest first)."""
    from spellchecker import SpellChecker  # type: ignore[import-not-found,unused-ignore]

    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        table = SpellChecker(language=lang).word_frequency.dictionary
        ranked = sorted((w for w in table if w.isalpha() and len(w) > 1),
                        key=lambda w: (-table[w], w))  # fmt: skip
        (out / f"{lang}.txt").write_text("\n".join(ranked[:size]) + "\n", encoding="utf-8")
        print(f"{out / f'{lang}.txt'}: {min(size, len(ranked))} words")


if __name__ == "__main__":  # pragma: no cover
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DIR)
