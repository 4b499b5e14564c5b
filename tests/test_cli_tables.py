"""Readable CLI output: tables that fit 80 columns, each failure once, poll progress."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from click.testing import CliRunner

from bot.cli.main import main
from bot.cli.progress import ProgressLine
from bot.cli.table import Column, shorten, table
from bot.config import load_config
from bot.pipeline import poll_once
from bot.poll_summary import FeedOutcome
from store import Store
from tests import feedserver
from tests.archive import build_archive
from tests.cli_tables import assert_fits, table_rows
from tests.feedserver import ALLOW_LOCAL, FeedServer

feed_server = feedserver.feed_server


def cli(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "archive.db"), "--feeds",
                                       str(tmp_path / "feeds.yaml"), *args])  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def test_shorten_keeps_a_distinguishing_end_when_asked() -> None:
    assert shorten("Google News - Clearview AI (fr)", 20, middle=True) == "Google New…w AI (fr)"
    assert shorten("Amazon extends its moratorium", 12) == "Amazon exte…"
    assert shorten("short", 12) == "short"
    lines = table([Column("A"), Column("B", flex=True)], [("x" * 10, "y" * 200)], width=40)
    assert max(len(line) for line in lines) == 40


def test_events_are_one_row_each_within_80_columns(tmp_path: Path, feed_server: FeedServer) -> None:
    build_archive(tmp_path, feed_server)[0].close()
    output = cli(tmp_path, "events")
    assert_fits(output)
    lines = output.splitlines()
    assert lines[0].split() == ["DATE", "ID", "VENDOR", "ACTION", "REPORTS", "TITLE"]
    assert len(lines) == 1 + 5  # header + one line per event
    rows = [line.split() for line in lines[1:]]
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)
    amazon = next(r for r in rows if r[0] == "2020-06-10")
    assert amazon[2:5] == ["Amazon", "moratorium", "(police)"] and amazon[5] == "2"


def test_thirty_failing_feeds_fit_and_each_failure_is_printed_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set("/missing.xml", b"", status=404)
    names = [f"Regional Observatory of Biometric Surveillance Policy no. {n}" for n in range(30)]
    (tmp_path / "feeds.yaml").write_text(
        "defaults:\n  interval: 15m\n" + ALLOW_LOCAL + "feeds:\n" + "".join(
            f"  - name: {name}\n    url: {feed_server.url('/missing.xml')}?n={i}\n"
            for i, name in enumerate(names)
        ), encoding="utf-8",
    )  # fmt: skip
    polled = CliRunner().invoke(main, ["--db", str(tmp_path / "archive.db"), "--feeds",
                                       str(tmp_path / "feeds.yaml"), "poll", "--all"])  # fmt: skip
    assert "warning: 30 feed(s) failed:" in polled.output
    assert polled.output.count("HTTP 404") == 1  # one problem, shared by thirty feeds
    assert "→ 30 feeds:" in polled.output and "and 24 more" in polled.output
    assert feed_server.url("/missing.xml") not in polled.output
    assert_fits(polled.output)

    output = cli(tmp_path, "feeds")
    assert_fits(output)
    rows = table_rows(output)
    assert len([r for r in rows.values() if r[1] == "FAILING"]) == 30
    shown = [name for name in rows if name.startswith("Regional Observatory…")]
    assert len(shown) == 30 and any(name.endswith("Policy no. 17") for name in shown)
    assert output.count("HTTP 404") == 1 and feed_server.url("/missing.xml") not in output
    assert len(output.splitlines()) <= 30 + 12  # one row a feed, the problem once


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_poll_progress_line_on_a_terminal_only(tmp_path: Path, feed_server: FeedServer) -> None:
    from tests.archive import serve_stories, write_config

    serve_stories(feed_server)
    config = load_config(write_config(tmp_path, feed_server), env={})
    store = Store.open(tmp_path / "p.db")
    from bot.pipeline import prepare

    prepare(store, config)
    screen, pipe = Terminal(), io.StringIO()
    on_screen, piped = ProgressLine(screen), ProgressLine(pipe)
    calls: list[tuple[int, int, FeedOutcome]] = []

    def both(done: int, total: int, outcome: FeedOutcome) -> None:
        calls.append((done, total, outcome))
        on_screen(done, total, outcome)
        piped(done, total, outcome)

    summary = asyncio.run(poll_once(store, config, include_all=True, progress=both))
    on_screen.clear()
    assert [(d, t) for d, t, _ in calls] == [(1, 2), (2, 2)] and summary.feeds == 2
    assert {o.name for _, _, o in calls} == {"Policy Wire", "Tech Daily"}
    text = screen.getvalue()
    assert "\rpolling 1/2 feeds: " in text.replace("\x1b[K", "")
    assert "polling 2/2 feeds: " in text and text.endswith("\r\x1b[K")
    assert pipe.getvalue() == ""  # not a terminal: nothing
    store.close()
