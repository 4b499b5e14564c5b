"""Timelines, status lines and FTS5 search: store functions and the CLI commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import clustering
from bot.cli.main import main
from store import Store, event_search
from tests.test_events_store import item, record


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


def amazon_history(store: Store) -> None:
    record(
        store,
        item(
            "Amazon pauses police use of Rekognition for one year",
            day=0,
            duration="1 year",
            effective=date(2021, 3, 1),
            vendor="Amazon",
            product="Rekognition",
        ),
    )
    record(
        store,
        item(
            "Rekognition pause: what it means for police",
            day=2,
            source="Second",
            duration="1 year",
            vendor="Amazon",
            product="Rekognition",
        ),
    )
    record(
        store,
        item(
            "Amazon extends Rekognition police pause indefinitely",
            day=440,
            action="extension",
            duration="indefinite",
            vendor="Amazon",
            product="Rekognition",
        ),
    )
    record(store, item("Watchdog opens inquiry into Amazon doorbell data", day=200,
                       actor="regulator", relevant=False, action=None, product=None,
                       vendor="Amazon", applies_to=None))  # fmt: skip
    record(store, item("Amazon opinion column on cloud pricing", day=300, actor="none",
                       relevant=False, action=None, product=None, vendor="Amazon"))  # fmt: skip


def test_timeline_orders_events_and_states_current_status(store: Store) -> None:
    amazon_history(store)
    result = clustering.timeline(store, "amazon")
    assert result.vendor == "Amazon"
    assert [e.action or e.actor_type for e in result.events] == [
        "moratorium",
        "regulator",
        "extension",
    ]  # fmt: skip  (the opinion column is not policy history)
    assert result.events[0].mention_count == 2
    assert [line.text for line in result.status] == [
        "Rekognition: police use paused indefinitely since 2022-05"
    ]
    assert clustering.timeline(store, "Nobody Inc").events == ()


def test_search_ranks_title_matches_first_and_covers_events(store: Store) -> None:
    record(store, item("Glimmer cameras drop face matching", vendor="Glimmer", product=None,
                       summary="A short note."))  # fmt: skip
    record(store, item("Quarterly results", vendor="Other Co", product=None, day=40,
                       summary="The report mentions glimmer once, in passing, among many things."))  # fmt: skip
    hits = event_search.search(store, "glimmer")
    entries = [h for h in hits if h.kind == "entry"]
    assert [h.title for h in entries] == ["Glimmer cameras drop face matching", "Quarterly results"]
    assert entries[0].score > entries[1].score
    assert entries[0].event_id is not None and entries[0].source == "Example News"
    assert any(h.kind == "event" and h.vendor == "Glimmer" for h in hits)
    assert event_search.search(store, "glimmer", limit=1)[0].title.startswith("Glimmer")


def test_search_falls_back_to_any_word(store: Store) -> None:
    record(store, item("Glimmer cameras drop face matching", vendor="Glimmer", product=None))
    assert [h.kind for h in event_search.search(store, "glimmer unicorn")] != []
    assert event_search.search(store, "unicorn zebra") == []


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "AND OR NOT", "title:glimmer", "glimmer*", "NEAR(glimmer", "(((", "-glimmer",
     "glimmer' OR 1=1 --", "^glimmer", "{title}: x", ""],
)  # fmt: skip
def test_hostile_query_syntax_never_raises(store: Store, query: str) -> None:
    record(store, item("Glimmer cameras drop face matching", vendor="Glimmer", product=None))
    hits = event_search.search(store, query)
    assert isinstance(hits, list)
    if "glimmer" in query.lower():
        assert hits and "Glimmer" in hits[0].title


def test_fts_query_quotes_every_word() -> None:
    assert event_search.fts_query('face "recognition" OR x*') == '"face" "recognition" "OR" "x"'
    assert event_search.fts_query("a b", any_word=True) == '"a" OR "b"'
    assert event_search.fts_query("!!!") == ""


# --------------------------------------------------------------------------- CLI


def run(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    return result.exit_code, result.output


def test_cli_timeline_text_json_and_alias(store: Store, db_path: Path) -> None:
    amazon_history(store)
    code, out = run(db_path, "timeline", "AMAZON")
    assert code == 0, out
    assert "Rekognition: police use paused indefinitely since 2022-05" in out
    assert out.index("moratorium") < out.index("extension")
    code, out = run(db_path, "timeline", "aws", "--json")  # a gazetteer alias of Amazon
    assert code == 0, out
    data = json.loads(out)
    assert data["vendor"] == "Amazon" and len(data["events"]) == 3
    assert data["status"][0]["text"].startswith("Rekognition:")


def test_cli_timeline_unknown_vendor_names_it_and_suggests(store: Store, db_path: Path) -> None:
    amazon_history(store)
    code, out = run(db_path, "timeline", "Amazonn")
    assert code != 0
    assert "unknown vendor 'Amazonn'" in out and "Amazon" in out and str(db_path) in out


def test_cli_search_text_and_json(store: Store, db_path: Path) -> None:
    record(
        store, item("Glimmer cameras drop face matching\x1b[31m", vendor="Glimmer", product=None)
    )
    code, out = run(db_path, "search", "glimmer", "cameras")
    assert code == 0 and "Glimmer cameras drop face matching" in out
    assert "\x1b" not in out  # feed text cannot drive the terminal
    code, out = run(db_path, "search", "--json", "glimmer")
    assert code == 0
    assert {h["kind"] for h in json.loads(out)} == {"entry", "event"}
    code, out = run(db_path, "search", "???")
    assert code != 0 and "no words" in out
