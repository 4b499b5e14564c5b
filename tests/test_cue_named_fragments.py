"""Named cue fragments: a cue writes ``{name}`` where a fragment defined once in cues.yaml
``fragments`` stands (bot/extract/cueclass.py ``named_fragments``, read by
bot/extract/resources.py ``cue_sections``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.extract.cueclass import named_fragments
from bot.extract.resources import DataFileError, cue_sections


def test_a_name_is_replaced_everywhere_in_the_sections() -> None:
    sections = {
        "families": {"refusal": {"en": ["{ahead}shelves (?:all )?deals", "plain"]}},
        "negation": ["x{ahead}y"],
    }
    out = named_fragments(sections, {"ahead": "(?=[^.]{0,40}?towns)"})
    assert out == {
        "families": {"refusal": {"en": ["(?=[^.]{0,40}?towns)shelves (?:all )?deals", "plain"]}},
        "negation": ["x(?=[^.]{0,40}?towns)y"],
    }


def test_word_gaps_and_quantifiers_are_no_names() -> None:
    pattern = "parks {w3}(?:[\\w-]+ ){0,2}orders"
    assert named_fragments([pattern], {"w": "nope"}) == [pattern]


def test_an_undefined_name_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="missing"):
        named_fragments(["{missing}drops"], {"ahead": "x"})


def test_the_cue_files_define_every_name_they_use() -> None:
    sections = cue_sections()
    assert "fragments" not in sections

    def patterns(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [p for v in value for p in patterns(v)]
        if isinstance(value, dict):
            return [p for v in value.values() for p in patterns(v)]
        return []

    assert not [p for p in patterns(sections) if re.search(r"\{[a-z][a-z_]+\}", p)]


def test_an_undefined_name_in_the_files_names_the_file(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text("fragments:\n  ahead: 'x'\nnegation:\n  en: ['{elsewhere}not']\n")
    overlay = tmp_path / "cues_languages.yaml"
    overlay.write_text("fr:\n  negation: ['{ahead}pas']\n")
    with pytest.raises(DataFileError, match=r"cues\.yaml: a cue uses \{elsewhere\}"):
        cue_sections(cues, overlay)


def test_a_name_used_in_the_language_file_is_expanded(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text("fragments:\n  ahead: '(?=[^.]{0,30}?mairies)'\nnegation:\n  en: ['not']\n")
    overlay = tmp_path / "cues_languages.yaml"
    overlay.write_text("fr:\n  negation: ['{ahead}plus']\n")
    assert cue_sections(cues, overlay)["negation"] == {
        "en": ["not"],
        "fr": ["(?=[^.]{0,30}?mairies)plus"],
    }
