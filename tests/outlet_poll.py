"""One real poll of one local news outlet through the whole pipeline (fetch, parse,
extract with the vendor's timeline, store, cluster, deliver to the console), for tests
that need the store's history to shape what a later item means."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from bot.app import poll_and_deliver
from bot.config import load_config
from store import Store
from tests.feedserver import ALLOW_LOCAL, FeedServer


def poll_outlet(
    tmp_path: Path, server: FeedServer, store: Store, *, max_alert_age_days: int = 400
) -> str:
    """Poll the feed ``server`` serves at ``/a.xml`` once; return what the console printed."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        f"defaults:\n  interval: 15m\n  max_alert_age_days: {max_alert_age_days}\n"
        + ALLOW_LOCAL
        + "feeds:\n"
        f"  - name: Outlet A\n    url: {server.url('/a.xml')}\n    kind: news\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    asyncio.run(poll_and_deliver(store, load_config(path), include_all=True, stream=out))
    return out.getvalue()
