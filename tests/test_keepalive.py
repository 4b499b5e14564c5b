"""Fetcher connections: kept alive across feeds, and a pooled connection the server
has since closed is noticed rather than reused."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.models import FeedState, FetchSettings
from bot.sources.fetch import Fetcher

SETTINGS = FetchSettings(connect_timeout=2.0, total_timeout=5.0, allow_hosts=("127.0.0.1",))
BODY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


class KeepAliveServer:
    """A raw HTTP/1.1 server: answers with keep-alive, counts connections, and
    (``close_after_one``) closes each connection after its first response."""

    def __init__(self, close_after_one: bool) -> None:
        self.close_after_one = close_after_one
        self.connections = 0
        self.port = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY))  # fmt: skip
                await writer.drain()
                if self.close_after_one:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


@pytest.fixture(params=[False, True], ids=["kept", "closed-by-server"])
async def server(request: pytest.FixtureRequest) -> AsyncIterator[KeepAliveServer]:
    state = KeepAliveServer(close_after_one=request.param)
    listening = await asyncio.start_server(state.handle, "127.0.0.1", 0)
    state.port = listening.sockets[0].getsockname()[1]
    async with listening:
        yield state


def feed(port: int, n: int) -> FeedState:
    url = f"http://127.0.0.1:{port}/f{n}.xml"
    return FeedState(id=f"f{n}", name=f"Feed {n}", url=url, config_url=url, kind="news",
                     interval=900, enabled=True, status="new")  # fmt: skip


async def test_sequential_fetches_reuse_a_live_connection_and_drop_a_closed_one(
    server: KeepAliveServer,
) -> None:
    async with Fetcher(SETTINGS) as fetcher:
        for n in range(3):
            result = await fetcher.fetch(feed(server.port, n))
            assert result.outcome == "ok" and result.body == BODY, result.error
            await asyncio.sleep(0.05)  # the server's close (if any) reaches us
    assert server.connections == (3 if server.close_after_one else 1)
