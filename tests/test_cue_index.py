"""The cue index compiles each fragment's regexes the first time a text needs them, so
a broken cue in the data files would only show when some item reaches it: every one
is compiled here."""

from __future__ import annotations

import re

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
