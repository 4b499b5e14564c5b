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

import yaml

from bot.yaml_loader import SAFE_LOADER

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
    language has no list)."""
    path = DIR / f"{lang}.txt"
    if lang not in LANGUAGES or not path.exists():
        return frozenset()
    return frozenset(normalise(word) for word in path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _closed() -> dict[str, frozenset[str]]:
    with (DIR / "closed.yaml").open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SAFE_LOADER)
    return {str(lang): frozenset(normalise(str(w)) for w in words) for lang, words in data.items()}


def closed_words(lang: str | None) -> frozenset[str]:
    """The language's prepositions and articles (``closed.yaml``), folded like
    ``normalise``; empty for a language with none listed."""
    return _closed().get(lang or "", frozenset())


def is_common(word: str, lang: str | None) -> bool:
    """``word`` (any case) is one of the language's commonest words."""
    return normalise(word) in common_words(lang)


def common_anywhere(word: str) -> bool:
    """``word`` is one of the commonest words of any item language."""
    folded = normalise(word)
    return any(folded in common_words(lang) for lang in LANGUAGES)


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
