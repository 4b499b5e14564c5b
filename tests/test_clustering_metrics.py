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
    assert m["events_alerted_twice"] == 1
    assert m["merged_events"] == 0  # the gold-less items in z do not count
    assert m["pairwise_f1"] == pytest.approx(0.0)


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
