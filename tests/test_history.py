"""A vendor's history: a deployment after an exit is a reversal; a restatement of an old
policy is no news (bot.extract.history), read from the real store in the pipeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.extract.history import apply_history
from bot.models import Event, Finding
from store import Store
from tests import feedserver
from tests.feedserver import FeedServer
from tests.outlet_poll import poll_outlet
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

WHEN = datetime(2024, 5, 1, tzinfo=UTC)


def event(action: str, days_before: float, *, applies_to: str = "everyone",
          product: str | None = None, vendor: str = "Ostrava Biometrics") -> Event:  # fmt: skip
    first = WHEN - timedelta(days=days_before)
    return Event(
        id=1, key="k", relevant=True, actor_type="vendor", vendor=vendor, product=product,
        action=action, applies_to=applies_to, region="US", effective=first.date(),
        duration=None, title="t", evidence="e", link=None, confidence=0.8, first_reported=first,
    )  # fmt: skip


DEPLOYMENT = Finding(relevant=False, actor_type="vendor", vendor="Ostrava Biometrics",
                     region="CA", signal="deployment")  # fmt: skip
RESTATEMENT = Finding(relevant=True, actor_type="vendor", vendor="Ostrava Biometrics",
                      action="ban", applies_to="police", signal="restatement")  # fmt: skip


@pytest.mark.parametrize("stop", ["exit", "shutdown", "moratorium"])
def test_a_deployment_after_a_standing_stop_is_a_reversal(stop: str) -> None:
    f = apply_history(DEPLOYMENT, [event(stop, 400)], WHEN)
    assert (f.relevant, f.action, f.region) == (True, "reversal", "CA")


def test_a_deployment_without_a_stop_or_after_a_reversal_stays_no_change() -> None:
    assert apply_history(DEPLOYMENT, [], WHEN) == DEPLOYMENT
    undone = [event("exit", 400), event("reversal", 100), event("ban", 50, applies_to="police")]
    assert apply_history(DEPLOYMENT, undone, WHEN).relevant is False
    other_vendor = [event("exit", 400, vendor="Dovetrack")]
    assert apply_history(DEPLOYMENT, other_vendor, WHEN).relevant is False


def test_a_deployment_after_a_return_is_more_of_that_return() -> None:
    returned = [event("exit", 400), event("reversal", 60)]
    f = apply_history(DEPLOYMENT, returned, WHEN)  # the return reaches a new country
    assert (f.relevant, f.action, f.region) == (True, "reversal", "CA")


def test_a_ban_on_one_group_is_undone_only_by_serving_that_group() -> None:
    police_ban = [event("ban", 300, applies_to="police")]
    assert apply_history(DEPLOYMENT, police_ban, WHEN).relevant is False
    to_police = replace(DEPLOYMENT, applies_to="police")
    assert apply_history(to_police, police_ban, WHEN).action == "reversal"


def test_a_stop_of_another_product_is_not_undone() -> None:
    stop = [event("shutdown", 300, product="Ostrava Gallery")]
    launch = replace(DEPLOYMENT, product="Ostrava Gate")
    assert apply_history(launch, stop, WHEN).relevant is False


def test_a_restatement_is_news_only_inside_the_policy_s_news_cycle() -> None:
    old = apply_history(RESTATEMENT, [event("ban", 400, applies_to="police")], WHEN)
    assert (old.relevant, old.actor_type) == (False, "none")
    fresh = apply_history(RESTATEMENT, [event("ban", 2, applies_to="police")], WHEN)
    assert (fresh.relevant, fresh.action) == (True, "ban")


EXIT = item("exit-1", "Ostrava Biometrics quits the face-recognition business",
            "The company drops work on face matching to sell palm readers instead.",
            days_ago=400)  # fmt: skip
TENDER = item("tender-1", "Ostrava Biometrics wins a border-agency tender for face matching",
              "The four-year contract covers every land crossing.", days_ago=0.1)  # fmt: skip
TENDER_NEW = item("tender-2", "Dovetrack Labs wins a border-agency tender for face matching",
                  "The four-year contract covers every land crossing.", days_ago=0.1)  # fmt: skip


def _poll(tmp_path: Path, server: FeedServer, store: Store) -> str:
    return poll_outlet(tmp_path, server, store, max_alert_age_days=14)


def test_the_pipeline_reads_the_timeline_from_the_store(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        feed_server.set("/a.xml", rss(EXIT), etag='"1"')
        _poll(tmp_path, feed_server, store)
        feed_server.set("/a.xml", rss(EXIT, TENDER, TENDER_NEW), etag='"2"')
        _poll(tmp_path, feed_server, store)
        actions = [e.action for e in clustering.timeline(store, "Ostrava Biometrics").events]
        assert actions == ["exit", "reversal"]
        # the same news about a vendor with no history stays a launch
        assert [e.relevant for e in clustering.timeline(store, "Dovetrack Labs").events] == []
    finally:
        store.close()
