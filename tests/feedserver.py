"""A real HTTP server on 127.0.0.1 serving feeds for tests.

Use the ``feed_server`` fixture; bind it in your test module by assignment
(an import would trip ruff's F811 when the test argument reuses the name)::

    from tests import feedserver
    from tests.feedserver import FeedServer

    feed_server = feedserver.feed_server

    def test_x(feed_server: FeedServer) -> None:
        feed_server.set("/rss", body=b"<rss>…</rss>", etag='"v1"')
        url = feed_server.url("/rss")
        ...
        assert feed_server.requests_for("/rss")[0].headers["user-agent"].startswith("policybot")

Per path you can configure: body + content type, ETag / Last-Modified with real
304 handling, any status code and headers (e.g. Retry-After), redirects
(``redirect(path, to, status)``; chain them for 301/302/307/308 chains), gzip or
deflate encoding, a delay before the response, a slow body (``drip`` seconds
between chunks), and huge bodies generated on the fly (``size=``), with or
without Content-Length, so a client's size cap is hit without the server ever
holding the whole body. ``sent(path)`` tells how many body bytes were written
and whether the body was completed; ``requests`` logs method, path and headers.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
# feeds.yaml lines that let a config reach this server (feeds are refused private
# addresses otherwise; see bot/sources/netpolicy.py). Only 127.0.0.1: nothing else local.
ALLOW_LOCAL = "  allow_hosts: [127.0.0.1]\n"
CHUNK = 64 * 1024


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body chunks
    encoding: str | None = None  # "gzip" | "deflate"
    size: int | None = None  # generate a body of this many bytes instead of ``body``
    content_length: bool = True  # False: chunked transfer encoding, no length up front
    drop: bool = False  # close the connection without answering
    # answer only once every party of this barrier is waiting at it (requests in flight
    # together); after 30 s it breaks (``meet.broken``) and the answer goes out anyway
    meet: threading.Barrier | None = None


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names


@dataclass
class Sent:
    bytes: int = 0
    complete: bool = False


class FeedServer:
    """Threaded HTTP/1.1 server on an ephemeral 127.0.0.1 port."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[LoggedRequest] = []
        self._sent: dict[str, Sent] = {}
        self.in_flight = 0
        self.max_in_flight = 0  # most requests being answered at the same time
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    # ------------------------------------------------------------------ configuration

    def set(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str | None = "application/rss+xml; charset=utf-8",
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
        drip: float = 0.0,
        encoding: str | None = None,
        gzip: bool = False,
        size: int | None = None,
        content_length: bool = True,
        drop: bool = False,
        meet: threading.Barrier | None = None,
    ) -> Route:
        """Serve ``path`` (replacing any earlier setting for it)."""
        route = Route(
            body=body.encode("utf-8") if isinstance(body, str) else body,
            status=status,
            headers=dict(headers or {}),
            content_type=content_type,
            etag=etag,
            last_modified=last_modified,
            delay=delay,
            drip=drip,
            encoding="gzip" if gzip else encoding,
            size=size,
            content_length=content_length,
            drop=drop,
            meet=meet,
        )
        with self.lock:
            self.routes[path] = route
        return route

    def set_file(self, path: str, name: str, **options: object) -> Route:
        """Serve tests/fixtures/feeds/<name> at ``path``."""
        return self.set(path, (FIXTURES / name).read_bytes(), **options)  # type: ignore[arg-type]

    def redirect(self, path: str, to: str, status: int = 301) -> Route:
        """Answer ``path`` with ``status`` and Location ``to`` (a path or absolute URL)."""
        return self.set(path, b"", status=status, headers={"Location": to}, content_type=None)

    # ------------------------------------------------------------------ inspection

    def requests_for(self, path: str) -> list[LoggedRequest]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def sent(self, path: str) -> Sent:
        with self.lock:
            return self._sent.get(path, Sent())

    def _record_sent(self, path: str, count: int, complete: bool) -> None:
        with self.lock:
            stats = self._sent.setdefault(path, Sent())
            stats.bytes, stats.complete = count, complete


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        owner = server

    return Handler


class _Handler(BaseHTTPRequestHandler):
    owner: FeedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence
        pass

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        owner = self.owner
        with owner.lock:
            owner.in_flight += 1
            owner.max_in_flight = max(owner.max_in_flight, owner.in_flight)
        try:
            self._answer()
        finally:
            with owner.lock:
                owner.in_flight -= 1

    def _answer(self) -> None:
        owner = self.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        with owner.lock:
            owner.requests.append(LoggedRequest(self.command, self.path, headers))
            route = owner.routes.get(self.path) or owner.routes.get(self.path.split("?")[0])
        if route is not None and route.drop:
            self.close_connection = True
            return
        if route is None:
            self._send(404, {"Content-Type": "text/plain"}, b"not found")
            return
        if route.delay and owner.stopping.wait(route.delay):
            return
        if route.meet is not None:
            with contextlib.suppress(threading.BrokenBarrierError):
                route.meet.wait(timeout=30)
        if _not_modified(route, headers):
            extra = {"ETag": route.etag} if route.etag else {}
            self._send(304, extra, b"")
            return
        out = dict(route.headers)
        if route.content_type:
            out["Content-Type"] = route.content_type
        if route.etag:
            out["ETag"] = route.etag
        if route.last_modified:
            out["Last-Modified"] = route.last_modified
        if route.size is not None:
            self._stream_huge(route, out)
            return
        body = route.body
        if route.encoding and route.encoding in headers.get("accept-encoding", ""):
            body = _encode(body, route.encoding)
            out["Content-Encoding"] = route.encoding
        self._send(route.status, out, body, drip=route.drip)

    def _send(self, status: int, headers: dict[str, str], body: bytes, drip: float = 0.0) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "HEAD" or status in (204, 304):
                return
            if not drip:
                self.wfile.write(body)
                self.owner._record_sent(self.path, len(body), True)
                return
            written = 0
            for start in range(0, len(body), 16):
                if self.owner.stopping.wait(drip):
                    return
                self.wfile.write(body[start : start + 16])
                self.wfile.flush()
                written += len(body[start : start + 16])
                self.owner._record_sent(self.path, written, written == len(body))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _stream_huge(self, route: Route, headers: dict[str, str]) -> None:
        size = route.size or 0
        pattern = (b"<!-- policybot test padding -->\n" * (CHUNK // 32 + 1))[:CHUNK]
        written = 0
        try:
            self.send_response(route.status)
            for name, value in headers.items():
                self.send_header(name, value)
            if route.content_length:
                self.send_header("Content-Length", str(size))
            else:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            while written < size and not self.owner.stopping.is_set():
                piece = pattern[: min(CHUNK, size - written)]
                if route.content_length:
                    self.wfile.write(piece)
                else:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                written += len(piece)
                self.owner._record_sent(self.path, written, False)
            if not route.content_length:
                self.wfile.write(b"0\r\n\r\n")
            self.owner._record_sent(self.path, written, written >= size)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.status != 200:
        return False
    inm = headers.get("if-none-match")
    if inm is not None and route.etag:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or route.etag in tags
    ims = headers.get("if-modified-since")
    if ims and route.last_modified:
        try:
            return parsedate_to_datetime(ims) >= parsedate_to_datetime(route.last_modified)
        except (TypeError, ValueError):
            return False
    return False


def _encode(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip_module.compress(body)
    if encoding == "deflate":
        return zlib.compress(body)
    raise ValueError(f"unknown encoding {encoding!r}")


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer, stopped after the test."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
