"""`python -m bot` ends without the interpreter's teardown once a command is done
(bot/__main__.py): the exit status, everything printed and the database survive."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          cwd=cwd, env={"PATH": "/usr/bin:/bin", "HOME": str(cwd),
                                        "PYTHONPATH": str(ROOT)}, timeout=120)  # fmt: skip


def test_statuses_output_and_the_database_survive_the_quick_exit(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("console: false\nfeeds: []\n", encoding="utf-8")
    common = ["--db", str(tmp_path / "bot.db"), "--feeds", str(feeds)]
    added = run(*common, "subscriptions", "add", "slack:C0123456789", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    with sqlite3.connect(tmp_path / "bot.db") as conn:  # committed before the process ended
        assert conn.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0] == 1
    listing = run(*common, "--help", cwd=tmp_path)
    assert listing.returncode == 0 and "subscriptions" in listing.stdout
    assert listing.stdout.endswith("\n")  # flushed to the end
    missing = run("--db", str(tmp_path / "x.db"), "--feeds", str(tmp_path / "no.yaml"), "poll",
                  cwd=tmp_path)  # fmt: skip
    assert missing.returncode == 1 and "no.yaml: file not found" in missing.stderr
    unknown = run(*common, "no-such-command", cwd=tmp_path)
    assert unknown.returncode == 2 and "No such command" in unknown.stderr


def test_a_profiler_still_gets_to_write_its_report(tmp_path: Path) -> None:
    out = tmp_path / "poll.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "bot",
                           "--help"], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                               "PYTHONPATH": str(ROOT)}, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.exists() and out.stat().st_size > 0
