"""``/feeds/events.atom`` and ``/feeds/events.json``: pure route functions (store and
query string in, status, content type and body out) that any HTTP server can mount;
``bot.http_server`` mounts them in ``policybot run --http``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from bot.exports.atom import atom_feed
from bot.exports.jsonfeed import json_feed
from bot.exports.query import QueryError, from_params, select
from store import Store

ATOM_PATH = "/feeds/events.atom"
JSON_PATH = "/feeds/events.json"


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


def events_feed(store: Store, fmt: str, params: Mapping[str, list[str]], *, self_url: str) -> Reply:
    """The events matching ``params`` as Atom (``fmt="atom"``) or JSON Feed (``"json"``)."""
    try:
        query = from_params(params, store)
    except QueryError as exc:
        return Reply(400, "text/plain; charset=utf-8", f"{exc}\n".encode())
    events = select(store, query)
    title = f"policybot: FR policy events ({query.describe()})"
    if fmt == "atom":
        return Reply(200, "application/atom+xml; charset=utf-8",
                     atom_feed(events, title=title, self_url=self_url))  # fmt: skip
    body = json.dumps(json_feed(events, title=title, feed_url=self_url), ensure_ascii=False)
    return Reply(200, "application/feed+json; charset=utf-8", body.encode())
