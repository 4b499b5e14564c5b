"""Word gates (bot/extract/gate.py) answer exactly like the regexes they stand for."""

from __future__ import annotations

import random
import re

import pytest

from bot.events import bodies
from bot.extract import authority, body_patterns, sentences
from bot.extract.gate import WordGate, distinct_words, gated, split_gate, words
from bot.extract.known import known_vendors
from bot.extract.literals import _CASE_ODD, branch_needs, may_hold, may_match
from bot.extract.resources import resources
from bot.extract.scan import normalise
from bot.extract.word_starts import _plain_word_char, literal_starts

_WORDS = [
    "the", "company", "said", "it", "will", "stop", "selling", "face", "facial",
    "recognition", "to", "police", "by", "their", "faces", "data", "customers", "cloud",
    "vision", "biometric", "biometrics", "Orrin", "Orrin's", "Orrins", "Orrin AI", "Lumo",
    "Lumo ID", "Acme", "Acme-Face", "read", "expressions", "one", "naming", "strangers",
    "n't", "_x", "x_", "3D", "face-data", "Face", "FACE", "BIOMETRIC", "Gesichtserkennung",
    "données", "biométriques", "İstanbul", "ıd", "ſelfie", "Kelvin", "éface", "visages",
    "câmeras", "CÂMERAS", "caméra", "camera", "cam", "vidéo", "VIDÉOS", "video", "ça",
]  # fmt: skip
_GAPS = [" ", "  ", ", ", ". ", "\n", "-", "'", "’", "(", ")", "/", "—", "\u0345", ""]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(1, 30)):
            parts += [rng.choice(_WORDS), rng.choice(_GAPS)]
        text = "".join(parts)
        out += [text, text.lower(), text.upper()]
    return out


_PATTERNS = [
    r"(?<![\w])(?:face (?:data|scans?)|biometric\w*|by (?:their )?faces?)(?![\w])",
    r"(?<![\w-])(Orrin|Lumo ID)((?:[ ](?:AI|Labs))*)(?:['’]s?|s['’]?)?(?![\w-])",
    r"(?<!\w)(?i:face|biometri[cs])\w*",
    r"(?<![\w])(?:a?face|re(?:ad|ads)? \w+ expressions)",
    r"(?<![\w])(?:n't|x)",
    r"(?<![\w])(?:'t|x)",  # a start that is no word character: not gated
    r"(?<![\w])(?:\w+ faces)",  # no literal start: not gated
    r"(?<![\w])(?:)",  # the empty match: not gated
    r"(?<![\w])(?:data|dati|datos)(?:\s+(?:faciales|biometrici))?",
    r"(?<![\w])(?:[fF]ace|BIOMETRIC)s?",
    r"(?<![\w])(?:c[aâ]m[eé]ras?|vid[eé]os?|[çc]a)(?![\w])",  # classes read as starts
    r"(?<![\w])(?:[a-z]+ faces|c[aâ])",  # a class too wide to read: not gated
    r"\b(?:face|biometric\w*|by (?:their )?faces?)\b",  # a word boundary before word starts
    r"(?i)\b(?:vid[eé]os?|stop\w*|n't)",  # (a start that is no word character: not gated)
    r"\b(?:[$]\d|face)",  # a start that is no word character: not gated
]


@pytest.mark.parametrize("source", _PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_search_and_finditer_agree_with_the_pattern(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    gate = WordGate(pattern)
    for text in _texts(300, seed=len(source) + flags):
        expected = pattern.search(text)
        found = gate.search(text)
        assert (found and (found.span(), found.groups())) == (
            expected and (expected.span(), expected.groups())
        ), text
        assert [(m.span(), m.groups()) for m in gate.finditer(text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ], text


@pytest.mark.parametrize("source", _PATTERNS)
def test_ranges_agree_with_the_pattern_on_new_and_seen_texts(source: str) -> None:
    """``search``/``finditer`` with ``pos`` and ``endpos``, on a text met for the first
    time (its opening words are tried one by one) and again (its positions are kept),
    ``pos`` inside a word and ``endpos`` inside one included."""
    pattern = re.compile(source, re.IGNORECASE)
    rng = random.Random(len(source))
    for text in _texts(150, seed=len(source) + 7):
        gate = WordGate(pattern, opening=3)  # a fresh gate: the text is new to it
        for _ in range(4):
            pos = rng.randrange(len(text) + 1)
            end = rng.randrange(pos, len(text) + 2)
            expected = pattern.search(text, pos, end)
            found = gate.search(text, pos, end)
            assert (found and (found.span(), found.groups())) == (
                expected and (expected.span(), expected.groups())
            ), (text, pos, end)
            assert [(m.span(), m.groups()) for m in gate.finditer(text, pos, end)] == [
                (m.span(), m.groups()) for m in pattern.finditer(text, pos, end)
            ], (text, pos, end)


def test_a_new_text_is_tried_at_its_opening_words_before_its_positions_are_read() -> None:
    gate = WordGate(re.compile(r"(?<![\w])(?:face|biometric)\w*"), opening=8)
    text = "face data " + "other words " * 40 + "biometric"
    assert gate.search(text).span() == (0, 4)  # type: ignore[union-attr]
    assert gate._last[0] is None  # found among the opening words: no positions read
    assert gate.search(text, 5).span() == (len(text) - 9, len(text))  # type: ignore[union-attr]
    assert gate._last[0] is text  # past the opening words: the positions, kept


def test_patterns_without_a_word_start_are_searched_as_they_are() -> None:
    for source in (r"(?<![\w])(?:'t|x)", r"(?<![\w])(?:\w+ faces)", r"face|(?<![\w])data"):
        assert literal_starts(re.compile(source)) is None
        assert WordGate(re.compile(source)).gated is False
    assert literal_starts(re.compile(r"(?<![\w])face", re.ASCII)) is None


def test_a_word_boundary_before_word_starts_is_gated_like_a_lookbehind() -> None:
    assert literal_starts(re.compile(r"\b(?:face|biometric\w*)")) == {
        ("face", False): None,
        ("biometric", False): None,
    }
    assert WordGate(re.compile(r"(?i)\b(?:arriv\w*|ships?)\b")).gated
    for source in (r"\b(?:[$]\d|face)", r"\bface|data", r"\B(?:face)"):
        assert WordGate(re.compile(source)).gated is False


def test_literal_starts_and_what_they_need_further_on() -> None:
    starts = literal_starts(re.compile(r"(?<![\w])(?:by (?:their )?faces?|biometric\w*)"))
    assert starts == {("by", False): frozenset({"face"}), ("biometric", False): None}
    anycase = literal_starts(re.compile(r"(?<![\w])(?i:nec)\b"))
    assert anycase == {("nec", True): None}


def test_a_class_of_a_few_characters_is_read_as_that_many_starts() -> None:
    # "c[aâ]m…" starts with "cam" or "câm", not with any word that starts with "c"
    starts = literal_starts(re.compile(r"(?<![\w])(?:c[aâ]m[eé]ras? (?:trial|network))"))
    assert starts == dict.fromkeys(
        [("camera", False), ("cameras", False), ("câmera", False), ("câmeras", False),
         ("caméra", False), ("caméras", False), ("câméra", False), ("câméras", False)],
        frozenset({"trial", "network"}),
    )  # fmt: skip
    anycase = literal_starts(re.compile(r"(?<![\w])(?:vid[eé]o)", re.IGNORECASE))
    assert anycase == {("video", True): None, ("vidéo", True): None}
    assert literal_starts(re.compile(r"(?<![\w])(?:[^x]ace)")) is None  # negated: no start


def test_latin_letters_match_only_word_characters_in_any_case() -> None:
    # why a Latin-1 or Latin Extended-A letter may go on a start read in any case:
    # every character it matches ignoring case is a word character too (not so for
    # some Greek letters: "ι" matches the combining "\u0345" ignoring case)
    plane = "".join(map(chr, range(0x10000)))
    for code in range(0xC0, 0x180):
        letter = chr(code)
        if _plain_word_char(letter, anycase=True):
            matched = re.findall(re.escape(letter), plane, re.IGNORECASE)
            assert all(ch.isalnum() for ch in matched), letter
    assert not all(ch.isalnum() for ch in re.findall("ι", plane, re.IGNORECASE))
    assert not _plain_word_char("ι", anycase=True)


def test_the_extraction_patterns_are_gated() -> None:
    # Each is searched in every item: ungated, it costs a scan of every position.
    assert resources().prefilter.gated
    assert resources().prefilter_cased.gated
    assert authority._weak_fr().gated
    known = known_vendors(["Orrin Biometrics", "Acme"], exact=["Lumo ID"])
    assert known is not None and known.gate.gated


def test_the_extraction_patterns_agree_on_mixed_texts() -> None:
    known = known_vendors(["Orrin Biometrics", "Acme Vision"], exact=["Lumo ID"])
    assert known is not None
    gates = [resources().prefilter, resources().prefilter_cased, authority._weak_fr(), known.gate]
    for text in _texts(200, seed=7):
        for variant in (text, *normalise(text)):
            for gate in gates:
                expected = [m.span() for m in gate.pattern.finditer(variant)]
                assert [m.span() for m in gate.finditer(variant)] == expected
                assert (gate.search(variant) is None) == (not expected)


def test_the_authority_names_gate_agrees_with_its_pattern() -> None:
    pattern = bodies._patterns()[0]
    gate = bodies._gate()
    assert gate.gated
    names = ["European Parliament", "MEPs", "meps", "EU-Parlamentes", "Eurocamera", "CNIL",
             "cnil", "Garante europeo", "Garante", "Dutch DPA authority", "FTC", "Ftc",
             "Europäischen Kommission", "EUROPÄISCHEN KOMMISSION", "Datainspektionen",
             "Hamburgische Datenschutzbehörde", "Information Commissioner's Office"]  # fmt: skip
    rng = random.Random(11)
    for text in _texts(150, seed=5):
        mixed = " ".join([text, rng.choice(names), rng.choice(_WORDS), rng.choice(names)])
        for variant in (mixed, mixed.lower(), mixed.upper(), *normalise(mixed)):
            assert [(m.span(), m.lastgroup) for m in gate.finditer(variant)] == [
                (m.span(), m.lastgroup) for m in pattern.finditer(variant)
            ], variant
    assert bodies.bodies("The European Parliament and the CNIL agree") == {
        "@eu-parliament", "@cnil"}  # fmt: skip


def test_sentence_ends_are_found_where_the_pattern_finds_them() -> None:
    # sentences._ends tries the pattern only right after . ! ? ;
    pieces = [". ", "! ", "? ", "; ", ";", ".", "”  ", "» A", " a", "Dr. Vell", "A", "1",
              "(B", "«C", "¿D", "\n", "  ", "x", "’ ", ".)\tZ", ";;  "]  # fmt: skip
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 15)))
        for pos in (0, 1, 3, len(text) // 2, len(text)):
            assert [m.span() for m in sentences._ends(text, pos)] == [
                m.span() for m in sentences._END.finditer(text, pos)
            ], (text, pos)


def test_directing_phrases_are_gated_like_their_pattern() -> None:
    for lang in ("en", "fr", "de", "es", "it", "pt"):
        pattern = authority.signals(lang).directed
        gate = gated(pattern)
        assert gated(pattern) is gate  # one gate per pattern
        for text in [*_texts(60, seed=9), "The firm stops under an order from the regulator."]:
            expected = pattern.search(text)
            found = gate.search(text)
            assert (found and found.span()) == (expected and expected.span()), text


_MIXED_ALTERNATIVES = [
    "police", "city council", "(?:[a-z-]+ ){1,2}watchdogs?", r"\w*gericht", "face data",
    "(?:[a-z-]+ ){0,2}ministry", "courts?", "data (?:agency|office)",
]  # fmt: skip
_MIXED_WORDS = ["police", "city", "council", "the", "privacy", "watchdog", "watchdogs",
                "Landgericht", "gericht", "ministry", "health", "court", "courts", "data",
                "agency", "office", "face", "x-ray"]  # fmt: skip


@pytest.mark.parametrize("anycase", [False, True])
def test_a_split_gate_agrees_with_its_whole_alternation(anycase: bool) -> None:
    """Alternatives with no literal start are matched apart; every start of theirs is
    tried, so ranges that cut a match short ("… watchdog" at the range's end) agree too."""

    def build(alternation: str) -> re.Pattern[str]:
        inner = f"(?i:{alternation})" if anycase else f"(?:{alternation})"
        return re.compile(rf"(?<![\w-]){inner}(?![\w-])")

    whole = build("|".join(_MIXED_ALTERNATIVES))
    gate = split_gate(_MIXED_ALTERNATIVES, build, whole)
    assert gate.gated and gate.others is not None
    assert gate.others.pattern.count("|") == 2  # the three unread alternatives
    rng = random.Random(3 + anycase)
    for _ in range(400):
        text = "".join(
            rng.choice(_MIXED_WORDS) + rng.choice([" ", " ", ", ", "-", "'s "])
            for _ in range(rng.randrange(1, 14))
        )
        for variant in (text, text.lower(), text.upper()):
            pos = rng.randrange(len(variant) + 1)
            end = rng.randrange(pos, len(variant) + 2)
            for lo, hi in ((0, len(variant)), (pos, end)):
                expected = whole.search(variant, lo, hi)
                found = gate.search(variant, lo, hi)
                assert (found and found.span()) == (expected and expected.span()), variant
                assert [m.span() for m in gate.finditer(variant, lo, hi)] == [
                    m.span() for m in whole.finditer(variant, lo, hi)
                ], (variant, lo, hi)


def test_a_split_gate_of_readable_alternatives_is_a_plain_gate() -> None:
    def build(alternation: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?:{alternation})")

    gate = split_gate(["police", "courts?"], build, build("police|courts?"))
    assert gate.gated and gate.others is None
    unread = split_gate([r"\w+ faces", r"\w*gericht"], build, build(r"\w+ faces|\w*gericht"))
    assert not unread.gated and unread.others is None


def test_the_public_body_heads_are_gated_and_agree_with_their_pattern() -> None:
    pieces = ["the privacy watchdog", "Landgericht", "health ministry", "city council", "police",
              "the regulator", "Data Protection Authority", "a court", "face data", "x-ray"]  # fmt: skip
    rng = random.Random(17)
    for lang in ("en", "fr", "de", "es", "it", "pt"):
        gate = body_patterns.patterns(lang).head
        assert gate.gated
        for text in _texts(40, seed=len(lang)):
            mixed = " ".join([text, rng.choice(pieces), rng.choice(_WORDS), rng.choice(pieces)])
            for variant in (mixed, mixed.lower()):
                pos = rng.randrange(len(variant) + 1)
                end = rng.randrange(pos, len(variant) + 1)
                for lo, hi in ((0, len(variant)), (pos, end)):
                    assert [m.span() for m in gate.finditer(variant, lo, hi)] == [
                        m.span() for m in gate.pattern.finditer(variant, lo, hi)
                    ], (lang, variant, lo, hi)


def test_words_are_runs_of_word_characters() -> None:
    for text in ("Orrin's face-data, 3D_x!", "Gesichts­erkennung: données biométriques"):
        assert words(text) == re.findall(r"\w+", text)


def test_words_of_texts_read_in_turn_are_each_texts_own() -> None:
    """Two texts are kept (an item's text and its lower-cased copy, read in turn by
    gates on either): each still gets its own words, a third text too."""
    text = "Brennick Optics halts Face-Search sales; Zoltra’s units stay"
    low, other = text.lower(), "ÉCLAT Vision stoppe la vente"
    for _ in range(2):
        for t in (text, low, text, other, low, other.lower()):
            assert words(t) == re.findall(r"\w+", t)
            assert distinct_words(t) == frozenset(re.findall(r"\w+", t))


def test_clause_breaks_are_where_the_plain_alternation_finds_them() -> None:
    """CLAUSE_BREAK opens with the class of its alternatives' first characters (a look-
    behind then picks the alternative): the same breaks as the plain alternation."""
    plain = re.compile(
        r"[;:—–]\s|\((?=\w)|\)|,\s+(?:but|while|although|though|whereas|which|who)\b"
        r"|\s(?:[-–—]\s|(?:" + sentences._BREAK_WORD + r")\s)"
    )
    rng = random.Random(4)
    pieces = ["but", "which", "as", "even as", "days after", "während", "tras", ",", ";",
              ":", "—", "–", "-", "(", ")", " ", "  ", "\n", "\t", "x", "(y", "z)", "whom"]  # fmt: skip
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert sentences.clause_breaks(text) == [m.end() for m in plain.finditer(text)], text
    assert sentences.clause_breaks("rules; the firm, which sells (its) tool - now") == [
        7,
        22,
        30,
        34,
        42,
    ]


_NEEDING = [
    (r"(?:\b(?:since|after)\s+(?:the|its)\s+\w+\s*$|,\s*(?:which|who)\s[^,;]*$)", re.I),
    (r"\b(?:dopo|da)\s+(?:il|la)\s*$|\bformerly\S*\s*$", re.I),
    (r"(?:ion|ions|ban|bans)$", re.I),
    (r"(?<![\w])(?:face (?:data|scans?)|biometric\w*)(?![\w])", 0),
    (r"\bſince\b|x", re.I),  # a literal past Latin-1: not read
    (r"\w+ faces", 0),
]


@pytest.mark.parametrize(("source", "flags"), _NEEDING)
def test_may_match_is_false_only_where_the_pattern_finds_nothing(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    needed = branch_needs(pattern)
    ruled_out = 0
    extra = ["Since the ban, which", "formerly banned", "ſince x", "kept ſince the ban", "ſince"]
    for text in _texts(150, 11) + extra:
        norm, low = normalise(text)
        for pos in range(0, len(text), 7):
            for end in (pos + 5, pos + 40, len(text)):
                if not may_match(needed, norm, low, pos, end):
                    ruled_out += 1
                    assert pattern.search(norm, pos, end) is None, (source, norm, pos, end)
    assert ruled_out or not needed


def test_case_odd_holds_every_character_past_latin1_that_matches_latin1_in_any_case() -> None:
    """``may_hold`` looks a literal up in the lower-cased text: sound only where no other
    character matches a Latin-1 one in any case (the dotless i, the long s, the Kelvin
    sign …); every such character of this Python is listed."""
    latin1 = re.compile("(?i)[\x00-\xff]")
    odd = {chr(c) for c in range(0x100, 0x110000) if latin1.fullmatch(chr(c))}
    assert odd == {ch for ch in odd if _CASE_ODD.fullmatch(ch)}
    assert odd  # (ſ, K, İ … are there)


@pytest.mark.parametrize(("source", "flags"), _NEEDING)
def test_may_hold_is_false_only_where_the_pattern_finds_nothing(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    needed = branch_needs(pattern)
    ruled_out = 0
    extra = ["Since the ban, which", "Sınce the ban", "ſince x", "SİNCE THE BAN, WHİCH",
             "Face data", "FACE DATA", "face ſcans", "biometrıc", "Vorlage über Bußgelder",
             "caméras", "“Since” the ban, which"]  # fmt: skip
    for text in _texts(150, 11) + extra:
        for variant in (text, text.lower(), text.upper()):
            if not may_hold(needed, variant):
                ruled_out += 1
                assert pattern.search(variant) is None, (source, variant)
    assert ruled_out or not needed


def test_branch_needs_reads_each_alternative_and_leaves_unread_ones_open() -> None:
    needed = branch_needs(re.compile(r"\b(?:after|since)\s+the\s*$|,\s*which\s", re.I))
    assert needed == ((("after", "since"), ("the",)), ((",",), ("which",)))
    assert branch_needs(re.compile(r"\w+ Faces|x", re.I)) == (((" faces",),), (("x",),))
    assert branch_needs(re.compile(r"\w+|x")) == ()  # an alternative with no literal
    assert branch_needs(re.compile(r"\bſince\b|x", re.I)) == ()  # "ſ" matches an "s"
    text = "Amid protests after the vote, the firm"
    norm, low = normalise(text)
    assert may_match(needed, norm, low, 0, len(text))
    assert not may_match(needed, norm, low, 0, 13)  # "Amid protests": no "after"/"since"
