"""The labelled corpus (eval/corpus/) and the held-back batches (eval/heldback/) follow the
dev format, line by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.label_format import problems
from bot.labelled_files import load_paths

CORPUS = Path(__file__).resolve().parent.parent / "eval" / "corpus"
FILES = sorted(CORPUS.glob("*.jsonl"))
HELDBACK = Path(__file__).resolve().parent.parent / "eval" / "heldback"
HELD_FILES = sorted(HELDBACK.glob("*.jsonl"))


def test_the_corpus_is_there() -> None:
    assert FILES, f"no *.jsonl under {CORPUS}"
    assert (CORPUS / "README.md").is_file()


@pytest.mark.parametrize("path", FILES + HELD_FILES, ids=[p.name for p in FILES + HELD_FILES])
def test_every_corpus_line_follows_the_format(path: Path) -> None:
    bad = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        found = problems(json.loads(line))
        if found:
            bad.append(f"{path.name}:{number}: {'; '.join(found)}")
    assert not bad, "\n".join(bad)


def test_the_held_back_batches_are_there_and_share_no_event_with_the_corpus() -> None:
    assert len(HELD_FILES) >= 2, f"expected the held-back batches under {HELDBACK}"
    assert (HELDBACK / "README.md").is_file()
    held = {i.gold["event_id"] for i in load_paths(HELD_FILES)} - {None}
    seen = {i.gold["event_id"] for i in load_paths(FILES)} - {None}
    assert len(load_paths(HELD_FILES)) >= 200
    assert not held & seen, f"events in both the corpus and the held-back batches: {held & seen}"


def test_the_whole_corpus_loads_for_eval_with_unique_ids() -> None:
    items = load_paths(FILES)  # raises on a repeated id, naming both places
    assert len(items) >= 400


def good() -> dict[str, Any]:
    return {
        "id": "z1", "source": "Harbour Courier", "url": "https://courier.example/z1",
        "published": "2024-02-03", "language": "pt", "title": "Orvane fecha a sua busca facial",
        "summary": "A empresa deixa o negócio.",
        "gold": {"relevant": True, "actor_type": "vendor", "vendor": "Orvane", "product": None,
                 "action": "exit", "applies_to": "everyone", "region": "BR",
                 "effective": "2024-02-03", "duration": None, "event_id": "orvane-exit"},
    }  # fmt: skip


def test_a_well_formed_item_has_no_problems() -> None:
    assert problems(good()) == []


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"published": "3 Feb"}, "'published' must be a YYYY-MM-DD date"),
        ({"language": "Portuguese"}, "'language' must be a code"),
        ({"url": "ftp://courier.example/z1"}, "'url' must be an http(s) address"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"gold": {**good()["gold"], "action": "pause"}}, "gold.action is 'pause'"),
        ({"gold": {**good()["gold"], "actor_type": "company"}}, "gold.actor_type is 'company'"),
        ({"gold": {**good()["gold"], "applies_to": "cops"}}, "gold.applies_to is 'cops'"),
        ({"gold": {**good()["gold"], "region": "Brazil"}}, "gold.region is 'Brazil'"),
        ({"gold": {**good()["gold"], "effective": "soon"}}, "gold.effective must be"),
        ({"gold": {**good()["gold"], "action": None}}, "a relevant item is a vendor's change"),
        ({"gold": {**good()["gold"], "relevant": False}}, "not relevant has no action"),
        ({"gold": {**good()["gold"], "event_id": None}}, "gold.event_id is null"),
        ({"gold": {k: v for k, v in good()["gold"].items() if k != "duration"}},
         "gold: missing field 'duration'"),
    ],
)  # fmt: skip
def test_each_broken_rule_is_named(change: dict[str, Any], complaint: str) -> None:
    found = problems({**good(), **change})
    assert any(complaint in problem for problem in found), found
