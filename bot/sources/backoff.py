"""Feed scheduling policy: what one fetch result does to a feed's state.

Pure: takes a FeedState and a FetchResult, returns the next FeedState. The
store keeps the result, so intervals, backoff and restarts are store facts.

- ok / not modified: healthy, next poll after the feed's interval (±10 %).
- error or unparseable body: one more consecutive failure; the next poll waits
  ``interval * 2**failures``, capped at ``settings.max_backoff`` (±10 %).
- rate limited (429, or 503 with Retry-After): not a failure; wait what the
  server asked (at least a minute, at most ``max_backoff``).
- gone (410): disabled at once until its URL changes in feeds.yaml.
- dead: an unconfirmed address (``verified: false``) that has never worked and
  whose server says it is not there (HTTP 4xx) or is not a feed gets status
  "dead" with a plain message saying so and what to do; it is retried only
  after ``max_backoff`` (a day by default), never in a quiet backoff ladder.
- permanent redirect (301/308 all the way): the polled URL moves to the target
  only after the same target was seen 3 successful fetches in a row.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from bot.models import FeedState, FetchResult, FetchSettings

JITTER = 0.10
RATE_LIMIT_FLOOR = 60.0  # seconds
_RNG = random.Random()  # jitter (a Random of its own per call cost a seed from the system each)
REDIRECTS_BEFORE_REWRITE = 3
_MAX_EXPONENT = 30


def next_state(
    feed: FeedState,
    result: FetchResult,
    *,
    settings: FetchSettings,
    now: datetime,
    parse_error: str | None = None,
    rng: random.Random | None = None,
) -> FeedState:
    """The feed's state after ``result`` (and the parse outcome) at ``now``."""
    rng = rng or _RNG
    if result.outcome in ("ok", "not_modified") and parse_error is None:
        # one copy of the state: this runs for every feed of every cycle
        return replace(feed, last_fetch_at=now, **_healthy(feed, result, now, rng),
                       **_redirects(feed, result))  # fmt: skip
    feed = replace(feed, last_fetch_at=now)
    if result.outcome == "gone":
        return _gone(feed, result)
    if result.outcome == "rate_limited":
        return _rate_limited(feed, result, settings, now, rng)
    message = parse_error or result.error or f"fetch failed with outcome {result.outcome!r}"
    if not feed.verified and feed.last_success_at is None and _definite(result, parse_error):
        return _dead(feed, message, settings, now)
    return _failing(feed, message, settings, now, rng)


def _span(seconds: int) -> str:
    return f"{seconds / 3600:g} h" if seconds >= 3600 else f"{seconds / 60:g} min"


def _definite(result: FetchResult, parse_error: str | None) -> bool:
    """The server answered, and what it said means the address is wrong (not a hiccup)."""
    if parse_error is not None:
        return True
    code = result.status_code or 0
    return 400 <= code < 500 and code not in (408, 425, 429)


def _dead(feed: FeedState, message: str, settings: FetchSettings, now: datetime) -> FeedState:
    return replace(
        feed,
        status="dead",
        consecutive_failures=feed.consecutive_failures + 1,
        last_error=(
            f"{message.rstrip('. ')}. This address was never confirmed (verified: false in "
            "feeds.yaml) and has never worked, so it is probably wrong: find the feed the site "
            'declares (a <link rel="alternate" type="application/rss+xml"> in its pages) '
            f"and put it in feeds.yaml for feed {feed.id!r}, or remove the entry. Meanwhile it "
            f"is tried again only every {_span(settings.max_backoff)}."
        ),
        next_due_at=now + timedelta(seconds=settings.max_backoff),
    )


def _jittered(seconds: float, rng: random.Random) -> float:
    return seconds * rng.uniform(1 - JITTER, 1 + JITTER)


def _healthy(
    feed: FeedState, result: FetchResult, now: datetime, rng: random.Random
) -> dict[str, Any]:
    """The fields a good fetch (or a 304) changes."""
    if result.outcome == "ok":
        etag, last_modified = result.etag, result.last_modified
    else:  # 304: keep the validators unless the server sent new ones
        etag = result.etag or feed.etag
        last_modified = result.last_modified or feed.last_modified
    return {
        "status": "ok",
        "consecutive_failures": 0,
        "last_error": None,
        "last_success_at": now,
        "etag": etag,
        "last_modified": last_modified,
        "next_due_at": now + timedelta(seconds=_jittered(feed.interval, rng)),
    }


def backoff_delay(interval: int, failures: int, settings: FetchSettings) -> float:
    """Seconds to wait after ``failures`` consecutive failures (before jitter)."""
    return float(min(interval * 2 ** min(failures, _MAX_EXPONENT), settings.max_backoff))


def _failing(
    feed: FeedState, message: str, settings: FetchSettings, now: datetime, rng: random.Random
) -> FeedState:
    failures = feed.consecutive_failures + 1
    delay = min(
        _jittered(backoff_delay(feed.interval, failures, settings), rng), settings.max_backoff
    )
    return replace(
        feed,
        status="failing",
        consecutive_failures=failures,
        last_error=message,
        next_due_at=now + timedelta(seconds=delay),
    )


RATE_LIMITED = "rate limited"  # how a rate-limited feed's last_error starts


def _rate_limited(
    feed: FeedState, result: FetchResult, settings: FetchSettings, now: datetime, rng: random.Random
) -> FeedState:
    wait = result.retry_after if result.retry_after is not None else float(feed.interval)
    wait = min(max(wait, RATE_LIMIT_FLOOR), float(settings.max_backoff))
    # Never earlier than the server asked: jitter only adds.
    delay = wait * rng.uniform(1.0, 1.0 + JITTER)
    code = f"HTTP {result.status_code}" if result.status_code else "the server"
    return replace(
        feed,
        last_error=f"{RATE_LIMITED} ({code}), retry after {round(wait)} s",
        next_due_at=now + timedelta(seconds=delay),
    )


def _gone(feed: FeedState, result: FetchResult) -> FeedState:
    return replace(
        feed,
        enabled=False,
        status="gone",
        next_due_at=None,
        last_error=(
            f"feed {feed.name!r} ({feed.url}): the server answered 410 Gone, the feed was removed. "
            f"Remove feed {feed.id!r} from feeds.yaml or update its url there."
        ),
    )


def _redirects(feed: FeedState, result: FetchResult) -> dict[str, Any]:
    """The fields a fetch's permanent redirects change (the url after a few)."""
    target = result.permanent_redirect
    if not target or target == feed.url:
        return {"redirect_target": None, "redirect_count": 0}
    count = feed.redirect_count + 1 if target == feed.redirect_target else 1
    if count >= REDIRECTS_BEFORE_REWRITE:
        return {"url": target, "redirect_target": None, "redirect_count": 0}
    return {"redirect_target": target, "redirect_count": count}


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP-date)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if seconds == seconds else None  # NaN is not a delay
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)
