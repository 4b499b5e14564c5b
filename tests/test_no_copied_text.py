"""No labelled text copied into code or tests: word 7-gram overlap.

Every run of N (= 7) consecutive words in ``tests/*.py`` and ``bot/**/*.py`` (string
literals, docstrings and comments alike; case, punctuation and apostrophe style ignored)
is looked up among the titles and summaries of the labelled sets:

- always: ``eval/corpus/*.jsonl`` and ``eval/heldback/*.jsonl`` (in the repository);
- when the shared folder sits next to the repository (``../shared/data``): ``dev.jsonl``
  and ``failure-classes.md`` (the whole file, paragraph by paragraph). Without it the
  check of the in-repository sets still runs, and the shared-data test is skipped with
  a reason that says so.

Why 7 words: at 6 words the remaining collisions include stock phrases any writer of
this domain produces unaided ("by the end of the year", "says it has no plans to",
"will not be able to buy", "non venderà più il riconoscimento facciale"); from 7 words
on, every hit the review of this tree found was a sentence taken from a labelled item.
A test example must be written fresh (its own wording, invented vendors and places): a
hit here is fixed by rewording the span, never by an allow-list. Official institution
names in ``bot/data/*.yaml`` are vocabulary and out of scope (only ``.py`` files are read).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

N = 7
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

Grams = dict[tuple[str, ...], set[str]]


def words(text: str) -> list[tuple[str, int]]:
    """The words of ``text``, lower-cased with one apostrophe style, and where each starts."""
    return [(m.group().lower().replace("’", "'"), m.start()) for m in WORD.finditer(text)]


def add_grams(grams: Grams, source: str, text: str) -> None:
    w = [x for x, _ in words(text)]
    for i in range(len(w) - N + 1):
        grams[tuple(w[i : i + N])].add(source)


def jsonl_grams(paths: Iterable[Path], grams: Grams) -> int:
    """Titles and summaries of labelled items; returns how many items were read."""
    items = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                source = f"{path.name}:{item.get('id', '?')}"
                add_grams(grams, source, item.get("title") or "")
                add_grams(grams, source, item.get("summary") or "")
                items += 1
    return items


def markdown_grams(path: Path, grams: Grams) -> None:
    for k, para in enumerate(re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))):
        add_grams(grams, f"{path.name}:paragraph {k}", para)


def scanned_files() -> list[Path]:
    return sorted(ROOT.glob("tests/*.py")) + sorted(ROOT.glob("bot/**/*.py"))


def overlaps(grams: Grams, files: Iterable[Path], root: Path = ROOT) -> list[str]:
    """Maximal runs of overlapping N-grams, as "file:line: words <- sources"."""
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        ws = words(text)
        hits = [grams.get(tuple(x for x, _ in ws[i : i + N])) for i in range(len(ws) - N + 1)]
        i = 0
        while i < len(hits):
            if not hits[i]:
                i += 1
                continue
            j, sources = i, set()
            while j < len(hits) and hits[j]:
                sources |= hits[j] or set()
                j += 1
            line = text.count("\n", 0, ws[i][1]) + 1
            span = " ".join(x for x, _ in ws[i : j + N - 1])
            where = path.relative_to(root)
            found.append(f'{where}:{line}: "{span}" <- {", ".join(sorted(sources)[:4])}')
            i = j
    return found


def report(found: list[str], checked: str) -> str:
    return (
        f"{len(found)} span(s) of {N}+ words copied from labelled items ({checked}) into "
        "code or tests; reword each in your own words with invented vendors and places:\n"
        + "\n".join(found)
    )


def test_code_and_tests_share_no_wording_with_the_repositorys_labelled_sets() -> None:
    grams: Grams = defaultdict(set)
    sets = sorted(ROOT.glob("eval/corpus/*.jsonl")) + sorted(ROOT.glob("eval/heldback/*.jsonl"))
    items = jsonl_grams(sets, grams)
    assert items > 100, f"expected the labelled sets under {ROOT / 'eval'}, read {items} items"
    files = scanned_files()
    checked = f"{items} items of eval/corpus and eval/heldback"
    print(f"checked {len(files)} .py files against {checked}")
    found = overlaps(grams, files)
    assert not found, report(found, checked)


def test_code_and_tests_share_no_wording_with_the_shared_dev_set_and_failure_classes() -> None:
    dev, classes = SHARED / "dev.jsonl", SHARED / "failure-classes.md"
    if not (dev.exists() and classes.exists()):
        pytest.skip(
            f"{SHARED} not present: only eval/corpus and eval/heldback were checked "
            "(dev.jsonl and failure-classes.md were not)"
        )
    grams: Grams = defaultdict(set)
    items = jsonl_grams([dev], grams)
    markdown_grams(classes, grams)
    checked = f"{items} items of {dev} and {classes}"
    print(f"checked {len(scanned_files())} .py files against {checked}")
    found = overlaps(grams, scanned_files())
    assert not found, report(found, checked)


def test_a_copied_run_of_words_is_found_and_a_shorter_one_is_not(tmp_path: Path) -> None:
    """The detector can fail: a labelled headline pasted into a file is reported, with its
    line and source, whatever its case and punctuation; its first N-1 words are not."""
    grams: Grams = defaultdict(set)
    sets = sorted(ROOT.glob("eval/heldback/*.jsonl"))
    jsonl_grams(sets, grams)
    item = next(
        json.loads(line)
        for path in sets
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and len(words(json.loads(line)["title"])) >= N + 1
    )
    title = " ".join(x for x, _ in words(item["title"]))
    pasted = tmp_path / "pasted.py"
    pasted.write_text(f'x = 1\n\n# {title.upper()}\nGOOD = "{title}"\n', encoding="utf-8")
    found = overlaps(grams, [pasted], tmp_path)
    assert len(found) == 2 and item["id"] in found[0] and ":3:" in found[0], found
    short = " ".join(title.split()[: N - 1])
    pasted.write_text(f'SHORT = "{short}"\n', encoding="utf-8")
    assert overlaps(grams, [pasted], tmp_path) == []
