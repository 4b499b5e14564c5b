"""A vendor's history found under its other names (bot.events.vendor_names.history_names,
read at the seam by bot.clustering.history): a short or long form, a gazetteer name, a
product the store has seen with one maker; never two companies that share a word
(invented vendors and sentences)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.events.vendor_names import history_names, one_company
from bot.models import Entry, Finding
from store import Store
from store import entries as entries_store
from tests import feedserver
from tests.feedserver import FeedServer
from tests.outlet_poll import poll_outlet
from tests.test_pipeline_e2e import NOW, item, rss

feed_server = feedserver.feed_server


# ----------------------------------------------------------------- which names (pure)


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("Halvard", ["halvard sensing", "brisk optics"], ("halvard sensing",)),
        ("Halvard Sensing", ["halvard", "brisk optics"], ("halvard",)),
        ("Halvard Sensing", ["halvard sensing labs"], ("halvard sensing labs",)),
        # two longer forms of one first word are two companies
        ("Nordic Vision", ["nordic analytics"], ()),
        # a short form two companies' names extend is nobody's for sure
        ("Nordic", ["nordic vision", "nordic analytics"], ()),
        ("Nordic Vision", ["nordic", "nordic analytics"], ()),
        # a common word is no short form
        ("Vision", ["vision dynamics"], ()),
        # the gazetteer's other names of one company
        ("Ever AI", ["paravision"], ("paravision",)),
    ],
)  # fmt: skip
def test_names_that_file_one_company_s_history(
    name: str, known: list[str], expected: tuple[str, ...]
) -> None:
    assert history_names(name, known) == expected


def test_a_product_seen_with_one_maker_files_that_maker_s_history() -> None:
    known = ["corvane systems", "corvane", "pellam optics"]
    assert history_names("GateSight", known, ["corvane systems"]) == (
        "corvane", "corvane systems",
    )  # fmt: skip
    # a product name two companies used belongs to neither
    assert history_names("GateSight", known, ["corvane systems", "pellam optics"]) == ()


def test_one_company_is_stricter_than_one_first_word() -> None:
    assert one_company("halvard", "halvard sensing labs")
    assert not one_company("nordic vision", "nordic analytics")
    assert not one_company("vision", "vision labs")


# ----------------------------------------------------------------- through the store


def _poll(tmp_path: Path, server: FeedServer, store: Store, *items: str) -> None:
    server.set("/a.xml", rss(*items), etag=f'"{len(items)}"')
    poll_outlet(tmp_path, server, store)


def _actions(store: Store, vendor: str) -> list[str | None]:
    return [e.action for e in clustering.timeline(store, vendor).events]


def _read_as(store: Store, guid: str) -> str | None:
    """The action the pipeline recorded for the item ``guid``."""
    rows = store.query(
        "SELECT f.action FROM findings f JOIN entries e ON e.id = f.entry_id WHERE e.guid = ?",
        [guid],
    )
    return rows[0]["action"] if rows else "(not recorded)"


PAUSE_LONG = item("p-long", "Halvard Sensing Labs pauses face-matching sales to police for a year",
                  "The supplier wants clearer rules first.", days_ago=330)  # fmt: skip
ON_SHORT = item("on-short", "Halvard still refuses to sell face matching to police",
                "The freeze goes on.", days_ago=0.1)  # fmt: skip
PAUSE_SHORT = item("p-short", "Brennick pauses face-matching sales to police for a year",
                   "The maker wants a state law first.", days_ago=300)  # fmt: skip
ON_LONG = item("on-long", "Brennick Sensing Labs: Polizeireviere warten weiter auf die "
               "Gesichtssuche", "Der Hersteller nennt keinen Termin.", days_ago=0.2)  # fmt: skip
PAUSE_OTHER = item("p-other", "Nordic Vision pauses face-matching sales to police for a year",
                   "The supplier wants clearer rules first.", days_ago=320)  # fmt: skip
ON_OTHER = item("on-other", "Nordic Analytics still refuses to sell face matching to police",
                "The freeze goes on.", days_ago=0.1)  # fmt: skip


def test_a_pause_goes_on_under_the_vendor_s_other_name(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        _poll(tmp_path, feed_server, store, PAUSE_LONG, PAUSE_SHORT, PAUSE_OTHER)
        _poll(tmp_path, feed_server, store,
              PAUSE_LONG, PAUSE_SHORT, PAUSE_OTHER, ON_SHORT, ON_LONG, ON_OTHER)  # fmt: skip
        # told under the short name, the long name's pause goes on: an extension
        assert _read_as(store, "on-short") == "extension"
        # told under the long name, the short name's pause goes on
        assert _read_as(store, "on-long") == "extension"
        # another company sharing the first word has no pause to extend
        assert _read_as(store, "on-other") == "ban"
        assert _actions(store, "Nordic Vision") == ["moratorium"]
    finally:
        store.close()


def _record(store: Store, guid: str, finding: Finding, days_ago: float) -> None:
    entry = Entry(feed_id="seed", key=f"guid:{guid}", title=f"report {guid}", summary="",
                  link=f"https://news.example/{guid}", guid=guid,
                  published=NOW - timedelta(days=days_ago))  # fmt: skip
    with store.transaction():
        ((entry_id, _),) = entries_store.record_entries(store, [entry])
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
        entries_store.record_finding(store, entry_id, finding, change.event_id)


def _exit(vendor: str, product: str) -> Finding:
    return Finding(relevant=True, actor_type="vendor", vendor=vendor, product=product,
                   action="exit", applies_to="everyone", confidence=0.8)  # fmt: skip


BACK = item("back", "GateSight trials face recognition with transit police",
            "The pilot runs for three months.", days_ago=0.1)  # fmt: skip


def test_a_return_told_by_the_product_s_name_is_a_reversal(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        _record(store, "gone", _exit("Corvane Systems", "GateSight"), days_ago=200)
        _poll(tmp_path, feed_server, store, BACK)
        assert _read_as(store, "back") == "reversal"
    finally:
        store.close()


def test_a_product_name_two_vendors_used_finds_no_history(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        _record(store, "gone", _exit("Corvane Systems", "GateSight"), days_ago=200)
        _record(store, "other", _exit("Pellam Optics", "GateSight"), days_ago=150)
        _poll(tmp_path, feed_server, store, BACK)
        assert _read_as(store, "back") != "reversal"
    finally:
        store.close()
