"""Building entries and asserting findings in the extraction tests."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.extract import extract
from bot.models import Entry, Finding

PUBLISHED = datetime(2021, 3, 10, 14, 0, tzinfo=UTC)


def entry(title: str, summary: str = "", published: datetime | str = PUBLISHED) -> Entry:
    """An item as a feed would give it; ``published`` may be an ISO date."""
    if isinstance(published, str):
        published = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Entry(feed_id="t", key=title[:40], title=title, summary=summary, published=published)


def found(title: str, summary: str = "", published: datetime | str = PUBLISHED) -> Finding:
    """The finding for an item that must produce one."""
    result = extract(entry(title, summary, published))
    assert result is not None, f"expected a finding for {title!r}"
    return result
