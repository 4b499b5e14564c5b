"""``policybot run`` as a real process: it polls on schedule and stops cleanly on a signal."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests import feedserver
from tests.feedserver import FeedServer
from tests.test_pipeline_e2e import NOISE, OLD, rss, write_config

feed_server = feedserver.feed_server


def wait_for(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def entry_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_run_polls_then_stops_cleanly_on_sigterm(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set("/a.xml", rss(OLD))
    feed_server.set("/b.xml", rss(NOISE))
    config = write_config(tmp_path, feed_server)
    db = tmp_path / "bot.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "--feeds",
            str(config),
            "--db",
            str(db),
            "run",
            "--tick",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert wait_for(lambda: entry_count(db) == 2), "the daemon never recorded the feeds"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped cleanly" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (baseline,) = conn.execute("SELECT COUNT(*) FROM feeds WHERE baseline_done = 1").fetchone()
    assert baseline == 2


def test_a_cycle_longer_than_the_tick_is_not_overlapped_and_logged_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/a.xml", rss(OLD), delay=3.5)  # the cycle outlasts three ticks
    feed_server.set("/b.xml", rss(NOISE))
    config = write_config(tmp_path, feed_server)
    db = tmp_path / "bot.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "-v", "--feeds", str(config), "--db", str(db),
         "run", "--tick", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        assert wait_for(lambda: entry_count(db) == 2), "the daemon never recorded the feeds"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert err.count("the poll cycle is still running") == 1, err
    assert "maximum number of running instances" not in err
    assert len(feed_server.requests_for("/a.xml")) == 1  # never fetched twice at once
