"""A one-line progress indicator for ``policybot poll`` on a terminal."""

from __future__ import annotations

from typing import TextIO

from bot.cli.table import plain, shorten
from bot.poll_summary import FeedOutcome


class ProgressLine:
    """Rewrites one stderr line as feeds finish (only on a terminal; silent otherwise)."""

    def __init__(self, stream: TextIO, *, width: int = 80, force: bool = False) -> None:
        self.stream = stream
        self.width = width
        self.active = force or _is_tty(stream)
        self.failed = 0
        self.shown = False

    def __call__(self, done: int, total: int, outcome: FeedOutcome) -> None:
        if outcome.error:
            self.failed += 1
        if not self.active:
            return
        failed = f", {self.failed} failed" if self.failed else ""
        head = f"polling {done}/{total} feeds{failed}: "
        name = shorten(plain(outcome.name or outcome.feed_id), self.width - len(head) - 1)
        self.stream.write(f"\r\x1b[K{head}{name}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
