"""``/healthz`` and ``/metrics`` as routes of the daemon's HTTP server."""

from __future__ import annotations

from collections.abc import Mapping

from bot.exports.routes import Reply
from bot.http_server import Route
from bot.ops.health import Heartbeat, check
from bot.ops.metrics import Metrics
from store import Store

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"


def ops_routes(store: Store, heartbeat: Heartbeat) -> list[Route]:
    metrics = Metrics(store)

    def health(_store: Store, _query: Mapping[str, list[str]], _url: str) -> Reply:
        healthy, text = check(_store, heartbeat)
        return Reply(200 if healthy else 503, "text/plain; charset=utf-8", text.encode())

    def scrape(_store: Store, _query: Mapping[str, list[str]], _url: str) -> Reply:
        return Reply(200, metrics.content_type, metrics.page())

    return [Route(HEALTH_PATH, health), Route(METRICS_PATH, scrape)]
