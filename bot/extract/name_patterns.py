"""The company-name patterns of cues.yaml ``company_names``, compiled once per process:
a company suffix ("Labs", "AI"), a company noun before a name or in an apposition after
it, words that mark a person, an office or an organisation, titles before a person's
name, a public body's "of" before a place's name, and stop words; with a cheap check
that an item describes some company at all (``described_somewhere``). ``names.find``
reads an item's names with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.extract import compiled

_SPACE_CAPITAL = compiled.compile(r" [A-Z]")
_KEPT_RUNS = 50_000  # runs whose answer ``NamePatterns._noun_before_capital`` keeps
# A pattern that only matches word characters and hyphens: letters, \w, letter classes,
# hyphens, groups, alternatives and quantifiers.
_WORDLIKE = compiled.compile(r"(?:[^\W_]|\\w|\[[^\W_]+\]|\(\?:|[-|)?*+])+")


@dataclass(frozen=True)
class NamePatterns:
    """Compiled from cues.yaml ``company_names``."""

    suffix: re.Pattern[str]  # a company-name last word ("Labs")
    descriptor_before: re.Pattern[str]  # a company noun ending right before a name
    descriptor_word: re.Pattern[str]  # the same noun as one word
    apposition_after: re.Pattern[str]  # ", a … startup" right after a name
    not_company: re.Pattern[str]  # a word that marks a person, office or organisation
    person_before: re.Pattern[str]  # a title or role right before a person's name
    place_before: re.Pattern[str]  # a public body and "of" right before a place's name
    stop: frozenset[str]  # capitalised words that are not names (lower-cased)
    hint: re.Pattern[str] = re.compile(r"(?!)")  # some description may be present
    # ``hint`` in parts, each with a fast scan of its own (their alternation has none):
    # a suffix after a capitalised word, an apposition, and a company noun before a
    # capital, found from the capitals when every noun pattern spells a word
    suffix_hint: re.Pattern[str] | None = None
    apposition_hint: re.Pattern[str] | None = None
    _nouns: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def described_somewhere(self, text: str) -> bool:
        """Cheap check: a suffix, a company noun or an apposition occurs in ``text``."""
        if self.suffix_hint is None or self.apposition_hint is None:
            return self.hint.search(text) is not None
        return (
            self.suffix_hint.search(text) is not None
            or self.apposition_hint.search(text) is not None
            or self._noun_before_capital(text)
        )

    def _noun_before_capital(self, text: str) -> bool:
        """``(?<![\\w-])(?i:noun) [A-Z]`` somewhere in ``text``: the noun is the whole run
        of word characters and hyphens before some " X" (so only those are tried; each
        run's answer is kept: the nouns are plain words, which nothing around a run can
        change, see ``build``)."""
        fullmatch, known = self.descriptor_word.fullmatch, self._nouns
        for found in _SPACE_CAPITAL.finditer(text):
            end = start = found.start()
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                start -= 1
            run = text[start:end]
            noun = known.get(run)
            if noun is None:
                noun = fullmatch(run) is not None
                if len(known) < _KEPT_RUNS:
                    known[run] = noun
            if noun:
                return True
        return False

    @classmethod
    def build(cls, section: dict[str, list[str]]) -> NamePatterns:
        def alt(key: str) -> str:
            return _alternation(section, key)

        wordlike = all(_WORDLIKE.fullmatch(d) for d in section.get("descriptors", []))
        return cls(
            suffix=compiled.compile(suffix_words(section) + "$"),
            descriptor_before=compiled.compile(rf"(?<![\w-])(?i:(?:{alt('descriptors')}))[ ]$"),
            descriptor_word=compiled.compile(rf"(?i:{alt('descriptors')})"),
            apposition_after=compiled.compile(rf"(?i:,[ ](?:{alt('appositions')}))"),
            not_company=compiled.compile(rf"^(?:{alt('not_company')})$", re.IGNORECASE),
            # a party's short name may stand between ("il deputato dem X", "député LFI X")
            person_before=compiled.compile(
                rf"(?<!\w)(?i:{alt('person_titles')})(?:[ ](?:[a-z]{{2,4}}|[A-Z]{{2,5}}))?[ ]$"
            ),
            place_before=compiled.compile(rf"(?<!\w)(?i:{alt('place_before')})[ ]?$"),
            stop=frozenset(w.lower() for w in section.get("stop", [])),
            hint=compiled.compile(
                rf"[A-Z][\w&+.-]* (?:{alt('suffixes')})(?!\w)"
                rf"|(?<![\w-])(?i:{alt('descriptors')}) [A-Z]|, (?i:{alt('appositions')})"
            ),
            suffix_hint=compiled.compile(rf"[A-Z][\w&+.-]* (?:{alt('suffixes')})(?!\w)")
            if wordlike
            else None,
            apposition_hint=compiled.compile(rf", (?i:{alt('appositions')})") if wordlike else None,
        )


def suffix_words(section: dict[str, list[str]]) -> str:
    """A company-name suffix word ("AI", "Labs") of cues.yaml ``company_names``, as a regex."""
    return rf"(?:{_alternation(section, 'suffixes')})"


def _alternation(section: dict[str, list[str]], key: str) -> str:
    return "|".join(sorted(section.get(key, []), key=len, reverse=True)) or "(?!)"
