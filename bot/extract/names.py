"""Vendors the gazetteer does not know, recognised from how the item describes them.

A capitalised name counts as a company when the item says so:

- its last word is a company suffix ("… Biometrics", "… Labs", "… AI");
- a company noun stands right before it ("face-search firm X", "cloud host X") or in
  an apposition after it ("X, a facial recognition startup", "X, which sells …");
- it is the subject of the headline (the title's first name, or the first after a
  fronted phrase) and the summary refers to "the company/firm/startup/vendor".

Shorter forms of a recognised name in the same item ("Orrin" for "Orrin Biometrics")
report the long name; a name runs up to its company suffix ("Orrin Vision API" is
Orrin Vision's API) and may follow an elided article ("d'Orrin"). A capitalised word
shaped like an English plural of people that opens a sentence is no name: the
position capitalised it ("Insurers can't buy into Orrin's archive"). Names that an authority title, an organisation word or a place
name marks ("Governor X", "X Institute") are never companies, nor a name after a public
body's "of" ("la policía de X", "the city of X", "die Polizei X": a place). The patterns live in
cues.yaml (``company_names``) and are compiled once per process.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract import compiled, fr_tie, fronted, headline_owner
from bot.extract.lexicon import (
    Lexicon,
    closed_words,
    common_words,
    fold,
    product_nouns,
    sentence_start,
)
from bot.extract.name_patterns import NamePatterns

_CAP_WORD = r"(?:[A-Z][\w&+.-]*\w|[A-Z])"
_RUN = compiled.compile(rf"(?:(?<![\w'’-])|(?<=\b[dD]['’])){_CAP_WORD}(?:[ ]{_CAP_WORD})*")
_POSSESSIVE = compiled.compile(r"'s?(?!\w)")


class Found(NamedTuple):
    start: int
    end: int  # includes a possessive "'s"
    name: str  # canonical: the longest form in the item
    product: bool = False  # a product noun introduces it ("del modulo Lumira"): a product


_LOCATED = compiled.compile(r"[\w.]+-based", re.IGNORECASE)  # "Paris-based": where, not who


def _runs(text: str, lo: int, hi: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """Capitalised word runs in [lo, hi), leading stop words and a leading "X-based"
    dropped."""
    out = []
    for m in _RUN.finditer(text, lo, hi):
        start, end = m.start(), m.end()
        words = list(re.finditer(r"\S+", text[start:end]))
        while words and (
            words[0].group(0).lower().rstrip(":") in stop or _LOCATED.fullmatch(words[0].group(0))
        ):
            words.pop(0)  # "The", "Paris-based": not part of the name
        if not words:
            continue
        start = m.start() + words[0].start()
        out.append((start, end))
    return out


# how far after a headline subject its money verb may start ("X will compensate", "X to pay")
PAYER_GAP = 16


def _title_subjects(text: str, title_end: int, verbs: tuple[int, ...] = ()) -> tuple[int, ...]:
    """Where a headline's subject can start: its first word, after a "Label:" prefix,
    after a fronted phrase's comma, and after the words opening a question or an
    explainer about a policy act ("Why X stops …", "Wieso X … nicht mehr beliefert"; an
    item with no policy cue, ``verbs``, asks about no act)."""
    starts = [0, *(headline_owner.after_question(text, title_end) if verbs else ())]
    colon = re.match(r"[A-Z][\w-]*(?: [\w-]+)?: ", text)
    if colon:
        starts.append(colon.end())
    comma = text.find(", ", 0, title_end)
    if comma > 0:
        starts.append(comma + 2)
    return tuple(starts)


def find(
    pats: NamePatterns,
    text: str,
    title_end: int,
    taken: list[tuple[int, int]],
    company_refs: list[tuple[int, int]],
    places: re.Pattern[str] | None = None,
    weak: bool = False,
    cues: tuple[int, ...] = (),
    english: bool = True,
    capitalised_nouns: bool = False,
    lang: str | None = None,
    verbs: tuple[int, ...] = (),
    payers: tuple[int, ...] = (),
    owners: tuple[int, ...] = (),
    after_colons: tuple[int, ...] = (),
) -> list[Found]:
    """Names in ``text`` that the item describes as companies (see the module doc).
    ``taken``: spans already read as vendors, authorities or other actors;
    ``company_refs``: spans of "the company"-type references; ``weak``: the item speaks
    of a company (sales, customers, "the firm") and the gazetteer names none, so a name that acts
    (a verb follows it, or a possessive before a policy or face word: ``cues`` are the
    starts of those words) is taken for it; ``capitalised_nouns``: the language
    capitalises every noun (German), so only a possessive name acts; ``lang``: the item's
    language, whose commonest words opening a sentence are no names; ``payers``: starts
    of money words ("pays", "zahlt", "verse") in the title: a headline subject that pays
    right away ("X zahlt Nutzern …", "X will compensate users …") is a company;
    ``verbs``: the starts of the policy cues (a name right before one acts on it);
    ``owners``: starts of names in the genitive of a headline's policy noun, and
    ``after_colons``: of the words after its colons (headline_owner.py): headline
    subjects too."""
    candidates, inner = _candidates(pats, text, title_end, taken, places)
    genitives: set[int] = set()  # German "Xs Noun" runs read as the company X
    if capitalised_nouns:  # (a policy noun, not an FR term: "Xs Gesichtserkennung startet")
        candidates, genitives = headline_owner.genitives(candidates, common_words(lang), verbs)
    products = product_nouns(lang)
    common = Lexicon(common_words(lang), closed_words(lang), english)
    companies: dict[str, str] = {}  # first word → canonical name
    refs_in_summary = any(e > title_end for _, e in company_refs)
    headline = _title_subjects(text, title_end, verbs) + fronted.subjects(
        text, title_end, capitalised_nouns
    )
    subjects = headline + owners  # (with the summary's "the company")
    others = taken + company_refs
    tie = fr_tie.Tie(text, title_end, company_refs, cues, verbs, lang)
    other = any(  # "Why <person> is leaving …" / "The founder of the … company", "La commune …"
        fr_tie.names_other(text, title_end, name, lang, pats.descriptor_word)
        for start, _, name in candidates
        if start in headline
    )
    for start, end, name in candidates:
        words = name.split()
        told = (
            start in inner
            or (len(words) > 1 and pats.suffix.search(words[-1]) is not None)
            or pats.descriptor_before.search(text, max(0, start - 40), start) is not None
            or (
                pats.apposition_after.match(text, _after_possessive(text, end)) is not None
                and not common.fronted(text, start)
            )
        )
        if other and not told and start in headline and start < title_end:
            continue  # (a name the item describes as a company stays one)
        subject = (
            not told
            and (
                start in subjects
                or (
                    start in after_colons
                    and headline_owner.colon_subject_like(
                        text, start, end, common, verbs, title_end
                    )
                )
            )
            and start < title_end
            and (refs_in_summary or any(end < p <= end + PAYER_GAP for p in payers))
            and not (english and _opening_plural(text, start, title_end, name))
            and (
                _name_like(pats, text, start, end, others, english, common, verbs)
                or start in genitives
                or (start in owners and headline_owner.owner_like(text, start, end, common))
            )
        )
        if not told and not subject and start in headline and start < title_end:
            subject = (
                fr_tie.acts(text, start, end, title_end, verbs)
                and _name_shaped(text, start, end, english, common)
                and not (english and _opening_plural(text, start, title_end, name))
                and tie.holds(name)
            )
        if (told or subject) and len(name) > len(companies.get(words[0], "")):
            companies[words[0]] = name
    if weak and not other:  # (a town's or a chain's item: the names acting are not vendors)
        for name in _acting(pats, text, title_end, candidates, others, cues, english,
                            only_possessive=bool(companies) or capitalised_nouns,
                            common=common, subjects=() if companies else headline,
                            verbs=verbs):  # fmt: skip
            companies.setdefault(name.split()[0], name)
    return [
        _found(text, start, name, companies)._replace(
            product=_after_product_noun(text, start, products)
            and not pats.suffix.search(companies[name.split()[0]].split()[-1])
        )
        for start, _, name in candidates
        if name.split()[0] in companies
    ]


def _acting(
    pats: NamePatterns,
    text: str,
    title_end: int,
    candidates: list[tuple[int, int, str]],
    taken: list[tuple[int, int]],
    cues: tuple[int, ...],
    english: bool,
    *,
    only_possessive: bool,
    common: Lexicon | None = None,
    subjects: tuple[int, ...] = (),
    verbs: tuple[int, ...] = (),
) -> list[str]:
    """Names that act (see ``find``); once a company is named, only possessives ("X's
    servers") join it, and (where every noun is capitalised) a headline's subject that a
    policy cue follows at once ("X schaltet seine Gesichtssuche ab")."""
    acting: list[str] = []
    for start, end, name in candidates:
        possessive = _possessive(text, end, name, pats, common)
        headline_verb = (  # "X schaltet … ab" (not "Hoster nimmt … vom Netz")
            start in subjects
            and start < title_end
            and _cue_next(text, end, verbs)
            and not pats.descriptor_word.fullmatch(name)
        )
        if only_possessive and not possessive and not headline_verb:
            continue
        if english and _opening_plural(text, start, title_end, name):
            continue
        if _name_like(pats, text, start, end, taken, english, common, verbs) and (
            not possessive or any(end < c <= end + 30 for c in cues)
        ):
            acting.append(name)
    return acting


def _opening_plural(text: str, start: int, title_end: int, name: str) -> bool:
    """An English plural of people ("Insurers", "Regulators") that opens the title, the
    summary or a sentence: the position, not a name, capitalised it."""
    if _PLURAL_NOUN.fullmatch(name) is None:
        return False
    if start in (0, title_end + 1):
        return True
    return text[max(0, start - 3) : start].endswith((". ", "! ", "? ", "\n"))


_PLURAL_NOUN = compiled.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ants|ents)")


def _candidates(
    pats: NamePatterns,
    text: str,
    title_end: int,
    taken: list[tuple[int, int]],
    places: re.Pattern[str] | None,
) -> tuple[list[tuple[int, int, str]], set[int]]:
    """Capitalised names that could be companies, and the starts of those that a company
    noun inside their run introduces ("Anbieters Korvex")."""
    title_cased = _title_cased(text[:title_end])
    candidates: list[tuple[int, int, str]] = []
    inner: set[int] = set()
    for run_start, end in _runs(text, 0, len(text), pats.stop):
        start = run_start
        parts = list(re.finditer(r"\S+", text[run_start:end]))
        for i, part in enumerate(parts[:-1]):
            if pats.descriptor_word.fullmatch(part.group(0).rsplit("-", 1)[-1]):
                start = run_start + parts[i + 1].start()
                inner.add(start)
        # (where a company noun opens the run, the place may only be its modifier:
        # "US-Anbieter X" is X, from the US)
        if places is not None and _in_place(places, text, start, end):
            continue  # "New York's …", "Inside New Mexico's …": a place, not a company
        if any(s < end and start < e for s, e in taken):
            continue
        if title_cased and start < title_end:
            continue  # a Title Case headline capitalises every word: names are unclear
        end = _through_suffix(pats, text, start, end)
        name = text[start:end]
        if any(pats.not_company.match(w) for w in name.split()):
            continue
        if places is not None and places.fullmatch(name):
            continue
        if pats.person_before.search(text, max(0, start - 40), start):
            continue  # "chief executive Dana Pruitt", "Governor Lindqvist"
        if pats.place_before.search(text, max(0, start - 40), start):
            continue  # "la policía de Ardena", "the city of Port Hollis": a place
        candidates.append((start, end, name))
    return candidates, inner


_WORD_BEFORE = compiled.compile(r"([^\W\d_][\w-]*)[ ]+$")


def _after_product_noun(text: str, start: int, products: frozenset[str]) -> bool:
    """The word right before ``start`` is a lower-case product noun ("modulo", "app"):
    the name is a product's, standing in for its maker when the item names no other."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1)[:1].islower() and fold(m.group(1)) in products


def _through_suffix(pats: NamePatterns, text: str, start: int, end: int) -> int:
    """The end of a company name inside a longer run: the first company suffix after
    the first word ends it ("Orrin Vision API" → "Orrin Vision")."""
    parts = list(re.finditer(r"\S+", text[start:end]))
    for part in parts[1:-1]:
        if pats.suffix.match(part.group(0)):
            return start + part.end()
    return end


def _in_place(places: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """A place name covers ``start`` (it may begin a word or two earlier) or ends the
    run at ``end`` (a headline word before it: "Inside New Mexico")."""
    for m in places.finditer(text, max(0, start - 20), end):
        if m.start() <= start < m.end() or (m.end() == end and m.start() > start):
            return True
    return False


def _found(text: str, start: int, name: str, companies: dict[str, str]) -> Found:
    """The mention at ``start``, cut to the company's own words ("Orrin Biometrics
    Monday" keeps two), reporting the canonical name."""
    words, known = name.split(), companies[name.split()[0]].split()
    n = 0
    while n < min(len(words), len(known)) and words[n] == known[n]:
        n += 1
    span_end = start + len(" ".join(words[:n]))
    return Found(start, _after_possessive(text, span_end), " ".join(known))


_AUX = frozenset(
    [
        "is",
        "was",
        "will",
        "won't",
        "to",
        "has",
        "had",
        "can",
        "cannot",
        "can't",
        "may",
        "must",
        "says",
        "said",
        "would",
        "could",
    ]
)


# Adverbs between a headline's subject and its verb.
_ADVERBS = compiled.compile(
    r"(?:\s+(?:now|no longer|quietly|also|still|again|finally|officially|formally|reportedly|"
    r"temporarily|permanently|already|never|just|effectively|abruptly|silently)(?!\w)){1,2}"
)


def _name_like(
    pats: NamePatterns,
    text: str,
    start: int,
    end: int,
    taken: list[tuple[int, int]],
    english: bool = True,
    common: Lexicon | None = None,
    verbs: tuple[int, ...] = (),
) -> bool:
    """A headline's first capitalised word(s) look like a name acting, not a common word
    that only the sentence start capitalises ("Social network pauses …", "Civil-liberties
    coalition petitions …"): a verb or a possessive follows, the word does not occur in
    lower case elsewhere in the item, and it does not head a phrase that the sentence
    start capitalised (``Lexicon.phrase_head``: "Contrairement à …")."""
    name = text[start:end]
    if not _name_shaped(text, start, end, english, common):
        return False
    if _possessive(text, end, name, pats, common) or (start == 0 and text.startswith(", ", end)):
        return True  # a possessive, or the headline's topic ("Orrin, the deal that …")
    if _cue_next(text, end, verbs, english):
        return True  # a policy cue's verb right after it: "X switching off …", "X legt … still"
    nxt = _ADVERBS.match(text, end) if english else None  # "X now rejects", "X no longer names"
    nxt = re.compile(r"\s+([\w']+)").match(text, nxt.end() if nxt else end)
    if nxt is None or any(s <= nxt.start(1) < e for s, e in taken):
        return False  # "X coalition petitions": the next word is the actor
    word = nxt.group(1)
    if pats.descriptor_word.fullmatch(word) or pats.descriptor_word.fullmatch(word[:-1]):
        return False  # "Big platforms line up"
    if not english:  # no cheap verb shape to check: any lower-case word
        return word.islower()
    return word in _AUX or (word.islower() and (word.endswith("s") or word.endswith("ed")))


def _name_shaped(
    text: str, start: int, end: int, english: bool = True, common: Lexicon | None = None
) -> bool:
    """The words at [start, end) look like a name, whatever follows them: no lower-case
    "-x" part, not a phrase the sentence start capitalised, not written in lower case
    elsewhere in the item, not a thing someone's possessive owns, not an English
    participle opening a summary sentence."""
    name = text[start:end]
    if re.search(r"-[a-z]", name):
        return False
    if common is not None and common.phrase_head(text, start, end):
        return False
    low = name.lower()
    if re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text):
        return False
    if text.endswith("'s ", 0, start) or text.endswith("s' ", 0, start):
        return False  # "Kinnear's Lookup API now …": a thing the company owns
    participle = english and " " not in name and name.endswith("ed")
    return not (start > 0 and participle and sentence_start(text, start))


def _possessive(text: str, end: int, name: str, pats: NamePatterns, common: Lexicon | None) -> bool:
    """A possessive follows the name: "X's", or the bare apostrophe of a name whose last
    word is a plural noun of the language or a company suffix ("Orrin Photos' assistant",
    "Orrin Systems' cameras"; a surname's "Williams' case" is neither)."""
    if text.startswith("'s", end):
        return True
    if not (name.endswith("s") and text.startswith("' ", end)):
        return False
    last = name.rsplit(" ", 1)[-1]
    return (common is not None and fold(last) in common.common) or bool(pats.suffix.match(last))


def _cue_next(text: str, end: int, verbs: tuple[int, ...], english: bool = True) -> bool:
    """The next word after ``end`` (past an English adverb) starts a policy cue: the
    name is that verb's subject, whatever the verb's form ("X switching off", "X
    schaltet … ab", "X congela …")."""
    nxt = _ADVERBS.match(text, end) if english else None
    m = re.compile(r"\s+(?=\w)").match(text, nxt.end() if nxt else end)
    return m is not None and m.end() in verbs


def _after_possessive(text: str, end: int) -> int:
    m = _POSSESSIVE.match(text, end)
    return m.end() if m else end


def _title_cased(title: str) -> bool:
    """Most words of the headline (four or more) start with a capital."""
    words = [w for w in title.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)
