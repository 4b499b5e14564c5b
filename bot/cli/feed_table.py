"""How ``policybot feeds`` and ``policybot poll`` show feeds and their problems:
one table row per feed, then each distinct problem once with the feeds it hits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.cli.table import Column, plain, shorten, table, wrapped
from bot.models import FeedState
from bot.sources.probe import without_prefix

MAX_NAMES = 6  # feeds named under one problem before "and N more"

_COLUMNS = (
    Column("FEED", flex=True, middle=True),
    Column("STATUS", max_width=8),
    Column("FETCHED", max_width=8),
    Column("FAILS", align=">"),
    Column("NEXT", max_width=7),
    Column("NOTE", max_width=14),
)
_KIND_TITLES = {
    "news": "News", "vendor": "Vendor newsrooms (primary sources)", "advocacy": "Advocacy",
    "regulator": "Regulators",
}  # fmt: skip


def short_error(name: str, error: str | None) -> str:
    """The error without its ``feed 'NAME' (URL): `` prefix (the table names the feed)."""
    return without_prefix(name, plain(error))


def notes(feed: FeedState, *, configured: bool, origin: str) -> str:
    found = []
    if origin and not origin.startswith("generated"):
        found.append(origin)
    if not feed.verified:
        found.append("unconfirmed" if feed.last_success_at is None else "unconfirmed, worked")
    if not configured:
        found.append("not configured")
    if feed.url != feed.config_url:
        found.append("moved")
    return ", ".join(found)


def feed_rows(
    feeds: Sequence[FeedState],
    *,
    now: datetime,
    configured: set[str],
    origins: dict[str, str],
    width: int,
) -> list[str]:
    """A table per group of feeds (by kind; generated searches apart), one row a feed."""
    groups: dict[str, list[FeedState]] = {}
    for feed in feeds:
        origin = origins.get(feed.id, "")
        title = (
            "News searches generated from vendors.yaml"
            if origin.startswith("generated")
            else _KIND_TITLES.get(feed.kind, feed.kind.capitalize())
        )
        groups.setdefault(title, []).append(feed)
    lines: list[str] = []
    for title, members in groups.items():
        rows = []
        for feed in members:
            rows.append((
                feed.name, _status(feed), compact(feed.last_fetch_at, now, default="never"),
                feed.consecutive_failures,
                compact(feed.next_due_at, now, default="now") if feed.enabled else "never",
                notes(feed, configured=feed.id in configured, origin=origins.get(feed.id, "")),
            ))  # fmt: skip
        if lines:
            lines.append("")
        lines.append(f"{title} ({len(members)})")
        lines += table(_COLUMNS, rows, width=width)
    return lines


def _status(feed: FeedState) -> str:
    return feed.status.upper() if feed.status in ("failing", "gone", "dead") else feed.status


def compact(moment: datetime | None, now: datetime, *, default: str) -> str:
    """``5m ago`` / ``in 2h`` / ``now``, for table cells."""
    text = relative(moment, now, default=default)
    return text.replace(" min", "m").replace(" h", "h").replace(" d", "d")


def problem_lines(
    failures: Sequence[tuple[str, str]], *, width: int, hint: str = "`policybot feeds --json`"
) -> list[str]:
    """``(feed name, error)`` pairs → each distinct problem once, then the feeds it hits."""
    groups: dict[str, list[str]] = {}
    for name, error in failures:
        groups.setdefault(short_error(name, error), []).append(plain(name))
    lines: list[str] = []
    for problem, names in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(names) == 1:
            lines += wrapped(f"{names[0]}: {problem}", width=width, indent="  ")
            continue
        lines += wrapped(problem, width=width, indent="  ")
        shown = ", ".join(shorten(n, 40, middle=True) for n in names[:MAX_NAMES])
        more = len(names) - MAX_NAMES
        if more > 0:
            shown += f" and {more} more ({hint} lists them)"
        lines += wrapped(f"→ {len(names)} feeds: {shown}", width=width, indent="    ")
    return lines


def relative(moment: datetime | None, now: datetime, *, default: str) -> str:
    """``5 min ago`` / ``in 2 h`` / ``now``."""
    if moment is None:
        return default
    seconds = (moment - now).total_seconds()
    if abs(seconds) < 60:
        return "now"
    amount = abs(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if amount >= size:
            text = f"{amount / size:.0f} {unit}"
            break
    return f"in {text}" if seconds > 0 else f"{text} ago"
