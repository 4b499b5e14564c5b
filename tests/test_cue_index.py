"""The cue index compiles each fragment's regexes the first time a text needs them, so
a broken cue in the data files would only show when some item reaches it: every one
is compiled here."""

from __future__ import annotations

import random
import re
from pathlib import Path

from bot.extract.compiled import Compiled
from bot.extract.cueclass import expand, factored
from bot.extract.cuefragments import fragments_of, split_cues
from bot.extract.cueindex import Cue, CueIndex
from bot.extract.resources import resources


def test_every_cue_fragment_and_gate_of_the_data_files_compiles() -> None:
    index = resources().index
    index.compile_all()
    fragments = [f for frags in index._by_head.values() for f in frags]
    fragments += [*index._any, *index._line_start]
    assert len(fragments) > 500  # the whole index, not an empty one
    for frag in fragments:
        assert isinstance(frag.pattern, re.Pattern), frag.source
        assert (frag.word is None) is (frag.word_source is None)
        assert (frag.first is None) is (frag.first_source is None)
    for group in index._groups.values():
        assert isinstance(group.gate, re.Pattern)


def _headless_index() -> CueIndex:
    cues = [Cue(r"\w+[- ](?:week|month)[- ](?:halt|pause)"), Cue(r"\w+(?:ab|cd)?[qz]")]
    return CueIndex.build({"actions": {"moratorium": cues}}, {}, [])


def test_a_headless_cue_is_searched_only_in_texts_holding_one_of_its_alternatives() -> None:
    index = _headless_index()
    required = sorted(f.required for f in index._any)
    # one of each set its parsed pattern needs; an optional group promises nothing
    assert required == [(), (("halt", "pause"), ("month", "week"))]
    (hits,), _ = index.scan("Six-month pause on sales", "six-month pause on sales")
    assert [(h.start, h.end, h.label) for h in hits] == [(0, 15, "moratorium")]
    (hits,), _ = index.scan("Six-year pause on sales", "six-year pause on sales")
    assert hits == []


def test_a_factored_gate_matches_where_one_of_its_parts_does_and_nowhere_else() -> None:
    parts = [r"the\s+(?:\w+\s+){0,2}firm(?!\w)", r"the\s+(?:\w+\s+){0,2}vendor(?!\w)",
             r"the\s+end", r"a|b", r"[]x]y\d{2}"]  # fmt: skip
    gate = factored(parts)
    assert gate.count(r"the\s+") == 1  # the shared start is written once
    texts = ["the small firm", "the big new vendor", "the end", "the firms", "a", "b",
             "]y12", "xy1", "the one two three firm", "then"]  # fmt: skip
    for text in texts:
        expected = any(re.match(p, text) for p in parts)
        assert (re.match(gate, text) is not None) is expected, text


def test_word_runs_before_a_space_are_possessive_and_match_the_same() -> None:
    """A gap's words, and a run of word characters before a space, are taken whole
    ("++"): the same matches as the plain form, without giving characters back."""
    fragments = [
        "halts {w3}sales", "pause {w6}(?:stays|remains) in place", r"(?:[\w-]+ ){0,2}vendor",
        r"\w+ months longer", r"[\w'.&+-]+ (?:drops|ends) face", r"co-?ceos? \w+ quits",
    ]  # fmt: skip
    words = ["halts", "its", "sales", "pause", "now", "stays", "in", "place", "a", "tiny",
             "vendor", "two", "months", "longer", "o'neil", "drops", "ends", "face",
             "co-ceo", "jo", "quits", "x.y", "-", ","]  # fmt: skip
    rng = random.Random(3)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(2, 14))) for _ in range(400)]
    for fragment in fragments:
        fast = expand(fragment)
        assert "++" in fast, fragment
        plain = re.compile(fast.replace("++", "+"))
        possessive = re.compile(fast)
        for text in texts:
            for pos in range(len(text)):
                found, expected = possessive.match(text, pos), plain.match(text, pos)
                assert (found and found.span()) == (expected and expected.span()), (fragment, text)
    assert "++" not in expand(r"[\w\s]+ x") and "++" not in expand(r"[^a]+ x")  # may hold a space
    assert "++" not in expand(r"face\\w+ x")  # an escaped backslash, then "w+"


def _classes(extra: list[Cue]) -> list[list[tuple[str, list[Cue]]]]:
    return [
        [("ban", [Cue(r"refus(?:es|ed) to sell"), Cue("BWV"), *extra]),
         ("exit", [Cue(r"(?:quits|leaves) the (?:market|business)"), Cue(r"verlässt", "de")])],
        [("police", [Cue(r"polic(?:e|ía)"), Cue(r"(?m:^)sheriffs?")])],
    ]  # fmt: skip


def test_split_cues_are_kept_per_machine_and_split_anew_when_a_cue_changes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "regexes.marshal"
    direct = [f for c, labels in enumerate(_classes([]))
              for rank, (label, cues) in enumerate(labels)
              for f in fragments_of(c, rank, label, cues)]  # fmt: skip
    first = Compiled(path)
    assert split_cues(_classes([]), first) == direct
    first.save()
    later = Compiled(path)  # another process: the fragments come from the file
    assert split_cues(_classes([]), later) == direct
    assert later._new == {}
    changed = split_cues(_classes([Cue(r"stops? selling")]), later)  # a new cue: split anew
    assert [f.source for f in changed if f.label == "ban"][-1] == r"stops?\s+selling(?![\w])"
    assert len(later._new) == 1
