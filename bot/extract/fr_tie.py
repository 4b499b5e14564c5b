"""A headline's unknown subject that the summary ties to a face-recognition business.

Headlines often name a company the gazetteer lacks as the subject of a policy act and
leave every face word to the summary, which then refers back to the company by a
description or a possessive instead of its name:

- a description that is the subject of its sentence and is itself about FR: a company
  noun with the FR term inside it or attached by a preposition ("The face-search
  vendor said …", "La società di riconoscimento del volto non …", "Der
  Gesichtserkennungsanbieter kündigt …"): ``described``;
- the name again, as its sentence's subject or in the genitive, owning an FR product
  ("X's face-lookup tool", "X retire … son moteur de recherche faciale", "seine
  Gesichtssuche") or selling one ("X, which sells …", "X vende …"): ``possessed``.

names.find takes the headline subject for the company on such a tie even where no verb
shape follows the name (an irregular verb, "X: the answer is now no"), as long as a
policy cue follows it in the headline or it labels the headline before a colon
(``acts``). Company evidence comes only from the tie: a company noun, a product noun a
business sells, a supply verb; a town's, school's or landlord's cameras and systems
are not products, and a summary that opens on a person's role ("The founder of the
face-search company …") says the headline's name is that person (``names_person``).
The words live in bot/data/fr_tie.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.extract import compiled
from bot.extract.lexicon import fold
from bot.extract.resources import DATA_DIR, DataFileError
from bot.yaml_loader import read_data_file

TIE_FILE: Path = DATA_DIR / "fr_tie.yaml"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt")
_KINDS = ("definite", "possessives", "supply_verbs", "products", "people", "kinds", "offices")

_WORD = compiled.compile(r"[^\W\d_][\w'-]*")
_SENTENCE_END = compiled.compile(r"[.!?;](?:\s|$)|\n")
_CAPITAL = compiled.compile(r"(?<![\w'-])[A-Z]")
# a role in a company the summary does not name ("The founder of the face-search company",
# "La cofondatrice de l'entreprise", "Die Gründerin des Anbieters")
_OF_UNNAMED = compiled.compile(
    r"[ ]+(?:of|de|du|des|von|vom|der|des|di|del|della|dello|do|da|dos)[ ]+"
    r"(?:(?:the|la|le|el|il|lo|o|a|dem|den)[ ]+|l'|d')?([^\W\d_][\w-]*)"
)
_WHO_FOUNDED = compiled.compile(
    r"(?i),? (?:who (?:co-?)?founded|qui a (?:co-?)?fondé|que (?:co)?fundó|che ha (?:co)?fondato"
    r"|que (?:co)?fundou|der (?:\w+ ){0,3}gegründet|die (?:\w+ ){0,3}gegründet)"
)
# a description of what the name's bearer founded ("the startup she founded", "la société
# qu'elle a fondée", "das Unternehmen, das er gegründet hat", "la empresa que fundó"): the
# name is a person's (a name itself founded, "X, which she founded", is not this)
_FOUNDED_BY = compiled.compile(
    r"(?i)(?<![\w-])(?!which |that |who )[a-zà-ÿ-]{3,} (?:that |which )?(?:she|he) (?:co-?)?founded"
    r"|[a-zà-ÿ-]{3,},? qu'(?:elle|il) a (?:co-?)?fondée?"
    r"|[a-zà-ÿ]{3,},? (?:die|das|den) (?:sie|er) (?:\w+ ){0,3}gegründet"
    r"|[a-zà-ÿ-]{3,} que (?:(?:ella|él|ela|ele) )?(?:co)?fund(?:ó|ou)"
    r"|[a-zà-ÿ-]{3,} che (?:(?:lei|lui) )?ha (?:co)?fondato"
)
_INVERTED = 24  # how far before a headline name its verb may start (inverted order)
_MAX_ATTACH = 48  # characters between a company noun and the FR term it carries
_FRONTED = 70  # the longest phrase before a sentence subject's comma


@dataclass(frozen=True)
class TieWords:
    """fr_tie.yaml's words for one language (folded)."""

    definite: frozenset[str]
    possessives: frozenset[str]
    supply_verbs: frozenset[str]
    products: frozenset[str]
    people: frozenset[str]
    kinds: frozenset[str]
    offices: frozenset[str]


@lru_cache(maxsize=1)
def _raw() -> dict[str, dict[str, list[str]]]:
    raw = read_data_file(TIE_FILE)
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(k), dict) and all(isinstance(raw[k].get(c), list) for c in LANGUAGES)
        for k in _KINDS
    ):
        raise DataFileError(
            f"{TIE_FILE}: expected {', '.join(_KINDS)}, each with a list per language"
        )
    return {k: {c: [str(w) for w in raw[k][c]] for c in LANGUAGES} for k in _KINDS}


@lru_cache(maxsize=8)
def words(lang: str | None) -> TieWords:
    """The tie words of ``lang`` (English's for a language the file lacks)."""
    code = lang if lang in LANGUAGES else "en"
    raw = _raw()
    return TieWords(*(frozenset(fold(w) for w in raw[k][code]) for k in _KINDS))


@dataclass(frozen=True)
class Grammar:
    """fr_tie.yaml's ``grammar`` words, all languages at once (folded)."""

    of: frozenset[str]  # prepositions attaching an FR term to a company noun
    articles: frozenset[str]
    article_stems: frozenset[str]  # the articles without an elided apostrophe ("l'")
    definite_stems: frozenset[str]
    en_verbs: frozenset[str]  # English auxiliaries and "says/said"
    en_spoke: frozenset[str]  # English reporting verbs ("told", "wrote")


_GRAMMAR = ("of", "articles", "definite_stems", "en_verbs", "en_spoke")


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    raw = read_data_file(TIE_FILE)
    g = raw.get("grammar") if isinstance(raw, dict) else None
    if not isinstance(g, dict) or not all(isinstance(g.get(k), list) for k in _GRAMMAR):
        raise DataFileError(f"{TIE_FILE}: expected grammar with the lists {', '.join(_GRAMMAR)}")
    lists = {k: frozenset(fold(str(w)) for w in g[k]) for k in _GRAMMAR}
    return Grammar(
        of=lists["of"],
        articles=lists["articles"],
        article_stems=frozenset(a.rstrip("'") for a in lists["articles"]),
        definite_stems=lists["definite_stems"],
        en_verbs=lists["en_verbs"],
        en_spoke=lists["en_spoke"],
    )


def acts(text: str, start: int, end: int, title_end: int, verbs: tuple[int, ...]) -> bool:
    """The headline's name at [start, end) does something: a policy cue (``verbs``:
    their starts) follows it in the headline or stands right before it (a question's
    inverted verb), or it labels the headline before a colon
    ("X: for landlords the answer is now no", "X : c'est non")."""
    if any(end <= v < title_end or start - _INVERTED < v < start for v in verbs):
        return True  # (a verb may stand before its subject: "Warum verkauft X …")
    return start == 0 and text.startswith((": ", " : "), end)


def described(
    text: str,
    title_end: int,
    refs: list[tuple[int, int]],
    fr_starts: tuple[int, ...],
    lang: str | None,
) -> bool:
    """A summary reference to "the company" that describes an FR business and is its
    sentence's subject (see the module doc): the headline's subject, described."""
    w = words(lang)
    for a, b in refs:
        if a < title_end or not _opens_clause(text, a, title_end):
            continue
        first = _WORD.match(text, a)
        det = fold(first.group()) if first else ""
        if det not in w.definite and det.split("'")[0] + "'" not in w.definite:
            continue  # "a rival firm": someone new
        if any(_attached(text, a, b, f) for f in fr_starts) and not _office(text, a, w):
            return True
    return False


def _office(text: str, pos: int, w: TieWords) -> bool:
    """The sentence holding ``pos`` names a public office or an FR user ("…, the
    council said", "sagte der Bürgermeister"): whatever it owns is no company's."""
    lo, hi = _sentence_start(text, pos, 0), _sentence_end(text, pos)
    found = [fold(m.group()) for m in _WORD.finditer(text, lo, hi)]
    pairs = {f"{a} {b}" for a, b in zip(found, found[1:], strict=False)}
    return any(t in w.offices for t in found) or bool(pairs & w.offices)


def _attached(text: str, a: int, b: int, f: int) -> bool:
    """The FR term at ``f`` belongs to the company noun [a, b): inside it, after its
    possessive, or after a preposition and at most three lower-case words ("the maker
    of face-search tools", "la firma de reconocimiento facial")."""
    if a <= f < b:
        return True
    if f < b or f - b > _MAX_ATTACH:
        return False
    between = text[b:f]
    if between.strip() in ("", "'s"):
        return True
    tokens = between.split()
    head = tokens[0].split("'")[0] if tokens[0] not in ("'s",) else ""
    return (
        fold(head) in grammar().of
        and len(tokens) <= 4
        and all(t[:1].islower() for t in tokens)
        and "," not in between
    )


def _opens_clause(text: str, pos: int, title_end: int) -> bool:
    """``pos`` opens its sentence (after an article at most) or follows a short fronted
    phrase's comma ("In a letter, the vendor said …")."""
    lo = _sentence_start(text, pos, title_end)
    before = text[lo:pos]
    if not before.strip():
        return True
    tokens = before.split()
    if len(tokens) == 1 and fold(tokens[0]) in grammar().articles:
        return True  # "A Taperebá não vai …"
    return before.endswith(", ") and before.count(",") == 1 and len(before) <= _FRONTED


def _sentence_start(text: str, pos: int, title_end: int) -> int:
    lo = title_end
    for m in _SENTENCE_END.finditer(text, title_end, pos):
        lo = m.end()
    return lo


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def possessed(
    text: str,
    title_end: int,
    name: str,
    fr_starts: tuple[int, ...],
    lang: str | None,
) -> bool:
    """The summary names ``name`` again and ties it to an FR product it owns or to an
    FR thing it sells (see the module doc)."""
    w = words(lang)
    first = name.split()[0]
    for m in re.finditer(
        rf"(?<![\w-]){re.escape(first)}('s|s(?= [A-Z]))?(?![\w'])", text[title_end:]
    ):
        pos, after = title_end + m.start(), title_end + m.end()
        hi = _sentence_end(text, after)
        fr = next((f for f in fr_starts if after < f < hi), None)
        if fr is None:
            continue
        between = text[after:fr]
        if lang != "de" and _CAPITAL.search(between):
            continue  # another name comes first: its product, not this one's
        tokens = [fold(t) for t in _WORD.findall(between)]
        genitive = m.group(1) is not None
        if not genitive and not _opens_clause(text, pos, title_end):
            continue
        if _office(text, pos, w):
            continue
        if (genitive or any(t in w.possessives for t in tokens)) and _product(
            text, after, fr, hi, w, lang
        ):
            return True
        if tokens[:2] and any(t in w.supply_verbs for t in tokens[:2]):
            return True
    return False


def _product(text: str, lo: int, fr: int, hi: int, w: TieWords, lang: str | None) -> bool:
    """A product noun stands between the possessive and a little past the FR term
    (German: a compound ending in one, "Gesichtssuche")."""
    stop = min(hi, fr + 40)
    comma = text.find(",", fr, stop)
    for m in _WORD.finditer(text, lo, comma if comma > 0 else stop):
        word = fold(m.group()).split("-")[-1]
        if word in w.products:
            return True
        if lang == "de" and any(word.endswith(p) and len(word) > len(p) + 2 for p in w.products):
            return True
    return False


def names_other(
    text: str, title_end: int, name: str, lang: str | None, descriptor: re.Pattern[str]
) -> bool:
    """The summary opens on the kind of something that is no company, definite and
    heading its noun phrase ("La commune renonce …", "Die Bürgerrechtsgruppe hat …", "El
    sindicato dice …"; not "A county order …") or on a person's
    role in an unnamed company ("The founder of the face-search company …"), or the item
    says the headline's name founded something ("X, who founded …"; in the headline, "X
    leaves the startup she founded"): the name is that body's or that person's. A role
    alone, "Le dirigeant évoque …", is the company's executive speaking; a kind that
    heads no English noun phrase of its own, "The airport biometrics supplier", is none
    (``descriptor``: the company nouns)."""
    w = words(lang)
    start = title_end + 1 if text[title_end : title_end + 1] == "\n" else title_end
    tokens = list(_WORD.finditer(text, start, min(len(text), start + 80)))
    g = grammar()
    if tokens and fold(tokens[0].group()).split("'")[0] in g.article_stems:
        definite = fold(tokens[0].group()).split("'")[0] in g.definite_stems
        if "'" in tokens[0].group():  # "L'entreprise": the noun is in the same token
            tokens = [tokens[0], *tokens]
        # "The company told …", "The startup said …": the company speaks, no kind opens
        speaks = (
            lang == "en"
            and len(tokens) > 1
            and descriptor.fullmatch(tokens[1].group()) is not None
            and fold(tokens[1].group()) not in w.kinds  # "The retailer": a kind, not a maker
        )
        for k in () if speaks else (1, 2, 3):
            if len(tokens) <= k or tokens[k].group().endswith("'s"):
                break  # "The company's founder": the company's role
            if k > 1 and lang == "en" and _past_or_said(fold(tokens[k - 1].group())):
                break  # "The firm told store chains …": the noun phrase ended at its verb
            role = " ".join(fold(t.group()).split("'")[-1] for t in tokens[1 : 1 + k])
            # (English puts the head noun last, the others first: "La cadena …")
            last = role.split(" ")[-1] if lang == "en" or k == 1 else role
            after = tokens[k].end()
            if lang == "en" and any(descriptor.fullmatch(t.group()) for t in tokens[k + 1 : k + 4]):
                return False  # "The airport biometrics supplier": a company noun heads it
            if role in w.people or last in w.people:
                of = _OF_UNNAMED.match(text, after)
                return of is not None and (
                    of.group(1)[:1].islower() or descriptor.fullmatch(of.group(1)) is not None
                )
            if role in w.kinds or last in w.kinds or _compound_kind(last, w, lang):
                nxt = [fold(t.group()) for t in tokens[k + 1 : k + 2]]
                if lang == "en" and not _verb_like(nxt, text, after):
                    continue  # the noun phrase goes on ("The supermarket chain says")
                # ("a county …": someone new; "la cadena de …": a modifier follows)
                return definite and g.of.isdisjoint(nxt)
    last = name.split()[-1]
    m = re.search(rf"(?<![\w-]){re.escape(last)}(?![\w])", text[title_end:])
    if m is not None and _WHO_FOUNDED.match(text, title_end + m.end()) is not None:
        return True
    return _FOUNDED_BY.search(text, 0, title_end) is not None  # (the headline's own name)


def _verb_like(nxt: list[str], text: str, after: int) -> bool:
    """An English kind noun ends its noun phrase: a comma or a verb shape follows it ("The
    council said", "The school has"), not another noun ("A county order …")."""
    if text.startswith(",", after):
        return True
    word = nxt[0] if nxt else ""
    return word in grammar().en_verbs or (len(word) > 3 and word.endswith(("s", "ed")))


def _past_or_said(word: str) -> bool:
    """An English word that ends the summary's opening noun phrase: an auxiliary, a
    reporting verb or a past form ("The supplier told hospital groups …", "The firm
    informed councils …"); plural nouns are not tested here ("The school districts
    said" is one noun phrase)."""
    g = grammar()
    return word in g.en_verbs or word in g.en_spoke or (len(word) > 3 and word.endswith("ed"))


def _compound_kind(word: str, w: TieWords, lang: str | None) -> bool:
    """A German compound ending in a kind ("Bürgerrechtsgruppe" → "…rechtsgruppe")."""
    return lang == "de" and any(word.endswith(x) and len(word) > len(x) + 3 for x in w.kinds)


class Tie:
    """Whether the summary ties a headline name to an FR business (this module), read once
    per item for the description and per name for the name itself."""

    def __init__(
        self,
        text: str,
        title_end: int,
        refs: list[tuple[int, int]],
        cues: tuple[int, ...],
        verbs: tuple[int, ...],
        lang: str | None,
    ) -> None:
        self.text, self.title_end, self.refs, self.lang = text, title_end, refs, lang
        acts = set(verbs)  # (``cues`` holds the FR terms' starts and the policy cues')
        self.fr = tuple(sorted(c for c in cues if c not in acts and c >= title_end))
        self._described: bool | None = None

    def holds(self, name: str) -> bool:
        if not self.fr:
            return False
        if self._described is None:
            self._described = described(self.text, self.title_end, self.refs, self.fr, self.lang)
        return self._described or possessed(self.text, self.title_end, name, self.fr, self.lang)
