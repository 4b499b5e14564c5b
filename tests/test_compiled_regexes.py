"""Regexes kept compiled across processes (bot/extract/compiled.py): the pattern a
process builds from the stored code is the one ``re.compile`` gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.extract.compiled import KEY_BYTES, Compiled, _key

SOURCES = [
    (r"(?<![\w])(?:halt(?:s|ed)?|paus(?:e|es|ed))\s+(?:[\w'.&+-]++\s+){0,3}sales(?![\w])", 0),
    (r"(?P<who>[A-Z]\w+) (?i:stops) (?P<what>\w+)", 0),
    (r"\bgesichtserkennung\w*", re.IGNORECASE),
    (r"(?m:^)(?:update|mise à jour)\s*:", 0),
]
TEXTS = [
    "Tarnwell halts its camera sales; Orbisca paused new sales",
    "Merrow STOPS matching. Kestrel stops searches",
    "Die GESICHTSERKENNUNGSSOFTWARE bleibt aus",
    "line one\nUpdate: the pilot ends\nmise à jour : rien",
]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups) == (b.pattern, b.flags, b.groups)
    assert a.groupindex == b.groupindex
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [
            (m.span(), m.groups()) for m in b.finditer(text)
        ]


def test_a_pattern_built_from_the_stored_code_is_the_compiled_one(tmp_path: Path) -> None:
    path = tmp_path / "regexes.marshal"
    first = Compiled(path)
    for source, flags in SOURCES:
        _same(first.compile(source, flags), re.compile(source, flags))
    first.save()
    later = Compiled(path)  # another process: every pattern comes from the file
    for source, flags in SOURCES:
        _same(later.compile(source, flags), re.compile(source, flags))
    assert len(later._index) == len(SOURCES)
    assert later._new == {}  # nothing compiled anew, nothing to write


def test_a_damaged_row_is_compiled_anew(tmp_path: Path) -> None:
    path = tmp_path / "regexes.marshal"
    source, flags = SOURCES[0]
    damaged = Compiled(path)  # code the regex engine refuses, stored for the pattern
    damaged._keep(_key("p", source, flags), (flags | re.UNICODE, b"\xff" * 12, 0, {}, (None,)))
    damaged.save()
    _same(Compiled(path).compile(source, flags), re.compile(source, flags))
    path.write_bytes(b"\x00" * 40)  # a file that is no index at all
    _same(Compiled(path).compile(source, flags), re.compile(source, flags))


def test_a_folder_that_cannot_be_written_still_compiles(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = Compiled(blocker / "sub" / "regexes.marshal")
    source, flags = SOURCES[1]
    _same(cache.compile(source, flags), re.compile(source, flags))
    cache.save()  # nothing to write to: no error


def test_an_invalid_pattern_raises_as_re_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        Compiled(tmp_path / "regexes.marshal").compile(r"(?:unclosed", 0)


def test_a_derived_value_is_worked_out_once_per_machine(tmp_path: Path) -> None:
    path = tmp_path / "regexes.marshal"
    calls: list[int] = []

    def work() -> dict[tuple[str, bool], frozenset[str] | None]:
        calls.append(1)
        return {("halt", False): frozenset({"sales"}), ("paus", True): None}

    first = Compiled(path)
    value = first.derived("starts", SOURCES[0][0], 0, work)
    first.save()
    assert Compiled(path).derived("starts", SOURCES[0][0], 0, work) == value
    assert len(calls) == 1
    assert Compiled(path).derived("starts", SOURCES[1][0], 0, work) == value
    assert len(calls) == 2  # another pattern: worked out


_MODULE_PATTERNS = """
import hashlib, re, sys
import bot.extract.reading, bot.sources.parse, bot.clustering
texts = sorted(f"{name}.{attr}={value.pattern!r}/{value.flags}"
               for name, module in list(sys.modules.items()) if name.startswith("bot.")
               for attr, value in vars(module).items() if isinstance(value, re.Pattern))
print(len(texts), hashlib.sha256("\\n".join(texts).encode()).hexdigest())
"""


def test_the_module_level_regexes_are_the_same_text_in_every_process() -> None:
    # a pattern built from a set's order would be a new entry of the file in each process
    # (compiled and written out every time): string hashing differs between processes
    root = Path(__file__).resolve().parent.parent
    seen = {
        subprocess.run(
            [sys.executable, "-c", _MODULE_PATTERNS],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout  # fmt: skip
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1
    assert int(next(iter(seen)).split()[0]) > 100  # the modules' patterns, not none


def test_the_file_index_finds_every_stored_key_and_no_other(tmp_path: Path) -> None:
    """The index is two flat arrays searched by bisection (not a dict per process)."""
    path = tmp_path / "regexes.marshal"
    first = Compiled(path)
    values = {f"kind{n}": n * 7 for n in range(300)}
    for kind, value in values.items():
        first.derived(kind, "x", 0, lambda value=value: value)
    first.save()
    later = Compiled(path)
    assert all(later.derived(kind, "x", 0, lambda: -1) == v for kind, v in values.items())
    assert later.derived("kind-absent", "x", 0, lambda: -1) == -1
    assert len(later._index) == len(values)
    assert isinstance(later._index.keys, bytes)
    first.derived("one-more", "x", 0, lambda: 5)  # a second process adds to the file
    first.save()
    again = Compiled(path)
    assert again.derived("one-more", "x", 0, lambda: -1) == 5
    assert again.derived("kind299", "x", 0, lambda: -1) == 299 * 7
    assert len(again._index) == len(values) + 1


def test_saving_a_few_values_into_a_large_file_does_not_read_it_whole(tmp_path: Path) -> None:
    """A process that adds a few patterns to a file of megabytes copies the stored values
    across in chunks: its memory does not grow by the file's size (the file may reach
    16 MB, and every short poll process that compiled one new pattern saved it)."""
    import tracemalloc

    path = tmp_path / "regexes.marshal"
    first = Compiled(path)
    for n in range(200):
        first.derived(f"big{n}", "x", 0, lambda n=n: bytes([n % 256]) * 40_000)
    first.save()
    assert path.stat().st_size > 7_000_000
    later = Compiled(path)
    later.derived("small", "x", 0, lambda: 1)
    tracemalloc.start()
    later.save()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3_000_000, peak
    again = Compiled(path)
    assert again.derived("small", "x", 0, lambda: -1) == 1
    assert again.derived("big199", "x", 0, lambda: b"") == bytes([199]) * 40_000
    assert len(again._index) == 201


def test_a_value_added_after_bytes_no_index_entry_reaches_is_read_back(tmp_path: Path) -> None:
    """New values go after every byte of the old file's values, not after the last one
    its index names: a tail no entry reaches (a file another writer left so) is kept
    and never read as a new value."""
    path = tmp_path / "regexes.marshal"
    first = Compiled(path)
    first.derived("old", "x", 0, lambda: "old value")
    first.save()
    with path.open("ab") as tail:
        tail.write(b"\x00unreferenced tail\x00")
    later = Compiled(path)
    later.derived("new", "x", 0, lambda: "new value")
    later.save()
    again = Compiled(path)
    assert again.derived("new", "x", 0, lambda: "missing") == "new value"
    assert again.derived("old", "x", 0, lambda: "missing") == "old value"


def test_saving_into_a_file_of_many_entries_merges_its_index_without_a_row_each(
    tmp_path: Path,
) -> None:
    """The index of a file of thousands of entries is merged as the flat arrays it is:
    the keys stay sorted and all findable, and a process adding a few values does not
    hold a Python row per stored entry while it saves (a worker ending its cycle did,
    3 MB for 11,000 entries)."""
    import tracemalloc

    path = tmp_path / "regexes.marshal"
    first = Compiled(path)
    for n in range(12_000):
        first.derived(f"many{n}", "x", 0, lambda n=n: n)
    first.save()
    later = Compiled(path)
    for name in ("zz-last", "aa-first", "many5000-near"):
        later.derived(name, "x", 0, lambda name=name: name)
    later.derived("many77", "x", 0, lambda: 77)  # stored already: read, not added
    tracemalloc.start()
    later.save()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3_000_000, peak  # (a row per entry: 4.3 MB here)
    again = Compiled(path)
    for name in ("zz-last", "aa-first", "many5000-near"):
        assert again.derived(name, "x", 0, lambda: "missing") == name
    keys = again._index.keys
    rows = [keys[n * KEY_BYTES : (n + 1) * KEY_BYTES] for n in range(len(again._index))]
    assert rows == sorted(rows) and len(rows) == 12_003
    assert all(again.derived(f"many{n}", "x", 0, lambda: -1) == n for n in range(0, 12_000, 997))
