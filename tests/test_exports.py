"""Exports of the real archive (local feeds → real pipeline → SQLite): CSV, JSON, Atom
(read back with feedparser), JSON Feed, and the daemon serving the feeds over HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import feedparser
from click.testing import CliRunner

from bot.cli.main import main
from bot.exports.query import ExportQuery, select
from bot.exports.records import to_csv
from tests import feedserver
from tests.archive import build_archive
from tests.feedserver import FeedServer

feed_server = feedserver.feed_server


def export(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "archive.db"), "export", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_csv_has_one_row_per_event_with_mentions_and_evidence(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    rows = list(csv.DictReader(io.StringIO(export(tmp_path, "--format", "csv"))))
    assert [r["vendor"] for r in rows] == ["Meta", "Amazon", "Microsoft", "Amazon", "IBM"]
    pause = next(r for r in rows if r["action"] == "moratorium")
    assert pause["first_reported"].startswith("2020-06-10") and pause["applies_to"] == "police"
    assert "moratorium" in pause["evidence"] and pause["mention_count"] == "2"
    assert pause["mentions"].count("\n") == 1  # two reports, one line each
    assert "Policy Wire — " in pause["mentions"] and "https://news.example/" in pause["mentions"]


def test_filters_vendor_since_and_actor_type(tmp_path: Path, feed_server: FeedServer) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    amazon = json.loads(export(tmp_path, "--format", "json", "--vendor", "amazon"))
    assert [e["action"] for e in amazon] == ["extension", "moratorium"]
    assert {m["source"] for m in amazon[1]["mentions"]} == {"Policy Wire", "Tech Daily"}
    recent = json.loads(export(tmp_path, "--format", "json", "--since", "2021-01-01"))
    assert [e["vendor"] for e in recent] == ["Meta", "Amazon"]
    assert json.loads(export(tmp_path, "--format", "json", "--actor-type", "regulator")) == []
    bad = CliRunner().invoke(
        main, ["--db", str(tmp_path / "archive.db"), "export", "--since", "soon"]
    )
    assert bad.exit_code == 2 and "30d" in bad.output


def test_spreadsheet_formulas_in_feed_text_stay_text(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store, _ = build_archive(tmp_path, feed_server)
    [event] = select(store, ExportQuery(vendor="IBM"))
    text = to_csv([replace(event, title='=HYPERLINK("http://evil.example","x")')])
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["title"].startswith("'=HYPERLINK")
    store.close()


def test_atom_is_valid_and_reads_back(tmp_path: Path, feed_server: FeedServer) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    parsed = feedparser.parse(export(tmp_path, "--format", "atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 5
    first = parsed.entries[0]
    assert first.title.startswith("Meta: shutdown (everyone) — Meta shuts down")
    assert first.link.startswith("https://news.example/")
    assert first.published_parsed[:3] == (2021, 11, 2)
    assert len({e.id for e in parsed.entries}) == 5
    amazon = next(e for e in parsed.entries if "moratorium (police)" in e.title)
    assert "Evidence:" in amazon.content[0].value and "Tech Daily" in amazon.content[0].value
    assert {t.term for t in amazon.tags} == {"Amazon", "moratorium", "vendor"}


def test_json_feed(tmp_path: Path, feed_server: FeedServer) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    feed = json.loads(export(tmp_path, "--format", "jsonfeed", "--vendor", "Microsoft"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    [item] = feed["items"]
    assert item["title"].startswith("Microsoft: ban (police)")
    assert item["_policybot"]["mentions"][0]["source"] == "Policy Wire"
    assert item["date_published"].startswith("2020-06-11")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def test_the_daemon_serves_atom_and_json_feeds(tmp_path: Path, feed_server: FeedServer) -> None:
    store, config = build_archive(tmp_path, feed_server)
    store.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "--feeds", str(config.path), "--db",
         str(tmp_path / "archive.db"), "run", "--tick", "60", "--http", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, kind, body = get(f"{base}/feeds/events.atom?vendor=amazon")
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr
                time.sleep(0.2)
        assert status == 200 and kind.startswith("application/atom+xml")
        parsed = feedparser.parse(body)
        assert not parsed.bozo and len(parsed.entries) == 2
        assert all(e.title.startswith("Amazon: ") for e in parsed.entries)
        assert any(link.get("rel") == "self" and "vendor=amazon" in link["href"]
                   for link in parsed.feed.links)  # fmt: skip

        status, kind, body = get(f"{base}/feeds/events.json?since=2021-01-01&limit=1")
        assert status == 200 and kind.startswith("application/feed+json")
        assert [i["_policybot"]["vendor"] for i in json.loads(body)["items"]] == ["Meta"]

        status, _, body = get(f"{base}/feeds/events.atom?actor_type=wizard")
        assert status == 400 and b"actor_type wizard is not one of" in body
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "event feeds at http://127.0.0.1:" in err
