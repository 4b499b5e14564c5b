"""What a polling cycle reports: one ``FeedOutcome`` per feed, and the cycle's
``PollSummary`` of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FeedOutcome:
    feed_id: str
    outcome: str  # FetchResult.outcome, or "error" when parsing failed
    new_entries: int = 0
    findings: int = 0
    alerts: int = 0  # outbox rows of kind alert written
    follow_ups: int = 0  # outbox rows of kind update written
    baseline: bool = False
    error: str | None = None
    name: str = ""  # the feed's name, for reports


Progress = Callable[[int, int, FeedOutcome], None]  # (feeds done, feeds due, the last one)


@dataclass(frozen=True)
class PollSummary:
    feeds: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    alerts: int = 0
    follow_ups: int = 0
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. feeds --all left alone because of a Retry-After
    failures: tuple[tuple[str, str], ...] = ()  # (feed name, error), one per failed feed

    def lines(self, delivered: str = "") -> list[str]:
        """The summary in two lines that fit a terminal (``delivered`` appends to the second)."""
        return [
            f"polled {self.feeds} feeds: {self.fetched} fetched, {self.not_modified} not "
            f"modified, {self.failed} failed",
            f"  {self.new_entries} new entries, {self.alerts} alerts, {self.follow_ups} follow-ups"
            + (f"; {delivered}" if delivered else ""),
        ]

    def line(self) -> str:
        return (
            f"polled {self.feeds} feeds: {self.fetched} fetched, {self.not_modified} not modified, "
            f"{self.failed} failed, {self.new_entries} new entries, {self.alerts} alerts, "
            f"{self.follow_ups} follow-ups"
        )


def summarise(outcomes: Sequence[FeedOutcome]) -> PollSummary:
    return PollSummary(
        feeds=len(outcomes),
        fetched=sum(o.outcome == "ok" for o in outcomes),
        not_modified=sum(o.outcome == "not_modified" for o in outcomes),
        failed=sum(o.outcome not in ("ok", "not_modified") for o in outcomes),
        new_entries=sum(o.new_entries for o in outcomes),
        alerts=sum(o.alerts for o in outcomes),
        follow_ups=sum(o.follow_ups for o in outcomes),
        errors=tuple(o.error for o in outcomes if o.error),
        failures=tuple((o.name or o.feed_id, o.error) for o in outcomes if o.error),
    )
