"""``policybot run --http``: /metrics and /healthz of a running daemon process."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.app import Daemon
from bot.config import load_config
from bot.http_server import HttpServer, parse_listen
from bot.ops.health import Heartbeat, check
from bot.ops.routes import ops_routes
from store import Store
from tests import feedserver
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server
from tests.feedserver import FeedServer
from tests.test_daemon import wait_for
from tests.test_pipeline_e2e import NOISE, OLD, rss, write_config
from tests.test_slack_app import SECRET, command, signed
from tests.test_slack_app import runtime as slack_runtime

feed_server = feedserver.feed_server
fake = fake_slack_server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, by name and labels."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(scrape: dict, name: str, **labels: str) -> float:  # type: ignore[type-arg]
    return float(scrape.get((name, tuple(sorted(labels.items()))), 0.0))


def test_metrics_move_after_a_poll_and_healthz_follows_the_database(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/a.xml", rss(OLD), delay=2.0)  # the first scrape comes before the poll
    feed_server.set("/b.xml", rss(NOISE), status=500)
    config = write_config(tmp_path, feed_server)
    db = tmp_path / "bot.db"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "--feeds", str(config), "--db", str(db),
         "run", "--tick", "1", "--http", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        assert wait_for(lambda: get(f"{base}/metrics")[0] == 200), "no /metrics"
        before = samples(get(f"{base}/metrics")[1])
        assert value(before, "policybot_polls_total") == 0
        assert value(before, "policybot_fetches_total", outcome="ok") == 0

        assert wait_for(lambda: value(samples(get(f"{base}/metrics")[1]),
                                      "policybot_polls_total") >= 1), "no poll counted"  # fmt: skip
        status, text = get(f"{base}/metrics")
        after = samples(text)
        assert status == 200
        assert value(after, "policybot_fetches_total", outcome="ok") == 1
        assert value(after, "policybot_fetches_total", outcome="error") == 1
        assert value(after, "policybot_fetch_duration_seconds_count") == 2
        assert value(after, "policybot_fetch_duration_seconds_sum") >= 2.0  # the slow feed
        assert value(after, "policybot_entries_recorded_total") == 1
        assert value(after, "policybot_feeds", status="ok") == 1
        assert value(after, "policybot_feeds", status="failing") == 1
        assert value(after, "policybot_stored_entries") == 1
        assert value(after, "policybot_last_poll_timestamp_seconds") > 1.7e9
        assert value(after, "policybot_outbox_depth") == 0

        assert get(f"{base}/healthz") == (200, "ok\n")
        moved = db.with_name("elsewhere.db")
        db.rename(moved)  # the database is made unavailable
        status, text = get(f"{base}/healthz")
        assert status == 503 and "database" in text and str(db) in text, text
        moved.rename(db)
        assert wait_for(lambda: get(f"{base}/healthz")[0] == 200)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert get(f"{base}/healthz")[0] == 0  # the server stopped with the daemon


def test_healthz_is_503_when_the_scheduler_stops_ticking(tmp_path: Path) -> None:
    now = [100.0]
    store = Store.open(tmp_path / "bot.db")
    beat = Heartbeat(max_silence=90, clock=lambda: now[0])
    beat.tick()
    assert check(store, beat) == (True, "ok\n")
    now[0] += 91
    healthy, text = check(store, beat)
    assert not healthy and "last ticked 91 s ago" in text
    beat.tick()
    beat.paused = "the database cannot be written: disk full"
    healthy, text = check(store, beat)
    assert not healthy and "disk full" in text
    store.close()


def test_listen_address_defaults_to_loopback() -> None:
    assert parse_listen("9100") == ("127.0.0.1", 9100)
    assert parse_listen("0.0.0.0:9100") == ("0.0.0.0", 9100)
    for bad in ("nine", "host:", "1.2.3.4:70000"):
        try:
            parse_listen(bad)
        except ValueError as exc:
            assert "HOST:PORT" in str(exc)
        else:
            raise AssertionError(bad)


async def test_slack_http_mode_shares_the_daemon_s_server(tmp_path: Path, fake: FakeSlack) -> None:
    """One server: Slack's signed /slack/events beside /healthz, /metrics and the feeds."""
    store = Store.open(tmp_path / "bot.db")
    slack = slack_runtime(fake, store, mode="http", port=1)  # port 1: never opened
    server = HttpServer(store, extra=ops_routes(store, Heartbeat(max_silence=60)),
                        mounts=[slack.share_http()])  # fmt: skip
    await server.start()
    await slack.start()  # opens nothing: its endpoint is on the shared server
    base = f"http://127.0.0.1:{server.port}"
    try:
        body = urlencode(command(fake, "help"))
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/slack/events", data=body,
                                    headers=signed(body)) as good:  # fmt: skip
                assert good.status == 200
                assert "/frpolicy latest [N]" in (await good.json())["text"]
            async with session.post(f"{base}/slack/events", data=body,
                                    headers=signed(body, "wrong")) as forged:  # fmt: skip
                assert forged.status == 401
            for path in ("/healthz", "/metrics", "/feeds/events.json"):
                async with session.get(base + path) as response:
                    assert response.status == 200, path
    finally:
        await slack.stop()
        await server.stop()
        store.close()
    assert slack.port is None  # Slack never listened on a port of its own


async def test_the_daemon_mounts_slack_http_mode_on_its_server(
    tmp_path: Path, fake: FakeSlack
) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("defaults:\n  allow_hosts: [127.0.0.1]\n  connect_timeout: 1\nconsole: false\n"
                     "feeds:\n  - name: Nowhere\n    url: http://127.0.0.1:9/feed.xml\n")  # fmt: skip
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake.api_url, "PORT": "1"}  # fmt: skip
    config = load_config(feeds, env)
    store = Store.open(tmp_path / "bot.db")
    port = free_port()
    daemon = Daemon(store, config, tick_seconds=60, http=("127.0.0.1", port))
    running = asyncio.ensure_future(daemon.run())
    base = f"http://127.0.0.1:{port}"
    try:
        body = urlencode(command(fake, "help"))
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                with contextlib.suppress(aiohttp.ClientError):
                    async with session.get(f"{base}/healthz") as up:
                        if up.status == 200:
                            break
                await asyncio.sleep(0.1)
            async with session.post(f"{base}/slack/events", data=body,
                                    headers=signed(body)) as answer:  # fmt: skip
                assert answer.status == 200
                assert "/frpolicy latest [N]" in (await answer.json())["text"]
    finally:
        daemon.stop()
        await asyncio.wait_for(running, 10)
        store.close()


def test_counts_become_prometheus_families_with_cumulative_buckets() -> None:
    from bot.ops.counts import Counts
    from bot.ops.metrics import counted

    counts = Counts()
    counts.fetches["ok"] = 2
    counts.fetch_buckets[2] = 1  # one fetch of up to 0.5 s
    counts.fetch_buckets[-1] = 1  # one slower than the last bound
    counts.fetch_seconds = 75.3
    counts.polls = 3
    found = {(s.name, tuple(sorted(s.labels.items()))): s.value
             for family in counted(counts) for s in family.samples}  # fmt: skip
    assert found[("policybot_fetches_total", (("outcome", "ok"),))] == 2
    assert found[("policybot_fetch_duration_seconds_bucket", (("le", "0.25"),))] == 0
    assert found[("policybot_fetch_duration_seconds_bucket", (("le", "0.5"),))] == 1
    assert found[("policybot_fetch_duration_seconds_bucket", (("le", "+Inf"),))] == 2
    assert found[("policybot_fetch_duration_seconds_count", ())] == 2
    assert found[("policybot_fetch_duration_seconds_sum", ())] == 75.3
    assert found[("policybot_polls_total", ())] == 3
