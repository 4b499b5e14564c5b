"""Fault injection with real processes, real sockets on 127.0.0.1 and real SQLite.

``policybot`` runs as a child process (``python -m bot``) against the local feed
server and the fake Slack API; the faults are done to it from outside: kill -9
at random points, two processes on one database, a file-size limit (a full
disk), a damaged file, SIGINT in each runtime state.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main as cli_main
from tests import feedserver
from tests.fake_slack import BOT_TOKEN, FakeSlack, fake_slack_server
from tests.feedserver import ALLOW_LOCAL, FeedServer
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server
fake = fake_slack_server

CHANNEL = "C0FAULTS"
REPORT_LINK = re.compile(r"https://news\.example/[\w-]+")
# Stories in our own words: each a distinct vendor event the extractor alerts on.
STORIES = [
    ("Amazon pauses police use of Rekognition for one year",
     "Amazon said it would stop police departments from using Rekognition for a year."),
    ("Microsoft will not sell Azure Face to police",
     "Microsoft said it bans sales of its Azure Face recognition to police departments."),
    ("IBM leaves the facial recognition business",
     "IBM said it exits general purpose facial recognition and will no longer offer it."),
]  # fmt: skip


@dataclass
class Bot:
    """One policybot installation: a feeds.yaml, a database, an environment."""

    tmp: Path
    feeds: FeedServer
    slack: FakeSlack | None

    @property
    def db(self) -> Path:
        return self.tmp / "bot.db"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
        if self.slack is not None:
            env |= {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": self.slack.api_url}
        return env | extra

    def write_config(self, extra: str = "") -> None:
        (self.tmp / "feeds.yaml").write_text(
            f"defaults:\n{ALLOW_LOCAL}  max_updates_per_event: 1000\n"
            f"console: false\n{extra}feeds:\n"
            f"  - name: Wire\n    url: {self.feeds.url('/wire.xml')}\n",
            encoding="utf-8",
        )

    def start(self, *args: str, env: dict[str, str] | None = None,
              limit_bytes: int | None = None, log: Path | None = None
              ) -> subprocess.Popen[str]:  # fmt: skip
        """Start ``policybot *args``; its stderr goes to ``log`` when given (to be read
        while it runs), else to a pipe."""

        def limit() -> None:
            if limit_bytes is not None:  # a full disk: writes past this size fail (EFBIG)
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

        command = [sys.executable, "-m", "bot", "--db", str(self.db),
                   "--feeds", str(self.tmp / "feeds.yaml"), *args]  # fmt: skip
        with contextlib.ExitStack() as stack:
            stderr = stack.enter_context(log.open("w")) if log is not None else subprocess.PIPE
            return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr,
                                    text=True, env=env or self.env(), cwd=self.tmp,
                                    preexec_fn=limit)  # fmt: skip

    def run(self, *args: str, timeout: float = 60, **kwargs: object) -> tuple[int, str, str]:
        proc = self.start(*args, **kwargs)  # type: ignore[arg-type]
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql).fetchall()


@pytest.fixture
def bot(tmp_path: Path, feed_server: FeedServer, fake: FakeSlack) -> Iterator[Bot]:
    bot = Bot(tmp_path, feed_server, fake)
    bot.write_config()
    feed_server.set("/wire.xml", rss(item("calm", "Town fair opens", "Rides all weekend.")))
    runner = CliRunner()  # setup in-process (faster); the faults hit child processes
    common = ["--db", str(bot.db), "--feeds", str(tmp_path / "feeds.yaml")]
    for args in (["subscriptions", "add", f"slack:{CHANNEL}"], ["poll", "--all"]):
        result = runner.invoke(cli_main, [*common, *args], env=bot.env(), catch_exceptions=False)
        assert result.exit_code == 0, result.output  # the poll is a silent baseline
    yield bot


def publish(feeds: FeedServer, count: int, round_: int = 0) -> None:
    """The three stories, then ``count`` more reports of them, each by another outlet
    the wire names (follow-ups: a new outlet's report is posted in the thread)."""
    items = [item(f"s{i}", title, text) for i, (title, text) in enumerate(STORIES)]
    for n in range(count):
        title, text = STORIES[n % len(STORIES)]
        outlet = f"<source url='https://outlet{n}.example/'>Outlet {n}</source></item>"
        items.append(
            item(f"r{round_}-{n}", f"{title} (report {n})", text).replace("</item>", outlet)
        )
    feeds.set("/wire.xml", rss(*items))


def posts(slack: FakeSlack) -> Counter[tuple[str, str, str]]:
    """Every message Slack accepted, by what it reports: (channel, thread, report
    link) → times. (The text also carries counts that change between two posts.)"""
    return Counter((str(c.body.get("channel")), str(c.body.get("thread_ts") or ""),
                    REPORT_LINK.findall(str(c.body.get("text")))[0])
                   for c in slack.recorded("chat.postMessage"))  # fmt: skip


def assert_clean(err: str) -> None:
    assert "Traceback" not in err and "CancelledError" not in err, err


# --------------------------------------------------------------------------- kill -9


def test_kill_9_at_random_points_loses_nothing_and_duplicates_at_most_one_per_crash(
    bot: Bot, fake: FakeSlack
) -> None:
    assert fake is not None
    # a slow chat API: a poll with something to post outlasts the kill below however
    # quickly policybot starts (a fast start once let most polls finish first)
    fake.hang_next(100_000, seconds=0.4, method="chat.postMessage")
    rng = random.Random(11)
    crashes = 0
    for trial in range(20):
        publish(bot.feeds, count=trial // 2 + 1)  # a new follow-up every other trial
        proc = bot.start("poll", "--all")
        time.sleep(rng.uniform(0.2, 1.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            crashes += 1
        proc.communicate(timeout=30)
    code, _, err = bot.run("poll", "--all")
    assert code == 0, err
    sent = bot.rows("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'")[0][0]
    open_rows = bot.rows("SELECT COUNT(*) FROM deliveries WHERE status != 'sent'")[0][0]
    accepted = posts(fake)
    assert crashes >= 10  # most trials were really killed mid-way
    assert open_rows == 0 and sent == 3 + 10  # every alert and follow-up delivered
    assert len(accepted) == sent  # nothing lost: each row's message reached Slack
    duplicates = sum(accepted.values()) - len(accepted)
    assert duplicates <= crashes


# --------------------------------------------------------------------------- two processes


def test_two_concurrent_processes_post_nothing_twice(bot: Bot, fake: FakeSlack) -> None:
    fake.hang_next(100_000, seconds=0.05, method="chat.postMessage")
    for round_ in range(2):
        publish(bot.feeds, count=3 * (round_ + 1), round_=round_)
        first, second = bot.start("poll", "--all"), bot.start("poll", "--all")
        outputs = [p.communicate(timeout=60) for p in (first, second)]
        assert first.returncode == 0 and second.returncode == 0, outputs
    code, _, err = bot.run("poll", "--all")  # whatever the refused process left
    assert code == 0, err
    accepted = posts(fake)
    assert accepted and max(accepted.values()) == 1  # 0 duplicates
    sent = bot.rows("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'")[0][0]
    assert len(accepted) == sent


def test_the_second_process_says_why_it_delivers_nothing(bot: Bot, fake: FakeSlack) -> None:
    release = fake.hold_next(method="chat.postMessage")  # the first process stays mid-post
    publish(bot.feeds, count=3)
    first = bot.start("poll", "--all")
    try:
        assert wait_until(lambda: fake.recorded("chat.postMessage") != [], 60)
        code, out, err = bot.run("poll", "--all")
    finally:
        release.set()
    first.communicate(timeout=60)
    assert code == 0 and "left to another policybot process" in err, err
    assert "delivered 0" in out


# --------------------------------------------------------------------------- full disk, damage


def test_a_full_disk_gives_one_clear_message_and_leaves_no_row_sending(
    bot: Bot, fake: FakeSlack
) -> None:
    publish(bot.feeds, count=3)
    code, out, err = bot.run("poll", "--all", limit_bytes=16 * 1024)  # no room to write
    assert code != 0
    assert_clean(err)
    assert "disk is full or a file-size limit was reached" in err
    assert "--db" in err and str(bot.db) in err
    assert err.count("cannot write to the database") == 1
    code, _, err = bot.run("poll", "--all")  # room again: everything is delivered
    assert code == 0, err
    assert bot.rows("SELECT COUNT(*) FROM deliveries WHERE status != 'sent'")[0][0] == 0
    assert max(posts(fake).values()) == 1


def test_a_damaged_database_gives_one_clear_message(bot: Bot) -> None:
    publish(bot.feeds, count=3)
    assert bot.run("poll", "--all")[0] == 0
    size = bot.db.stat().st_size
    with bot.db.open("r+b") as handle:  # damage every page past the schema's
        handle.seek(4096 * 2)
        handle.write(b"\x5a" * (size - 4096 * 2))
    for command in (("poll", "--all"), ("events",), ("doctor",)):
        code, out, err = bot.run(*command)
        assert code != 0, (command, out)
        assert_clean(err)
        assert ".recover" in err and str(bot.db) in err, (command, err)


# --------------------------------------------------------------------------- stopping


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_within(proc: subprocess.Popen[str], seconds: float, log: Path) -> tuple[float, str]:
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=seconds + 5)
    finally:
        if proc.poll() is None:
            proc.kill()
    return time.monotonic() - started, log.read_text(encoding="utf-8")


def said(log: Path, text: str) -> Callable[[], bool]:
    """Whether the process has written ``text`` to its stderr log by now."""
    return lambda: text in log.read_text(encoding="utf-8")


STATES = ["idle", "fetching", "delivering", "slack-socket-unreachable", "discord-unreachable"]


@pytest.mark.parametrize("state", STATES)
def test_sigint_stops_run_within_5_seconds_without_a_traceback(
    bot: Bot, fake: FakeSlack, state: str
) -> None:
    env = bot.env()
    log = bot.tmp / "run.log"
    due = "2000-01-01T00:00:00+00:00"
    with sqlite3.connect(bot.db) as conn:  # the feed is due at once
        conn.execute("UPDATE feeds SET next_due_at = ?", (due,))
    # Each state is reached by an event the test observes, never by waiting a while.
    ready: Callable[[], bool]
    if state == "fetching":
        bot.feeds.set("/wire.xml", rss(item("slow", "x", "y")), delay=30)
        ready = lambda: len(bot.feeds.requests_for("/wire.xml")) >= 2  # noqa: E731
    elif state == "delivering":
        publish(bot.feeds, count=2)
        fake.hang_next(100, seconds=30, method="chat.postMessage")
        ready = lambda: fake.recorded("chat.postMessage") != []  # noqa: E731
    elif state == "slack-socket-unreachable":
        dead = f"http://127.0.0.1:{closed_port()}/api/"
        env |= {"SLACK_APP_TOKEN": "xapp-1-test", "SLACK_API_URL": dead}
        ready = said(log, "Retrying")  # the Socket Mode client's retry loop has begun
    elif state == "discord-unreachable":
        env |= {"DISCORD_TOKEN": "test-token",
                "DISCORD_API_BASE": f"http://127.0.0.1:{closed_port()}/api/v10"}  # fmt: skip
        ready = said(log, "Discord: cannot connect the bot")  # retrying in the background
    else:  # idle: the due feed's cycle has written its next check, the next tick is ahead
        ready = lambda: bot.rows("SELECT next_due_at FROM feeds")[0][0] not in (None, due)  # noqa: E731
    proc = bot.start("run", "--tick", "1", env=env, log=log)
    assert wait_until(ready, 60), f"never reached state {state}: {log.read_text()}"
    assert proc.poll() is None, proc.communicate()
    elapsed, err = stop_within(proc, 5.0, log)
    assert elapsed < 5.0, (state, elapsed, err)
    assert proc.returncode == 0, err
    assert_clean(err)
    assert "stopped cleanly" in err
