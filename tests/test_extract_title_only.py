"""Feeds often send an item with a headline and no summary: extraction must read it,
never raise (one exception would cost the rest of the feed's items their alerts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extract import extract
from bot.models import Entry

LABELLED = Path(__file__).resolve().parent.parent / "eval"

# Headlines that name face data or an authority's decision but no FR term and no
# vendor: the scan has nothing but the headline to split into sentences.
# A passive decision in the headline ("... suspended") is looked up in its sentence.
BARE_HEADLINES = [
    "Biometric checks at ferry terminal suspended",
    "Biometric register at the school suspended",
    "Fingerprint and face clock-ins judged excessive for warehouse staff",
    "Turnstile face scans at the arena declared unlawful by judge",
]


def entry(title: str, summary: str = "") -> Entry:
    return Entry(feed_id="feed", key=title, title=title, summary=summary)


@pytest.mark.parametrize("title", BARE_HEADLINES)
def test_a_bare_headline_is_read_without_a_summary(title: str) -> None:
    found = extract(entry(title))
    assert found is None or found.evidence  # read, and any finding cites the headline


def test_a_judges_passive_headline_alone_is_the_courts_decision() -> None:
    found = extract(entry("Turnstile face scans at the arena declared unlawful by judge"))
    assert found is not None and found.actor_type == "court" and not found.relevant


def test_every_labelled_headline_alone_is_read_without_an_exception() -> None:
    titles = [
        json.loads(line)["title"]
        for path in sorted(LABELLED.glob("*/*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(titles) > 1000
    read = [extract(entry(title)) for title in titles]
    assert any(f is not None and f.relevant for f in read)  # headlines alone still alert
