"""The daemon's small HTTP server (``policybot run --http [HOST:]PORT``, 127.0.0.1 by
default): mounts route functions that take the store and a query string and return a
status, a content type and a body, so they stay testable without a server.

It serves the event feeds (``/feeds/events.atom``, ``/feeds/events.json``) and, from
the daemon, ``/healthz`` and ``/metrics`` (``bot.ops.routes``, passed as ``extra``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs

from aiohttp import web

from bot.exports.routes import ATOM_PATH, JSON_PATH, Reply, events_feed
from store import Store

log = logging.getLogger(__name__)

Handler = Callable[[Store, Mapping[str, list[str]], str], Reply]  # (store, query, own URL)


@dataclass(frozen=True)
class Route:
    path: str
    handler: Handler


def routes() -> list[Route]:
    return [
        Route(ATOM_PATH, lambda store, query, url: events_feed(store, "atom", query, self_url=url)),
        Route(JSON_PATH, lambda store, query, url: events_feed(store, "json", query, self_url=url)),
    ]


def parse_listen(text: str) -> tuple[str, int]:
    """``8080`` → (127.0.0.1, 8080); ``0.0.0.0:8080`` → as written."""
    host, sep, port = text.rpartition(":")
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--http {text!r}: write PORT or HOST:PORT, e.g. 8080 or 127.0.0.1:8080")
    return (host.strip("[]") if sep and host else "127.0.0.1"), int(port)


class HttpServer:
    """aiohttp on ``host:port``; each request runs its route off the event loop."""

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 0,
                 extra: list[Route] | None = None,
                 mounts: list[web.Application] | None = None) -> None:  # fmt: skip
        self.store = store
        self.mounts = list(mounts or [])  # other apps whose routes this server serves too
        self.host = host
        self.port = port
        self.routes = [*routes(), *(extra or [])]
        self._runner: web.AppRunner | None = None

    def _app(self) -> web.Application:
        app = web.Application()
        for route in self.routes:
            app.router.add_get(route.path, self._handler(route))
        for other in self.mounts:  # e.g. Slack's /slack/events in HTTP mode
            for mounted in other.router.routes():
                if mounted.resource is not None and mounted.method != "HEAD":
                    app.router.add_route(mounted.method, mounted.resource.canonical,
                                         mounted.handler)  # fmt: skip
        return app

    def _handler(self, route: Route) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            query = parse_qs(request.query_string, keep_blank_values=False)
            try:
                reply = await asyncio.to_thread(route.handler, self.store, query, str(request.url))
            except Exception:
                log.exception("HTTP %s failed", route.path)
                return web.Response(
                    status=500, text="policybot failed on this request; see its log.\n"
                )
            return web.Response(status=reply.status, body=reply.body,
                                headers={"Content-Type": reply.content_type})  # fmt: skip

        return handle

    async def start(self) -> None:
        self._runner = web.AppRunner(self._app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("HTTP server on http://%s:%s%s", self.host, self.port, ATOM_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
