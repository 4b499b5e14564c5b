"""clustering_metrics on small examples computed by hand, and cluster_items end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.clustering import cluster_items
from bot.events.metrics import clustering_metrics
from bot.models import Entry, Finding


def test_split_and_merge_example() -> None:
    # gold A A B B, predicted x x x y
    m = clustering_metrics(["x", "x", "x", "y"], ["A", "A", "B", "B"], [True] * 4)
    # precision: (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3; recall: (1 + 1 + 1/2 + 1/2) / 4 = 3/4
    assert m["bcubed_precision"] == pytest.approx(2 / 3)
    assert m["bcubed_recall"] == pytest.approx(3 / 4)
    assert m["bcubed_f1"] == pytest.approx(12 / 17)
    # predicted pairs 3, gold pairs 2, correct 1 → P 1/3, R 1/2, F1 0.4
    assert m["pairwise_f1"] == pytest.approx(0.4)
    assert m["events_alerted_twice"] == 1  # B is split over x and y
    assert m["merged_events"] == 2  # A and B share x


def test_perfect_clustering_and_irrelevant_splits() -> None:
    perfect = clustering_metrics(["p", "p", "q"], ["A", "A", "B"], [True, True, False])
    assert perfect["bcubed_f1"] == pytest.approx(1.0)
    assert perfect["pairwise_f1"] == pytest.approx(1.0)
    assert perfect["events_alerted_twice"] == 0 and perfect["merged_events"] == 0
    split = clustering_metrics(["p", "q"], ["B", "B"], [False, False])
    assert split["events_alerted_twice"] == 0  # an irrelevant event never alerts
    assert split["bcubed_recall"] == pytest.approx(0.5)


def test_none_predictions_are_singletons_and_items_without_gold_are_ignored() -> None:
    m = clustering_metrics([None, None, "z", "z"], ["A", "A", None, None], [True] * 4)
    # two gold items, each alone: precision 1, recall 1/2
    assert m["bcubed_precision"] == pytest.approx(1.0)
    assert m["bcubed_recall"] == pytest.approx(0.5)
    assert m["events_alerted_twice"] == 0  # two unrecorded mentions: a miss, not two alerts
    assert m["split_any"] == 1  # the count of sessions before: each None its own label
    assert m["merged_events"] == 0  # the gold-less items in z do not count
    assert m["pairwise_f1"] == pytest.approx(0.0)


def test_only_recorded_mentions_make_a_second_alert() -> None:
    # gold A over a recorded event p and an unrecorded mention; gold B over p2, q
    m = clustering_metrics(["p", None, "p2", "q"], ["A", "A", "B", "B"], [True] * 4)
    assert m["events_alerted_twice"] == 1  # B only: A's second mention alerted nobody
    assert m["bcubed_recall"] == pytest.approx(0.5)  # the split still costs recall


def test_only_events_that_alerted_count_when_the_alerts_are_known() -> None:
    predicted = ["p", "q", "r", "s"]
    gold = ["A", "A", "B", "B"]
    m = clustering_metrics(predicted, gold, [True] * 4, alerted={"p", "r", "s"})
    assert m["events_alerted_twice"] == 1  # B (r and s alerted); A's q never did
    assert clustering_metrics(predicted, gold, [True] * 4, alerted=set())[
        "events_alerted_twice"] == 0  # fmt: skip


def test_an_authority_act_split_in_two_alerts_counts() -> None:
    # the authority channel alerts acts whose gold is not a vendor change (relevant False)
    m = clustering_metrics(["p", "q"], ["C", "C"], [True, True], alerted={"p", "q"})
    assert m["events_alerted_twice"] == 1


def test_a_comment_joined_to_an_event_is_no_merge() -> None:
    # A alerts; K is a comment no channel alerts: sharing p hides nothing
    m = clustering_metrics(["p", "p", "p"], ["A", "A", "K"], [True, True, False])
    assert m["merged_events"] == 0
    assert m["merged_any"] == 2  # the count of sessions before
    assert m["bcubed_precision"] < 1.0  # the clustering scores still see it
    both = clustering_metrics(["p", "p", "p"], ["A", "A", "C"], [True, True, True])
    assert both["merged_events"] == 2  # two events a channel alerts: one is lost


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError, match="one prediction"):
        clustering_metrics(["a"], ["A", "B"], [True, True])


def _entry(n: int, title: str, day: int) -> Entry:
    return Entry(feed_id=f"outlet-{n}", key=f"k{n}", title=title, summary="",
                 published=datetime(2022, 1, 3, tzinfo=UTC) + timedelta(days=day),
                 source=f"Outlet {n}")  # fmt: skip


def test_cluster_items_runs_the_store_clustering() -> None:
    pause = Finding(relevant=True, actor_type="vendor", vendor="Acme Vision", action="moratorium",
                    product="FaceFinder", confidence=0.8)  # fmt: skip
    other = Finding(relevant=True, actor_type="vendor", vendor="Bolt Biometrics", action="exit",
                    confidence=0.8)  # fmt: skip
    items = [
        (_entry(1, "Acme Vision pauses FaceFinder", 0), pause),
        (_entry(2, "Bolt Biometrics leaves face recognition", 0), other),
        (_entry(3, "Weather report for the weekend", 1), None),
        (_entry(4, "Acme's FaceFinder pause explained", 3), pause),
    ]
    keys = cluster_items(items)
    assert keys[0] is not None and keys[0] == keys[3]
    assert keys[1] is not None and keys[1] != keys[0]
    assert keys[2] is None
    m = clustering_metrics(keys, ["acme", "bolt", None, "acme"], [True, True, False, True])
    assert m["bcubed_f1"] == pytest.approx(1.0)
