"""``policybot feeds [--json]`` against a real feeds.yaml and SQLite file."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli.main import main
from store import Store
from store.feeds import get_feed, save_feed_state
from tests.cli_tables import assert_fits, table_rows

FEEDS_YAML = """\
defaults:
  interval: 15m
feeds:
  - name: Policy Watch
    url: https://policywatch.example.org/rss
    kind: news
  - name: Vendor Newsroom
    url: https://newsroom.example.com/feed.atom
    kind: vendor
    interval: 1h
"""


def run(tmp_path: Path, *args: str, feeds: str = FEEDS_YAML) -> tuple[int, str]:
    config = tmp_path / "feeds.yaml"
    config.write_text(feeds, encoding="utf-8")
    db = tmp_path / "data" / "policybot.db"
    result = CliRunner().invoke(main, ["--db", str(db), "--feeds", str(config), "feeds", *args])
    return result.exit_code, result.output


def test_configured_feeds_show_as_new(tmp_path: Path) -> None:
    code, output = run(tmp_path)
    assert code == 0, output
    rows = table_rows(output)
    assert rows["Policy Watch"] == ["Policy Watch", "new", "never", "0", "now"]
    assert rows["Vendor Newsroom"][:3] == ["Vendor Newsroom", "new", "never"]
    assert "News (1)" in output and "Vendor newsrooms (primary sources) (1)" in output
    assert "2 feeds: 2 new" in output
    assert_fits(output)


def test_health_after_failures(tmp_path: Path) -> None:
    run(tmp_path)
    store = Store.open(tmp_path / "data" / "policybot.db")
    state = get_feed(store, "policy-watch")
    assert state is not None
    now = datetime.now(UTC)
    save_feed_state(store, replace(
        state, status="failing", consecutive_failures=3, last_fetch_at=now - timedelta(minutes=5),
        next_due_at=now + timedelta(hours=2), last_error="feed 'Policy Watch' (…): HTTP 500",
    ))  # fmt: skip
    store.close()
    code, output = run(tmp_path)
    assert code == 0, output
    assert table_rows(output)["Policy Watch"] == ["Policy Watch", "FAILING", "5m ago", "3", "in 2h"]
    assert "Problems (1 feed):\n  Policy Watch: HTTP 500" in output
    assert output.count("HTTP 500") == 1 and "(…)" not in output

    code, output = run(tmp_path, "--json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(output)}
    assert rows["policy-watch"]["consecutive_failures"] == 3
    assert rows["policy-watch"]["status"] == "failing"
    assert rows["policy-watch"]["next_due_at"].startswith(str((now + timedelta(hours=2)).year))
    assert (
        rows["vendor-newsroom"]["interval"] == 3600 and rows["vendor-newsroom"]["status"] == "new"
    )
    assert [row["id"] for row in json.loads(output)] == ["policy-watch", "vendor-newsroom"]


def test_removed_feed_is_listed_as_disabled(tmp_path: Path) -> None:
    run(tmp_path)
    only_one = FEEDS_YAML.split("  - name: Vendor Newsroom")[0]
    code, output = run(tmp_path, "--json", feeds=only_one)
    assert code == 0, output
    rows = {row["id"]: row for row in json.loads(output)}
    assert rows["vendor-newsroom"]["status"] == "disabled"
    assert rows["vendor-newsroom"]["configured"] is False
    assert rows["policy-watch"]["configured"] is True


def test_broken_config_fails_without_touching_the_store(tmp_path: Path) -> None:
    broken = "feeds:\n  - name: Nameless URL\n    url: ftp://example.org/feed\n"
    code, output = run(tmp_path, feeds=broken)
    assert code != 0
    assert "feeds[1]" in output and "Nameless URL" in output and "http(s)" in output
    assert not (tmp_path / "data").exists()
