"""Where a headline puts a company the gazetteer does not know without describing it.

names.py takes a capitalised name for a company when the item describes it, or when it
opens the headline as the subject and the summary calls it "the company". Headlines
also put the company in two places that finder does not look at:

- the owner of a policy noun: the noun of a policy cue (a suspension, a withdrawal, a
  freeze) with the name in its genitive right after it ("Le retrait de Quarvel du
  marché …", "La suspensión de Brumario afecta a …", "Der Rückzug von Holmgrat trifft
  …", "the withdrawal of Harnock from …"): whose act it is;
- the subject after a headline's colon, whatever phrase stands before the colon ("Two
  years after the leak: Orvalle stops selling …", "Nach Protesten: Orvalle stoppt …"),
  where names.py only looks after a one- or two-word label.

Both are read only when the summary refers to "the company/la empresa/der Anbieter …"
(names.find's own test for a headline subject), and the usual checks on a name (not a
place, a title, an authority, a common word) still apply. A policy noun's owner must
also be named again in the summary: "the company" there may be a contractor working
for a town whose pause the headline tells, or the firm a founder leaves, and towns and
people missing from the place and title lists would otherwise pass as vendors.

German writes the genitive of a name with an -s joined to it and capitalises every
noun: "Harbachs Lizenzstopp" is the company "Harbach" and its noun, not a two-word
name (``genitive_split``); so is the name heading a hyphenated compound ("Holmgrat-Sperre",
``compound_head``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.extract import compiled
from bot.extract.lexicon import Lexicon, fold, question_words

# the genitive after a noun, per language (an elided "d'" joins the name)
_GENITIVE = compiled.compile(
    r"[ ]+(?:of|de la|de los|del|de|di|della|dello|dei|degli|da|do|dos|das|von|des|du)[ ]+"
    r"|[ ]+[dD]'"
)


# a name's first word
_WORD = compiled.compile(r"[^\W\d_][\w]*")


def owner_starts(
    text: str, title_end: int, cue_spans: Iterable[tuple[int, int]]
) -> tuple[int, ...]:
    """Starts of the capitalised words that follow a headline policy cue through a
    genitive ("suspensión de |Brumario", "retrait d'|Orbel"): the owner of the act the cue's
    noun names. Only cues in the headline; the word after the genitive must be
    capitalised and not open a sentence, and the summary must name it again: a
    company the summary only calls "the company" may be someone else's contractor or the
    owner a town or a person ("La pausa de <town>: … / La empresa instaladora retirará …";
    "Le retrait de <founder> : … / L'entreprise cherche …")."""
    out = []
    for start, end in cue_spans:
        if start >= title_end:
            continue
        m = _GENITIVE.match(text, end)
        if m is None or m.end() >= title_end:
            continue
        word = _WORD.match(text, m.end())
        if (
            word is not None
            and word.group()[:1].isupper()
            and named_again(text, title_end, word.group())
        ):
            out.append(m.end())
    return tuple(out)


def named_again(text: str, title_end: int, word: str) -> bool:
    """Whether ``word`` (a name's first word) stands again, as a word, after the title."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w])", text[title_end:]) is not None


def colon_subjects(text: str, title_end: int) -> tuple[int, ...]:
    """The first word after each ": " of the headline (a fronted phrase or a label
    ends there, and the clause's subject follows)."""
    out = []
    i = text.find(": ", 0, title_end)
    while i >= 0:
        j = i + 2
        if j < title_end and text[j : j + 1].isupper():
            out.append(j)
        i = text.find(": ", j, title_end)
    return tuple(out)


def genitives(
    candidates: list[tuple[int, int, str]], common: frozenset[str], cues: tuple[int, ...]
) -> tuple[list[tuple[int, int, str]], set[int]]:
    """names.py's candidate runs (start, end, name) with each German "Xs Noun" run cut
    to the company X (``genitive_split``; ``cues``: starts of the item's cue words), and
    the starts of the runs so cut. (names.find passes the policy cues only: an FR term
    after the name may be a product launched, "Xs Gesichtserkennung startet …".)"""
    out, cut, starts = [], set(), set(cues)
    for start, end, name in candidates:
        owner = genitive_split(name, common, start + len(name.split(" ", 1)[0]) + 1 in starts)
        if owner is None and " " not in name:
            owner = compound_head(name, common, start + name.find("-") + 1 in starts)
            if owner is not None:  # (the hyphen is no genitive -s: keep the name's end)
                out.append((start, start + len(owner), owner))
                cut.add(start)
                continue
        if owner is None:
            out.append((start, end, name))
        else:
            out.append((start, start + len(owner) + 1, owner))
            cut.add(start)
    return out, cut


def genitive_split(name: str, common: frozenset[str], cue: bool = False) -> str | None:
    """A German two-word run "Xs Noun" read as one name: the company "X" when "Noun"
    is a common noun of the language or ends in one ("Stopp", "Lizenzstopp"), or a
    cue word of the item (``cue``: "Rückzug", "Gesichtssuche"), and "X" is not a common
    word itself. None when the run is no such genitive."""
    words = name.split()
    if len(words) != 2:
        return None
    owner, noun = words
    if len(owner) < 4 or not owner.endswith("s") or not noun[:1].isupper():
        return None
    stem = owner[:-1]
    if fold(stem) in common or fold(owner) in common:
        return None
    folded = fold(noun)
    if cue or folded in common or any(folded[i:] in common for i in range(2, len(folded) - 3)):
        return stem
    return None


def owner_like(text: str, start: int, end: int, common: Lexicon) -> bool:
    """The name in a policy noun's genitive looks like a name, not a common word the
    headline capitalised: no lower-case "-x" inside it, not one of the language's
    commonest words, and not written in lower case elsewhere in the item."""
    name = text[start:end]
    if "-" in name and any(p[:1].islower() for p in name.split("-")[1:]):
        return False
    if " " not in name and fold(name) in common.common:
        return False
    low = name.lower()
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is None


def compound_head(name: str, common: frozenset[str], cue: bool = False) -> str | None:
    """A German compound "X-Noun" of a name and a noun ("Holmgrat-Sperre", "Holmgrat-Archiv"):
    the company "X" when "Noun" is a common noun of the language or a cue word of the
    item (``cue``) and "X" is capitalised and no common word. None otherwise."""
    head, _, noun = name.partition("-")
    if not noun or "-" in noun or len(head) < 3 or not head[:1].isupper() or not noun[:1].isupper():
        return None
    if fold(head) in common:
        return None
    return head if cue or fold(noun) in common else None


def colon_subject_like(
    text: str, start: int, end: int, common: Lexicon, verbs: tuple[int, ...], title_end: int
) -> bool:
    """A word after a headline's colon that may name a company acting: not one of the
    language's commonest words (the colon capitalised it: "Grüne", "Polizei"), and a
    policy cue (``verbs``: their starts) follows it in the headline: the subject of a
    policy verb, not of a launch told after a history ("N years without clients: X's
    system starts at …")."""
    if common.opener(text, start, text[start:end]):
        return False
    return any(end <= v < title_end for v in verbs)


_LEADING_WORD = compiled.compile(r"([\w']+)[ ]+")
# after an interrogative (lexicon.question_words), the Portuguese article before a name
# ("Por que a X …")
_ARTICLES = frozenset(["a", "o"])


def after_question(text: str, title_end: int) -> tuple[int, ...]:
    """The start of the capitalised word after the question words opening a headline
    ("Why |X is …", "Pourquoi |X …", "Por que a |X …"), or after their verb where the
    subject follows it ("Warum verkauft |X …", "Por qué congela |X …"), if any: the
    question's subject (an article alone, "A X …", opens none). Interrogatives are
    ``lexicon.question_words``."""
    pos, asks = 0, False
    for word in _LEADING_WORD.finditer(text, 0, min(title_end, 40)):
        folded = fold(word.group(1))
        if word.start() != pos or not (_wh(folded) or (pos and folded in _ARTICLES)):
            break
        pos, asks = word.end(), asks or folded not in _ARTICLES
    if not asks:
        return ()
    verb = _LEADING_WORD.match(text, pos, title_end)  # a verb first: "Warum verkauft X …"
    if verb is not None and verb.group(1).islower() and text[verb.end() : verb.end() + 1].isupper():
        return (verb.end(),)
    return (pos,) if text[pos : pos + 1].isupper() else ()


def _wh(folded: str) -> bool:
    """An interrogative word of any language (a short headline's language may be guessed
    wrong)."""
    return any(folded in words for words in question_words().values())
