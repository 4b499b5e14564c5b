"""Data files parse once: later processes read the parsed copy while the file is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from bot import yaml_loader
from bot.yaml_loader import cached_copy, load_data


def test_the_parsed_copy_is_used_until_the_file_changes(tmp_path: Path) -> None:
    data = tmp_path / "words.yaml"
    data.write_text("fruit: [apple, grape]\ncount: 2\n", encoding="utf-8")
    assert load_data(data) == {"fruit": ["apple", "grape"], "count": 2}
    copy = cached_copy(data)
    assert copy.exists()
    stamp = data.stat().st_mtime_ns
    data.write_text("fruit: [lemon, grape]\ncount: 2\n", encoding="utf-8")  # same size
    os.utime(data, ns=(stamp, stamp))  # and the same time: the copy stands for it
    assert load_data(data)["fruit"] == ["apple", "grape"]
    os.utime(data, ns=(stamp + 1_000_000, stamp + 1_000_000))  # edited later: parsed again
    assert load_data(data)["fruit"] == ["lemon", "grape"]


def test_a_damaged_copy_or_a_value_marshal_cannot_hold_falls_back_to_parsing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "when.yaml"
    data.write_text("day: 2026-12-06\n", encoding="utf-8")  # a date: no copy is made
    assert str(load_data(data)["day"]) == "2026-12-06"
    assert not cached_copy(data).exists()
    plain = tmp_path / "plain.yaml"
    plain.write_text("a: 1\n", encoding="utf-8")
    load_data(plain)
    cached_copy(plain).write_bytes(b"\x00not marshal")
    assert load_data(plain) == {"a": 1}


def test_a_broken_file_still_raises_the_yaml_error(tmp_path: Path) -> None:
    data = tmp_path / "broken.yaml"
    data.write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        load_data(data)


def test_read_data_file_names_the_file_and_the_fix(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("en: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        yaml_loader.DataFileError, match=r"(?s)broken\.yaml: cannot be read .*fix the file"
    ):
        yaml_loader.read_data_file(broken)
    with pytest.raises(yaml_loader.DataFileError, match=r"absent\.yaml: cannot be read"):
        yaml_loader.read_data_file(tmp_path / "absent.yaml")
    good = tmp_path / "good.yaml"
    good.write_text("en: [a, b]\n", encoding="utf-8")
    assert yaml_loader.read_data_file(good) == {"en": ["a", "b"]}
